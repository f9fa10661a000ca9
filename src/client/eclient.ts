import { EClientCore } from "./eclient-core.js";

/**
 * EClient: sends requests to TWS / IB Gateway, with the official names and parameter order; replies arrive
 * through the EWrapper given to the constructor.
 */
export class EClient extends EClientCore {}
