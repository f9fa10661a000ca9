import { AdvisorAndMoreRequests } from "./eclient-advisor-and-more.js";

/**
 * EClient: sends requests to TWS / IB Gateway, with the official names and parameter order; replies arrive
 * through the EWrapper given to the constructor. The request methods live in a chain of small classes, one per
 * group of message families: EClientCore (connection) → SessionAndReferenceRequests → MarketDataRequests →
 * HistoryNewsAndScannerRequests → OrderAndAccountRequests → AdvisorAndMoreRequests → EClient.
 */
export class EClient extends AdvisorAndMoreRequests {}
