import { TickType } from "../../../protocol/models/tick-type.js";

/**
 * The generic ticks of reqMktData ("Available Tick Types", TWS API docs 22.09; the legal list TWS prints in its 321
 * "Incorrect generic tick list" error): each id, the tick types it delivers, and which instruments the host
 * delivers them for. `none` names ids TWS accepts that deliver nothing here, and why (docs/decisions/0008).
 */
export interface GenericTickSpec {
  readonly ticks: readonly number[];
  /** Who gets them: secTypes, `chain` (stocks with an option chain), `etf`, `index-with-futures`, or `any`. */
  readonly for: string;
  /** Why the host sends nothing for it, when it never does. */
  readonly none?: string;
}

const T = TickType;

export const GENERIC_TICKS: ReadonlyMap<number, GenericTickSpec> = new Map<number, GenericTickSpec>([
  [100, { ticks: [T.OPTION_CALL_VOLUME, T.OPTION_PUT_VOLUME], for: "chain, OPT" }],
  [101, { ticks: [T.OPTION_CALL_OPEN_INTEREST, T.OPTION_PUT_OPEN_INTEREST], for: "chain, OPT" }],
  [104, { ticks: [T.OPTION_HISTORICAL_VOL], for: "STK, IND" }],
  [105, { ticks: [T.AVG_OPT_VOLUME], for: "chain" }],
  [106, { ticks: [T.OPTION_IMPLIED_VOL], for: "STK, IND" }],
  [162, { ticks: [T.INDEX_FUTURE_PREMIUM], for: "index-with-futures" }],
  [
    165,
    {
      ticks: [
        T.LOW_13_WEEK,
        T.HIGH_13_WEEK,
        T.LOW_26_WEEK,
        T.HIGH_26_WEEK,
        T.LOW_52_WEEK,
        T.HIGH_52_WEEK,
        T.AVG_VOLUME,
      ],
      for: "STK",
    },
  ],
  [221, { ticks: [T.CREDITMAN_MARK_PRICE], for: "any" }],
  [
    225,
    {
      ticks: [T.AUCTION_VOLUME, T.AUCTION_PRICE, T.AUCTION_IMBALANCE, T.REGULATORY_IMBALANCE],
      for: "",
      none: "the engine has no opening or closing auction and no order imbalance to report",
    },
  ],
  [232, { ticks: [T.MARK_PRICE], for: "any" }],
  [233, { ticks: [T.RT_VOLUME], for: "any" }],
  [236, { ticks: [T.SHORTABLE, T.SHORTABLE_SHARES], for: "STK" }],
  [258, { ticks: [T.FUNDAMENTAL_RATIOS], for: "STK" }],
  [291, { ticks: [], for: "", none: "not in the docs' table; TWS lists it as 'ivclose' without a tick type" }],
  [
    292,
    {
      ticks: [T.NEWS_TICK],
      for: "",
      none: "headlines come as TICK_NEWS from the news desk (news/news-ticks.ts), not from this table",
    },
  ],
  [293, { ticks: [T.TRADE_COUNT], for: "any" }],
  [294, { ticks: [T.TRADE_RATE], for: "any" }],
  [295, { ticks: [T.VOLUME_RATE], for: "any" }],
  [318, { ticks: [T.LAST_RTH_TRADE], for: "STK" }],
  [375, { ticks: [T.RT_TRD_VOLUME], for: "any" }],
  [411, { ticks: [T.RT_HISTORICAL_VOL], for: "STK, IND" }],
  [456, { ticks: [T.IB_DIVIDENDS], for: "STK" }],
  [460, { ticks: [T.BOND_FACTOR_MULTIPLIER], for: "", none: "the universe has no bonds" }],
  [576, { ticks: [T.ETF_NAV_BID, T.ETF_NAV_ASK], for: "etf" }],
  [577, { ticks: [T.ETF_NAV_LAST], for: "etf" }],
  [578, { ticks: [T.ETF_NAV_CLOSE, T.ETF_NAV_PRIOR_CLOSE], for: "etf" }],
  [586, { ticks: [T.ESTIMATED_IPO_MIDPOINT, T.FINAL_IPO_LAST], for: "", none: "the universe has no IPOs" }],
  [588, { ticks: [T.FUTURES_OPEN_INTEREST], for: "FUT" }],
  [595, { ticks: [T.SHORT_TERM_VOLUME_3_MIN, T.SHORT_TERM_VOLUME_5_MIN, T.SHORT_TERM_VOLUME_10_MIN], for: "STK" }],
  [614, { ticks: [T.ETF_NAV_HIGH, T.ETF_NAV_LOW], for: "etf" }],
  [619, { ticks: [T.CREDITMAN_SLOW_MARK_PRICE], for: "any" }],
  [623, { ticks: [T.ETF_FROZEN_NAV_LAST], for: "etf" }],
]);
