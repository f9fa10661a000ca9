import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EReader } from "../../src/client/ereader.js";
import { encodeFrame } from "../../src/protocol/framing.js";
import { decodeMessage, encodeMessage, specRegistry } from "../../src/protocol/messages/index.js";
import {
  readTickGenericProtobuf,
  readTickPriceProtobuf,
  readTickSizeProtobuf,
  readTickStringProtobuf,
} from "../../src/protocol/messages/market-data/tick-protobuf.js";
import {
  type TickGenericMessage,
  type TickPriceMessage,
  type TickSizeMessage,
  type TickStringMessage,
  tickGeneric,
  tickPrice,
  tickSize,
  tickString,
} from "../../src/protocol/messages/market-data/ticks.js";
import { TickType } from "../../src/protocol/models/tick-type.js";
import { BinaryWriter } from "../../src/protocol/proto/index.js";
import { ProtobufFields } from "../../src/protocol/protobuf-fields.js";
import { notationToPayload } from "../harness/notation.js";
import { normalizeCalls, renderCalls } from "../harness/render.js";
import { readRecording, sharedPath } from "../harness/shared.js";
import { allVectors } from "../vectors/index.js";

/**
 * The EReader's protobuf tick path (TICK_PRICE, TICK_SIZE, TICK_STRING, TICK_GENERIC read straight from the frame
 * bytes) against the generic one (decodeMessage, the generated codec, the spec's callbacks): the same callbacks
 * with the same arguments, in the same order, for well-formed, unusual and broken frames alike.
 */

const SV = 226;

/** Runs payloads (frames without their length) through an EReader, as one socket chunk or in `chunk`-byte pieces. */
function viaReader(payloads: readonly Uint8Array[], sv: number, chunk = 0): unknown[][] {
  const calls: unknown[][] = [];
  const wrapper = new Proxy(
    {},
    {
      get:
        (_t, n) =>
        (...a: unknown[]) =>
          calls.push([n, ...a]),
    },
  );
  const events = {
    badFrame: (e: Error) => calls.push(["badFrame", e.name, e.message]),
    unhandled: () => {},
    callbackError: () => {},
    backpressure: () => {},
  };
  const reader = new EReader(wrapper, sv, events, { schedule: () => {} });
  const stream = Buffer.concat(payloads.map((p) => encodeFrame(p)));
  const step = chunk > 0 ? chunk : stream.length;
  for (let i = 0; i < stream.length; i += step) reader.push(stream.subarray(i, i + step));
  reader.flush();
  return calls;
}

/** The generic path: decodeMessage and the spec's callbacks. */
function viaSpecs(payloads: readonly Uint8Array[], sv: number): unknown[][] {
  return payloads.flatMap((p) => {
    try {
      const d = decodeMessage(specRegistry, "host", p, sv);
      if (d.spec.direction !== "in") return [];
      return d.spec.callbacks(d.value, sv, d.form).map((c) => [...c]);
    } catch (e) {
      return [["badFrame", (e as Error).name, (e as Error).message]];
    }
  });
}

/** Whether the fast reader takes the payload's body, and what it reads (undefined when it refuses). */
function fastRead(payload: Uint8Array): unknown {
  const id = Buffer.from(payload).readUInt32BE(0) - 200;
  const f = new ProtobufFields().reset(payload, 4, payload.length);
  const out: Record<string, unknown> = {};
  const read =
    id === 1
      ? readTickPriceProtobuf(f, out as unknown as TickPriceMessage)
      : id === 2
        ? readTickSizeProtobuf(f, out as unknown as TickSizeMessage)
        : id === 45
          ? readTickGenericProtobuf(f, out as unknown as TickGenericMessage)
          : readTickStringProtobuf(f, out as unknown as TickStringMessage);
  return read ? out : undefined;
}

/** A payload: the 4-byte wire id, then a protobuf body. */
function payload(wireId: number, body: Uint8Array): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(wireId);
  return Buffer.concat([head, body]);
}

