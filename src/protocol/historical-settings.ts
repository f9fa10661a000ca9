/**
 * The bar sizes and durations of REQ_HISTORICAL_DATA and how they fit together (TWS API docs, "Historical Bar
 * Sizes", "Duration", "Step Sizes", and the older "Valid Duration String / Bar Size" table of the same docs): TWS's
 * rules, shared by the simulated host (which enforces them) and the command line (which splits long ranges by them).
 */

const DAY = 86_400;

/** The bar sizes TWS accepts, with their length in seconds (a day and more: calendar bars). */
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
  ["1 day", DAY],
  ["1 week", 7 * DAY],
  ["1 month", 30 * DAY],
]);

/** TWS's own spellings of the two longest sizes (its 321 text lists them as legal: `1W`, `1M`). */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ["1W", "1 week"],
  ["1M", "1 month"],
]);

/** The length in seconds of a barSizeSetting, or undefined when TWS does not know it. */
export function barSeconds(setting: string): number | undefined {
  const t = setting.trim();
  return BAR_SIZES.get(ALIASES.get(t) ?? t);
}

/** A duration: a count of a unit. */
export interface Duration {
  readonly count: number;
  readonly unit: "S" | "D" | "W" | "M" | "Y";
}

export function parseDuration(text: string): Duration | undefined {
  const m = /^\s*(\d+)\s+([SDWMY])\s*$/.exec(text);
  if (!m) return undefined;
  const count = Number(m[1]);
  return count > 0 ? { count, unit: m[2] as Duration["unit"] } : undefined;
}

/**
 * The start of a duration that ends at `end` (epoch ms): seconds exactly, days as trading days (24 h steps that skip
 * weekends, so `1 D` on a Monday reaches back to Friday), weeks as 7 days, months and years by the calendar
 * (recorded: `1 M` ending 20261002 04:57:41 starts 20260902 04:57:41).
 */
export function durationStart(d: Duration, end: number): number {
  if (d.unit === "S") return end - d.count * 1000;
  if (d.unit === "D") {
    let t = end;
    for (let n = 0; n < d.count; ) {
      t -= DAY * 1000;
      const weekday = new Date(t).getUTCDay();
      if (weekday !== 0 && weekday !== 6) n++;
    }
    return t;
  }
  if (d.unit === "W") return end - d.count * 7 * DAY * 1000;
  const t = new Date(end);
  if (d.unit === "M") t.setUTCMonth(t.getUTCMonth() - d.count);
  else t.setUTCFullYear(t.getUTCFullYear() - d.count);
  return t.getTime();
}

/** A duration's nominal length in seconds, for the step table. */
export function durationSeconds(d: Duration): number {
  const unit = { S: 1, D: DAY, W: 7 * DAY, M: 30 * DAY, Y: 365 * DAY }[d.unit];
  return d.count * unit;
}

/**
 * The smallest and largest bar each duration allows (the docs' table of valid duration and bar size settings:
 * 60 S → 1 secs..1 min, 120 S → ..2 mins, 1800 S → ..30 mins, 3600 S → 5 secs..1 hour, 14400 S → 10 secs..3 hours,
 * 28800 S → 30 secs..8 hours, 1 D → 1 min..1 day, 2 D → 2 mins..1 day, 1 W → 3 mins..1 week, 1 M → 30 mins..1
 * month, 1 Y → 1 day..1 month); a duration takes the row of the smallest listed duration at least as long.
 */
const STEP_TABLE: readonly { upTo: number; min: number; max: number }[] = [
  { upTo: 60, min: 1, max: 60 },
  { upTo: 120, min: 1, max: 120 },
  { upTo: 1800, min: 1, max: 1800 },
  { upTo: 3600, min: 5, max: 3600 },
  { upTo: 14_400, min: 10, max: 10_800 },
  { upTo: 28_800, min: 30, max: 28_800 },
  { upTo: DAY, min: 60, max: DAY },
  { upTo: 2 * DAY, min: 120, max: DAY },
  { upTo: 7 * DAY, min: 180, max: 7 * DAY },
  { upTo: 31 * DAY, min: 1800, max: 30 * DAY },
  { upTo: Number.POSITIVE_INFINITY, min: DAY, max: 30 * DAY },
];

/** How a bar size fits a duration: `ok`, `too-small` (too many bars) or `too-large` (a bar longer than allowed). */
export function stepFit(bar: number, d: Duration): "ok" | "too-small" | "too-large" {
  const seconds = durationSeconds(d);
  const row = STEP_TABLE.find((r) => seconds <= r.upTo)!;
  return bar < row.min ? "too-small" : bar > row.max ? "too-large" : "ok";
}

/**
 * The longest duration one request may carry for a bar size (the step table read the other way): 1 secs → 1800 S,
 * 5 secs → 3600 S, 10–15 secs → 14400 S, 30 secs → 28800 S, 1 min → 1 D, 2 mins → 2 D, 3–20 mins → 1 W,
 * 30 mins to 8 hours → 1 M; daily and longer bars have no limit (undefined).
 */
export function longestRequest(barSeconds: number): Duration | undefined {
  if (barSeconds < 5) return { count: 1800, unit: "S" };
  if (barSeconds < 10) return { count: 3600, unit: "S" };
  if (barSeconds < 30) return { count: 14_400, unit: "S" };
  if (barSeconds < 60) return { count: 28_800, unit: "S" };
  if (barSeconds < 120) return { count: 1, unit: "D" };
  if (barSeconds < 180) return { count: 2, unit: "D" };
  if (barSeconds < 1800) return { count: 1, unit: "W" };
  if (barSeconds < DAY) return { count: 1, unit: "M" };
  return undefined;
}

/** A duration as TWS writes it: `1 D`, `3600 S`. */
export const durationText = (d: Duration): string => `${d.count} ${d.unit}`;
