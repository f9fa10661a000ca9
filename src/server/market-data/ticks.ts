import type { IncomingMessageName } from "../../protocol/message-ids.js";
import { TickType } from "../../protocol/models/tick-type.js";
import type { MarketInstrument, MarketState } from "../engine/market/index.js";

/**
 * The tick messages of a level-1 stream, built from the engine's state: the first sequence in the order IB
 * Gateway 1040 sends it (recordings `l1_*`), and the changes between two states. Real-time streams use the live
 * tick ids; delayed streams the delayed ones (66..76, 88, 90), which TWS sends without the extra TICK_SIZE.
 */

/** One reply: the message name and its value (as the tick specs name the fields). */
export type TickReply = readonly [IncomingMessageName, Record<string, unknown>];

interface TickIds {
  readonly bid: number;
  readonly ask: number;
  readonly last: number;
  readonly bidSize: number;
  readonly askSize: number;
  readonly lastSize: number;
  readonly high: number;
  readonly low: number;
  readonly volume: number;
  readonly close: number;
  readonly open: number;
  readonly timestamp: number;
  readonly halted: number;
}

const LIVE: TickIds = {
  bid: TickType.BID,
  ask: TickType.ASK,
  last: TickType.LAST,
  bidSize: TickType.BID_SIZE,
  askSize: TickType.ASK_SIZE,
  lastSize: TickType.LAST_SIZE,
  high: TickType.HIGH,
  low: TickType.LOW,
  volume: TickType.VOLUME,
  close: TickType.CLOSE,
  open: TickType.OPEN,
  timestamp: TickType.LAST_TIMESTAMP,
  halted: TickType.HALTED,
};

const DELAYED: TickIds = {
  bid: TickType.DELAYED_BID,
  ask: TickType.DELAYED_ASK,
  last: TickType.DELAYED_LAST,
  bidSize: TickType.DELAYED_BID_SIZE,
  askSize: TickType.DELAYED_ASK_SIZE,
  lastSize: TickType.DELAYED_LAST_SIZE,
  high: TickType.DELAYED_HIGH,
  low: TickType.DELAYED_LOW,
  volume: TickType.DELAYED_VOLUME,
  close: TickType.DELAYED_CLOSE,
  open: TickType.DELAYED_OPEN,
  timestamp: TickType.DELAYED_LAST_TIMESTAMP,
  halted: TickType.DELAYED_HALTED,
};

/** Bit 0 of a TICK_PRICE's attrMask: canAutoExecute (TWS sets it on live bids and asks). */
const CAN_AUTO_EXECUTE = 1;

/** What one stream asked for. */
export interface StreamView {
  readonly reqId: number;
  readonly instrument: MarketInstrument;
  readonly delayed: boolean;
  /** The generic tick ids asked for. */
  readonly generic: ReadonlySet<number>;
  /** `mdoff` in the generic tick list: no top-of-book ticks. */
  readonly mdoff: boolean;
  /** The news providers of generic tick 292 (`292:BRFG+DJNL`; every provider for a bare `292`). */
  readonly newsProviders?: readonly string[];
  /**
   * The ticks beyond top of book (option computations, generic ticks), or undefined: a plain stream that asked for
   * no generic tick has none, so its hot path makes nothing more than its own ticks.
   */
  readonly extras?: StreamExtras;
}

/** Where extra ticks go: the builder of a stream's replies. */
export interface TickSink {
  price(tickType: number, price: number, size?: number, attrMask?: number): void;
  size(tickType: number, size: string | number): void;
  text(tickType: number, value: string): void;
  generic(tickType: number, value: number): void;
  option(tickType: number, computation: object): void;
  /** A TICK_NEWS headline (generic tick 292). */
  news(headline: {
    timeStamp: number;
    providerCode: string;
    articleId: string;
    headline: string;
    extraData: string;
  }): void;
}

/** Ticks a stream sends beside top of book: all of them first, then those that changed. */
export interface StreamExtras {
  first(out: TickSink, s: MarketState): void;
  change(out: TickSink, prev: MarketState, s: MarketState): void;
}

/** US stock volume is reported in round lots of 100 (as TWS does); other volumes in units. */
export function volumeOf(view: StreamView, shares: number): string {
  return String(view.instrument.secType === "STK" ? Math.floor(shares / 100) : shares);
}

