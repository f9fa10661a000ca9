import { MarketDataType } from "../../protocol/models/market-data.js";
import { TickType } from "../../protocol/models/tick-type.js";
import type { HostClock, TimerHandle } from "../clock.js";
import type { MarketEngine, MarketInstrument, MarketState } from "../engine/market/index.js";
import { changeTicks, firstTicks, type StreamView, type TickReply } from "./ticks.js";

/** Sends one reply to the client a stream belongs to. */
export type ReplySink = (name: TickReply[0], value: unknown) => void;

/** Market data settings of the host. */
export interface MarketDataOptions {
  /** Whether the account has a live subscription for an instrument (default: every one). */
  readonly realTime?: (instrument: MarketInstrument) => boolean;
  /** How late delayed data is (default 15 minutes). */
  readonly delayMs?: number;
  /** How often streams are brought up to date, in ms of host time (default 1000). */
  readonly intervalMs?: number;
}

interface Stream {
  readonly clientId: number;
  readonly view: StreamView;
  readonly send: ReplySink;
  state: MarketState;
}

/** What TWS charges for one regulatory snapshot, in US cents (TWS API docs 22.08.05: 0.01 USD each). */
export const REGULATORY_SNAPSHOT_FEE_CENTS = 1;

/** The data type a request gets, and whether it is delayed. */
export interface StreamKind {
  readonly delayed: boolean;
  /** What MARKET_DATA_TYPE reports. */
  readonly reported: number;
}

/**
 * The level-1 streams of every client: market data lines (shared by all clients), each client's market data type,
 * and one timer on the host clock that brings every stream up to date and sends what changed.
 */
export class MarketDataService {
  private readonly streams = new Map<number, Map<number, Stream>>();
  private readonly types = new Map<number, number>();
  private readonly snapshotFees = new Map<number, number>();
  private timer: TimerHandle | undefined;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private readonly realTime: (instrument: MarketInstrument) => boolean;

  constructor(
    readonly engine: MarketEngine,
    private readonly clock: HostClock,
    readonly lines: number,
    options: MarketDataOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 15 * 60_000;
    this.intervalMs = options.intervalMs ?? 1000;
    this.realTime = options.realTime ?? (() => true);
  }

  /** Streaming subscriptions open, over all clients (each takes a market data line). */
  get linesInUse(): number {
    let n = 0;
    for (const m of this.streams.values()) n += m.size;
    return n;
  }

  setType(clientId: number, type: number): void {
    this.types.set(clientId, type);
  }

  has(clientId: number, reqId: number): boolean {
    return this.streams.get(clientId)?.has(reqId) ?? false;
  }

  /**
   * What a client's request for `instrument` gets: real-time when the account has it, delayed when the client
   * asked for delayed data (3, 4), or undefined (not subscribed: 354). Frozen types report frozen while closed.
   */
  kindOf(clientId: number, instrument: MarketInstrument): StreamKind | undefined {
    const asked = this.types.get(clientId) ?? MarketDataType.REALTIME;
    const open = this.engine.state(instrument, this.clock.now()).trading;
    if (this.realTime(instrument)) {
      const frozen = !open && (asked === MarketDataType.FROZEN || asked === MarketDataType.DELAYED_FROZEN);
      return { delayed: false, reported: frozen ? MarketDataType.FROZEN : MarketDataType.REALTIME };
    }
    if (asked === MarketDataType.DELAYED) return { delayed: true, reported: MarketDataType.DELAYED };
    if (asked === MarketDataType.DELAYED_FROZEN) {
      return { delayed: true, reported: open ? MarketDataType.DELAYED : MarketDataType.DELAYED_FROZEN };
    }
    return undefined;
  }

  /** The state a view shows now (delayed views lag by the delay). */
  stateOf(view: StreamView, now = this.clock.now()): MarketState {
    return this.engine.state(view.instrument, view.delayed ? now - this.delayMs : now);
  }

