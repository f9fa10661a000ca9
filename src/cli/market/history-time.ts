import { usageError } from "../exit-codes.js";

/** Times of historical requests and bars: --end as the user writes it, and bar dates as TWS sends them. */

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `yyyyMMdd-HH:mm:ss`: TWS's UTC form of an endDateTime. */
export function twsUtcText(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** The offset of an IANA zone from UTC at an instant, in ms (positive east of Greenwich). */
function zoneOffset(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return local - Math.floor(ms / 1000) * 1000;
}

/**
 * Reads --end: ISO 8601 with a zone or offset (`2026-11-20T21:00:00Z`), TWS's UTC form (`20261120-21:00:00`) or
 * TWS's zoned form (`20261120 16:00:00 US/Eastern`). A time without a zone is refused: TWS would read it in its
 * own login zone, which `tws` cannot know. Returns the instant (epoch ms).
 */
export function parseEnd(text: string): number {
  const t = text.trim();
  const tws = /^(\d{4})(\d{2})(\d{2})([ -])(\d{2}):(\d{2}):(\d{2})(?:\s+(\S+))?$/.exec(t);
  if (tws) {
    const local = Date.UTC(+tws[1]!, +tws[2]! - 1, +tws[3]!, +tws[5]!, +tws[6]!, +tws[7]!);
    if (tws[4] === "-" && tws[8] === undefined) return local;
    if (tws[4] === " " && tws[8] !== undefined) {
      try {
        const first = local - zoneOffset(tws[8], local);
        return local - zoneOffset(tws[8], first);
      } catch {
        throw usageError(`--end: unknown time zone '${tws[8]}' (use an IANA name such as US/Eastern)`);
      }
    }
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(t)) {
    const ms = Date.parse(t);
    if (Number.isFinite(ms)) return ms;
  }
  throw usageError(
    `--end must be ISO 8601 with a zone (2026-11-20T21:00:00Z), yyyyMMdd-HH:mm:ss in UTC, or ` +
      `'yyyyMMdd HH:mm:ss Zone' (20261120 16:00:00 US/Eastern), got '${text}'`,
  );
}

/**
 * The instant a bar starts, from its date as TWS sends it with formatDate 2: epoch seconds for intraday bars,
 * `yyyyMMdd` (a day, read as UTC midnight) for daily and longer bars.
 */
export function barStart(date: string): number {
  const day = /^(\d{4})(\d{2})(\d{2})$/.exec(date.trim());
  if (day) return Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!);
  const seconds = Number(date);
  if (Number.isFinite(seconds)) return seconds * 1000;
  // formatDate 1 text (`yyyyMMdd HH:mm:ss Zone`), should a host send it anyway.
  return parseEnd(date);
}

/** How a bar's start is shown: ISO 8601 (UTC) for intraday bars, `yyyy-MM-dd` for daily and longer ones. */
export function barTimeText(date: string): string {
  const iso = new Date(barStart(date)).toISOString();
  return /^\d{8}$/.test(date.trim()) ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}
