import type { IncomingMessageName } from "../../protocol/message-ids.js";
import type { HostClock, TimerHandle } from "../clock.js";
import type { MarketEngine } from "../engine/market/index.js";
import type { HostState } from "../handlers/types.js";
import type { ClientScopedService } from "../services.js";
import { runScan, type ScanQuery } from "./scan.js";

/**
 * The scanner subscriptions of one host. A subscription sends its first snapshot at once and a fresh one every
 * {@link SCAN_REFRESH_MS} on the host clock (one timer each), until it is cancelled or its client leaves.
 */

/** How often a subscription sends a new snapshot. Assumed: TWS documents "periodic updates"; about 30 s is seen. */
export const SCAN_REFRESH_MS = 30_000;
/** Scanner subscriptions one client may hold (API documentation: "only 10 API scans can be active at a time"). */
export const MAX_SCAN_SUBSCRIPTIONS = 10;

/** Sends one reply to the client a subscription belongs to. */
export type ScanSend = (name: IncomingMessageName, value: Record<string, unknown>) => void;

interface Subscription {
  readonly clientId: number;
  readonly reqId: number;
  readonly query: ScanQuery;
  readonly send: ScanSend;
  timer: TimerHandle | undefined;
}

const key = (clientId: number, reqId: number) => `${clientId}:${reqId}`;

export class ScannerService implements ClientScopedService {
  private readonly subs = new Map<string, Subscription>();

  constructor(
    readonly engine: MarketEngine,
    private readonly clock: HostClock,
  ) {}

  has(clientId: number, reqId: number): boolean {
    return this.subs.has(key(clientId, reqId));
  }

  /** The subscriptions a client holds. */
  count(clientId: number): number {
    let n = 0;
    for (const s of this.subs.values()) if (s.clientId === clientId) n++;
    return n;
  }

  /** Starts a subscription: its first snapshot goes out now. */
  open(clientId: number, reqId: number, query: ScanQuery, send: ScanSend): void {
    const sub: Subscription = { clientId, reqId, query, send, timer: undefined };
    this.subs.set(key(clientId, reqId), sub);
    this.snapshot(sub);
  }

  /** Ends a subscription; false when the client has none with that id. */
  cancel(clientId: number, reqId: number): boolean {
    const sub = this.subs.get(key(clientId, reqId));
    if (!sub) return false;
    this.end(sub);
    return true;
  }

  dropClient(clientId: number): void {
    for (const s of [...this.subs.values()]) if (s.clientId === clientId) this.end(s);
  }

  dispose(): void {
    for (const s of [...this.subs.values()]) this.end(s);
  }

  private end(sub: Subscription): void {
    if (sub.timer) this.clock.clearTimer(sub.timer);
    sub.timer = undefined;
    this.subs.delete(key(sub.clientId, sub.reqId));
  }

  private snapshot(sub: Subscription): void {
    const elements = runScan(this.engine, sub.query, this.clock.now());
    try {
      sub.send("SCANNER_DATA", { reqId: sub.reqId, elements });
    } catch {
      // A reply the client's connection cannot take ends the subscription rather than the timer.
      this.end(sub);
      return;
    }
    sub.timer = this.clock.setTimer(() => {
      sub.timer = undefined;
      if (this.subs.get(key(sub.clientId, sub.reqId)) === sub) this.snapshot(sub);
    }, SCAN_REFRESH_MS);
  }
}

const SCANNER = Symbol("scanner");

/** The scanner service of a host, made on first use (the host ends a leaving client's subscriptions). */
export function scannerOf(host: HostState): ScannerService {
  return host.services.get(SCANNER, () => new ScannerService(host.marketData.engine, host.clock));
}
