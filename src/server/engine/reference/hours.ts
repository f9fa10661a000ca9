/**
 * Trading and liquid hours strings in TWS's format since 970 (`YYYYMMDD:HHMM-YYYYMMDD:HHMM` entries and
 * `YYYYMMDD:CLOSED`, `;`-separated, in the contract's time zone), generated for the host's date: the host's day
 * in the contract's zone and the five calendar days after it. No exchange holidays: weekends only (assumption).
 */

/** A calendar day, as UTC midnight of that date (only its Y-M-D and weekday are used). */
type Day = Date;

/** The schedule kinds of the universe. */
export type ScheduleKind = "us-equity" | "us-index" | "forex" | "cme-futures" | "crypto";

/** How many days the strings list: the host's day and five more (the 2022 and 2025 captures list about six). */
export const SCHEDULE_DAYS = 6;

const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of `epochMs` in time zone `zone` (an IANA id such as `US/Eastern`). */
export function localDate(epochMs: number, zone: string): Day {
  let f = DATE_FORMATS.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
    DATE_FORMATS.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
}

/** `YYYYMMDD`. */
export function ymd(day: Day): string {
  const m = String(day.getUTCMonth() + 1).padStart(2, "0");
  const d = String(day.getUTCDate()).padStart(2, "0");
  return `${day.getUTCFullYear()}${m}${d}`;
}

export function addDays(day: Day, n: number): Day {
  return new Date(day.getTime() + n * 86_400_000);
}

const isWeekend = (day: Day) => day.getUTCDay() === 0 || day.getUTCDay() === 6;

/** One day's entries: `[startDayOffset, "HHMM", endDayOffset, "HHMM"]` sessions, none for CLOSED. */
type Session = readonly [number, string, number, string];

/** The sessions of each kind by weekday (0 Sunday), trading and liquid. */
function sessionsOf(kind: ScheduleKind, weekday: number, liquid: boolean): Session[] {
  const weekdayOnly = weekday >= 1 && weekday <= 5;
  switch (kind) {
    case "us-equity":
      if (!weekdayOnly) return [];
      return liquid ? [[0, "0930", 0, "1600"]] : [[0, "0400", 0, "2000"]];
    case "us-index":
      return weekdayOnly ? [[0, "0930", 0, "1615"]] : [];
    case "forex":
      // IDEALPRO: Sunday 17:15 to Friday 17:00 New York time, one entry per session start; both strings equal.
      return weekday <= 4 ? [[0, "1715", 1, "1700"]] : [];
    case "cme-futures":
      // Globex: 17:00 to 16:00 Chicago time the next day, Sunday to Thursday; the regular session 08:30–15:00.
      if (weekday > 4) return [];
      return liquid ? [[1, "0830", 1, "1500"]] : [[0, "1700", 1, "1600"]];
    case "crypto":
      // PAXOS: around the clock, every day (assumption; IB documents brief maintenance windows).
      return [[0, "0000", 1, "0000"]];
  }
}

/** The trading (or liquid) hours string of `kind` for the host's day `epochMs` in `zone`. */
export function hoursString(kind: ScheduleKind, epochMs: number, zone: string, liquid: boolean): string {
  const first = localDate(epochMs, zone);
  const out: string[] = [];
  for (let i = 0; i < SCHEDULE_DAYS; i++) {
    const day = addDays(first, i);
    const sessions = sessionsOf(kind, day.getUTCDay(), liquid);
    if (sessions.length === 0) out.push(`${ymd(day)}:CLOSED`);
    for (const [s, from, e, to] of sessions) {
      out.push(`${ymd(addDays(day, s))}:${from}-${ymd(addDays(day, e))}:${to}`);
    }
  }
  return out.join(";");
}

/** Weekends aside, every weekday counts as a business day (no holiday calendar). */
export function isBusinessDay(day: Day): boolean {
  return !isWeekend(day);
}
