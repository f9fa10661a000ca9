import { CliError, EXIT_CODES, type ExitCode } from "../exit-codes.js";

/**
 * How `tws` treats the errors TWS (and our client) report, by code. Codes and meanings from
 * ../shared/protocol/README.md §9–§10: 2100–2199 and 1100–1102 are notices, not failures; the rest fail the request
 * they name (or the session, for connection errors) with one of the documented exit codes.
 */

/** One ERR_MSG (or client-side error) as the wrapper's `error` callback receives it. */
export interface TwsError {
  readonly reqId: number;
  readonly code: number;
  readonly text: string;
}

/** TWS's "no security definition" (also sent for an ambiguous contract). */
export const NO_SECURITY_DEFINITION = 200;
/** Displaying delayed market data: an advisory when delayed data was asked for (ticks follow). */
export const DELAYED_DATA_NOTICE = 10167;

/** Codes that fail a request because TWS refused it: permissions, subscriptions, pacing, validation. */
const REJECTED: ReadonlySet<number> = new Set([
  100, // max rate of messages per second exceeded
  101, // max number of tickers (market data lines)
  162, // historical data service: pacing violation, invalid step, no data
  203, // security not available for this account
  309, // max market depth subscriptions
  321, // error validating the request (also read-only mode)
  354, // market data not subscribed
  420, // invalid real-time query (pacing)
  DELAYED_DATA_NOTICE, // not subscribed (an advisory only when delayed data was asked for)
  10089, // needs an additional subscription for the API
  10090, // part of the market data is not subscribed
  10091, // the subscription does not extend to API use
  10168, // not subscribed, delayed data not enabled
  10186, // not subscribed, delayed data not enabled
  10187, // historical ticks: no permission
  10189, // tick-by-tick: invalid real-time query
  10190, // max tick-by-tick requests
  10197, // no market data during a competing session
]);

/** Codes that mean the session could not be set up or was lost. */
const CONNECTION: ReadonlySet<number> = new Set([326, 502, 504, 506, 507, 509, 1300]);

/** Notices: shown with --verbose, never a failure (2100–2199, 1101–1102 and a few market data advisories). */
export function isNotice(code: number): boolean {
  return (code >= 2100 && code <= 2199) || code === 1101 || code === 1102 || code === 165;
}

/** Whether an error ends the whole session rather than one request. */
export function isConnectionError(code: number): boolean {
  return CONNECTION.has(code);
}

/** The exit code for a TWS error: 3 unknown contract, 4 rejected, 2 connection, 5 anything else. */
export function exitCodeOf(code: number): ExitCode {
  if (code === NO_SECURITY_DEFINITION) return EXIT_CODES.notFound;
  if (REJECTED.has(code)) return EXIT_CODES.rejected;
  if (CONNECTION.has(code)) return EXIT_CODES.cannotConnect;
  return EXIT_CODES.error;
}

/** What to do about an error, beyond TWS's own text. */
function hint(code: number, text: string): string {
  if (code === NO_SECURITY_DEFINITION)
    return "check the symbol, --sec-type, --exchange and --currency ('tws contract SYMBOL' lists what matches)";
  if (code === 162 && /pacing/i.test(text))
    return "TWS allows no identical request within 15 s, 6 per contract within 2 s and 60 per 10 minutes: wait and retry";
  if (code === 100) return "more than 50 requests per second reached TWS: wait and retry";
  if ([354, 10089, 10090, 10091, 10168, 10186].includes(code))
    return "no market data subscription for this contract: subscribe in Client Portal, or add --delayed for delayed data";
  if (code === DELAYED_DATA_NOTICE) return "add --delayed to accept delayed data";
  if (code === 321 && /read-only/i.test(text))
    return "the API is read-only: untick 'Read-Only API' in TWS's API settings";
  if (code === 326) return "another application uses this client id: pick another with --client-id";
  if (code === 10197) return "TWS or another login is using this market data session";
  return "";
}

/** A CliError for a TWS error; `about` names what was asked (`AAPL quote`, `bars for ES`). */
export function twsCliError(error: TwsError, about: string): CliError {
  const fix = hint(error.code, error.text);
  const message = `${about}: ${error.text.trim()} (TWS error ${error.code})${fix ? `; ${fix}` : ""}`;
  return new CliError(message, exitCodeOf(error.code));
}