  /** Sends the first ticks of a view, and keeps it streaming unless `snapshot`. */
  open(clientId: number, view: StreamView, send: ReplySink, snapshot: boolean): void {
    const state = this.stateOf(view);
    for (const [name, value] of firstTicks(view, state)) send(name, value);
    if (snapshot) return;
    let m = this.streams.get(clientId);
    if (!m) {
      m = new Map();
      this.streams.set(clientId, m);
    }
    m.set(view.reqId, { clientId, view, send, state });
    this.schedule();
  }

  /**
   * A regulatory snapshot: the snapshot's ticks, the time of the last trade in ms (LAST_REG_TIME, which TWS
   * returns with regulatory snapshots), and a fee of 0.01 USD charged to the client's account.
   */
  regulatorySnapshot(clientId: number, view: StreamView, send: ReplySink): void {
    const state = this.stateOf(view);
    for (const [name, value] of firstTicks(view, state)) send(name, value);
    if (state.lastTime >= 0) {
      send("TICK_STRING", { reqId: view.reqId, tickType: TickType.LAST_REG_TIME, value: String(state.lastTime) });
    }
    this.snapshotFees.set(clientId, (this.snapshotFees.get(clientId) ?? 0) + REGULATORY_SNAPSHOT_FEE_CENTS);
  }

  /**
   * The regulatory snapshot fees charged to each client id since the host started, in US cents (whole cents, so
   * the sums are exact). A client that leaves keeps its charges.
   */
  regulatorySnapshotFees(): ReadonlyMap<number, number> {
    return this.snapshotFees;
  }

  /** Ends a stream; false when the client has none with that id. */
  cancel(clientId: number, reqId: number): boolean {
    const m = this.streams.get(clientId);
    if (!m?.delete(reqId)) return false;
    if (m.size === 0) this.streams.delete(clientId);
    return true;
  }

  /** A client went away: its streams free their lines. */
  dropClient(clientId: number): void {
    this.streams.delete(clientId);
    this.types.delete(clientId);
  }

  /** Brings every stream up to date now (after a halt, say). */
  refresh(): void {
    const now = this.clock.now();
    // Many streams (of many clients) show the same instrument: its state at one instant is computed once.
    const live = new Map<MarketInstrument, MarketState>();
    const delayed = new Map<MarketInstrument, MarketState>();
    for (const m of [...this.streams.values()]) {
      for (const stream of [...m.values()]) {
        const { instrument } = stream.view;
        const states = stream.view.delayed ? delayed : live;
        let next = states.get(instrument);
        if (!next) {
          next = this.stateOf(stream.view, now);
          states.set(instrument, next);
        }
        this.update(stream, next);
      }
    }
  }

  dispose(): void {
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.streams.clear();
  }

  private update(stream: Stream, next: MarketState): void {
    const replies = changeTicks(stream.view, stream.state, next);
    const opened = stream.state.trading !== next.trading;
    stream.state = next;
    try {
      if (opened) this.frozenSwitch(stream, next.trading);
      for (const [name, value] of replies) stream.send(name, value);
    } catch {
      // A reply that cannot be encoded at the client's version ends its stream rather than the timer.
      this.cancel(stream.clientId, stream.view.reqId);
    }
  }

  /**
   * A client that asked for frozen data (2 or 4) hears MARKET_DATA_TYPE when its stream's market closes (frozen)
   * or opens again (live or delayed), as TWS tells it with the `marketDataType` callback.
   */
  private frozenSwitch(stream: Stream, open: boolean): void {
    const asked = this.types.get(stream.clientId) ?? MarketDataType.REALTIME;
    if (asked !== MarketDataType.FROZEN && asked !== MarketDataType.DELAYED_FROZEN) return;
    const type = stream.view.delayed
      ? open
        ? MarketDataType.DELAYED
        : MarketDataType.DELAYED_FROZEN
      : open
        ? MarketDataType.REALTIME
        : MarketDataType.FROZEN;
    stream.send("MARKET_DATA_TYPE", { reqId: stream.view.reqId, marketDataType: type });
  }

  private schedule(): void {
    if (this.timer || this.streams.size === 0) return;
    const now = this.clock.now();
    this.timer = this.clock.setTimer(
      () => {
        this.timer = undefined;
        this.refresh();
        this.schedule();
      },
      this.intervalMs - (now % this.intervalMs),
    );
  }
}
