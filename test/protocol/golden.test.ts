import { describe, expect, it } from "vitest";
import { encodeFrame, FrameDecoder } from "../../src/protocol/framing.js";
import {
  decodeMessage,
  encodeMessage,
  type MessageSpec,
  specByName,
  specRegistry,
} from "../../src/protocol/messages/index.js";
import { notationToPayload } from "../harness/notation.js";
import { normalizeCalls, renderCalls } from "../harness/render.js";
import { allVectors } from "../vectors/index.js";
import type { GoldenVector } from "../vectors/types.js";

const all: GoldenVector[] = allVectors;

function specOf(v: GoldenVector): MessageSpec {
  const spec = specByName(v.sender, v.message);
  if (!spec) throw new Error(`no spec for ${v.message}`);
  return spec;
}

describe.each(all.map((v) => [`${v.message} sv${v.sv} ${v.frame} (${v.source})`, v] as const))("%s", (_, v) => {
  const payload = notationToPayload(v.frame, v.sv);
  const spec = specOf(v);

  it("decodes", () => {
    const d = decodeMessage(specRegistry, v.sender, payload, v.sv);
    expect(d.spec).toBe(spec);
    if (v.value !== undefined) expect(d.value).toEqual(v.value);
    if (v.callbacks !== undefined) {
      if (spec.direction !== "in") throw new Error("callbacks on a request vector");
      expect(normalizeCalls(renderCalls(spec.callbacks(d.value, v.sv, d.form)))).toEqual(normalizeCalls(v.callbacks));
    }
  });

  // Reply frames given to the official decoder were built by hand; only client frames (the official client's
  // own output) and recorded gateway frames pin the encoder's spelling.
  const outsideBytes = v.sender === "client" || v.source.startsWith("gw1040") || v.source.startsWith("hand");
  if (outsideBytes)
    it("encodes to the same bytes", () => {
      const d = decodeMessage(specRegistry, v.sender, payload, v.sv);
      const value = v.value ?? d.value;
      const frame = encodeMessage(spec, value, v.sv, undefined, d.form);
      expect(frame.subarray(4).toString("hex")).toBe(payload.toString("hex"));
    });
});

describe("golden frames through the frame decoder", () => {
  // Each vector's frame, fed whole, byte by byte and cut at every boundary, arrives intact; and all vectors of a
  // version back to back in 1,000-byte chunks (as a socket might deliver them) arrive in order.
  it("arrive intact, however the stream is cut", () => {
    for (const sv of new Set(all.map((v) => v.sv))) {
      const frames = all.filter((v) => v.sv === sv).map((v) => notationToPayload(v.frame, sv));
      for (const f of frames) {
        const framed = encodeFrame(f);
        const cuts = [
          [framed],
          ...Array.from({ length: framed.length - 1 }, (_, i) => [framed.subarray(0, i + 1), framed.subarray(i + 1)]),
          Array.from(framed, (b) => Uint8Array.of(b)),
        ];
        for (const chunks of cuts) expect(decodeChunks(chunks)).toEqual([f.toString("hex")]);
      }
      const stream = Buffer.concat(frames.map((f) => encodeFrame(f)));
      const chunks: Buffer[] = [];
      for (let i = 0; i < stream.length; i += 1000) chunks.push(stream.subarray(i, i + 1000));
      expect(decodeChunks(chunks)).toEqual(frames.map((f) => f.toString("hex")));
    }
  });
});

function decodeChunks(chunks: readonly Uint8Array[]): string[] {
  const got: string[] = [];
  const d = new FrameDecoder();
  for (const c of chunks) d.push(c, (b, s, e) => got.push(Buffer.from(b.subarray(s, e)).toString("hex")));
  return got;
}
