import { describe, expect, it } from "vitest";
import { decodeServerHello, encodeServerHello, formatConnectionTime } from "../../src/protocol/handshake.js";
import { MAX_CLIENT_VERSION, ServerVersion } from "../../src/protocol/server-versions.js";
import { hostFixture } from "../harness/host-fixture.js";

const fx = hostFixture();

describe("handshake and version negotiation", () => {
  it.each([
    { min: 100, max: 226, cap: undefined, expected: 226 },
    { min: 100, max: 225, cap: undefined, expected: 225 },
    { min: 157, max: 178, cap: undefined, expected: 178 }, // ib_async's range
    { min: 100, max: 193, cap: undefined, expected: 193 }, // @stoqey/ib
    { min: 100, max: 226, cap: 200, expected: 200 }, // --server-version 200: a modern client speaks text
    { min: 157, max: 178, cap: 176, expected: 176 },
    { min: 176, max: 176, cap: undefined, expected: 176 },
    { min: 100, max: 100, cap: undefined, expected: 100 },
  ])("client v$min..$max, host cap $cap → $expected", async ({ min, max, cap, expected }) => {
    const { host } = await fx.start(cap === undefined ? {} : { serverVersion: cap });
    const c = await fx.client(host, { min, max });
    const hello = await c.hello;
    expect(hello.serverVersion).toBe(expected);
    // The connection time is the host clock's, in its time zone, as TWS writes it.
    expect(hello.connectionTime).toBe(formatConnectionTime(host.clock.now(), "US/Eastern"));
    expect(hello.connectionTime).toMatch(/^\d{8} \d\d:\d\d:\d\d Eastern (Daylight|Standard) Time$/);
  });

  it("answers a client whose minimum is above the host's maximum with its own version, then hangs up", async () => {
    const { host, logs } = await fx.start({ serverVersion: 200 });
    const c = await fx.client(host, { min: 210, max: 226 });
    expect((await c.hello).serverVersion).toBe(200);
    await c.closed;
    expect(c.received).toEqual([]);
    expect(logs.entries.some((e) => /no common server version/.test(e.message))).toBe(true);
  });

  it("sends nothing after its reply until START_API arrives", async () => {
    const { host } = await fx.start();
    const c = await fx.client(host, { min: 100, max: MAX_CLIENT_VERSION });
    const hello = await c.hello;
    // The first chunk holds the reply frame and nothing else...
    expect(c.chunks[0]).toEqual(encodeServerHello(hello));
    expect(decodeServerHello(c.chunks[0]!.subarray(4))).toEqual(hello);
    // ...and START_API is what makes the host speak: the first message after it is MANAGED_ACCTS.
    expect(c.received).toEqual([]);
    c.startApi(3);
    const first = await c.take(() => true);
    expect(first.name).toBe("MANAGED_ACCTS");
    expect(c.received[0]).toBe(first);
  });

  it("accepts START_API as text at a protobuf version (a client may send either form)", async () => {
    const { host } = await fx.start();
    const c = await fx.client(host, { max: 214 });
    c.send("START_API", { clientId: 4, optionalCapabilities: "" }, "text");
    expect((await c.take("MANAGED_ACCTS")).form).toBe("protobuf");
  });

  it("closes a connection that does not start with API\\0, or sends another message before START_API", async () => {
    const { host, logs } = await fx.start();
    const raw = fx.open(host, { sendHello: false });
    await new Promise<void>((resolve) => raw.socket.once("connect", () => resolve()));
    raw.socket.write(Buffer.from("GET / HTTP/1.1\r\n\r\n"));
    await raw.closed;
    expect(logs.entries.some((e) => /not a TWS API client/.test(e.message))).toBe(true);

    const early = await fx.client(host, { max: 176 });
    early.send("REQ_CURRENT_TIME", {});
    await early.closed;
    expect(early.received).toEqual([]);
    expect(logs.entries.some((e) => /first message must be START_API/.test(e.message))).toBe(true);
  });

  it("refuses a version range it cannot read and a frame over the request limit", async () => {
    const { host } = await fx.start({ maxRequestBytes: 1024 });
    const bad = fx.open(host, { sendHello: false });
    await new Promise<void>((resolve) => bad.socket.once("connect", () => resolve()));
    bad.socket.write(Buffer.concat([Buffer.from("API\0"), Buffer.from([0, 0, 0, 5]), Buffer.from("hello")]));
    await bad.closed;

    const big = await fx.ready(host, 9);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(4096);
    big.socket.write(header);
    await big.closed;
    // The host still serves others.
    const ok = await fx.ready(host, 10);
    ok.send("REQ_CURRENT_TIME", {});
    expect((await ok.take("CURRENT_TIME")).value.time).toBe(Math.floor(host.clock.now() / 1000));
  });

  it("rejects a serverVersion cap outside 100..226", async () => {
    await expect(fx.start({ serverVersion: 99 })).rejects.toThrow(/serverVersion must be from 100/);
    await expect(fx.start({ serverVersion: ServerVersion.PROTOBUF + 100 })).rejects.toThrow(/to 226/);
  });
});