const price = (m: Partial<TickPriceMessage>) =>
  Buffer.from(
    encodeMessage(tickPrice, { reqId: 0, tickType: 0, price: 0, size: undefined, attrMask: 0, ...m }, SV),
  ).subarray(4);
const size = (m: Partial<TickSizeMessage>) =>
  Buffer.from(encodeMessage(tickSize, { reqId: 0, tickType: 0, size: undefined, ...m }, SV)).subarray(4);
const text = (m: Partial<TickStringMessage>) =>
  Buffer.from(encodeMessage(tickString, { reqId: 0, tickType: 0, value: "", ...m }, SV)).subarray(4);
const generic = (m: Partial<TickGenericMessage>) =>
  Buffer.from(encodeMessage(tickGeneric, { reqId: 0, tickType: 0, value: undefined, ...m }, SV)).subarray(4);

/** Frames our encoders write, absent fields included (an absent proto3 optional is simply not on the wire). */
const encoded: Buffer[] = [
  price({ reqId: 7, tickType: TickType.BID, price: 187.25, size: "300", attrMask: 1 }),
  price({ reqId: 7, tickType: TickType.ASK, price: 187.26, size: "0.0001", attrMask: 7 }),
  price({ reqId: 7, tickType: TickType.LAST, price: -0.5, size: "12345678901234567890.123", attrMask: 6 }),
  price({ reqId: 7, tickType: TickType.DELAYED_LAST, price: 1.7976931348623157e308, size: "", attrMask: 0 }),
  price({ reqId: 8, tickType: TickType.HIGH, price: 190, size: undefined, attrMask: 0 }),
  price({ reqId: -1, tickType: TickType.BID, price: undefined, size: undefined, attrMask: undefined as never }),
  price({ reqId: undefined as never, tickType: undefined as never, price: undefined }),
  price({ reqId: 2147483647, tickType: TickType.NOT_SET, price: 1, size: "1", attrMask: -1 }),
  size({ reqId: 9, tickType: TickType.BID_SIZE, size: "100" }),
  size({ reqId: 9, tickType: TickType.VOLUME, size: "2000000.5" }),
  size({ reqId: 9, tickType: TickType.NOT_SET, size: "1" }),
  size({ reqId: 9, tickType: TickType.ASK_SIZE, size: undefined }),
  size({ reqId: undefined as never, tickType: undefined as never }),
  text({ reqId: 10, tickType: TickType.LAST_TIMESTAMP, value: "1763900000" }),
  text({ reqId: 10, tickType: TickType.RT_VOLUME, value: "187.25;300;1763900000123;2000000;187.2;true" }),
  text({ reqId: 10, tickType: TickType.RT_VOLUME, value: "" }),
  text({ reqId: 10, tickType: TickType.NOT_SET, value: "dropped" }),
  text({ reqId: 10, tickType: 84, value: "Zürich € \uFEFFbom" }),
  text({ reqId: undefined as never, tickType: undefined as never, value: undefined as never }),
  generic({ reqId: 11, tickType: TickType.HALTED, value: 0 }),
  generic({ reqId: 11, tickType: TickType.SHORTABLE, value: 3 }),
  generic({ reqId: 11, tickType: TickType.HALTED, value: Number.NaN }),
  generic({ reqId: 11, tickType: TickType.NOT_SET, value: 1 }),
  generic({ reqId: 11, tickType: TickType.HALTED, value: undefined }),
];

/** TICK_PRICE for reqId 5, BID 100.5, size "200", attrMask 3, with fields TickPrice.proto does not have. */
const withUnknownFields = payload(
  201,
  new BinaryWriter()
    .uint32((1 << 3) | 0)
    .int32(5)
    .uint32((9 << 3) | 0)
    .uint64(2n ** 63n)
    .uint32((2 << 3) | 0)
    .int32(TickType.BID)
    .uint32((10 << 3) | 2)
    .string("not a tick field")
    .uint32((3 << 3) | 1)
    .double(100.5)
    .uint32((11 << 3) | 1)
    .fixed64(1n)
    .uint32((12 << 3) | 5)
    .fixed32(1)
    .uint32((4 << 3) | 2)
    .string("200")
    .uint32((5 << 3) | 0)
    .int32(3)
    .finish(),
);

