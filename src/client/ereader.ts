import { FieldReader } from "../protocol/field-reader.js";
import { FrameDecoder } from "../protocol/framing.js";
import { IncomingMessageId, PROTOBUF_MSG_ID_OFFSET } from "../protocol/message-ids.js";
import { decodeFrame, MessageDecodeError, specRegistry } from "../protocol/messages/index.js";
import {
  readTickGenericProtobuf,
  readTickPriceProtobuf,
  readTickSizeProtobuf,
  readTickStringProtobuf,
} from "../protocol/messages/market-data/tick-protobuf.js";
import {
  readTickPrice,
  sizeTickTypeFor,
  type TickGenericMessage,
  type TickPriceMessage,
  type TickSizeMessage,
  type TickStringMessage,
  tickAttribOf,
} from "../protocol/messages/market-data/ticks.js";
import { TickType } from "../protocol/models/tick-type.js";
import { ProtobufFields } from "../protocol/protobuf-fields.js";
import { ServerVersion } from "../protocol/server-versions.js";

/** What the reader reports besides wrapper callbacks. */
export interface ReaderEvents {
  /** A frame that could not be decoded (the official client's 505 / 508); reading goes on. */
  badFrame(error: MessageDecodeError): void;
  /** A callback with no handler on the wrapper. */
  unhandled(name: string, args: readonly unknown[]): void;
  /** A wrapper callback threw; reading goes on with the next message. */
  callbackError(name: string, error: unknown): void;
  /** The queue of received frames is over / back under its high-water mark: pause / resume the socket. */
  backpressure(paused: boolean): void;
}

export interface ReaderOptions {
  /** Frames dispatched per macrotask before yielding to the event loop. */
  batchSize?: number;
  /** Queued frames above which the reader asks the socket to pause. */
  highWaterFrames?: number;
  /** Schedules the next batch (setImmediate by default; injectable for tests). */
  schedule?: (fn: () => void) => void;
}

/**
 * EReader: socket chunks → frames → messages → EWrapper callbacks, in arrival order.
 *
 * Frames are queued as (chunk, start, end) without copying: a socket chunk is never reused, and the frame
 * decoder assembles split frames into buffers of their own. They are dispatched in bounded batches, one batch
 * per macrotask, so a burst of a million ticks never starves timers and I/O; the queue pauses the socket when it
 * grows past its high-water mark. The callback is looked up on the wrapper at call time, so a class, a plain
 * object or a Proxy all work.
 */
export class EReader {
  private readonly frames = new FrameDecoder();
  private readonly reader = new FieldReader();
  private readonly tick: TickPriceMessage = { reqId: 0, tickType: 0, price: 0, size: undefined, attrMask: 0 };
  private readonly fields = new ProtobufFields();
  private readonly sizeTick: TickSizeMessage = { reqId: 0, tickType: 0, size: undefined };
  private readonly stringTick: TickStringMessage = { reqId: 0, tickType: 0, value: "" };
  private readonly genericTick: TickGenericMessage = { reqId: 0, tickType: 0, value: undefined };
  private qBuf: Uint8Array[] = [];
  private qStart: number[] = [];
  private qEnd: number[] = [];
  private head = 0;
  private scheduled = false;
  private paused = false;
  private readonly batchSize: number;
  private readonly highWater: number;
  private readonly schedule: (fn: () => void) => void;
  private readonly enqueue = (buf: Uint8Array, start: number, end: number) => {
    this.qBuf.push(buf);
    this.qStart.push(start);
    this.qEnd.push(end);
  };

  constructor(
    private readonly wrapper: object,
    private serverVersion: number,
    private readonly events: ReaderEvents,
    options: ReaderOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 4096;
    this.highWater = options.highWaterFrames ?? 262_144;
    this.schedule = options.schedule ?? setImmediate;
  }

  /** Frames waiting to be dispatched. */
  get queued(): number {
    return this.qBuf.length - this.head;
  }

  /** Feeds one socket chunk. Throws the frame decoder's fatal errors (oversized length). */
  push(chunk: Uint8Array): void {
    this.frames.push(chunk, this.enqueue);
    if (!this.paused && this.queued > this.highWater) {
      this.paused = true;
      this.events.backpressure(true);
    }
    if (!this.scheduled && this.queued > 0) {
      this.scheduled = true;
      this.schedule(this.drain);
    }
  }

  /** The stream ended: throws if it ended inside a frame. */
  end(): void {
    this.frames.end();
  }

  /** Dispatches everything queued now, synchronously (used at disconnect and by tests). */
  flush(): void {
    while (this.queued > 0) this.runBatch(Number.POSITIVE_INFINITY);
  }

  private readonly drain = () => {
    this.scheduled = false;
    this.runBatch(this.batchSize);
    if (this.queued > 0) {
      this.scheduled = true;
      this.schedule(this.drain);
    } else if (this.paused) {
      this.paused = false;
      this.events.backpressure(false);
    }
  };

