import { HistoryNewsAndScannerRequests } from "./eclient-history-news-scanners.js";

/**
 * EClient: sends requests to TWS / IB Gateway, with the official names and parameter order; replies arrive
 * through the EWrapper given to the constructor. The request methods live in a chain of small classes, one per
 * message family: EClientCore (connection) → SessionAndReferenceRequests → MarketDataRequests →
 * HistoryNewsAndScannerRequests → EClient.
 */
export class EClient extends HistoryNewsAndScannerRequests {}
