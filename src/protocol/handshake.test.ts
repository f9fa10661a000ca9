import { describe, expect, it } from "vitest";
import { readRecording } from "../../test/harness/shared.js";
import { HandshakeError, VersionNegotiationError } from "./errors.js";
import { FrameDecoder } from "./framing.js";
import {
  API_PREFIX,
  ApiPrefixReader,
  clientHelloText,
  decodeClientHello,
  decodeServerHello,
  encodeClientHello,
  encodeServerHello,
  formatConnectionTime,
  negotiateServerVersion,
} from "./handshake.js";

/** The handshake records of a real IB Gateway 10.40 session driven by the official Python client 10.46.01. */
function recordedHandshake() {
  const { records } = readRecording("gw1040/codec/hmds_bars_and_head_timestamp.jsonl");
  const get = (name: string) => {
    const r = records.find((x) => x.msg_name === name);
    if (!r?.raw_b64) throw new Error(`no ${name} record`);
    return Buffer.from(r.raw_b64, "base64");
  };
  return { prefix: get("API_PREFIX"), version: get("CLIENT_VERSION"), server: get("SERVER_VERSION") };
}

describe("client hello", () => {
  it("matches the reference bytes for v100..226 (hand: reference section 1, Java EClient 10.50)", () => {
    expect(encodeClientHello().toString("hex")).toBe("4150490000000009763130302e2e323236");
  });

  it("matches the bytes the official Python client 10.46.01 sent to a real gateway (gw1040)", () => {
    const rec = recordedHandshake();
    expect(rec.prefix).toEqual(Buffer.from(API_PREFIX));
    expect(rec.version.toString("latin1")).toBe("v100..225");
    const ours = encodeClientHello({ min: 100, max: 225 });
    expect(ours.subarray(0, 4)).toEqual(rec.prefix);
    expect(ours.subarray(8)).toEqual(rec.version);
    expect(ours.readUInt32BE(4)).toBe(rec.version.length);
    expect(decodeClientHello(rec.version)).toEqual({ min: 100, max: 225, connectOptions: "" });
  });

  it("appends connect options after a space and reads them back", () => {
    expect(clientHelloText({ connectOptions: "+PACEAPI" })).toBe("v100..226 +PACEAPI");
    expect(decodeClientHello(Buffer.from("v157..178 +PACEAPI"))).toEqual({
      min: 157,
      max: 178,
      connectOptions: "+PACEAPI",
    });
    expect(decodeClientHello(Buffer.from("v176"))).toEqual({ min: 176, max: 176, connectOptions: "" });
  });

  it("refuses text that is not a version range", () => {
    expect(() => decodeClientHello(Buffer.from("hello"))).toThrow(HandshakeError);
    expect(() => decodeClientHello(Buffer.from("v200..100"))).toThrow(HandshakeError);
  });
});

describe("host side: the API\\0 prefix", () => {
  it("consumes the prefix across chunks and returns what follows", () => {
    const bytes = encodeClientHello({ min: 100, max: 193 });
    const p = new ApiPrefixReader();
    expect(p.push(bytes.subarray(0, 2))).toBeUndefined();
    const rest = p.push(bytes.subarray(2));
    expect(p.done).toBe(true);
    const frames: string[] = [];
    new FrameDecoder().push(rest!, (b, s, e) => frames.push(Buffer.from(b.subarray(s, e)).toString()));
    expect(frames).toEqual(["v100..193"]);
  });

  it("rejects a peer that does not start with API\\0", () => {
    expect(() => new ApiPrefixReader().push(Buffer.from("GET / HTTP/1.1\r\n"))).toThrow(HandshakeError);
  });
});

describe("server hello", () => {
  it("decodes and re-encodes the reply of a real IB Gateway 10.40 (gw1040)", () => {
    const { server } = recordedHandshake();
    const hello = decodeServerHello(server);
    expect(hello).toEqual({ serverVersion: 214, connectionTime: "20261002 10:57:40 Central European Standard Time" });
    expect(encodeServerHello(hello).subarray(4)).toEqual(server);
  });

  it("refuses a reply without exactly two fields", () => {
    expect(() => decodeServerHello(Buffer.from("214\0"))).toThrow(HandshakeError);
    expect(() => decodeServerHello(Buffer.from("214\0t\0x\0"))).toThrow(HandshakeError);
  });

  it("formats the connection time as TWS does, in the host's zone", () => {
    const t = Date.UTC(2026, 9, 2, 8, 57, 40);
    expect(formatConnectionTime(t, "Europe/Berlin")).toBe("20261002 10:57:40 Central European Summer Time");
    expect(formatConnectionTime(t, "US/Eastern")).toBe("20261002 04:57:40 Eastern Daylight Time");
  });
});

describe("negotiation", () => {
  const host = { min: 100, max: 226 };
  it("answers the highest version inside both ranges", () => {
    expect(negotiateServerVersion({ min: 100, max: 226 }, host)).toBe(226);
    expect(negotiateServerVersion({ min: 100, max: 193 }, host)).toBe(193);
    expect(negotiateServerVersion({ min: 157, max: 178 }, host)).toBe(178);
    expect(negotiateServerVersion({ min: 100, max: 226 }, { min: 100, max: 200 })).toBe(200);
  });

  it("honours the client's minimum and refuses ranges that do not meet", () => {
    expect(() => negotiateServerVersion({ min: 210, max: 226 }, { min: 100, max: 200 })).toThrow(
      VersionNegotiationError,
    );
    expect(() => negotiateServerVersion({ min: 100, max: 150 }, { min: 176, max: 226 })).toThrow(
      VersionNegotiationError,
    );
  });
});
