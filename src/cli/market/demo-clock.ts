import { acceleratedClock, type HostClock } from "../../server/index.js";

/**
 * The embedded host's clock for the demo: real time while the US stock market is open, so what the board shows is
 * "now"; otherwise the host replays the latest US session from 10:30 New York time at real speed, so stocks move
 * on the board at any hour (the heading says so). Weekends and the hours outside 09:30–16:00 count as closed;
 * holidays are not known.
 */
export interface DemoClock {
  readonly clock: HostClock;
  /** Set when the host replays a session: the instant it starts from. */
  readonly replayFrom?: number;
}

const ZONE = "America/New_York";

/** New York's offset from UTC at `epochMs`, in ms (negative: behind UTC). */
function newYorkOffset(epochMs: number): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, timeZoneName: "longOffset" })
    .formatToParts(epochMs)
    .find((p) => p.type === "timeZoneName")!.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}

/** The instant of `hh:mm` New York time on the New York date `days` days after the one `epochMs` falls on. */
function newYorkTime(epochMs: number, days: number, hh: number, mm: number): number {
  const local = new Date(epochMs + newYorkOffset(epochMs));
  const guess = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, hh, mm);
  return guess - newYorkOffset(guess - newYorkOffset(guess));
}

const weekday = (epochMs: number) => new Date(epochMs + newYorkOffset(epochMs)).getUTCDay();

/** Where the demo's host time starts: undefined while US stocks trade now, else the latest session at 10:30. */
export function demoReplayStart(now: number): number | undefined {
  const open = newYorkTime(now, 0, 9, 30);
  const close = newYorkTime(now, 0, 16, 0);
  const day = weekday(now);
  if (day >= 1 && day <= 5 && now >= open && now < close) return undefined;
  for (let d = 0; d > -7; d--) {
    const t = newYorkTime(now, d, 10, 30);
    if (t <= now && weekday(t) >= 1 && weekday(t) <= 5) return t;
  }
  return undefined;
}

/** The demo's clock at `now` (see {@link DemoClock}). */
export function demoClock(now = Date.now()): DemoClock {
  const from = demoReplayStart(now);
  return from === undefined
    ? { clock: acceleratedClock(1, now) }
    : { clock: acceleratedClock(1, from), replayFrom: from };
}
