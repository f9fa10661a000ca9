/**
 * Market depth (order book) models: the row operations and sides of MARKET_DEPTH / MARKET_DEPTH_L2, and the
 * description of a depth venue that MKT_DEPTH_EXCHANGES lists.
 */

/** What a depth row update does to the book (`operation` of updateMktDepth / updateMktDepthL2). */
export const DepthOperation = {
  /** A new row is inserted at `position`; the rows below move down. */
  INSERT: 0,
  /** The row at `position` changes price and/or size. */
  UPDATE: 1,
  /** The row at `position` is removed; the rows below move up. */
  DELETE: 2,
} as const;
export type DepthOperation = (typeof DepthOperation)[keyof typeof DepthOperation];

/** Which side of the book a depth row belongs to (`side` of updateMktDepth / updateMktDepthL2). */
export const DepthSide = {
  ASK: 0,
  BID: 1,
} as const;
export type DepthSide = (typeof DepthSide)[keyof typeof DepthSide];

/**
 * One venue that offers market depth, as the official `DepthMktDataDescription` has it (the argument list of
 * `mktDepthExchanges`). Strings are empty and `aggGroup` undefined when TWS did not send them — which is always
 * the case for `listingExch`, `serviceDataType` and `aggGroup` below server version 120 (SERVICE_DATA_TYPE).
 */
export interface DepthMktDataDescription {
  /** The exchange, e.g. `NYSE`, `ISLAND`, `ARCA`. */
  exchange: string;
  /** The security type the venue offers depth for (STK, OPT, FUT, ...). */
  secType: string;
  /** The listing exchange the depth is for, when the venue is aggregated per listing. */
  listingExch: string;
  /** `Deep` (level-1 style book) or `Deep2` (market-maker level-2 book). */
  serviceDataType: string;
  /** The aggregation group of the venue; undefined when unset. */
  aggGroup: number | undefined;
}
