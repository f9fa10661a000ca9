import { describe, expect, it } from "vitest";
import { FrameDecoder } from "../../src/protocol/framing.js";
import {
  decodeMessage,
  encodeMessage,
  type MessageSpec,
  specByName,
  specRegistry,
} from "../../src/protocol/messages/index.js";
import { notationToPayload } from "../harness/notation.js";
import { renderCalls } from "../harness/render.js";
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
      expect(renderCalls(spec.callbacks(d.value, v.sv, d.form))).toEqual(v.callbacks);
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
  it("arrive intact fed whole, byte by byte and split at every boundary", () => {
    for (const sv of new Set(all.map((v) => v.sv))) {
      const frames = all.filter((v) => v.sv === sv).map((v) => notationToPayload(v.frame, sv));
      const stream = Buffer.concat(frames.map((f) => Buffer.concat([Buffer.alloc(4, 0), f]))).fill(0, 0, 0);
      let at = 0;
      for (const f of frames) {
        stream.writeUInt32BE(f.length, at);
        at += 4 + f.length;
      }
      const want = frames.map((f) => f.toString("hex"));
      const cuts = [
        [stream],
        ...Array.from({ length: stream.length - 1 }, (_, i) => [stream.subarray(0, i + 1), stream.subarray(i + 1)]),
        Array.from(stream, (b) => Uint8Array.of(b)),
      ];
      for (const chunks of cuts) {
        const got: string[] = [];
        const d = new FrameDecoder();
        for (const c of chunks) d.push(c, (b, s, e) => got.push(Buffer.from(b.subarray(s, e)).toString("hex")));
        expect(got).toEqual(want);
      }
    }
  });
});
