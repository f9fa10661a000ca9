import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { EClient } from "../../src/client/eclient.js";
import { ConnectError } from "../../src/client/eclient-core.js";
import { encodeFrame } from "../../src/protocol/framing.js";
import { encodeMessage, specByName } from "../../src/protocol/messages/index.js";
import { notationToPayload } from "../harness/notation.js";
import { type ScriptedHost, startScriptedHost } from "../harness/scripted-host.js";

/** A wrapper that records every callback as [name, ...args]. */
function recorder() {
  const calls: unknown[][] = [];
  const wrapper = new Proxy(
    {},
    {
      get: (_t, name) => (typeof name === "string" ? (...args: unknown[]) => calls.push([name, ...args]) : undefined),
    },
  );
  return { calls, wrapper };
}

let host: ScriptedHost | undefined;
let client: EClient | undefined;
const servers: Server[] = [];
afterEach(async () => {
  await client?.disconnect();
  client = undefined;
  await host?.close();
  host = undefined;
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

function until(pred: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (pred() ? resolve() : setImmediate(check));
    check();
  });
}

describe("EClient.connect", () => {
  it.each([176, 200, 226])("negotiates %i and sends START_API in that version's form", async (sv) => {
    host = await startScriptedHost({ maxVersion: sv });
    const { calls, wrapper } = recorder();
    client = new EClient(wrapper, { optionalCapabilities: "" });
    await client.connect("127.0.0.1", host.port, 9);
    expect(client.isConnected()).toBe(true);
    expect(client.serverVersion()).toBe(sv);
    expect(client.twsConnectionTime()).toBe("20261124 09:30:00 EST");
    expect(calls).toEqual([["connectAck"]]);
    const [frame] = await host.waitForFrames(1);
    const want = encodeMessage(specByName("client", "START_API")!, { clientId: 9, optionalCapabilities: "" }, sv);
    expect(frame).toEqual(Buffer.from(want.subarray(4)));
    expect(host.connections[0]!.hello).toEqual({ min: 100, max: 226, connectOptions: "" });
  });

  it("refuses a version outside its range with 506", async () => {
    // The scripted host answers 150 even though the client asked for 157 at least.
    host = await startScriptedHost({ maxVersion: 226, forceVersion: 150 });
    const { calls, wrapper } = recorder();
    client = new EClient(wrapper, { versionRange: { min: 157, max: 178 } });
    const error = await client.connect("127.0.0.1", host.port, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe(506);
    expect(calls.find((c) => c[0] === "error")?.[3]).toBe(506);
    expect(client.isConnected()).toBe(false);
  });

  it("gives 502 when nothing listens, and when the host never answers the handshake", async () => {
    const silent = createServer(() => {});
    servers.push(silent);
    const sockets: Socket[] = [];
    silent.on("connection", (s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const port = (silent.address() as { port: number }).port;
    const { calls, wrapper } = recorder();
    client = new EClient(wrapper, { connectTimeoutMs: 100 });
    const timedOut = await client.connect("127.0.0.1", port, 1).catch((e: unknown) => e);
    expect((timedOut as ConnectError).code).toBe(502);
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
    servers.pop();
    const refused = await new EClient(wrapper).connect("127.0.0.1", port, 1).catch((e: unknown) => e);
    expect((refused as ConnectError).code).toBe(502);
    expect(calls.filter((c) => c[0] === "error").map((c) => c[3])).toEqual([502, 502]);
  });

  it("reports 501 on a second connect and 504 for a request while not connected", async () => {
    host = await startScriptedHost({ maxVersion: 176 });
    const { calls, wrapper } = recorder();
    client = new EClient(wrapper);
    await client.connect("127.0.0.1", host.port, 1);
    await expect(client.connect("127.0.0.1", host.port, 2)).rejects.toBeInstanceOf(ConnectError);
    expect(calls.find((c) => c[0] === "error")?.[3]).toBe(501);
    await client.disconnect();
    expect(client.isConnected()).toBe(false);
    expect(calls.at(-1)?.[0]).toBe("connectionClosed");
  });
});

describe("EReader through a real socket", () => {
  async function connected(sv: number) {
    host = await startScriptedHost({ maxVersion: sv });
    const rec = recorder();
    client = new EClient(rec.wrapper);
    await client.connect("127.0.0.1", host.port, 1);
    await host.waitForFrames(1);
    rec.calls.length = 0; // connectAck
    return { ...rec, conn: host.connections[0]! };
  }

  it("delivers ticks in order, a frame split across writes included", async () => {
    const { calls, conn } = await connected(176);
    const bytes = Buffer.concat([
      encodeFrame(notationToPayload("1|6|7|1|100.5|200|3|", 176)),
      encodeFrame(notationToPayload("2|6|7|0|300|", 176)),
      encodeFrame(notationToPayload("46|6|7|45|1700000000|", 176)),
    ]);
    conn.send(bytes.subarray(0, 9));
    await new Promise((r) => setTimeout(r, 5));
    conn.send(bytes.subarray(9));
    await until(() => calls.length >= 4);
    expect(calls).toEqual([
      ["tickPrice", 7, 1, 100.5, { canAutoExecute: true, pastLimit: true, preOpen: false }],
      ["tickSize", 7, 0, "200"],
      ["tickSize", 7, 0, "300"],
      ["tickString", 7, 45, "1700000000"],
    ]);
  });

  it("reports garbage (505, 508) and keeps reading; an oversized length ends the session with 507", async () => {
    const { calls, conn } = await connected(176);
    conn.send(encodeFrame(notationToPayload("999|1|", 176)));
    conn.send(encodeFrame(notationToPayload("1|6|7|1|abc|200|3|", 176)));
    conn.send(encodeFrame(notationToPayload("2|6|7|0|300|", 176)));
    await until(() => calls.some((c) => c[0] === "tickSize"));
    const codes = calls.filter((c) => c[0] === "error").map((c) => c[3]);
    expect(codes).toEqual([505, 508]);
    conn.send(Buffer.from([0x7f, 0, 0, 0]));
    await until(() => calls.some((c) => c[0] === "connectionClosed"));
    expect(calls.filter((c) => c[0] === "error").map((c) => c[3])).toEqual([505, 508, 507]);
    expect(client!.isConnected()).toBe(false);
  });

  it("ends in connectionClosed and 507 when the host drops mid-frame", async () => {
    const { calls, conn } = await connected(176);
    conn.send(encodeFrame(notationToPayload("2|6|7|0|300|", 176)));
    conn.send(Buffer.from([0, 0, 0, 40, 0x31]));
    await until(() => calls.length >= 1);
    conn.socket.end();
    await until(() => calls.some((c) => c[0] === "connectionClosed"));
    expect(calls.map((c) => c[0])).toEqual(["tickSize", "error", "connectionClosed"]);
    expect(calls[1]![3]).toBe(507);
  });

  it("keeps a burst of 100,000 ticks in order without starving the event loop", async () => {
    const { calls, conn } = await connected(176);
    const n = 100_000;
    const frames: Buffer[] = [];
    for (let i = 0; i < n; i++) frames.push(encodeFrame(Buffer.from(`2\x006\x00${i}\x000\x001\x00`, "latin1")));
    let timerFiredDuringDispatch = false;
    conn.send(Buffer.concat(frames));
    await until(() => calls.length > 0);
    setTimeout(() => {
      timerFiredDuringDispatch = calls.length < n;
    }, 0);
    await until(() => calls.length >= n);
    expect(timerFiredDuringDispatch).toBe(true);
    expect(calls.every((c, i) => c[1] === i)).toBe(true);
  });
});
