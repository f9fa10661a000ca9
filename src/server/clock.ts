/**
 * The host's clock. Every time the host reads (error times, the connection time, pacing windows) and every delay it
 * waits (faults, paced requests, a restart) goes through one of these, so a test steps time instead of sleeping.
 */
export interface HostClock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Runs `fn` once, `ms` milliseconds from now; returns a handle for {@link HostClock.clearTimer}. */
  setTimer(fn: () => void, ms: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** An opaque timer handle. */
export type TimerHandle = { readonly __timer: true };

/** A clock that moves only when told to: `advance(ms)` runs every timer that falls due, in time order. */
export interface SteppedClock extends HostClock {
  /** Moves time forward by `ms` and runs each timer due by then at its own time (timers they set run too). */
  advance(ms: number): void;
  /** Moves time forward to `epochMs` (never backwards). */
  advanceTo(epochMs: number): void;
  /** How many timers are waiting. */
  readonly pendingTimers: number;
}

/** Wall-clock time and Node's timers, for `tws sim` and interactive use. */
export function realClock(): HostClock {
  return {
    now: () => Date.now(),
    setTimer(fn, ms) {
      const t = setTimeout(fn, Math.max(0, ms));
      t.unref?.();
      return t as unknown as TimerHandle;
    },
    clearTimer(handle) {
      clearTimeout(handle as unknown as NodeJS.Timeout);
    },
  };
}

/**
 * Host time running `factor` times faster than the wall clock from `startMs` (default: now), for demos and soak
 * runs: a trading day at factor 60 passes in under seven minutes of real time. Timers wait `ms / factor` real ms.
 */
export function acceleratedClock(factor: number, startMs = Date.now()): HostClock {
  if (!(factor > 0 && Number.isFinite(factor)))
    throw new RangeError(`the speed factor must be positive, got ${factor}`);
  const origin = performance.now();
  const now = () => Math.floor(startMs + (performance.now() - origin) * factor);
  // Node's timers and performance.now() tick on different clocks: a timer that wakes a hair early waits out the
  // rest, so no timer ever runs before its host time.
  const live = new Map<TimerHandle, NodeJS.Timeout>();
  return {
    now,
    setTimer(fn, ms) {
      const handle = { __timer: true } as TimerHandle;
      const due = now() + Math.max(0, ms);
      const arm = (wait: number) => {
        const t = setTimeout(() => {
          const left = due - now();
          if (left > 0) return arm(left);
          live.delete(handle);
          fn();
        }, wait / factor);
        t.unref?.();
        live.set(handle, t);
      };
      arm(Math.max(0, ms));
      return handle;
    },
    clearTimer(handle) {
      clearTimeout(live.get(handle));
      live.delete(handle);
    },
  };
}

interface SteppedTimer {
  readonly handle: TimerHandle;
  readonly due: number;
  readonly seq: number;
  readonly fn: () => void;
}

/**
 * A stepped clock starting at `startMs` (default 2026-09-28 13:30:00 UTC, a Monday at the US open, so a seed and a
 * clock give the same session every run). Timers due at the same time run in the order they were set.
 */
export function steppedClock(startMs = Date.UTC(2026, 8, 28, 13, 30, 0)): SteppedClock {
  let now = startMs;
  let seq = 0;
  const timers: SteppedTimer[] = [];
  const clock: SteppedClock = {
    now: () => now,
    setTimer(fn, ms) {
      const handle = { __timer: true } as TimerHandle;
      timers.push({ handle, due: now + Math.max(0, ms), seq: seq++, fn });
      return handle;
    },
    clearTimer(handle) {
      const i = timers.findIndex((t) => t.handle === handle);
      if (i >= 0) timers.splice(i, 1);
    },
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`advance(ms) needs a non-negative number, got ${ms}`);
      clock.advanceTo(now + ms);
    },
    advanceTo(target) {
      for (;;) {
        let next: SteppedTimer | undefined;
        for (const t of timers) {
          if (t.due <= target && (!next || t.due < next.due || (t.due === next.due && t.seq < next.seq))) next = t;
        }
        if (!next) break;
        timers.splice(timers.indexOf(next), 1);
        if (next.due > now) now = next.due;
        next.fn();
      }
      if (target > now) now = target;
    },
    get pendingTimers() {
      return timers.length;
    },
  };
  return clock;
}
