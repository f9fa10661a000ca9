/**
 * The errors of historical data requests, with where each text comes from. 162 texts carry TWS's HMDS prefix.
 * Sourced: the prefix, "Historical data request pacing violation", "API historical data query cancelled: <id>",
 * 366 "No historical data query found for ticker id:<id>" (recordings gw1040), "HMDS query returned no data",
 * "Time length exceed max." (users' reports), the 321 bar size text and "End date not supported with live updates"
 * (users' reports of TWS's words), 10299 and 10295 (docs, API error codes), "No historical market data for
 * EUR/CASH@IDEALPRO Last 0" (users' reports: the trailing field is `1d` for daily requests). Assumed (no TWS text
 * found): the duration, formatDate, ADJUSTED_LAST, keepUpToDate and historical ticks texts, and "invalid step" as
 * the answer to a bar longer than its duration allows.
 */

/** An error to send instead of data. */
export interface HistoryError {
  readonly code: number;
  readonly text: string;
  /** A 321: sent in TWS's `Error validating request.-'<request>' : cause - <text>` shape. */
  readonly validation?: boolean;
}

export const HMDS_PREFIX = "Historical Market Data Service error message:";

/** A 162 with the HMDS prefix. */
export function hmdsError(text: string): HistoryError {
  return { code: 162, text: `${HMDS_PREFIX}${text}` };
}

/** A 321 cause. */
export function invalid(text: string): HistoryError {
  return { code: 321, text, validation: true };
}

export const PACING_VIOLATION = hmdsError("Historical data request pacing violation");

export const INVALID_BAR_SIZE = invalid(
  "Historical data bar size setting is invalid. Legal ones are: 1 secs, 5 secs, 10 secs, 15 secs, 30 secs, 1 min, " +
    "2 mins, 3 mins, 5 mins, 10 mins, 15 mins, 20 mins, 30 mins, 1 hour, 2 hours, 3 hours, 4 hours, 8 hours, 1 day, " +
    "1W, 1M",
);

export const TIME_LENGTH_EXCEEDED = hmdsError("Time length exceed max.");

export const INVALID_STEP = hmdsError("invalid step");

/** 10314, TWS 10's answer to an end (or start) date-time it cannot read. */
export function invalidDateTime(what: string): HistoryError {
  return {
    code: 10314,
    text:
      `${what}: The date, time, or time-zone entered is invalid. The correct format is yyyymmdd hh:mm:ss xx/xxxx ` +
      "where yyyymmdd and xx/xxxx are optional. E.g.: 20031126 15:59:00 US/Eastern  Note that there is a space " +
      "between the date and time, and between the time and time-zone.  If no date is specified, current date is " +
      "assumed. If no time-zone is specified, local time-zone is assumed(deprecated).  You can also provide " +
      "yyyymmddd-hh:mm:ss time is in UTC. Note that there is a dash between the date and time in UTC notation.",
  };
}

export function noData(what: string): HistoryError {
  return hmdsError(`HMDS query returned no data: ${what}`);
}

/** 162 for a data type the product does not have (TRADES of a forex pair, quotes of an index). */
export function noMarketData(symbol: string, secType: string, exchange: string, kind: string, daily: boolean) {
  return hmdsError(`No historical market data for ${symbol}/${secType}@${exchange} ${kind} ${daily ? "1d" : "0"}`);
}

/** 10299: crypto trades are AGGTRADES. */
export function expectedWhatToShow(expected: string, got: string): HistoryError {
  return { code: 10299, text: `Expected what to show is ${expected}, please use that instead of ${got}.` };
}

export const SCHEDULE_DAILY_ONLY: HistoryError = {
  code: 10295,
  text: "Only daily resolution supported for Schedule requests",
};

export function cancelled(reqId: number): HistoryError {
  return hmdsError(`API historical data query cancelled: ${reqId}`);
}

export function noQuery(reqId: number): HistoryError {
  return { code: 366, text: `No historical data query found for ticker id:${reqId}` };
}

/** 386 (docs, API error codes): a keepUpToDate request of the same id is still running. */
export const DUPLICATE_ID: HistoryError = { code: 386, text: "Duplicate ticker ID for API historical data query." };
