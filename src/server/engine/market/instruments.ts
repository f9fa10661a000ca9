import type { Contract } from "../../../protocol/models/contract.js";

/**
 * What the market engine needs to know of an instrument. The host makes one for every contract of its universe
 * (universe-instruments.ts); a host may resolve contracts its own way (`market.resolve`, e.g. {@link listResolver}).
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
  /** Trades on weekends too (crypto). */
  readonly everyDay?: boolean;
  /** Futures and options: priced from their underlying rather than by a process of their own. */
  readonly derivative?: DerivativeTerms;
}

/** How a future or an option derives from its underlying. */
export interface DerivativeTerms {
  readonly underlying: MarketInstrument;
  /** The instant it stops trading (its last trade date's close), epoch ms. */
  readonly expiry: number;
  readonly multiplier: number;
  /** The underlying's continuous yield (dividends), for futures' carry and option models. */
  readonly yield: number;
  /** Options only. */
  readonly option?: { readonly right: "C" | "P"; readonly strike: number };
}

/** Finds the instrument a request's contract names; undefined when none (the request then gets 200). */
export type InstrumentResolver = (contract: Contract) => MarketInstrument | undefined;

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
