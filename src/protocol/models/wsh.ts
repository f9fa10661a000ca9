/**
 * Wall Street Horizon (WSH) corporate-event calendar: the event-data query of `reqWshEventData`, as the
 * official `WshEventData` class (`common.py`) has it.
 */

/**
 * What REQ_WSH_EVENT_DATA asks for: either the events of one contract (`conId`) or those matching a JSON
 * `filter` (the format the WSH meta data describes), optionally widened to the watchlist, portfolio and
 * competitors, and bounded by dates and a count.
 *
 * Decoded requests carry every field: the official defaults stand in for what the wire did not carry
 * (`""`, `false`, and `undefined` for the two ints, whose official default is UNSET_INTEGER).
 */
export interface WshEventData {
  /** The contract whose events are wanted; unset (undefined) when a `filter` is used instead. */
  conId?: number | undefined;
  /** JSON filter, e.g. `{"watchlist":["8314"]}` (MIN_SERVER_VER_WSH_EVENT_DATA_FILTERS, 171). */
  filter?: string;
  /** Add the events of the watchlist's contracts (171). */
  fillWatchlist?: boolean;
  /** Add the events of the portfolio's contracts (171). */
  fillPortfolio?: boolean;
  /** Add the events of the contract's competitors (171). */
  fillCompetitors?: boolean;
  /** First day, `yyyyMMdd` (MIN_SERVER_VER_WSH_EVENT_DATA_FILTERS_DATE, 173). */
  startDate?: string;
  /** Last day, `yyyyMMdd` (173). */
  endDate?: string;
  /** At most this many events (173); unset (undefined) for no limit. */
  totalLimit?: number | undefined;
}

/** A {@link WshEventData} with every field present: the official defaults where `d` leaves one out. */
export function wshEventDataWithDefaults(d: WshEventData): WshEventData {
  return {
    conId: d.conId,
    filter: d.filter ?? "",
    fillWatchlist: d.fillWatchlist ?? false,
    fillPortfolio: d.fillPortfolio ?? false,
    fillCompetitors: d.fillCompetitors ?? false,
    startDate: d.startDate ?? "",
    endDate: d.endDate ?? "",
    totalLimit: d.totalLimit,
  };
}
