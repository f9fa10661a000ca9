import type { IncomingMessageName } from "../../protocol/message-ids.js";
import type { HostClock, TimerHandle } from "../clock.js";
import type { MarketEngine, MarketInstrument } from "../engine/market/index.js";
import type { HostState } from "../handlers/types.js";
import { type Book, bookAt, bookOps, type DepthRowOp } from "./depth.js";
import { barAt, historicalTicks, TapeReader, ticksAt } from "./tape.js";

/**
 * The depth, tick-by-tick and real-time bar subscriptions of one host, and one timer on the host clock (every
 * second, on the second) that brings each of them up to the host's time: depth books send their row operations,
 * tick-by-tick streams the ticks of the seconds passed, bar streams each 5-second bar once its interval is over.
 */

/** Sends one reply to the client a subscription belongs to. */
export type Send = (name: IncomingMessageName, value: Record<string, unknown>) => void;

/** The most depth subscriptions a host serves at once (TWS: 3, error 309). */
export const MAX_DEPTH_SUBSCRIPTIONS = 3;
/**
 * TWS API docs (tick-by-tick data): "No more than 1 tick-by-tick request can be made for the same instrument within
 * 15 seconds". The host applies it per instrument and tick type, so Last and BidAsk of one stock may open together.
 */
export const TICK_BY_TICK_REPEAT_MS = 15_000;
/** The longest stretch of seconds one update catches up on (a clock jumped far ahead starts from there). */
const MAX_CATCH_UP_SECONDS = 3600;

interface Sub {
  readonly clientId: number;
  readonly reqId: number;
  readonly send: Send;
}

interface DepthSub extends Sub {
  readonly instrument: MarketInstrument;
  readonly rows: number;
  readonly smart: boolean;
  book: Book;
}

interface TickSub extends Sub {
  readonly tape: TapeReader;
  readonly type: number;
  readonly ignoreSize: boolean;
  /** The last second sent. */
  second: number;
}

interface BarSub extends Sub {
  readonly tape: TapeReader;
  readonly whatToShow: string;
  readonly rth: boolean;
  /** The start (epoch seconds) of the next bar to send. */
  next: number;
}

export type StreamKind = "depth" | "ticks" | "bars";

const key = (clientId: number, reqId: number) => `${clientId}:${reqId}`;

export class StreamService {
  private readonly depth = new Map<string, DepthSub>();
  private readonly ticks = new Map<string, TickSub>();
  private readonly bars = new Map<string, BarSub>();
  /** When each instrument and tick type last had a tick-by-tick request accepted (conId:type → epoch ms). */
  private readonly tickRequests = new Map<string, number>();
  private timer: TimerHandle | undefined;

  constructor(
    readonly engine: MarketEngine,
    private readonly clock: HostClock,
    /** Tick-by-tick subscriptions allowed at once: 5 % of the market data lines (at least 1). */
    readonly maxTickByTick: number,
  ) {}

  count(kind: StreamKind): number {
    return this.map(kind).size;
  }

  has(kind: StreamKind, clientId: number, reqId: number): boolean {
    return this.map(kind).has(key(clientId, reqId));
  }

  /** Opens a book: every row goes out as an insert, and it follows the market from then on. */
  openDepth(sub: Sub & { instrument: MarketInstrument; rows: number; smart: boolean }): void {
    const d: DepthSub = { ...sub, book: { bids: [], asks: [] } };
    this.depth.set(key(sub.clientId, sub.reqId), d);
    this.updateDepth(d, this.clock.now());
    this.schedule();
  }

  /**
   * Whether a tick-by-tick request for `instrument` and `type` comes too soon after the last one accepted (within
   * {@link TICK_BY_TICK_REPEAT_MS}, by any client).
   */
  tickRequestTooSoon(instrument: MarketInstrument, type: number): boolean {
    const at = this.tickRequests.get(`${instrument.conId}:${type}`);
    return at !== undefined && this.clock.now() - at < TICK_BY_TICK_REPEAT_MS;
  }

  /**
   * The depth books start again (a market data farm came back): each subscription hears 317 "RESET", its book
   * empties and every row is inserted again, as TWS asks the client to do with its own copy.
   */
  resetDepth(notice: (clientId: number, reqId: number) => void): void {
    const now = this.clock.now();
    for (const d of [...this.depth.values()]) {
      this.guard(d, "depth", () => {
        notice(d.clientId, d.reqId);
        d.book = { bids: [], asks: [] };
        this.updateDepth(d, now);
      });
    }
  }

  /** Opens a tick-by-tick stream: the latest `history` ticks first, then each new one. */
  openTicks(sub: Sub & { instrument: MarketInstrument; type: number; ignoreSize: boolean; history: number }): void {
    const second = Math.floor(this.clock.now() / 1000);
    const t: TickSub = { ...sub, tape: new TapeReader(this.engine, sub.instrument), second };
    this.ticks.set(key(sub.clientId, sub.reqId), t);
    this.tickRequests.set(`${sub.instrument.conId}:${sub.type}`, this.clock.now());
    if (sub.history > 0) this.sendTicks(t, historicalTicks(t.tape, t.type, second, sub.history, t.ignoreSize));
    this.schedule();
  }

