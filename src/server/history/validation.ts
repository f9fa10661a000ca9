import {
  barSeconds,
  type Duration,
  durationSeconds,
  durationStart,
  parseDuration,
  stepFit,
} from "../../protocol/historical-settings.js";
import type { ReqHistoricalDataMessage } from "../../protocol/messages/historical/bars-request.js";
import {
  isTradingDay,
  localDay,
  type MarketEngine,
  type MarketInstrument,
  tradingDay,
} from "../engine/market/index.js";
import { parseDateTime } from "./dates.js";
import {
  DUPLICATE_ID,
  expectedWhatToShow,
  type HistoryError,
  INVALID_BAR_SIZE,
  INVALID_STEP,
  invalid,
  invalidDateTime,
  noData,
  noMarketData,
  SCHEDULE_DAILY_ONLY,
  TIME_LENGTH_EXCEEDED,
} from "./errors.js";
import { hmdsName, type ShowKind, WHAT_TO_SHOW } from "./what-to-show.js";

/** The longest range the simulated host serves in one request: 5 years (see the check below). */
export const MAX_HISTORY_SECONDS = 5 * 365 * 86_400;
const RANGE_TOO_LONG = invalid(
  "Historical data query duration is longer than the simulated host serves (5 Y at most).",
);

/**
 * A REQ_HISTORICAL_DATA checked as TWS checks it, in TWS's order: the request's own fields first (321 and the date
 * error 10314), then the contract (200), then what the historical data service says of the product, the data type
 * and the step (162, 10295, 10299).
 */

/** What a bar request asks for, with its range resolved to instants (epoch ms, [start, end)). */
export interface BarQuery {
  readonly instrument: MarketInstrument;
  /** The period asked for (what HISTORICAL_DATA_END reports). */
  readonly start: number;
  readonly end: number;
  /** The period the bars come from: the asked one, or for a seconds duration outside the hours, the last session's. */
  readonly from: number;
  readonly to: number;
  readonly barSeconds: number;
  readonly what: string;
  readonly kind: ShowKind;
  readonly useRTH: boolean;
  readonly formatDate: number;
  /** The instrument's time zone: bar dates and the period are written in it. */
  readonly zone: string;
}

/** What validation needs of the host. */
export interface ValidationHost {
  readonly engine: MarketEngine;
  readonly now: number;
  /** The zone of a date-time without one (the host's, as TWS reads it in the user's). */
  readonly zone: string;
  /** Whether this client has a keepUpToDate request of this id running. */
  readonly live: (reqId: number) => boolean;
}

export function validateBars(m: ReqHistoricalDataMessage, host: ValidationHost): BarQuery | HistoryError {
  const bar = barSeconds(m.barSizeSetting);
  if (bar === undefined) return INVALID_BAR_SIZE;
  const duration = parseDuration(m.durationStr);
  if (!duration)
    return invalid(`Historical data query duration [${m.durationStr}] is invalid. Format is '<n> S|D|W|M|Y'.`);
  const what = m.whatToShow.trim().toUpperCase();
  const rule = WHAT_TO_SHOW.get(what);
  if (!rule) return invalid(`Historical data query whatToShow [${m.whatToShow}] is invalid.`);
  if (![1, 2, 3].includes(m.formatDate))
    return invalid(`Historical data query formatDate [${m.formatDate}] is invalid.`);
  const endText = m.endDateTime.trim();
  if (m.keepUpToDate && endText !== "") return invalid("End date not supported with live updates");
  if (m.keepUpToDate && !rule.live)
    return invalid(`keepUpToDate is not supported for ${what}: use TRADES, MIDPOINT, BID or ASK`);
  if (what === "ADJUSTED_LAST" && endText !== "") return invalid("End date not supported with ADJUSTED_LAST");
  const end = parseDateTime(endText, host.now, host.zone);
  if (end === undefined) return invalidDateTime("End Date/Time");
  if (m.keepUpToDate && host.live(m.reqId)) return DUPLICATE_ID;
  const instrument = host.engine.instrumentOf(m.contract);
  if (!instrument) return { code: 200, text: "No security definition has been found for the request" };
  const daily = bar >= 86_400;
  if (instrument.secType === "CRYPTO" && what === "TRADES") return expectedWhatToShow("AGGTRADES", "TRADES");
  if (!rule.secTypes.has(instrument.secType)) {
    return noMarketData(instrument.symbol, instrument.secType, instrument.exchange, hmdsName(what), daily);
  }
  if (rule.kind === "schedule" && bar !== 86_400) return SCHEDULE_DAILY_ONLY;
  // The simulated market has no yield curve: a bond's yields are data TWS would have and the host has not.
  if (rule.kind === "yield") return noData(`${instrument.symbol}@${instrument.exchange} ${what}`);
  // The host walks every trading second of a range once: one request may not hold the event loop (and every other
  // client) for long. Assumed limit, not TWS's (which answers up to its data's start).
  if (durationSeconds(duration) > MAX_HISTORY_SECONDS) return RANGE_TOO_LONG;
  const fit = stepFit(bar, duration);
  if (fit === "too-small") return TIME_LENGTH_EXCEEDED;
  if (fit === "too-large") return INVALID_STEP;
  const start = durationStart(duration, end);
  const useRTH = m.useRTH !== 0;
  const zone = host.engine.hours(instrument).timeZone;
  const [from, to] = sourceRange(host.engine, instrument, duration, start, end, useRTH);
  return {
    instrument,
    start,
    end,
    from,
    to,
    barSeconds: bar,
    what,
    kind: rule.kind,
    useRTH,
    formatDate: m.formatDate,
    zone,
  };
}

/**
 * A seconds duration ending outside the instrument's hours reaches back from the last session's close instead
 * (recorded: `1800 S` of 1 min bars asked on a Saturday at 15:46 answers Friday's 19:30 to 19:59 bars, while
 * HISTORICAL_DATA_END still gives the period asked for). Longer durations cover whole days and need no shift.
 */
function sourceRange(
  engine: MarketEngine,
  instrument: MarketInstrument,
  d: Duration,
  start: number,
  end: number,
  rth: boolean,
): [number, number] {
  if (d.unit !== "S") return [start, end];
  const hours = engine.hours(instrument);
  // From tomorrow back: an overnight session of tomorrow (forex, futures) may already hold `end`.
  for (let day = localDay(hours.timeZone, end) + 1, n = 0; n < 9; day--, n++) {
    const t = tradingDay(hours, day);
    if (!isTradingDay(t)) continue;
    const open = rth ? t.liquidOpen : t.open;
    const close = rth ? t.liquidClose : t.close;
    if (end > open && end <= close) return [start, end];
    if (close < end) return [close - (end - start), close];
  }
  return [start, end];
}