  private runBatch(limit: number): void {
    const stop = Math.min(this.qBuf.length, this.head + limit);
    while (this.head < stop) {
      const i = this.head++;
      const buf = this.qBuf[i]!;
      this.qBuf[i] = EMPTY; // release the chunk as soon as its last frame is dispatched
      this.dispatch(buf, this.qStart[i]!, this.qEnd[i]!);
    }
    if (this.head === this.qBuf.length) {
      this.qBuf.length = 0;
      this.qStart.length = 0;
      this.qEnd.length = 0;
      this.head = 0;
    }
  }

  private dispatch(buf: Uint8Array, start: number, end: number): void {
    const sv = this.serverVersion;
    // The commonest messages by far take a path that allocates nothing beyond the callback's arguments.
    if (sv >= ServerVersion.PROTOBUF && end - start >= 4) {
      const wireId = ((buf[start]! << 24) | (buf[start + 1]! << 16) | (buf[start + 2]! << 8) | buf[start + 3]!) >>> 0;
      const id = wireId - PROTOBUF_MSG_ID_OFFSET;
      if (id >= IncomingMessageId.TICK_PRICE && id <= IncomingMessageId.TICK_STRING && HOT_TEXT[id]) {
        if (this.hotProtobuf(id, buf, start + 4, end)) return;
        this.generic(buf, start, end);
        return;
      }
    }
    if (sv < ServerVersion.PROTOBUF_MARKET_DATA) {
      const r = this.reader;
      let id: number;
      let bodyStart: number;
      if (sv >= ServerVersion.PROTOBUF) {
        id = ((buf[start]! << 24) | (buf[start + 1]! << 16) | (buf[start + 2]! << 8) | buf[start + 3]!) >>> 0;
        bodyStart = start + 4;
      } else {
        r.reset(buf, start, end);
        id = readIdOrMinus(r);
        bodyStart = r.offset;
      }
      if (id >= IncomingMessageId.TICK_PRICE && id <= IncomingMessageId.TICK_STRING && HOT_TEXT[id]) {
        try {
          r.reset(buf, bodyStart, end, 1);
          if (this.hotText(id, r, sv)) return;
        } catch {
          // fall through: the generic path reports the frame with its name and raw bytes
        }
      }
    }
    this.generic(buf, start, end);
  }

  /**
   * The text tick messages, read field by field straight into the callback's arguments (the same reads and rules
   * as their specs; a test checks both paths agree). Returns false when the frame has more fields than it
   * should, so the generic path reports it; nothing has been dispatched then.
   */
  private hotText(id: number, r: FieldReader, sv: number): boolean {
    const w = this.wrapper as HotWrapper;
    if (id === IncomingMessageId.TICK_PRICE) {
      const m = readTickPrice(r, this.tick);
      if (!r.atEnd) return false;
      const attrib = tickAttribOf(m.attrMask, sv);
      const price = w.tickPrice;
      if (typeof price === "function") this.call4("tickPrice", price as Callback, m.reqId, m.tickType, m.price, attrib);
      else this.events.unhandled("tickPrice", [m.reqId, m.tickType, m.price, attrib]);
      const sizeType = sizeTickTypeFor(m.tickType);
      if (sizeType !== TickType.NOT_SET) this.tickSizeCall(w, m.reqId, sizeType, m.size);
      return true;
    }
    r.skip(); // version
    const reqId = r.readInt();
    const tickType = r.readInt();
    if (id === IncomingMessageId.TICK_SIZE) {
      const size = r.readDecimal();
      if (!r.atEnd) return false;
      if (tickType !== TickType.NOT_SET) this.tickSizeCall(w, reqId, tickType, size);
    } else if (id === IncomingMessageId.TICK_STRING) {
      const value = r.readString();
      if (!r.atEnd) return false;
      const fn = w.tickString;
      if (typeof fn === "function") this.call3("tickString", fn as Callback, reqId, tickType, value);
      else this.events.unhandled("tickString", [reqId, tickType, value]);
    } else {
      const value = r.readDouble();
      if (!r.atEnd) return false;
      const fn = w.tickGeneric;
      if (typeof fn === "function") this.call3("tickGeneric", fn as Callback, reqId, tickType, value);
      else this.events.unhandled("tickGeneric", [reqId, tickType, value]);
    }
    return true;
  }

