import { FieldReader } from "../src/protocol/field-reader.js";
import { FrameDecoder } from "../src/protocol/framing.js";
import { decodeFrame } from "../src/protocol/messages/codec.js";
import { specRegistry } from "../src/protocol/messages/index.js";

/** Decodes every frame of `chunks` through the generic codec (a typed message object per frame). */
export function decodeAll(chunks: readonly Buffer[], serverVersion: number): number {
  const frames = new FrameDecoder();
  const reader = new FieldReader();
  let n = 0;
  const onFrame = (buf: Uint8Array, start: number, end: number) => {
    decodeFrame(specRegistry, "host", buf, start, end, serverVersion, reader);
    n++;
  };
  for (const c of chunks) frames.push(c, onFrame);
  return n;
}

/** Splits `chunks` into frames and does nothing with them: the cost of framing alone. */
export function frameAll(chunks: readonly Buffer[]): number {
  const frames = new FrameDecoder();
  let n = 0;
  const onFrame = () => {
    n++;
  };
  for (const c of chunks) frames.push(c, onFrame);
  return n;
}