describe("the EReader's protobuf tick path", () => {
  it("reads every encoder-built tick, absent fields included, and calls back as the generic path does", () => {
    for (const p of encoded) {
      if (p.includes(0xc3) || p.includes(0xe2))
        expect(fastRead(p)).toBeUndefined(); // non-ASCII: generic
      else expect(fastRead(p), p.toString("hex")).toBeDefined();
    }
    const calls = viaReader(encoded, SV);
    expect(calls).toEqual(viaSpecs(encoded, SV));
    // Spot checks against the spec's rules, so the comparison is not of two empty lists.
    expect(calls[0]).toEqual([
      "tickPrice",
      7,
      TickType.BID,
      187.25,
      { canAutoExecute: true, pastLimit: false, preOpen: false },
    ]);
    expect(calls[1]).toEqual(["tickSize", 7, TickType.BID_SIZE, "300"]);
    expect(calls).toContainEqual(["tickSize", 7, TickType.ASK_SIZE, "0.0001"]);
    expect(calls).toContainEqual(["tickSize", 7, TickType.DELAYED_LAST_SIZE, ""]);
    expect(calls).toContainEqual([
      "tickPrice",
      -1,
      TickType.BID,
      undefined,
      { canAutoExecute: true, pastLimit: true, preOpen: true },
    ]);
    expect(calls).toContainEqual(["tickSize", 9, TickType.ASK_SIZE, undefined]);
    expect(calls).toContainEqual(["tickString", -1, 2147483647, ""]);
    expect(calls).toContainEqual(["tickGeneric", 11, TickType.HALTED, undefined]);
    expect(calls.some((c) => c[1] === 10 && c[2] === TickType.NOT_SET)).toBe(false);
  });

  it("is the same over every server version with protobuf frames, and across chunk boundaries", () => {
    const want = viaSpecs(encoded, SV);
    for (const sv of [201, 205, 206, 214]) expect(viaReader(encoded, sv)).toEqual(want);
    expect(viaReader(encoded, SV, 7)).toEqual(want);
    expect(viaReader(encoded, SV, 1)).toEqual(want);
  });

  it("skips fields the message does not have, as protobuf requires", () => {
    expect(fastRead(withUnknownFields)).toEqual({ reqId: 5, tickType: 1, price: 100.5, size: "200", attrMask: 3 });
    const calls = viaReader([withUnknownFields], SV);
    expect(calls).toEqual([
      ["tickPrice", 5, TickType.BID, 100.5, { canAutoExecute: true, pastLimit: true, preOpen: false }],
      ["tickSize", 5, TickType.BID_SIZE, "200"],
    ]);
    expect(calls).toEqual(viaSpecs([withUnknownFields], SV));
  });

  it("leaves a truncated frame to the generic path's error, and reads on with the next frame", () => {
    const whole = price({ reqId: 3, tickType: TickType.ASK, price: 12.5, size: "400", attrMask: 0 });
    const next = size({ reqId: 3, tickType: TickType.VOLUME, size: "9" });
    for (let cut = 5; cut < whole.length; cut++) {
      const truncated = whole.subarray(0, cut);
      const frames = [truncated, next];
      const calls = viaReader(frames, SV);
      expect(calls, `cut at ${cut}`).toEqual(viaSpecs(frames, SV));
      expect(calls.at(-1)).toEqual(["tickSize", 3, TickType.VOLUME, "9"]);
    }
    const truncated = whole.subarray(0, whole.length - 3); // inside the size string (the last 2 bytes: attrMask)
    expect(fastRead(truncated)).toBeUndefined();
    expect(viaReader([truncated], SV)).toEqual([
      ["badFrame", "MessageDecodeError", "cannot decode TICK_PRICE (protobuf): premature EOF"],
    ]);
  });

  it("property: any body, well formed or not, gives exactly the generic path's callbacks and errors", () => {
    const varint = fc.oneof(
      fc.integer({ min: -2, max: 300 }),
      fc.constantFrom(2147483647, -2147483648, 4294967295, 2 ** 40),
    );
    const field = fc.oneof(
      fc.record({ no: fc.integer({ min: 0, max: 12 }), wt: fc.constant(0), v: varint }),
      fc.record({ no: fc.integer({ min: 0, max: 12 }), wt: fc.constant(1), v: fc.double() }),
      fc.record({
        no: fc.integer({ min: 0, max: 12 }),
        wt: fc.constant(2),
        v: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("100", "0.5", "é", "\uFEFF1", "")),
      }),
      fc.record({ no: fc.integer({ min: 0, max: 12 }), wt: fc.constantFrom(3, 4, 5, 6, 7), v: fc.constant(0) }),
    );
    const body = fc.oneof(
      { weight: 5, arbitrary: fc.array(field, { maxLength: 8 }).map(encodeFields) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 24 }) },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(201, 206, 214, 226),
        fc.array(
          fc.record({ id: fc.constantFrom(201, 202, 245, 246), body, cut: fc.option(fc.nat(), { nil: undefined }) }),
          { minLength: 1, maxLength: 6 },
        ),
        (sv, specs) => {
          const frames = specs.map(({ id, body, cut }) =>
            payload(id, cut === undefined || body.length === 0 ? body : body.subarray(0, cut % body.length)),
          );
          expect(viaReader(frames, sv)).toEqual(viaSpecs(frames, sv));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("matches the official decoder on the golden protobuf tick vectors", () => {
    const golden = allVectors.filter(
      (v) => v.sender === "host" && /^TICK_(PRICE|SIZE|STRING|GENERIC)$/.test(v.message) && v.frame.includes("#"),
    );
    expect(golden.length).toBeGreaterThan(0);
    for (const v of golden) {
      const p = notationToPayload(v.frame, v.sv);
      expect(fastRead(p), v.frame).toBeDefined();
      const calls = viaReader([p], v.sv);
      expect(calls).toEqual(viaSpecs([p], v.sv));
      expect(normalizeCalls(renderCalls(calls))).toEqual(normalizeCalls(v.callbacks!));
    }
  });

  it("matches the official client on every tick frame a real IB Gateway 10.40 sent (server version 214)", () => {
    const files = readdirSync(sharedPath("recordings", "gw1040", "codec")).filter((f) => f.endsWith(".jsonl"));
    let seen = 0;
    for (const file of files) {
      for (const rec of readRecording(`gw1040/codec/${file}`).records) {
        if (rec.leg !== "api_in" || !rec.raw_b64 || !/^TICK_(PRICE|SIZE|STRING|GENERIC)$/.test(rec.msg_name ?? "")) {
          continue;
        }
        const p = Buffer.from(rec.raw_b64, "base64");
        expect(fastRead(p), `${file}#${rec.seq}`).toBeDefined();
        const calls = viaReader([p], 214);
        expect(calls, `${file}#${rec.seq}`).toEqual(viaSpecs([p], 214));
        expect(normalizeCalls(renderCalls(calls)), `${file}#${rec.seq}`).toEqual(normalizeCalls(rec.callbacks!));
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(100);
  });
});

/** Encodes arbitrary (field number, wire type, value) triples, mistyped and unknown fields included. */
function encodeFields(fields: readonly { no: number; wt: number; v: unknown }[]): Uint8Array {
  const w = new BinaryWriter();
  for (const { no, wt, v } of fields) {
    w.uint32(((no << 3) | wt) >>> 0);
    if (wt === 0) w.int64(BigInt(v as number));
    else if (wt === 1) w.double(v as number);
    else if (wt === 2) w.string(v as string);
    else if (wt === 5) w.fixed32(7);
  }
  return w.finish();
}