  /** Opens a 5-second bar stream; the first bar is the one under way. */
  openBars(sub: Sub & { instrument: MarketInstrument; whatToShow: string; rth: boolean }): void {
    const next = Math.floor(this.clock.now() / 5000) * 5;
    this.bars.set(key(sub.clientId, sub.reqId), { ...sub, tape: new TapeReader(this.engine, sub.instrument), next });
    this.schedule();
  }

  /** Ends a subscription; false when the client has none of that kind with that id. */
  cancel(kind: StreamKind, clientId: number, reqId: number): boolean {
    const done = this.map(kind).delete(key(clientId, reqId));
    this.unscheduleIfIdle();
    return done;
  }

  /** A client went away: its subscriptions end. */
  dropClient(clientId: number): void {
    for (const m of [this.depth, this.ticks, this.bars] as Map<string, Sub>[]) {
      for (const [k, s] of m) if (s.clientId === clientId) m.delete(k);
    }
    this.unscheduleIfIdle();
  }

  /** Brings every subscription up to the host's time. */
  refresh(): void {
    const now = this.clock.now();
    for (const d of [...this.depth.values()]) this.guard(d, "depth", () => this.updateDepth(d, now));
    for (const t of [...this.ticks.values()]) this.guard(t, "ticks", () => this.updateTicks(t, now));
    for (const b of [...this.bars.values()]) this.guard(b, "bars", () => this.updateBars(b, now));
  }

  dispose(): void {
    this.depth.clear();
    this.ticks.clear();
    this.bars.clear();
    this.unscheduleIfIdle();
  }

  private map(kind: StreamKind): Map<string, Sub> {
    return kind === "depth" ? this.depth : kind === "ticks" ? this.ticks : this.bars;
  }

  /** A reply that cannot be encoded at the client's version ends that subscription rather than the timer. */
  private guard(sub: Sub, kind: StreamKind, fn: () => void): void {
    try {
      fn();
    } catch {
      this.cancel(kind, sub.clientId, sub.reqId);
    }
  }

  private updateDepth(d: DepthSub, now: number): void {
    const next = bookAt(this.engine, d.instrument, now, d.rows);
    const ops = bookOps(d.book, next);
    d.book = next;
    for (const op of ops) this.sendRow(d, op);
  }

  private sendRow(d: DepthSub, op: DepthRowOp): void {
    const row = { reqId: d.reqId, position: op.position, operation: op.operation, side: op.side, price: op.price };
    const size = String(op.size);
    if (d.smart) d.send("MARKET_DEPTH_L2", { ...row, size, marketMaker: op.marketMaker, isSmartDepth: true });
    else d.send("MARKET_DEPTH", { ...row, size });
  }

  private updateTicks(t: TickSub, now: number): void {
    const second = Math.floor(now / 1000);
    const from = Math.max(t.second + 1, second - MAX_CATCH_UP_SECONDS);
    for (let s = from; s <= second; s++) this.sendTicks(t, ticksAt(t.tape, t.type, s, t.ignoreSize));
    t.second = second;
  }

  private sendTicks(t: TickSub, ticks: readonly Record<string, unknown>[]): void {
    for (const tick of ticks) t.send("TICK_BY_TICK", { reqId: t.reqId, tickType: t.type, ...tick });
  }

  private updateBars(b: BarSub, now: number): void {
    const second = Math.floor(now / 1000);
    b.next = Math.max(b.next, Math.floor((second - MAX_CATCH_UP_SECONDS) / 5) * 5);
    for (; b.next + 5 <= second; b.next += 5) {
      const bar = barAt(b.tape, b.next, b.whatToShow, b.rth);
      if (bar) b.send("REAL_TIME_BARS", { reqId: b.reqId, ...bar });
    }
  }

  private schedule(): void {
    if (this.timer) return;
    const now = this.clock.now();
    this.timer = this.clock.setTimer(
      () => {
        this.timer = undefined;
        this.refresh();
        if (this.depth.size + this.ticks.size + this.bars.size > 0) this.schedule();
      },
      1000 - (now % 1000),
    );
  }

  private unscheduleIfIdle(): void {
    if (this.depth.size + this.ticks.size + this.bars.size > 0 || !this.timer) return;
    this.clock.clearTimer(this.timer);
    this.timer = undefined;
  }
}

const STREAMS = Symbol("streams");

/** The stream service of a host, made on first use (the host drops a leaving client's subscriptions). */
export function streamsOf(host: HostState): StreamService {
  const md = host.marketData;
  return host.services.get(
    STREAMS,
    () => new StreamService(md.engine, host.clock, Math.max(1, Math.floor(host.options.marketDataLines / 20))),
  );
}
