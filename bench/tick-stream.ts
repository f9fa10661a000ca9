import { FieldWriter } from "../src/protocol/field-writer.js";
import { encodeMessage } from "../src/protocol/messages/codec.js";
import {
  type TickGenericMessage,
  type TickPriceMessage,
  type TickSizeMessage,
  type TickStringMessage,
  tickGeneric,
  tickPrice,
  tickSize,
  tickString,
} from "../src/protocol/messages/market-data/ticks.js";
import { TickType } from "../src/protocol/models/tick-type.js";

/**
 * The benchmark's tick stream: a realistic level-1 mix for 50 instruments, the same for every run (seeded).
 * 35% TICK_PRICE (bid/ask/last with sizes), 40% TICK_SIZE (sizes and volume), 15% TICK_STRING (last timestamp,
 * RT volume), 10% TICK_GENERIC (halted, shortable). Frames are length-prefixed, back to back.
 */
export interface TickStream {
  bytes: Buffer;
  frames: number;
  /** Frames per message kind, to check that every tick reached its callback. */
  counts: { price: number; size: number; string: number; generic: number };
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function buildTickStream(frames: number, serverVersion: number, seed = 42): TickStream {
  const rand = lcg(seed);
  const writer = new FieldWriter(256);
  const parts: Buffer[] = [];
  const counts = { price: 0, size: 0, string: 0, generic: 0 };
  const base = Array.from({ length: 50 }, (_, i) => 20 + i * 7.31);
  for (let i = 0; i < frames; i++) {
    const reqId = 1000 + Math.floor(rand() * 50);
    const px = Math.round((base[reqId - 1000]! + rand() * 2) * 100) / 100;
    const size = String(100 * (1 + Math.floor(rand() * 25)));
    const r = rand();
    let frame: Buffer;
    if (r < 0.35) {
      const tickType = [TickType.BID, TickType.ASK, TickType.LAST][Math.floor(rand() * 3)]!;
      const m: TickPriceMessage = { reqId, tickType, price: px, size, attrMask: tickType === TickType.LAST ? 0 : 1 };
      frame = encodeMessage(tickPrice, m, serverVersion, writer);
      counts.price++;
    } else if (r < 0.75) {
      const tickType = [TickType.BID_SIZE, TickType.ASK_SIZE, TickType.LAST_SIZE, TickType.VOLUME][
        Math.floor(rand() * 4)
      ]!;
      const m: TickSizeMessage = { reqId, tickType, size: tickType === TickType.VOLUME ? `${2_000_000 + i}` : size };
      frame = encodeMessage(tickSize, m, serverVersion, writer);
      counts.size++;
    } else if (r < 0.9) {
      const t = 1_763_900_000 + Math.floor(i / 100);
      const m: TickStringMessage =
        rand() < 0.5
          ? { reqId, tickType: TickType.LAST_TIMESTAMP, value: String(t) }
          : { reqId, tickType: TickType.RT_VOLUME, value: `${px};${size};${t}123;${2_000_000 + i};${px};true` };
      frame = encodeMessage(tickString, m, serverVersion, writer);
      counts.string++;
    } else {
      const m: TickGenericMessage =
        rand() < 0.5
          ? { reqId, tickType: TickType.HALTED, value: 0 }
          : { reqId, tickType: TickType.SHORTABLE, value: 3 };
      frame = encodeMessage(tickGeneric, m, serverVersion, writer);
      counts.generic++;
    }
    parts.push(Buffer.from(frame));
  }
  return { bytes: Buffer.concat(parts), frames, counts };
}

/** Cuts a stream into socket-sized chunks (64 KiB, as Node's TCP reads deliver them). */
export function chunksOf(bytes: Buffer, size = 65536): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, Math.min(bytes.length, i + size)));
  return out;
}