  /**
   * The protobuf tick messages (any server version from PROTOBUF: the form follows the id, as in the generic
   * path), read field by field by src/protocol/messages/market-data/tick-protobuf.ts into reused messages, then
   * called back as the specs' `callbacks` do for the protobuf form (attributes unpacked from all three bits, NOT_SET
   * ticks dropped). Returns false when the body is refused (truncated, malformed, not plain ASCII text): nothing
   * has been dispatched then, and the generic path decodes or reports it.
   */
  private hotProtobuf(id: number, buf: Uint8Array, bodyStart: number, end: number): boolean {
    const f = this.fields.reset(buf, bodyStart, end);
    const w = this.wrapper as HotWrapper;
    if (id === IncomingMessageId.TICK_PRICE) {
      const m = this.tick;
      if (!readTickPriceProtobuf(f, m)) return false;
      // Kept before the first callback: a callback that flushes the reader reuses `m`.
      const { reqId, tickType, size } = m;
      const attrib = tickAttribOf(m.attrMask);
      const price = w.tickPrice;
      if (typeof price === "function") this.call4("tickPrice", price as Callback, reqId, tickType, m.price, attrib);
      else this.events.unhandled("tickPrice", [reqId, tickType, m.price, attrib]);
      const sizeType = sizeTickTypeFor(tickType);
      if (sizeType !== TickType.NOT_SET) this.tickSizeCall(w, reqId, sizeType, size);
    } else if (id === IncomingMessageId.TICK_SIZE) {
      const m = this.sizeTick;
      if (!readTickSizeProtobuf(f, m)) return false;
      if (m.tickType !== TickType.NOT_SET) this.tickSizeCall(w, m.reqId, m.tickType, m.size);
    } else if (id === IncomingMessageId.TICK_STRING) {
      const m = this.stringTick;
      if (!readTickStringProtobuf(f, m)) return false;
      if (m.tickType === TickType.NOT_SET) return true;
      const fn = w.tickString;
      if (typeof fn === "function") this.call3("tickString", fn as Callback, m.reqId, m.tickType, m.value);
      else this.events.unhandled("tickString", [m.reqId, m.tickType, m.value]);
    } else {
      const m = this.genericTick;
      if (!readTickGenericProtobuf(f, m)) return false;
      if (m.tickType === TickType.NOT_SET) return true;
      const fn = w.tickGeneric;
      if (typeof fn === "function") this.call3("tickGeneric", fn as Callback, m.reqId, m.tickType, m.value);
      else this.events.unhandled("tickGeneric", [m.reqId, m.tickType, m.value]);
    }
    return true;
  }

  private tickSizeCall(w: HotWrapper, reqId: number, tickType: number, size: string | undefined): void {
    const fn = w.tickSize;
    if (typeof fn === "function") this.call3("tickSize", fn as Callback, reqId, tickType, size);
    else this.events.unhandled("tickSize", [reqId, tickType, size]);
  }

  // Fixed-arity calls: no argument array and no closure per tick. An exception is reported and reading goes on.
  private call3(name: string, fn: Callback, a: unknown, b: unknown, c: unknown): void {
    try {
      fn.call(this.wrapper as HotWrapper, a, b, c);
    } catch (err) {
      this.events.callbackError(name, err);
    }
  }

  private call4(name: string, fn: Callback, a: unknown, b: unknown, c: unknown, d: unknown): void {
    try {
      fn.call(this.wrapper as HotWrapper, a, b, c, d);
    } catch (err) {
      this.events.callbackError(name, err);
    }
  }

  private generic(buf: Uint8Array, start: number, end: number): void {
    let decoded: ReturnType<typeof decodeFrame>;
    try {
      decoded = decodeFrame(specRegistry, "host", buf, start, end, this.serverVersion, this.reader);
    } catch (err) {
      if (err instanceof MessageDecodeError) this.events.badFrame(err);
      else throw err;
      return;
    }
    const spec = decoded.spec;
    if (spec.direction !== "in") return;
    for (const [name, ...args] of spec.callbacks(decoded.value, this.serverVersion, decoded.form)) {
      this.call(name, ...args);
    }
  }

  private call(name: string, ...args: unknown[]): void {
    const fn = (this.wrapper as Record<string, unknown>)[name];
    if (typeof fn !== "function") {
      this.events.unhandled(name, args);
      return;
    }
    try {
      fn.apply(this.wrapper, args);
    } catch (err) {
      this.events.callbackError(name, err);
    }
  }
}

const EMPTY = new Uint8Array(0);

/** The tick callbacks the hot path calls directly (looked up at call time). */
interface HotWrapper {
  tickPrice?: unknown;
  tickSize?: unknown;
  tickString?: unknown;
  tickGeneric?: unknown;
}
// Typed loosely: the wrapper is any object; a callback is called only when it is a function.
type Callback = (this: HotWrapper, ...args: unknown[]) => void;

/** Ids with a hot path, text or protobuf: TICK_PRICE, TICK_SIZE, TICK_GENERIC, TICK_STRING. */
const HOT_TEXT: boolean[] = [];
for (const id of [
  IncomingMessageId.TICK_PRICE,
  IncomingMessageId.TICK_SIZE,
  IncomingMessageId.TICK_GENERIC,
  IncomingMessageId.TICK_STRING,
]) {
  HOT_TEXT[id] = true;
}

/** The text message id, or -1 when it is unreadable (the generic path then reports the frame). */
function readIdOrMinus(r: FieldReader): number {
  try {
    return r.readInt();
  } catch {
    return -1;
  }
}
