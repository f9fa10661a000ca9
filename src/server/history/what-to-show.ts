/**
 * What REQ_HISTORICAL_DATA can show, per security type: the "Supported Products" of each whatToShow page of the
 * TWS API docs (21.04.01–21.04.15), products mapped to secTypes (Stocks and ETFs STK, Options OPT, FOPs FOP,
 * Futures and SSFs FUT, Forex CASH, Indices IND, Bonds BOND, CFDs CFD, Cryptocurrencies CRYPTO, Funds FUND, Metals
 * and Commodities CMDTY, Warrants WAR, Structured Products IOPT).
 */

/** How the host makes the bars of a whatToShow. */
export type ShowKind = "trades" | "quotes" | "level" | "yield" | "schedule";

export interface WhatToShowRule {
  readonly kind: ShowKind;
  readonly secTypes: ReadonlySet<string>;
  /** keepUpToDate is only for TRADES, MIDPOINT, BID and ASK (docs 21.03.01, 21.03.07). */
  readonly live: boolean;
}

const set = (...xs: string[]) => new Set(xs);
/** TRADES: no forex, CFDs, crypto (AGGTRADES instead) or funds. */
const TRADED = set("STK", "OPT", "FOP", "FUT", "IND", "BOND", "CMDTY", "WAR", "IOPT");
/** Quotes: every product but indices, which have no bid or ask. */
const QUOTED = set("STK", "OPT", "FOP", "FUT", "CASH", "BOND", "CFD", "CRYPTO", "FUND", "CMDTY", "WAR", "IOPT");

export const WHAT_TO_SHOW: ReadonlyMap<string, WhatToShowRule> = new Map<string, WhatToShowRule>([
  ["TRADES", { kind: "trades", secTypes: TRADED, live: true }],
  ["MIDPOINT", { kind: "quotes", secTypes: QUOTED, live: true }],
  ["BID", { kind: "quotes", secTypes: QUOTED, live: true }],
  ["ASK", { kind: "quotes", secTypes: QUOTED, live: true }],
  ["BID_ASK", { kind: "quotes", secTypes: QUOTED, live: false }],
  // Adjusted for splits and dividends: the simulated market has neither, so these are the TRADES bars.
  ["ADJUSTED_LAST", { kind: "trades", secTypes: set("STK", "OPT"), live: false }],
  ["AGGTRADES", { kind: "trades", secTypes: set("CRYPTO"), live: false }],
  ["HISTORICAL_VOLATILITY", { kind: "level", secTypes: set("STK", "IND"), live: false }],
  ["OPTION_IMPLIED_VOLATILITY", { kind: "level", secTypes: set("STK", "IND"), live: false }],
  ["FEE_RATE", { kind: "level", secTypes: set("STK"), live: false }],
  // The docs' product line says Indices, their note says corporate bonds only: the note is taken.
  ["YIELD_BID", { kind: "yield", secTypes: set("BOND"), live: false }],
  ["YIELD_ASK", { kind: "yield", secTypes: set("BOND"), live: false }],
  ["YIELD_BID_ASK", { kind: "yield", secTypes: set("BOND"), live: false }],
  ["YIELD_LAST", { kind: "yield", secTypes: set("BOND"), live: false }],
  // Every product but options and FOPs.
  [
    "SCHEDULE",
    { kind: "schedule", secTypes: set(...[...QUOTED, "IND"].filter((t) => t !== "OPT" && t !== "FOP")), live: false },
  ],
]);

/** The names TWS's HMDS gives the data types in its "No historical market data for ..." text. */
const HMDS_NAMES: Record<string, string> = {
  TRADES: "Last",
  MIDPOINT: "Midpoint",
  BID: "Bid",
  ASK: "Ask",
  BID_ASK: "BidAsk",
};

/** The HMDS name of a whatToShow (TRADES is `Last`, as recorded by users; the others are assumed). */
export function hmdsName(what: string): string {
  return HMDS_NAMES[what] ?? what;
}
