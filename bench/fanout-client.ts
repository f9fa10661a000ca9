import type { Socket } from "node:net";
import { EClient } from "../src/client/eclient.js";
import { sizeTickTypeFor } from "../src/protocol/messages/market-data/ticks.js";
import { TickType } from "../src/protocol/models/tick-type.js";

/** Callbacks a fan-out client counted: the four tick kinds, and every other callback a frame produced. */
export interface CallbackCounts {
  tickPrice: number;
  tickSize: number;
  tickString: number;
  tickGeneric: number;
  /** tickSize calls the reader derives from a TICK_PRICE's size (not frames of their own). */
  derivedTickSize: number;
  other: number;
}

/** Weighted delay samples (ms, frames) of one client. */
export interface DelaySamples {
  readonly delays: number[];
  readonly weights: number[];
}

/**
 * Frames the host sent to one client during market updates, as runs of bytes: the byte offset (on this client's
 * stream, counted from the first frame after the handshake) at which each update's last frame ends, the wall time
 * the update began and how many frames it carried. The client pops a run once its last byte has arrived.
 */
class UpdateRuns {
  sentBytes = 0;
  sentFrames = 0;
  private ends: number[] = [];
  private starts: number[] = [];
  private frames: number[] = [];
  private head = 0;

  /** A frame the host sent; `updateStart` NaN when no market update was running (a reply to a request). */
  sent(bytes: number, updateStart: number): void {
    this.sentBytes += bytes;
    this.sentFrames++;
    if (Number.isNaN(updateStart)) return;
    const last = this.starts.length - 1;
    if (last >= this.head && this.starts[last] === updateStart) {
      this.ends[last] = this.sentBytes;
      this.frames[last]!++;
      return;
    }
    this.ends.push(this.sentBytes);
    this.starts.push(updateStart);
    this.frames.push(1);
  }

  /** `received` bytes have arrived by `now`: the runs complete by then become delay samples. */
  arrived(received: number, now: number, out: DelaySamples): void {
    while (this.head < this.ends.length && this.ends[this.head]! <= received) {
      out.delays.push(now - this.starts[this.head]!);
      out.weights.push(this.frames[this.head]!);
      this.head++;
    }
    if (this.head > 4096 && this.head === this.ends.length) {
      this.ends = [];
      this.starts = [];
      this.frames = [];
      this.head = 0;
    }
  }
}

/** EClient with its socket in reach, so the benchmark sees when bytes arrive (before they are dispatched). */
class TappedEClient extends EClient {
  get rawSocket(): Socket | undefined {
    return this.socket;
  }
}

const isPriceWithSize = (tickType: number) => sizeTickTypeFor(tickType) !== TickType.NOT_SET;

/**
 * One of the benchmark's clients: our EClient over real TCP, with a wrapper that counts every callback, and a tap
 * on its socket that turns the arrival of each market update's last byte into a delay sample.
 */
export class FanoutClient {
  readonly counts: CallbackCounts = {
    tickPrice: 0,
    tickSize: 0,
    tickString: 0,
    tickGeneric: 0,
    derivedTickSize: 0,
    other: 0,
  };
  readonly runs = new UpdateRuns();
  receivedBytes = 0;
  samples: DelaySamples = { delays: [], weights: [] };
  readonly client: TappedEClient;

  constructor(readonly clientId: number) {
    const counts = this.counts;
    const wrapper = {
      tickPrice(_reqId: number, tickType: number, _price: number, _attrib: object) {
        counts.tickPrice++;
        if (isPriceWithSize(tickType)) counts.derivedTickSize++;
      },
      tickSize(_reqId: number, _tickType: number, _size: string | undefined) {
        counts.tickSize++;
      },
      tickString(_reqId: number, _tickType: number, _value: string) {
        counts.tickString++;
      },
      tickGeneric(_reqId: number, _tickType: number, _value: number) {
        counts.tickGeneric++;
      },
    };
    this.client = new TappedEClient(wrapper, {
      // connectAck is the client's own event, not a frame.
      onUnhandled: (name) => {
        if (name !== "connectAck") counts.other++;
      },
      onCallbackError: (name, error) => {
        throw new Error(`bench callback ${name} failed`, { cause: error });
      },
    });
  }

  async connect(port: number): Promise<void> {
    await this.client.connect("127.0.0.1", port, this.clientId);
    // Nothing after the handshake reply can have arrived yet: START_API was only just sent.
    this.client.rawSocket!.on("data", (chunk: Buffer) => {
      this.receivedBytes += chunk.length;
      this.runs.arrived(this.receivedBytes, performance.now(), this.samples);
    });
  }

  /** Frames that reached a callback of their own. */
  get framesDispatched(): number {
    const c = this.counts;
    return c.tickPrice + c.tickSize - c.derivedTickSize + c.tickString + c.tickGeneric + c.other;
  }

  get ticks(): number {
    const c = this.counts;
    return c.tickPrice + c.tickSize - c.derivedTickSize + c.tickString + c.tickGeneric;
  }

  /** Every byte sent has arrived and every frame has reached its callback. */
  get drained(): boolean {
    return this.receivedBytes === this.runs.sentBytes && this.framesDispatched === this.runs.sentFrames;
  }

  takeSamples(): DelaySamples {
    const s = this.samples;
    this.samples = { delays: [], weights: [] };
    return s;
  }

  disconnect(): Promise<void> {
    return this.client.disconnect();
  }
}
