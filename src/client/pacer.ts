/**
 * Outgoing pacer: keeps a client under TWS's message rate (50 per second by default; error 100 and, at the third
 * violation, a disconnect beyond it) by holding requests back instead of letting TWS reject them.
 *
 * A sliding one-second window of send times decides when the next message may go. Cancels take a priority lane:
 * they go before any queued request. The queue is bounded; a request that does not fit is refused at once
 * (never dropped silently). Time is injected so tests never sleep.
 */
export interface PacerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PacerOptions {
  /** Messages per second; default 45, under TWS's 50. */
  messagesPerSecond?: number;
  /** Most requests held at once; default 10,000. */
  maxQueue?: number;
  clock?: PacerClock;
  /** Called when messages start being held back, and when the queue has drained. */
  onThrottle?: (throttled: boolean, queued: number) => void;
}

const realClock: PacerClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Pacer {
  private readonly rate: number;
  private readonly maxQueue: number;
  private readonly clock: PacerClock;
  private readonly sent: number[] = [];
  private readonly urgent: (() => void)[] = [];
  private readonly normal: (() => void)[] = [];
  private timer: unknown;
  private throttled = false;

  constructor(private readonly options: PacerOptions = {}) {
    this.rate = options.messagesPerSecond ?? 45;
    this.maxQueue = options.maxQueue ?? 10_000;
    this.clock = options.clock ?? realClock;
    if (!(this.rate > 0)) throw new RangeError("messagesPerSecond must be positive");
  }

  /** Messages waiting. */
  get queued(): number {
    return this.urgent.length + this.normal.length;
  }

  /**
   * Sends now if the window allows and nothing is waiting ahead, otherwise queues. Returns false (and sends
   * nothing) when the queue is full.
   */
  submit(send: () => void, priority: "normal" | "cancel" = "normal"): boolean {
    const ahead = priority === "cancel" ? this.urgent.length : this.queued;
    if (ahead === 0 && this.slotFree()) {
      this.take();
      send();
      return true;
    }
    if (this.queued >= this.maxQueue) return false;
    (priority === "cancel" ? this.urgent : this.normal).push(send);
    if (!this.throttled) {
      this.throttled = true;
      this.options.onThrottle?.(true, this.queued);
    }
    this.arm();
    return true;
  }

  /** Drops everything queued (at disconnect: requests are never sent on a later connection). */
  clear(): number {
    const n = this.queued;
    this.urgent.length = 0;
    this.normal.length = 0;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.throttled) {
      this.throttled = false;
      this.options.onThrottle?.(false, 0);
    }
    return n;
  }

  private slotFree(): boolean {
    const now = this.clock.now();
    while (this.sent.length > 0 && this.sent[0]! <= now - 1000) this.sent.shift();
    return this.sent.length < this.rate;
  }

  private take(): void {
    this.sent.push(this.clock.now());
  }

  private arm(): void {
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.sent.length > 0 ? this.sent[0]! + 1000 - this.clock.now() : 0);
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, wait);
  }

  private pump(): void {
    while (this.queued > 0 && this.slotFree()) {
      const next = this.urgent.shift() ?? this.normal.shift()!;
      this.take();
      next();
    }
    if (this.queued > 0) this.arm();
    else if (this.throttled) {
      this.throttled = false;
      this.options.onThrottle?.(false, 0);
    }
  }
}
