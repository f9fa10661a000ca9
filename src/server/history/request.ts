import { zoneOffset } from "../engine/market/calendar.js";

/**
 * The parameters of a REQ_HISTORICAL_DATA as the host understands them: the bar size, the duration, what to show,
 * and the end instant, each checked as TWS checks it. A bad setting gives the TWS error to send instead.
 */

/** The bar sizes TWS accepts (barSizeSetting), with their length in seconds (0: calendar bars). */
export const BAR_SIZES: ReadonlyMap<string, number> = new Map([
  ["1 secs", 1],
  ["5 secs", 5],
  ["10 secs", 10],
  ["15 secs", 15],
  ["30 secs", 30],
  ["1 min", 60],
  ["2 mins", 120],
  ["3 mins", 180],
  ["5 mins", 300],
  ["10 mins", 600],
  ["15 mins", 900],
  ["20 mins", 1200],
  ["30 mins", 1800],
  ["1 hour", 3600],
  ["2 hours", 7200],
  ["3 hours", 10_800],
  ["4 hours", 14_400],
  ["8 hours", 28_800],
  ["1 day", 86_400],
  ["1 week", 7 * 86_400],
  ["1 month", 30 * 86_400],
]);

/** What the host serves bars of. */
export const SERVED_WHAT_TO_SHOW = ["TRADES", "MIDPOINT", "BID", "ASK", "BID_ASK"] as const;
export type WhatToShow = (typeof SERVED_WHAT_TO_SHOW)[number];

/** Other whatToShow values TWS knows: the host has no such data (162, no data). */
const KNOWN_WHAT_TO_SHOW = new Set([
  "ADJUSTED_LAST",
  "HISTORICAL_VOLATILITY",
  "OPTION_IMPLIED_VOLATILITY",
  "REBATE_RATE",
  "FEE_RATE",
  "YIELD_BID",
  "YIELD_ASK",
  "YIELD_BID_ASK",
  "YIELD_LAST",
  "AGGTRADES",
  "SCHEDULE",
]);

/**
 * The largest bar size each duration allows and the smallest (TWS's "valid duration and bar size settings" table):
 * a duration up to `upTo` seconds takes bars from `min` to `max` seconds.
 */
const STEP_TABLE: readonly { upTo: number; min: number; max: number }[] = [
  { upTo: 60, min: 1, max: 60 },
  { upTo: 120, min: 1, max: 120 },
  { upTo: 1800, min: 1, max: 1800 },
  { upTo: 3600, min: 5, max: 3600 },
  { upTo: 14_400, min: 10, max: 10_800 },
  { upTo: 28_800, min: 30, max: 28_800 },
  { upTo: 86_400, min: 60, max: 86_400 },
  { upTo: 2 * 86_400, min: 120, max: 86_400 },
  { upTo: 7 * 86_400, min: 180, max: 7 * 86_400 },
  { upTo: 31 * 86_400, min: 1800, max: 30 * 86_400 },
  { upTo: Number.POSITIVE_INFINITY, min: 86_400, max: 30 * 86_400 },
];

/** A duration: a count of a unit. */
export interface Duration {
  readonly count: number;
  readonly unit: "S" | "D" | "W" | "M" | "Y";
}

/** An error to send instead of bars: code and text. */
export interface HistoryError {
  readonly code: number;
  readonly text: string;
}

export const HMDS_PREFIX = "Historical Market Data Service error message:";

export function hmdsError(text: string): HistoryError {
  return { code: 162, text: `${HMDS_PREFIX}${text}` };
}

export function parseDuration(text: string): Duration | undefined {
  const m = /^\s*(\d+)\s+([SDWMY])\s*$/.exec(text);
  if (!m) return undefined;
  const count = Number(m[1]);
  return count > 0 ? { count, unit: m[2] as Duration["unit"] } : undefined;
}

/**
 * The start of a duration that ends at `end` (epoch ms): seconds exactly, days as trading days (24 h steps that skip
 * weekends, so `1 D` on a Monday reaches back to Friday), weeks as 7 days, months and years by the calendar.
 */
export function durationStart(d: Duration, end: number): number {
  if (d.unit === "S") return end - d.count * 1000;
  if (d.unit === "D") {
    let t = end;
    for (let n = 0; n < d.count; ) {
      t -= 86_400_000;
      const weekday = new Date(t).getUTCDay();
      if (weekday !== 0 && weekday !== 6) n++;
    }
    return t;
  }
  if (d.unit === "W") return end - d.count * 7 * 86_400_000;
  const t = new Date(end);
  if (d.unit === "M") t.setUTCMonth(t.getUTCMonth() - d.count);
  else t.setUTCFullYear(t.getUTCFullYear() - d.count);
  return t.getTime();
}

/** A duration's nominal length in seconds, for the step table. */
export function durationSeconds(d: Duration): number {
  const unit = { S: 1, D: 86_400, W: 7 * 86_400, M: 30 * 86_400, Y: 365 * 86_400 }[d.unit];
  return d.count * unit;
}

/** Whether a bar size fits a duration (TWS's step table); false gives 162. */
export function stepAllowed(barSeconds: number, d: Duration): boolean {
  const seconds = durationSeconds(d);
  const row = STEP_TABLE.find((r) => seconds <= r.upTo)!;
  return barSeconds >= row.min && barSeconds <= row.max;
}

/** A whatToShow the host serves, or the error TWS gives for it. */
export function checkWhatToShow(text: string): WhatToShow | HistoryError {
  const upper = text.toUpperCase();
  if ((SERVED_WHAT_TO_SHOW as readonly string[]).includes(upper)) return upper as WhatToShow;
  if (KNOWN_WHAT_TO_SHOW.has(upper)) return hmdsError(`HMDS query returned no data: ${upper}`);
  return { code: 321, text: `invalid what to show value '${text}'` };
}

/**
 * The instant of an endDateTime: empty is `now`; `yyyyMMdd HH:mm:ss[ zone]` in the zone given (else `defaultZone`);
 * `yyyyMMdd-HH:mm:ss` is UTC. Undefined when it does not read.
 */
export function parseEndDateTime(text: string, now: number, defaultZone: string): number | undefined {
  const t = text.trim();
  if (t === "") return now;
  const m = /^(\d{4})(\d{2})(\d{2})([ -])(\d{2}):(\d{2}):(\d{2})(?:\s+(\S+))?$/.exec(t);
  if (!m) return undefined;
  const local = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[5]), Number(m[6]), Number(m[7]));
  if (m[4] === "-") return m[8] === undefined ? local : undefined;
  const zone = m[8] ?? defaultZone;
  try {
    const first = local - zoneOffset(zone, local);
    return local - zoneOffset(zone, first);
  } catch {
    return undefined;
  }
}
