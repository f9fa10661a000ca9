import type { HostClock, TimerHandle } from "../src/server/clock.js";

interface Timer {
  readonly handle: TimerHandle;
  readonly due: number;
  readonly seq: number;
  readonly fn: () => void;
}

/**
 * The fan-out benchmark's host clock: host time that stands still until `run()`, then moves either `speed` times
 * faster than the wall clock (a timer due in 1,000 ms of host time fires after 1000 / speed ms) or, with
 * `"max"`, as fast as the process can go (the next timer fires on the next turn of the event loop, after socket
 * I/O, with host time jumping to its due time). `updateStart` is the wall time (performance.now()) at which the
 * timer running now began: what a market update's delay is measured from.
 */
export class BenchClock implements HostClock {
  /** performance.now() when the running timer began (NaN outside timers). */
  updateStart = Number.NaN;
  /** Timers run so far (each one a market update, on this benchmark's host). */
  fired = 0;
  private host: number;
  private wallBase = 0;
  private running = false;
  private speed: number | "max" = 1;
  private seq = 0;
  private readonly timers: Timer[] = [];
  private wake: NodeJS.Timeout | NodeJS.Immediate | undefined;

  constructor(startMs: number) {
    this.host = startMs;
  }

  now(): number {
    if (!this.running || this.speed === "max") return this.host;
    return Math.max(this.host, this.hostAtWall(performance.now()));
  }

  setTimer(fn: () => void, ms: number): TimerHandle {
    const handle = { __timer: true } as TimerHandle;
    this.timers.push({ handle, due: this.now() + Math.max(0, ms), seq: this.seq++, fn });
    this.arm();
    return handle;
  }

  clearTimer(handle: TimerHandle): void {
    const i = this.timers.findIndex((t) => t.handle === handle);
    if (i >= 0) this.timers.splice(i, 1);
  }

  /** Starts (or changes) the flow of host time. */
  run(speed: number | "max"): void {
    this.host = this.now();
    this.speed = speed;
    this.running = true;
    this.wallBase = performance.now();
    this.disarm();
    this.arm();
  }

  /** Stops host time; no timer fires until the next `run()`. */
  pause(): void {
    this.host = this.now();
    this.running = false;
    this.disarm();
  }

  private hostAtWall(wall: number): number {
    return this.host + (wall - this.wallBase) * (this.speed as number);
  }

  private disarm(): void {
    if (this.wake === undefined) return;
    clearTimeout(this.wake as NodeJS.Timeout);
    clearImmediate(this.wake as NodeJS.Immediate);
    this.wake = undefined;
  }

  private next(): Timer | undefined {
    let next: Timer | undefined;
    for (const t of this.timers) if (!next || t.due < next.due || (t.due === next.due && t.seq < next.seq)) next = t;
    return next;
  }

  private arm(): void {
    if (!this.running || this.wake !== undefined) return;
    const next = this.next();
    if (!next) return;
    if (this.speed === "max") {
      this.wake = setImmediate(() => this.fire());
    } else {
      const wallDelay = (next.due - this.now()) / this.speed;
      this.wake = setTimeout(() => this.fire(), Math.max(0, wallDelay));
    }
  }

  private fire(): void {
    this.wake = undefined;
    const next = this.next();
    if (!next) return;
    if (this.speed !== "max" && this.now() < next.due) {
      // Node may wake a fraction of a millisecond early: never run a timer before its host time.
      this.arm();
      return;
    }
    this.timers.splice(this.timers.indexOf(next), 1);
    if (this.speed === "max" || next.due > this.host) {
      // Host time never runs backwards, and a late timer's update happens at its due time or later.
      if (this.speed === "max") this.host = Math.max(this.host, next.due);
      else this.rebase(next.due);
    }
    this.updateStart = performance.now();
    this.fired++;
    try {
      next.fn();
    } finally {
      this.updateStart = Number.NaN;
      this.arm();
    }
  }

  /** In speed mode, keeps now() at or past `due` from here on without changing the rate. */
  private rebase(due: number): void {
    const wall = performance.now();
    const at = this.hostAtWall(wall);
    if (at < due) {
      this.host = due;
      this.wallBase = wall;
    }
  }
}
