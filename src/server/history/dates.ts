import { zoneOffset } from "../engine/market/calendar.js";

/**
 * How TWS writes the times of historical data (docs "Format Date Received", recordings b1_431 and
 * hist_keep_up_to_date): bars and their period as `yyyyMMdd HH:mm:ss <zone>` (formatDate 1), epoch seconds (2) or
 * `MMdd HH:mm:ss <zone>` (3); daily and longer bars as `yyyyMMdd` whatever the formatDate; UTC as
 * `yyyyMMdd-HH:mm:ss` (head timestamps, historical schedules).
 */

const DAY = 86_400;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `yyyyMMdd` of a local day number. */
export function dayText(day: number): string {
  const d = new Date(day * DAY * 1000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

/** `yyyyMMdd HH:mm:ss` of an instant's wall time in a zone (or UTC), with `sep` between date and time. */
function wall(ms: number, zone: string | undefined, sep: string): string {
  const d = new Date(Math.floor(ms / 1000) * 1000 + (zone ? zoneOffset(zone, ms) : 0));
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${sep}${time}`;
}

/** `yyyyMMdd HH:mm:ss <zone>` of an instant in a zone. */
export function zonedText(ms: number, zone: string): string {
  return `${wall(ms, zone, " ")} ${zone}`;
}

/** `yyyyMMdd-HH:mm:ss` of an instant's wall time in `zone` (UTC when none). */
export function dashText(ms: number, zone?: string): string {
  return wall(ms, zone, "-");
}

/** The date of an intraday bar starting at `second` as formatDate asks (1, 2 or 3). */
export function barDate(second: number, zone: string, formatDate: number): string {
  if (formatDate === 2) return String(second);
  const text = zonedText(second * 1000, zone);
  return formatDate === 3 ? text.slice(4) : text;
}

/**
 * The instant of a date-time parameter: empty is `now`; `yyyyMMdd HH:mm:ss[ zone]` in the zone given (else
 * `defaultZone`, TWS's deprecated local-zone reading); `yyyyMMdd-HH:mm:ss` is UTC. Undefined when it does not read.
 */
export function parseDateTime(text: string, now: number, defaultZone: string): number | undefined {
  const t = text.trim();
  if (t === "") return now;
  const m = /^(\d{4})(\d{2})(\d{2})([ -])(\d{2}):(\d{2}):(\d{2})(?:\s+(\S+))?$/.exec(t);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[5], m[6], m[7]].map(Number) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || s! > 59) return undefined;
  const local = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  if (m[4] === "-") return m[8] === undefined ? local : undefined;
  const zone = m[8] ?? defaultZone;
  try {
    const first = local - zoneOffset(zone, local);
    return local - zoneOffset(zone, first);
  } catch {
    return undefined;
  }
}
