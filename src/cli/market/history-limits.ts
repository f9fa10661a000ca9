import { BAR_SIZES, type Duration } from "../../protocol/historical-settings.js";
import { usageError } from "../exit-codes.js";

/**
 * Reading --bar and --duration, and pacing a long range's requests to TWS's historical limits (the settings
 * themselves are TWS's rules in protocol/historical-settings.ts).
 */

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

/** Reads --duration: `<n> S|D|W|M|Y`, the space and the unit's case optional. */
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
