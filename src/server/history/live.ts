import type { HostClock, TimerHandle } from "../clock.js";
import type { ClientScopedService } from "../services.js";

/**
 * The keepUpToDate requests running on a host, by client and request id: each holds the timer of its next update.
 * A client leaving stops its timers; the host closing stops them all.
 */
export class LiveBars implements ClientScopedService {
  private readonly timers = new Map<string, TimerHandle>();

  constructor(private readonly clock: HostClock) {}

  has(clientId: number, reqId: number): boolean {
    return this.timers.has(`${clientId}:${reqId}`);
  }

  /** Runs `tick` every `everyMs` of host time, on multiples of it, until stopped. */
  start(clientId: number, reqId: number, everyMs: number, tick: () => void): void {
    const key = `${clientId}:${reqId}`;
    const arm = () => {
      this.timers.set(
        key,
        this.clock.setTimer(
          () => {
            tick();
            if (this.timers.has(key)) arm();
          },
          everyMs - (this.clock.now() % everyMs),
        ),
      );
    };
    arm();
  }

  /** Stops a request; false when none ran under that id. */
  stop(clientId: number, reqId: number): boolean {
    const key = `${clientId}:${reqId}`;
    const timer = this.timers.get(key);
    if (timer === undefined) return false;
    this.clock.clearTimer(timer);
    this.timers.delete(key);
    return true;
  }

  dropClient(clientId: number): void {
    for (const [key, timer] of this.timers) {
      if (key.startsWith(`${clientId}:`)) {
        this.clock.clearTimer(timer);
        this.timers.delete(key);
      }
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) this.clock.clearTimer(timer);
    this.timers.clear();
  }
}
