import { usageError } from "../exit-codes.js";

/**
 * TWS's rules for historical bar requests, as the TWS API documentation gives them ("Historical Bar Data": valid
 * duration and bar size settings, and the pacing limitations), for splitting a long range into requests TWS accepts.
 */

/** The bar sizes TWS accepts (barSizeSetting) and their length in seconds (a month counted as 30 days). */
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
  ["1 week", 604_800],
  ["1 month", 2_592_000],
]);

/** Reads --bar: TWS's spelling, with `1 mins`/`1 sec`/`1 hours`/`1 days` and the like accepted. */
export function parseBarSize(text: string): { setting: string; seconds: number } {
  const m = /^\s*(\d+)\s*(sec|secs|min|mins|hour|hours|day|days|week|weeks|month|months)\s*$/i.exec(text);
  if (m) {
    const n = Number(m[1]);
    const unit = m[2]!.toLowerCase().replace(/s$/, "");
    // TWS writes "secs" and "mins" always, and the singular for 1 hour / 1 day / 1 week / 1 month.
    const setting =
      unit === "sec" || unit === "min"
        ? `${n} ${unit}${n === 1 && unit === "min" ? "" : "s"}`
        : `${n} ${unit}${n === 1 ? "" : "s"}`;
    const seconds = BAR_SIZES.get(setting);
    if (seconds !== undefined) return { setting, seconds };
  }
  throw usageError(`--bar must be one of TWS's bar sizes (${[...BAR_SIZES.keys()].join(", ")}), got '${text}'`);
}

/** A duration as TWS writes it: `<n> S|D|W|M|Y`. */
export interface Duration {
  readonly count: number;
  readonly unit: "S" | "D" | "W" | "M" | "Y";
}

export function parseDuration(text: string): Duration {
  const m = /^\s*(\d+)\s*([SDWMY])\s*$/i.exec(text);
  const count = m ? Number(m[1]) : 0;
  if (!m || count < 1) {
    throw usageError(
      `--duration must be a count and a unit S, D, W, M or Y (for example "1 D" or "3600 S"), got '${text}'`,
    );
  }
  return { count, unit: m[2]!.toUpperCase() as Duration["unit"] };
}

export const durationText = (d: Duration): string => `${d.count} ${d.unit}`;

/** A duration's nominal length in seconds (TWS's table counts a month as 30 days and a year as 365). */
export function nominalSeconds(d: Duration): number {
  return d.count * { S: 1, D: 86_400, W: 604_800, M: 2_592_000, Y: 31_536_000 }[d.unit];
}

/**
 * The longest duration one request may carry for a bar size (TWS's table of valid settings): 1 secs → 1800 S,
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
  if (barSeconds < 86_400) return { count: 1, unit: "M" };
  return undefined;
}

/**
 * Where a duration ending at `end` (epoch ms) begins, as TWS counts it: seconds exactly, days as trading days
 * (24-hour steps that skip Saturdays and Sundays, so `1 D` on a Monday reaches back to Friday), weeks as 7 days,
 * months and years by the calendar.
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
  if (d.unit === "W") return end - d.count * 604_800_000;
  const t = new Date(end);
  if (d.unit === "M") t.setUTCMonth(t.getUTCMonth() - d.count);
  else t.setUTCFullYear(t.getUTCFullYear() - d.count);
  return t.getTime();
}

/** TWS's historical pacing: at most 6 requests for one contract within 2 s, and 60 within 10 minutes. */
export const HISTORY_PACING = {
  burst: { requests: 5, windowMs: 2000 },
  sustained: { requests: 60, windowMs: 600_000 },
} as const;

/**
 * Spaces historical requests so they stay inside {@link HISTORY_PACING} (one below the burst limit, since
 * "6 or more within 2 s" is the violation). `wait()` resolves when the next request may go.
 */
export class HistoryPacer {
  private readonly sent: number[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms).unref()),
  ) {}

  /** How long the next request must wait (0 when it may go now). */
  delay(): number {
    const now = this.now();
    let wait = 0;
    for (const { requests, windowMs } of [HISTORY_PACING.burst, HISTORY_PACING.sustained]) {
      const recent = this.sent.filter((t) => now - t < windowMs);
      if (recent.length >= requests) wait = Math.max(wait, recent[recent.length - requests]! + windowMs - now);
    }
    return wait;
  }

  async wait(): Promise<void> {
    for (let ms = this.delay(); ms > 0; ms = this.delay()) await this.sleep(ms);
    this.sent.push(this.now());
    const horizon = this.now() - HISTORY_PACING.sustained.windowMs;
    while (this.sent.length > 0 && this.sent[0]! <= horizon) this.sent.shift();
  }
}