class Builder implements TickSink {
  readonly out: TickReply[] = [];
  constructor(
    private readonly view: StreamView,
    private readonly ids: TickIds,
  ) {}
  price(tickType: number, price: number, size?: number, attrMask = 0): void {
    if (Number.isNaN(price)) return;
    const s = size === undefined ? undefined : String(size);
    this.out.push(["TICK_PRICE", { reqId: this.view.reqId, tickType, price, size: s, attrMask }]);
  }
  size(tickType: number, size: string | number): void {
    this.out.push(["TICK_SIZE", { reqId: this.view.reqId, tickType, size: String(size) }]);
  }
  text(tickType: number, value: string): void {
    this.out.push(["TICK_STRING", { reqId: this.view.reqId, tickType, value }]);
  }
  generic(tickType: number, value: number): void {
    this.out.push(["TICK_GENERIC", { reqId: this.view.reqId, tickType, value }]);
  }
  option(tickType: number, computation: object): void {
    this.out.push(["TICK_OPTION_COMPUTATION", { reqId: this.view.reqId, tickType, ...computation }]);
  }
  news(headline: object): void {
    this.out.push(["TICK_NEWS", { tickerId: this.view.reqId, ...headline }]);
  }
  /** A bid or ask: live ones carry canAutoExecute and are followed by their own TICK_SIZE. */
  quote(priceType: number, price: number, size: number): void {
    this.price(priceType, price, size, this.view.delayed ? 0 : CAN_AUTO_EXECUTE);
  }
  /** A change of one side of the quote: the new price (and its size), or the new size alone. */
  side(priceType: number, sizeType: number, p0: number, p1: number, z0: number, z1: number): void {
    if (p0 !== p1) {
      this.quote(priceType, p1, z1);
      if (!this.view.delayed) this.size(sizeType, z1);
    } else if (z0 !== z1) this.size(sizeType, z1);
  }
  trade(s: MarketState): void {
    const { ids, view } = this;
    if (Number.isNaN(s.last)) return;
    this.price(ids.last, s.last, s.lastSize);
    if (!view.delayed) this.size(ids.lastSize, s.lastSize);
  }
}

/** The first ticks of a stream, in the recorded order; `prev` undefined. */
export function firstTicks(view: StreamView, s: MarketState): TickReply[] {
  const ids = view.delayed ? DELAYED : LIVE;
  const b = new Builder(view, ids);
  if (!view.mdoff) {
    if (view.delayed) {
      b.quote(ids.bid, s.bid, s.bidSize);
      b.quote(ids.ask, s.ask, s.askSize);
      b.trade(s);
      if (s.lastTime >= 0) b.text(ids.timestamp, String(Math.floor(s.lastTime / 1000)));
      b.price(ids.high, s.high);
      b.price(ids.low, s.low);
      b.size(ids.volume, volumeOf(view, s.volume));
      b.price(ids.close, s.close);
      b.price(ids.open, s.open);
    } else {
      if (s.lastTime >= 0) b.text(ids.timestamp, String(Math.floor(s.lastTime / 1000)));
      b.trade(s);
      b.size(ids.volume, volumeOf(view, s.volume));
      b.price(ids.high, s.high);
      b.price(ids.low, s.low);
      b.price(ids.close, s.close);
      b.price(ids.open, s.open);
      b.quote(ids.bid, s.bid, s.bidSize);
      b.quote(ids.ask, s.ask, s.askSize);
      b.size(ids.bidSize, s.bidSize);
      b.size(ids.askSize, s.askSize);
    }
  }
  if (s.halted) b.generic(ids.halted, 1);
  view.extras?.first(b, s);
  return b.out;
}

/** The ticks that tell a stream how `s` differs from `prev`. */
export function changeTicks(view: StreamView, prev: MarketState, s: MarketState): TickReply[] {
  const ids = view.delayed ? DELAYED : LIVE;
  const b = new Builder(view, ids);
  if (!view.mdoff) {
    b.side(ids.bid, ids.bidSize, prev.bid, s.bid, prev.bidSize, s.bidSize);
    b.side(ids.ask, ids.askSize, prev.ask, s.ask, prev.askSize, s.askSize);
    if (prev.lastTime !== s.lastTime) {
      b.trade(s);
      b.size(ids.volume, volumeOf(view, s.volume));
      b.text(ids.timestamp, String(Math.floor(s.lastTime / 1000)));
    }
    if (prev.open !== s.open && !Number.isNaN(s.open)) b.price(ids.open, s.open);
    if (prev.high !== s.high) b.price(ids.high, s.high);
    if (prev.low !== s.low) b.price(ids.low, s.low);
    if (prev.close !== s.close) b.price(ids.close, s.close);
  }
  if (prev.halted !== s.halted) b.generic(ids.halted, s.halted ? 1 : 0);
  view.extras?.change(b, prev, s);
  return b.out;
}
