import { describe, expect, it } from "vitest";
import { EncodeError, InvalidCharacterError } from "./errors.js";
import { FieldWriter } from "./field-writer.js";
import { OutgoingMessageId } from "./message-ids.js";
import { ServerVersion } from "./server-versions.js";

const notation = (buf: Buffer) => buf.toString("latin1").replaceAll("\0", "|");

describe("FieldWriter (rules of the official Python client, comm.make_field / make_field_handle_empty)", () => {
  it("writes plain fields verbatim, Python spellings for doubles", () => {
    const w = new FieldWriter().begin();
    w.int(9).double(0).double(100).double(1e-5).bool(true).bool(false).string("SPY").string("");
    expect(notation(w.payload())).toBe("9|0.0|100.0|1e-05|1|0|SPY||");
  });

  it("leaves unset ints and doubles empty in handle-empty fields and writes +inf as Infinity", () => {
    const w = new FieldWriter().begin();
    w.intMax(undefined).intMax(2147483647).intMax(5).doubleMax(undefined).doubleMax(Number.MAX_VALUE);
    w.doubleMax(Number.POSITIVE_INFINITY).doubleMax(1.5);
    expect(notation(w.payload())).toBe("||5|||Infinity|1.5|");
  });

  it("writes an unset Decimal as the 2^127-1 literal and longs with every digit", () => {
    const w = new FieldWriter().begin();
    w.decimal(undefined).decimal("0.5").decimal(100).long(9223372036854775807n);
    expect(notation(w.payload())).toBe("170141183460469231731687303715884105727|0.5|100|9223372036854775807|");
  });

  it("refuses characters the official client refuses (error 579) and non-numbers", () => {
    const w = new FieldWriter().begin();
    expect(() => w.string("Zürich")).toThrow(InvalidCharacterError);
    expect(() => w.string("a\u0001")).toThrow(InvalidCharacterError);
    expect(() => w.string("tab\tand\nline\r")).not.toThrow();
    expect(() => w.int(1.5)).toThrow(EncodeError);
    expect(() => w.decimal("12a")).toThrow(EncodeError);
  });

  it("frames the payload with its length and writes the id as text below 201, binary from 201", () => {
    const w = new FieldWriter(8);
    const text = w.begin().messageId(OutgoingMessageId.REQ_CURRENT_TIME, 176).int(1).finish();
    expect(text.toString("hex")).toBe(`00000005${Buffer.from("49\x001\x00").toString("hex")}`);
    const bin = w.begin().messageId(OutgoingMessageId.REQ_CURRENT_TIME, ServerVersion.PROTOBUF).int(1).finish();
    expect(bin.toString("hex")).toBe("00000006" + "00000031" + "3100");
    const pb = w.begin().messageId(OutgoingMessageId.START_API, 213, true).bytes(Uint8Array.of(8, 7)).finish();
    expect(pb.toString("hex")).toBe("00000006" + "0000010f" + "0807");
    expect(() => w.begin().messageId(71, 200, true)).toThrow(EncodeError);
  });

  it("grows past its initial capacity and is reusable", () => {
    const w = new FieldWriter(1);
    const long = "x".repeat(5000);
    const a = w.begin().string(long).finish();
    expect(a.length).toBe(4 + 5001);
    const b = w.begin().string("y").finish();
    expect(b.toString("latin1")).toBe("\0\0\0\x02y\0");
    expect(a.subarray(4, 8).toString()).toBe("xxxx");
  });
});
