import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readRecording } from "../../test/harness/shared.js";
import { FrameStreamBrokenError, FrameTooLargeError, TruncatedFrameError } from "./errors.js";
import { encodeFrame, FrameDecoder, MAX_FRAME_LENGTH } from "./framing.js";

function collect(decoder: FrameDecoder, chunks: Uint8Array[]): string[] {
  const out: string[] = [];
  for (const c of chunks) decoder.push(c, (b, s, e) => out.push(Buffer.from(b.subarray(s, e)).toString("hex")));
  return out;
}

/** Every way of cutting `bytes` into two chunks, plus byte-by-byte. */
function splits(bytes: Uint8Array): Uint8Array[][] {
  const out: Uint8Array[][] = [[bytes]];
  for (let i = 1; i < bytes.length; i++) out.push([bytes.subarray(0, i), bytes.subarray(i)]);
  out.push(Array.from(bytes, (b) => Uint8Array.of(b)));
  return out;
}

/** Real frames a 10.40 IB Gateway sent (gw1040 recordings: 4-byte id + protobuf body, length prefix removed). */
function recordedPayloads(): Buffer[] {
  const { records } = readRecording("gw1040/codec/l1_spy_qqq_rth.jsonl");
  return records
    .filter((r) => r.leg === "api_in" && r.raw_b64)
    .slice(0, 12)
    .map((r) => Buffer.from(r.raw_b64!, "base64"));
}

describe("FrameDecoder", () => {
  it("splits recorded gateway frames fed whole, byte by byte and cut at every boundary", () => {
    const payloads = recordedPayloads();
    expect(payloads.length).toBeGreaterThanOrEqual(10);
    const stream = Buffer.concat(payloads.map((p) => encodeFrame(p)));
    const want = payloads.map((p) => p.toString("hex"));
    for (const chunks of splits(stream)) {
      const d = new FrameDecoder();
      expect(collect(d, chunks)).toEqual(want);
      expect(d.idle).toBe(true);
    }
  });

  it("reads the length as 4 big-endian bytes (hand-built frame)", () => {
    // 00 00 00 03 | 'a' NUL 'b'  — one frame of three bytes, then a zero-length frame.
    const bytes = Uint8Array.of(0, 0, 0, 3, 0x61, 0, 0x62, 0, 0, 0, 0);
    expect(collect(new FrameDecoder(), [bytes])).toEqual(["610062", ""]);
  });

  it("hands over frames inside one chunk without copying", () => {
    const chunk = encodeFrame(Buffer.from("1\x002\x00"));
    let seen: Uint8Array | undefined;
    new FrameDecoder().push(chunk, (b) => {
      seen = b;
    });
    expect(seen).toBe(chunk);
  });

  it("delivers zero-length frames", () => {
    const d = new FrameDecoder();
    expect(collect(d, [Uint8Array.of(0, 0, 0, 0, 0, 0), Uint8Array.of(0, 0)])).toEqual(["", ""]);
  });

  it("rejects a length above 0xFFFFFF with a typed error and never allocates it", () => {
    const d = new FrameDecoder();
    const header = Uint8Array.of(0x01, 0x00, 0x00, 0x00); // 16,777,216 bytes claimed
    let err: unknown;
    try {
      d.push(header, () => {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FrameTooLargeError);
    expect((err as FrameTooLargeError).length).toBe(MAX_FRAME_LENGTH + 1);
    expect(() => d.push(Uint8Array.of(0), () => {})).toThrow(FrameStreamBrokenError);
  });

  it("accepts exactly the maximum length", () => {
    const d = new FrameDecoder();
    const head = Uint8Array.of(0x00, 0xff, 0xff, 0xff);
    d.push(head, () => {});
    expect(d.pendingBytes).toBe(4);
  });

  it("honours a smaller configured maximum", () => {
    expect(() => new FrameDecoder({ maxLength: 10 }).push(encodeFrame(Buffer.alloc(11)), () => {})).toThrow(
      FrameTooLargeError,
    );
  });

  it("reports a stream that ends inside a frame", () => {
    const d = new FrameDecoder();
    d.push(Uint8Array.of(0, 0, 0, 5, 1, 2), () => {});
    expect(() => d.end()).toThrow(TruncatedFrameError);
    const h = new FrameDecoder();
    h.push(Uint8Array.of(0, 0), () => {});
    expect(() => h.end()).toThrow(TruncatedFrameError);
  });

  it("loses nothing when the handler throws: the rest is delivered by the next push", () => {
    const frames = ["a", "b", "c", "d"].map((s) => encodeFrame(Buffer.from(s)));
    const d = new FrameDecoder();
    const seen: string[] = [];
    const handler = (b: Uint8Array, s: number, e: number) => {
      const v = Buffer.from(b.subarray(s, e)).toString();
      seen.push(v);
      if (v === "b") throw new Error("boom");
    };
    expect(() => d.push(Buffer.concat(frames.slice(0, 3)), handler)).toThrow("boom");
    expect(seen).toEqual(["a", "b"]);
    d.push(frames[3]!, handler);
    expect(seen).toEqual(["a", "b", "c", "d"]);
  });

  it("property: any frame sequence cut at random points decodes to the same frames", () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (payloads, cuts) => {
          const stream = Buffer.concat(payloads.map((p) => encodeFrame(p)));
          const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let prev = 0;
          for (const p of points) {
            chunks.push(stream.subarray(prev, p));
            prev = p;
          }
          chunks.push(stream.subarray(prev));
          const d = new FrameDecoder();
          expect(collect(d, chunks)).toEqual(payloads.map((p) => Buffer.from(p).toString("hex")));
          expect(d.idle).toBe(true);
        },
      ),
    );
  });
});

describe("encodeFrame", () => {
  it("prefixes the payload length as 4 big-endian bytes", () => {
    expect(encodeFrame(Buffer.from("v100..226")).toString("hex")).toBe("00000009763130302e2e323236");
  });
});
