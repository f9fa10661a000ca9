/**
 * The TWS errors of market scanners. Sourced: 162 with "API scanner subscription cancelled: <id>" (the cancel
 * acknowledgement IB Gateway 1040 sent in the `scanner_two` recordings), 365 and 385 (the API documentation's
 * message codes), and the "Scanner filter <tag> is disabled." text (sent by IB Gateway 10.50 to a third-party
 * probe, under 162). Assumed, because no source shows them: the texts for too many subscriptions and for an
 * unknown scan code, instrument or location, sent under the same 162 prefix as the scanner's other farm errors.
 */
export const ScannerCode = {
  HMDS_ERROR: 162,
  NO_SUBSCRIPTION: 365,
  DUPLICATE_TICKER_ID: 385,
} as const;

/** The prefix TWS puts before every message of its historical data (and scanner) farm under 162. */
const HMDS = "Historical Market Data Service error message:";

export const ScannerText = {
  cancelled: (reqId: number) => `${HMDS}API scanner subscription cancelled: ${reqId}`,
  noSubscription: (reqId: number) => `No scanner subscription found for ticker id:${reqId}`,
  duplicateTickerId: "Duplicate ticker ID for API scanner subscription.",
  filterDisabled: (tag: string) => `${HMDS}Scanner filter ${tag} is disabled.`,
  tooMany: (max: number) => `${HMDS}Max number of API scanner subscriptions (${max}) has been reached.`,
  unknownScanCode: (code: string) => `${HMDS}Scanner type with code ${code} is not available.`,
  unknownInstrument: (type: string) => `${HMDS}Scanner instrument type '${type}' is not available.`,
  unknownLocation: (code: string, type: string) =>
    `${HMDS}Scanner location '${code}' is not available for instrument type '${type}'.`,
} as const;
