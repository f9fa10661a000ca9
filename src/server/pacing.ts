import type { HostClock, TimerHandle } from "./clock.js";

/**
 * TWS's request rate limit, per client: at most `limit` requests in any sliding window of `windowMs` (50 per second
 * by default: market data lines ÷ 2). Two modes, as TWS's API setting "Reject messages above maximum allowed message
 * rate vs applying pacing":
 * - `reject`: each request over the limit is refused (error 100). A violation opens with the first excess request
 *   and lasts one window; further excess requests inside it belong to the same violation. The `maxViolations`-th
 *   violation (3rd) ends the session.
 * - `pace`: requests over the limit wait, in order, until the window has room; nothing is refused.
 * Only requests count, never the replies. Time is the host clock's.
 */
export type PacingMode = "reject" | "pace";

export type Admission =
  | { readonly kind: "run" }
  | { readonly kind: "queued"; readonly queued: number }
  | { readonly kind: "rejected"; readonly received: number; readonly violation: number; readonly fatal: boolean };

export interface PacerOptions {
  readonly limit: number;
  readonly mode: PacingMode;
  readonly clock: HostClock;
  readonly windowMs?: number;
  readonly maxViolations?: number;
  /** Pace mode: called whenever the number of waiting requests changes (the session throttles its socket). */
  readonly onQueueChange?: (queued: number) => void;
}

export class RequestPacer {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxViolations: number;
  /** Times of the requests in the current window (received in reject mode, run in pace mode). */
  private times: number[] = [];
  private head = 0;
  private violations = 0;
  private violationEnds = Number.NEGATIVE_INFINITY;
  private readonly queue: (() => void)[] = [];
  private timer: TimerHandle | undefined;

  constructor(private readonly options: PacerOptions) {
    if (!(options.limit > 0)) throw new RangeError(`requestsPerSecond must be positive, got ${options.limit}`);
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? 1000;
    this.maxViolations = options.maxViolations ?? 3;
  }

  get mode(): PacingMode {
    return this.options.mode;
  }

  /** Requests waiting in pace mode. */
  get queued(): number {
    return this.queue.length;
  }

  /** Violations so far (reject mode). */
  get violationCount(): number {
    return this.violations;
  }

  /** Admits one request: runs `task` now, queues it (pace mode) or refuses it (reject mode). */
  submit(task: () => void): Admission {
    const now = this.options.clock.now();
    const inWindow = this.expire(now);
    if (this.options.mode === "pace") {
      if (this.queue.length === 0 && inWindow < this.limit) {
        this.times.push(now);
        task();
        return { kind: "run" };
      }
      this.queue.push(task);
      this.schedule(now);
      this.options.onQueueChange?.(this.queue.length);
      return { kind: "queued", queued: this.queue.length };
    }
    this.times.push(now);
    const received = inWindow + 1;
    if (received <= this.limit) {
      task();
      return { kind: "run" };
    }
    if (now >= this.violationEnds) {
      this.violations++;
      this.violationEnds = now + this.windowMs;
    }
    return { kind: "rejected", received, violation: this.violations, fatal: this.violations >= this.maxViolations };
  }

  /** Drops waiting requests and the timer (the session ended). */
  dispose(): void {
    if (this.timer !== undefined) this.options.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.queue.length = 0;
  }

  /** Forgets the times that left the window; returns how many remain. */
  private expire(now: number): number {
    const { times } = this;
    while (this.head < times.length && times[this.head]! <= now - this.windowMs) this.head++;
    if (this.head > 1024 && this.head * 2 > times.length) {
      this.times = times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  private schedule(now: number): void {
    if (this.timer !== undefined) return;
    const oldest = this.times[this.head];
    const wait = oldest === undefined ? 0 : Math.max(0, oldest + this.windowMs - now);
    this.timer = this.options.clock.setTimer(() => this.drain(), wait);
  }

  private drain(): void {
    this.timer = undefined;
    const now = this.options.clock.now();
    let ran = false;
    while (this.queue.length > 0 && this.expire(now) < this.limit) {
      const task = this.queue.shift()!;
      this.times.push(now);
      ran = true;
      task();
    }
    if (ran) this.options.onQueueChange?.(this.queue.length);
    if (this.queue.length > 0) this.schedule(now);
  }
}
