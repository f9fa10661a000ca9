import { describe, expect, it } from "vitest";
import { TwsCode } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";

const fx = hostFixture();

describe("clients", () => {
  it("serves 32 clients at once, refuses the 33rd with a clear error, and takes it once one leaves", async () => {
    const { host, logs } = await fx.start();
    const clients = await Promise.all(Array.from({ length: 32 }, (_, i) => fx.ready(host, i + 1, { max: 176 + i })));
    expect(host.sessions()).toHaveLength(32);

    const extra = await fx.client(host, { clientId: 33 });
    const refusal = await extra.takeError();
    expect(refusal).toEqual({
      reqId: -1,
      code: TwsCode.TOO_MANY_CLIENTS,
      text: expect.stringMatching(/maximum number of API client connections \(32\)/),
    });
    await extra.closed;
    expect(extra.received).toHaveLength(1);
    expect(logs.entries.some((e) => /refused: 32 clients are already connected/.test(e.message))).toBe(true);

    // Every one of the 32 is still served.
    for (const c of clients) c.send("REQ_CURRENT_TIME", {});
    await Promise.all(clients.map((c) => c.take("CURRENT_TIME")));

    clients[0]!.close();
    await logs.waitFor((e) => e.message === "client 1 disconnected");
    const again = await fx.ready(host, 33);
    expect(again.isClosed).toBe(false);
    expect(host.sessions().map((s) => s.clientId)).toContain(33);
  });

  it("refuses a client id in use with 326 and closes that connection only", async () => {
    const { host } = await fx.start();
    const first = await fx.ready(host, 7);
    const dup = await fx.client(host, { max: 193, clientId: 7 });
    expect(await dup.takeError()).toEqual({
      reqId: -1,
      code: TwsCode.CLIENT_ID_IN_USE,
      text: "Unable to connect as the client id is already in use. Retry with a unique client id.",
    });
    await dup.closed;
    expect(dup.received).toHaveLength(1);
    first.send("REQ_IDS", { numIds: 1 });
    expect((await first.take("NEXT_VALID_ID")).value).toEqual({ orderId: 1 });
    // At a protobuf version the refusal is protobuf too.
    const dup2 = await fx.client(host, { max: 226, clientId: 7 });
    const m = await dup2.take("ERR_MSG");
    expect(m.form).toBe("protobuf");
    expect(m.value.errorCode).toBe(TwsCode.CLIENT_ID_IN_USE);
  });

  it("closes even while a refused client that stopped reading still holds its connection", async () => {
    const { host, logs } = await fx.start();
    await fx.ready(host, 7);
    const dup = await fx.client(host, { max: 176 });
    dup.socket.pause();
    dup.startApi(7);
    await logs.waitFor((e) => /client id 7 is already in use/.test(e.message));
    await host.close();
    dup.socket.resume();
    await dup.closed;
  });

  it("treats client id 0 as TWS does: only it may set auto-bind", async () => {
    const { host } = await fx.start();
    const zero = await fx.ready(host, 0, { max: 176 });
    const other = await fx.ready(host, 5, { max: 176 });
    // REQ_AUTO_OPEN_ORDERS: 15|1|1| (version 1, autoBind true).
    const autoBind = Buffer.from("15\u00001\u00001\u0000", "latin1");
    other.sendPayload(autoBind);
    expect(await other.takeError()).toEqual({
      reqId: -1,
      code: TwsCode.AUTO_BIND_NEEDS_CLIENT_ZERO,
      text: "Only API connections with clientId set to 0 can set the auto bind TWS orders property.",
    });
    zero.sendPayload(autoBind);
    const e = await zero.takeError();
    expect(e.code).toBe(321);
    expect(e.text).toMatch(/orders \(REQ_AUTO_OPEN_ORDERS\) is not served/);
  });

  it("keeps one order id sequence per client id and answers the session requests", async () => {
    const { host } = await fx.start({ accounts: ["DU7654321"] });
    const c = await fx.ready(host, 12, { max: 226 });
    c.send("REQ_IDS", { numIds: 5 });
    c.send("REQ_MANAGED_ACCTS", {});
    c.send("REQ_CURRENT_TIME", {});
    c.send("REQ_CURRENT_TIME_IN_MILLIS", {});
    c.send("REQ_USER_INFO", { reqId: 77 });
    c.send("SET_SERVER_LOGLEVEL", { logLevel: 5 });
    c.send("SET_SERVER_LOGLEVEL", { logLevel: 9 });
    expect((await c.take("NEXT_VALID_ID")).value).toEqual({ orderId: 1 });
    expect((await c.take("MANAGED_ACCTS")).value).toEqual({ accountsList: "DU7654321" });
    expect((await c.take("CURRENT_TIME")).value).toEqual({ time: Math.floor(host.clock.now() / 1000) });
    expect((await c.take("CURRENT_TIME_IN_MILLIS")).value).toEqual({ timeInMillis: host.clock.now() });
    expect((await c.take("USER_INFO")).value).toEqual({ reqId: 77, whiteBrandingId: "" });
    const bad = await c.takeError();
    expect(bad.code).toBe(321);
    expect(bad.text).toMatch(/SET_SERVER_LOGLEVEL.*log level 9/);
    expect(host.state.serverLogLevel).toBe(5);
  });
});
