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
} as const;

/**
 * The generic tick ids the TWS API documents for reqMktData ("Available Tick Types"). Those the host computes are
 * in `ticks.ts`; the others are accepted and deliver nothing yet.
 */
export const LEGAL_GENERIC_TICKS: ReadonlySet<number> = new Set([
  100, 101, 104, 105, 106, 162, 165, 221, 225, 232, 233, 236, 258, 291, 292, 293, 294, 295, 318, 375, 411, 456, 460,
  576, 577, 588, 595, 619,
]);
