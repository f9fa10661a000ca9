/**
 * The trading calendar of an instrument in its own time zone: which local day an instant falls on, and the
 * instants its sessions (`HHMM-HHMM`, the whole trading day and the liquid hours) open and close. Weekends are
 * closed; holidays are not modelled.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const offsets = new Map<string, number>();

/** The zone's offset from UTC in ms at `epochMs` (local minus UTC), cached per zone and quarter hour. */
export function zoneOffset(timeZone: string, epochMs: number): number {
  const key = `${timeZone}|${Math.floor(epochMs / 900_000)}`;
  const hit = offsets.get(key);
  if (hit !== undefined) return hit;
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(epochMs)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = local - Math.floor(epochMs / 1000) * 1000;
  if (offsets.size > 10_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** One local trading day: its number (days since the epoch, local) and its sessions as epoch ms. */
export interface TradingDay {
  readonly day: number;
  readonly weekday: number;
  /** The whole trading day, [open, close). */
  readonly open: number;
  readonly close: number;
  /** The liquid (regular) hours, [open, close). */
  readonly liquidOpen: number;
  readonly liquidClose: number;
}

/** Sessions as `HHMM-HHMM` in local time. */
export interface SessionHours {
  readonly timeZone: string;
  readonly tradingHours: string;
  readonly liquidHours: string;
}

function span(hours: string): [number, number] {
  const m = /^(\d{2})(\d{2})-(\d{2})(\d{2})$/.exec(hours);
  if (!m) throw new RangeError(`session hours must read HHMM-HHMM, got '${hours}'`);
  return [(Number(m[1]) * 60 + Number(m[2])) * 60_000, (Number(m[3]) * 60 + Number(m[4])) * 60_000];
}

/** The instant of `localMs` ms after local midnight of local day `day`. */
function instantOf(timeZone: string, day: number, localMs: number): number {
  const guess = day * 86_400_000 + localMs;
  const first = guess - zoneOffset(timeZone, guess);
  return guess - zoneOffset(timeZone, first);
}

/** The local day number of an instant. */
export function localDay(timeZone: string, epochMs: number): number {
  return Math.floor((epochMs + zoneOffset(timeZone, epochMs)) / 86_400_000);
}

/** The sessions of local day `day` (whether or not it trades: see {@link isTradingDay}). */
export function tradingDay(hours: SessionHours, day: number): TradingDay {
  const [o, c] = span(hours.tradingHours);
  const [lo, lc] = span(hours.liquidHours);
  return {
    day,
    weekday: (((day + 4) % 7) + 7) % 7,
    open: instantOf(hours.timeZone, day, o),
    close: instantOf(hours.timeZone, day, c),
    liquidOpen: instantOf(hours.timeZone, day, lo),
    liquidClose: instantOf(hours.timeZone, day, lc),
  };
}

/** Monday to Friday. */
export function isTradingDay(d: TradingDay): boolean {
  return d.weekday >= 1 && d.weekday <= 5;
}

/** The trading day before local day `day`. */
export function previousTradingDay(hours: SessionHours, day: number): TradingDay {
  let d = day - 1;
  while (!isTradingDay(tradingDay(hours, d))) d--;
  return tradingDay(hours, d);
}
