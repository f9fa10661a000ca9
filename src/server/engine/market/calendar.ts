/**
 * The trading calendar of an instrument in its own time zone: which local day an instant falls on, and the
 * instants its sessions (`HHMM-HHMM`, the whole trading day and the liquid hours) open and close. A session whose
 * close is not after its open runs overnight: it opens the evening before the day it belongs to (forex Sunday
 * 17:15 to Monday 17:00 is Monday's session, as TWS lists it). Weekends are closed unless the instrument trades
 * every day (crypto); holidays are not modelled.
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
  /** Whether the day has sessions (a weekday, or any day for instruments that trade every day). */
  readonly trades: boolean;
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
  /** Trades on weekends too (crypto). */
  readonly everyDay?: boolean;
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
  const weekday = (((day + 4) % 7) + 7) % 7;
  const zone = hours.timeZone;
  return {
    day,
    weekday,
    trades: hours.everyDay === true || (weekday >= 1 && weekday <= 5),
    open: instantOf(zone, c <= o ? day - 1 : day, o),
    close: instantOf(zone, day, c),
    liquidOpen: instantOf(zone, lc <= lo ? day - 1 : day, lo),
    liquidClose: instantOf(zone, day, lc),
  };
}

/** Whether a day has sessions. */
export function isTradingDay(d: TradingDay): boolean {
  return d.trades;
}

/**
 * The trading day an instant belongs to: its local day, or the next one once an overnight session of the next
 * day has opened (forex after 17:15 New York time belongs to tomorrow).
 */
export function sessionDayOf(hours: SessionHours, epochMs: number): TradingDay {
  const d = tradingDay(hours, localDay(hours.timeZone, epochMs));
  if (epochMs < d.close) return d;
  const next = tradingDay(hours, d.day + 1);
  return epochMs >= next.open ? next : d;
}

/** The trading day before local day `day`. */
export function previousTradingDay(hours: SessionHours, day: number): TradingDay {
  let d = day - 1;
  while (!isTradingDay(tradingDay(hours, d))) d--;
  return tradingDay(hours, d);
}
