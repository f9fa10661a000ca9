import type { Socket } from "node:net";

/**
 * A session's outgoing bytes, bounded: what the client leaves unread (the socket's `writableLength`, plus frames
 * held back while a fault stalls the session) may not pass `maxBytes`; past that `onOverflow` is called once and
 * nothing more is written. A stalled output keeps frames in order and writes them all when released.
 */
export class SessionOutput {
  private held: Buffer[] = [];
  private heldBytes = 0;
  private stalled = false;
  private overflowed = false;

  constructor(
    private readonly socket: Socket,
    private readonly maxBytes: number,
    private readonly onOverflow: (waitingBytes: number) => void,
  ) {}

  /** Bytes written but not yet taken by the client, held ones included. */
  get waitingBytes(): number {
    return this.socket.writableLength + this.heldBytes;
  }

  get isStalled(): boolean {
    return this.stalled;
  }

  /** Writes one frame (the caller's buffer is not kept: pass a copy the caller will not reuse). */
  write(frame: Buffer): void {
    if (this.overflowed || this.socket.destroyed) return;
    if (this.stalled) {
      this.held.push(frame);
      this.heldBytes += frame.length;
    } else {
      this.socket.write(frame);
    }
    this.check();
  }

  /** Holds every further frame until {@link SessionOutput.release}. */
  stall(): void {
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
    for (const frame of frames) this.socket.write(frame);
    this.check();
  }

  private check(): void {
    const waiting = this.waitingBytes;
    if (waiting > this.maxBytes && !this.overflowed) {
      this.overflowed = true;
      this.held = [];
      this.heldBytes = 0;
      this.onOverflow(waiting);
    }
  }
}
