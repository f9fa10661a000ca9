import { FrameStreamBrokenError, FrameTooLargeError, type ProtocolError, TruncatedFrameError } from "./errors.js";

/** The largest payload the official clients accept (`MAX_MSG_LEN`, 0xFFFFFF). */
export const MAX_FRAME_LENGTH = 0xffffff;

/** Receives one frame's payload as `buf[start, end)`. The bytes are only valid during the call. */
export type FrameHandler = (buf: Uint8Array, start: number, end: number) => void;

/**
 * Splits a byte stream into length-prefixed frames (`[uint32 big-endian length][payload]`).
 *
 * Frames that lie inside one chunk are handed over in place, without a copy; only a frame that spans chunks is
 * assembled, into a buffer of exactly its length. A header announcing more than `maxLength` bytes is a
 * {@link FrameTooLargeError}: nothing of that size is ever allocated, and the decoder refuses further input,
 * because the stream can no longer be split reliably.
 *
 * If the handler throws, the bytes after that frame are kept and delivered by the next `push` (or `flush`):
 * nothing is lost and nothing is delivered twice.
 */
export class FrameDecoder {
  private readonly maxLength: number;
  /** Bytes of a header cut by a chunk boundary (at most 3). */
  private readonly header = new Uint8Array(4);
  private headerLength = 0;
  /** The frame being assembled across chunks, and how much of it has arrived. */
  private partial: Uint8Array | undefined;
  private partialFilled = 0;
  /** Unprocessed bytes left behind by a handler that threw. */
  private backlog: Uint8Array | undefined;
  private broken: ProtocolError | undefined;

  constructor(options: { maxLength?: number } = {}) {
    this.maxLength = options.maxLength ?? MAX_FRAME_LENGTH;
  }

  /** True when no partial frame is pending. */
  get idle(): boolean {
    return this.headerLength === 0 && this.partial === undefined && this.backlog === undefined;
  }

  /** Bytes received that belong to a frame not yet complete. */
  get pendingBytes(): number {
    return this.headerLength + (this.partial ? 4 + this.partialFilled : 0) + (this.backlog?.length ?? 0);
  }

  /** Feeds one chunk; `onFrame` is called once per complete frame, in order. */
  push(chunk: Uint8Array, onFrame: FrameHandler): void {
    if (this.broken) throw new FrameStreamBrokenError(this.broken);
    if (this.backlog) {
      // Only after a handler threw: rare, so a copy is fine.
      chunk = concat(this.backlog, chunk);
      this.backlog = undefined;
    }
    this.process(chunk, onFrame);
  }

  /** Delivers frames held back by a handler that threw, without new input. */
  flush(onFrame: FrameHandler): void {
    if (this.backlog) this.push(new Uint8Array(0), onFrame);
  }

  /** Call when the stream ends: throws {@link TruncatedFrameError} if it ended inside a frame. */
  end(): void {
    if (this.partial) throw new TruncatedFrameError(this.partial.length, this.partialFilled);
    if (this.headerLength > 0) throw new TruncatedFrameError(4, this.headerLength);
  }

  private process(chunk: Uint8Array, onFrame: FrameHandler): void {
    let pos = 0;
    const n = chunk.length;

    if (this.partial) {
      const want = this.partial.length - this.partialFilled;
      const take = Math.min(want, n);
      this.partial.set(chunk.subarray(0, take), this.partialFilled);
      this.partialFilled += take;
      pos = take;
      if (this.partialFilled < this.partial.length) return;
      const frame = this.partial;
      this.partial = undefined;
      this.partialFilled = 0;
      this.deliver(frame, 0, frame.length, chunk, pos, onFrame);
    }

    if (this.headerLength > 0) {
      while (this.headerLength < 4 && pos < n) this.header[this.headerLength++] = chunk[pos++]!;
      if (this.headerLength < 4) return;
      this.headerLength = 0;
      const length = readLength(this.header, 0);
      this.check(length);
      if (n - pos >= length) {
        const start = pos;
        pos += length;
        this.deliver(chunk, start, pos, chunk, pos, onFrame);
      } else {
        this.startPartial(length, chunk, pos);
        return;
      }
    }

    while (pos < n) {
      if (n - pos < 4) {
        while (pos < n) this.header[this.headerLength++] = chunk[pos++]!;
        return;
      }
      const length = readLength(chunk, pos);
      this.check(length);
      const start = pos + 4;
      if (n - start < length) {
        this.startPartial(length, chunk, start);
        return;
      }
      pos = start + length;
      this.deliver(chunk, start, pos, chunk, pos, onFrame);
    }
  }

  private check(length: number): void {
    if (length > this.maxLength) {
      this.broken = new FrameTooLargeError(length, this.maxLength);
      throw this.broken;
    }
  }

  private startPartial(length: number, chunk: Uint8Array, from: number): void {
    this.partial = new Uint8Array(length);
    this.partial.set(chunk.subarray(from), 0);
    this.partialFilled = chunk.length - from;
  }

  /** Calls the handler; if it throws, keeps the rest of the chunk for later before rethrowing. */
  private deliver(
    buf: Uint8Array,
    start: number,
    end: number,
    chunk: Uint8Array,
    rest: number,
    onFrame: FrameHandler,
  ): void {
    try {
      onFrame(buf, start, end);
    } catch (err) {
      if (rest < chunk.length) this.backlog = chunk.slice(rest);
      throw err;
    }
  }
}

function readLength(buf: Uint8Array, at: number): number {
  return ((buf[at]! << 24) | (buf[at + 1]! << 16) | (buf[at + 2]! << 8) | buf[at + 3]!) >>> 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** One frame: the 4-byte big-endian length, then the payload. */
export function encodeFrame(payload: Uint8Array): Buffer {
  if (payload.length > MAX_FRAME_LENGTH) throw new FrameTooLargeError(payload.length, MAX_FRAME_LENGTH);
  const out = Buffer.allocUnsafe(4 + payload.length);
  out.writeUInt32BE(payload.length, 0);
  out.set(payload, 4);
  return out;
}
