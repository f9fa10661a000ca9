import type { Socket } from "node:net";

/** The smallest batch buffer; each next one is as large as the batch before it, so it rarely has to grow. */
const INITIAL_BATCH_BYTES = 4096;

/**
 * A session's outgoing bytes, batched and bounded.
 *
 * Frames written in one turn of the event loop (one market data update, say, or the replies to one socket read)
 * are copied into one buffer and leave in a single socket write when the turn's synchronous work is done (a
 * microtask): a write per frame costs a system call each, and at thousands of ticks per update that was most of
 * the host's time. The order of frames is kept.
 *
 * What the client leaves unread (the socket's `writableLength` once a batch is written, and frames held back while
 * a fault stalls the session) may not pass `maxBytes`; past that `onOverflow` is called once and nothing more is
 * written. The batch of the current turn does not count: the client has had no chance to read it yet. A stalled
 * output keeps frames in order and writes them all when released.
 */
export class SessionOutput {
  private batch = Buffer.allocUnsafe(INITIAL_BATCH_BYTES);
  private batchBytes = 0;
  private flushQueued = false;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private stalled = false;
  private overflowed = false;
  private readonly flushNow = () => this.flush();

  constructor(
    private readonly socket: Socket,
    private readonly maxBytes: number,
    private readonly onOverflow: (waitingBytes: number) => void,
  ) {}

  /** Bytes written but not yet taken by the client, batched and held ones included. */
  get waitingBytes(): number {
    return this.socket.writableLength + this.batchBytes + this.heldBytes;
  }

  get isStalled(): boolean {
    return this.stalled;
  }

  /** Queues one frame; its bytes are copied at once, so the caller may reuse its buffer. */
  write(frame: Uint8Array): void {
    if (this.overflowed || this.socket.destroyed) return;
    if (this.stalled) {
      this.held.push(Buffer.from(frame));
      this.heldBytes += frame.length;
      this.check();
    } else {
      this.append(frame);
    }
  }

  /** Writes the batch now (before the session ends its socket, say). */
  flush(): void {
    this.flushQueued = false;
    const n = this.batchBytes;
    if (n === 0) return;
    const out = this.batch.subarray(0, n);
    // The socket may keep `out` until the kernel takes it: the next batch gets a buffer of its own.
    this.batch = Buffer.allocUnsafe(Math.max(INITIAL_BATCH_BYTES, n));
    this.batchBytes = 0;
    if (this.overflowed || this.socket.destroyed) return;
    this.socket.write(out);
    this.check();
  }

  /** Holds every further frame until {@link SessionOutput.release}. */
  stall(): void {
    this.flush();
    this.stalled = true;
  }

  /** Writes the held frames and stops holding. */
  release(): void {
    if (!this.stalled) return;
    this.stalled = false;
    const frames = this.held;
    this.held = [];
    this.heldBytes = 0;
    if (this.overflowed || this.socket.destroyed) return;
    for (const frame of frames) this.append(frame);
  }

  private append(frame: Uint8Array): void {
    const need = this.batchBytes + frame.length;
    if (need > this.batch.length) {
      const bigger = Buffer.allocUnsafe(Math.max(need, this.batch.length * 2));
      this.batch.copy(bigger, 0, 0, this.batchBytes);
      this.batch = bigger;
    }
    this.batch.set(frame, this.batchBytes);
    this.batchBytes = need;
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(this.flushNow);
    }
  }

  private check(): void {
    const waiting = this.socket.writableLength + this.heldBytes;
    if (waiting > this.maxBytes && !this.overflowed) {
      this.overflowed = true;
      this.held = [];
      this.heldBytes = 0;
      this.batchBytes = 0;
      this.onOverflow(waiting);
    }
  }
}
