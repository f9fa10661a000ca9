import type { Contract } from "../../../protocol/models/contract.js";

/**
 * What the market engine needs to know of an instrument. The shipped universe (src/server/engine/reference/)
 * provides these for every contract it knows; until it is joined, {@link BUILTIN_MARKET_INSTRUMENTS} stand in.
 */
export interface MarketInstrument {
  readonly symbol: string;
  readonly secType: string;
  readonly currency: string;
  /** The exchange a SMART request routes to, for TICK_REQ_PARAMS's bboExchange (empty when none). */
  readonly exchange: string;
  readonly conId: number;
  /** The price increment; every price the engine makes is a whole multiple of it. */
  readonly minTick: number;
  /** The level prices move around (the process is anchored to it each segment). */
  readonly referencePrice: number;
  /** Annualised volatility of the price process (default 0.25). */
  readonly volatility?: number;
  /** The size unit of quotes and trades (default 100 for stocks, 1 otherwise). */
  readonly lotSize?: number;
  /** The instrument's time zone and regular session, `HHMM-HHMM` (default US/Eastern 0930-1600). */
  readonly timeZone?: string;
  readonly liquidHours?: string;
  /** The whole trading day, `HHMM-HHMM` (default 0400-2000 for stocks, the liquid hours otherwise). */
  readonly tradingHours?: string;
  /** The SMART components code TWS sends in TICK_REQ_PARAMS (recorded `9c0001` for AAPL). */
  readonly bboExchange?: string;
}

/** Finds the instrument a request's contract names; undefined when none (the request then gets 200). */
export type InstrumentResolver = (contract: Contract) => MarketInstrument | undefined;

const stock = (symbol: string, conId: number, referencePrice: number, bboExchange: string): MarketInstrument => ({
  symbol,
  secType: "STK",
  currency: "USD",
  exchange: "SMART",
  conId,
  minTick: 0.01,
  referencePrice,
  bboExchange,
});

/** A handful of test instruments (real conIds, recorded bboExchange codes and price levels of September 2026). */
export const BUILTIN_MARKET_INSTRUMENTS: readonly MarketInstrument[] = [
  stock("AAPL", 265598, 340.5, "9c0001"),
  stock("SPY", 756733, 768.25, "a60001"),
  stock("QQQ", 320227571, 740.8, "9c0001"),
  stock("MSFT", 272093, 512.3, "9c0001"),
  stock("IBM", 8314, 281.4, "a60001"),
  {
    symbol: "EUR",
    secType: "CASH",
    currency: "USD",
    exchange: "IDEALPRO",
    conId: 12087792,
    minTick: 0.00005,
    referencePrice: 1.1725,
    volatility: 0.07,
    lotSize: 1000,
    timeZone: "US/Eastern",
    liquidHours: "0000-2400",
    tradingHours: "0000-2400",
  },
];

const same = (a: string | undefined, b: string) => a === undefined || a === "" || a.toUpperCase() === b;

/**
 * A resolver over a list: by conId when the contract has one, else by symbol (or localSymbol), secType and
 * currency, each compared only when given.
 */
export function listResolver(instruments: readonly MarketInstrument[]): InstrumentResolver {
  return (c) => {
    if (c.conId !== undefined && c.conId > 0) return instruments.find((i) => i.conId === c.conId);
    const symbol = (c.symbol || c.localSymbol || "").toUpperCase();
    if (!symbol) return undefined;
    return instruments.find(
      (i) =>
        (i.symbol === symbol || `${i.symbol}.${i.currency}` === symbol) &&
        same(c.secType, i.secType) &&
        same(c.currency, i.currency),
    );
  };
}
