import { GENERIC_TICKS } from "./generic/table.js";

/**
 * The TWS errors and notices of level-1 market data, with TWS's texts (reference §9; 10167 as recorded by IB
 * Gateway 1040). Kept here until they join errors-table.ts.
 */
export const MarketDataCode = {
  MAX_TICKERS: 101,
  DUPLICATE_TICKER_ID: 102,
  NO_SECURITY_DEFINITION: 200,
  UNKNOWN_TICKER_ID: 300,
  NOT_SUBSCRIBED: 354,
  DELAYED_DATA: 10167,
} as const;

export const MarketDataText = {
  maxTickers: "Max number of tickers has been reached",
  duplicateTickerId: "Duplicate ticker id",
  noSecurityDefinition: "No security definition has been found for the request",
  unknownTickerId: (reqId: number) => `Can't find EId with tickerId:${reqId}`,
  notSubscribed: (symbol: string) =>
    `Requested market data is not subscribed.Delayed market data is available.${symbol}/TOP/ALL`,
  delayedData: "Requested market data is not subscribed. Displaying delayed market data.",
  /**
   * The cause of the 321 a snapshot with generic ticks gets. Observed from TWS as 321 with this cause (several
   * users' logs, e.g. deephaven-ib and trading bots); the docs' table lists it as code 414 instead.
   */
  snapshotGenericTicks: "Snapshot market data subscription is not applicable to generic ticks",
} as const;

/**
 * The generic tick ids the TWS API documents for reqMktData ("Available Tick Types", and TWS's own legal list).
 * What each delivers, and for which instruments, is in generic/table.ts.
 */
export const LEGAL_GENERIC_TICKS: ReadonlySet<number> = new Set(GENERIC_TICKS.keys());
