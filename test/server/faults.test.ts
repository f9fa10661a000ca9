import { describe, expect, it } from "vitest";
import { TwsCode } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";

const fx = hostFixture();

describe("faults", () => {
  it("disconnect(clientId) drops one client, disconnect() all", async () => {
    const { host, logs } = await fx.start();
    const [a, b, c] = await Promise.all([1, 2, 3].map((id) => fx.ready(host, id)));
    expect(host.faults.disconnect(2)).toBe(1);
    await b!.closed;
    expect(host.faults.disconnect(99)).toBe(0);
    a!.send("REQ_CURRENT_TIME", {});
    await a!.take("CURRENT_TIME");
    expect(host.faults.disconnect()).toBe(2);
    await Promise.all([a!.closed, c!.closed]);
    await logs.waitFor((e) => e.message === "client 3 disconnected");
    expect(host.sessions()).toEqual([]);
  });

  it("connectivityLost sends 1100 to every client and to each new one; restored sends 1101 or 1102", async () => {
    const { host } = await fx.start();
    const a = await fx.ready(host, 1, { max: 176 });
    const b = await fx.ready(host, 2, { max: 226 });
    host.faults.connectivityLost();
    for (const c of [a, b]) {
      expect(await c.takeError()).toEqual({
        reqId: -1,
        code: TwsCode.CONNECTIVITY_LOST,
        text: "Connectivity between IB and Trader Workstation has been lost.",
      });
    }
    const late = await fx.client(host, { clientId: 3 });
    const startup = await late.waitForCount(6);
    expect(startup[5]!.value.errorCode).toBe(TwsCode.CONNECTIVITY_LOST);

    host.faults.connectivityRestored({ dataLost: true });
    expect((await a.takeError()).code).toBe(TwsCode.CONNECTIVITY_RESTORED_DATA_LOST);
    host.faults.connectivityLost();
    host.faults.connectivityRestored({ dataLost: false });
    expect((await b.takeError()).code).toBe(TwsCode.CONNECTIVITY_RESTORED_DATA_LOST);
    expect((await b.takeError()).code).toBe(TwsCode.CONNECTIVITY_LOST);
    expect(await b.takeError()).toEqual({
      reqId: -1,
      code: TwsCode.CONNECTIVITY_RESTORED_DATA_MAINTAINED,
      text: "Connectivity between IB and Trader Workstation has been restored - data maintained.",
    });
    const fresh = await fx.client(host, { clientId: 4 });
    expect((await fresh.waitForCount(5)).map((m) => m.name)).toEqual([
      "MANAGED_ACCTS",
      "NEXT_VALID_ID",
      "ERR_MSG",
      "ERR_MSG",
      "ERR_MSG",
    ]);
  });

  it("restart drops every session and refuses connections until afterMs has passed on the host clock", async () => {
    const { host, clock } = await fx.start();
    const port = host.port;
    const a = await fx.ready(host, 1);
    const b = await fx.ready(host, 2);
    await host.faults.restart({ afterMs: 60_000 });
    await Promise.all([a.closed, b.closed]);
    const refused = fx.open(host, { clientId: 3 });
    await expect(refused.hello).rejects.toThrow();
    clock.advance(59_999);
    const stillRefused = fx.open(host, { clientId: 3 });
    await expect(stillRefused.hello).rejects.toThrow();
    clock.advance(1);
    await host.whenListening();
    expect(host.port).toBe(port);
    const back = await fx.ready(host, 1);
    back.send("REQ_CURRENT_TIME", {});
    expect((await back.take("CURRENT_TIME")).value.time).toBe(Math.floor(clock.now() / 1000));
  });

  it("delay(messageName, ms) holds that reply on the host clock; others pass it", async () => {
    const { host, clock } = await fx.start();
    const c = await fx.ready(host, 1);
    const asked = clock.now();
    host.faults.delay("CURRENT_TIME", 500);
    c.send("REQ_CURRENT_TIME", {});
    c.send("REQ_IDS", { numIds: 1 });
    await c.take("NEXT_VALID_ID");
    expect(c.pending()).toEqual([]);
    clock.advance(499);
    c.send("REQ_IDS", { numIds: 1 });
    await c.take("NEXT_VALID_ID");
    expect(c.pending()).toEqual([]);
    clock.advance(1);
    // The reply carries the time it was made, as a reply stuck in a queue would.
    expect((await c.take("CURRENT_TIME")).value.time).toBe(Math.floor(asked / 1000));
    host.faults.delay("CURRENT_TIME", 0);
    c.send("REQ_CURRENT_TIME", {});
    await c.take("CURRENT_TIME");
  });

  it("drop(messageName) never sends that reply until cleared", async () => {
    const { host } = await fx.start();
    const c = await fx.ready(host, 1);
    host.faults.drop("CURRENT_TIME");
    c.send("REQ_CURRENT_TIME", {});
    c.send("REQ_IDS", { numIds: 1 });
    await c.take("NEXT_VALID_ID");
    expect(c.received.some((m) => m.name === "CURRENT_TIME")).toBe(false);
    host.faults.clear();
    c.send("REQ_CURRENT_TIME", {});
    await c.take("CURRENT_TIME");
    expect(() => host.faults.drop("NO_SUCH_MESSAGE" as "CURRENT_TIME")).toThrow(/not a TWS reply name/);
  });

  it("stall(clientId) holds one client's output until unstall, and drops it past the output limit", async () => {
    const { host, logs } = await fx.start({ maxOutputBytes: 64 * 1024 });
    const stuck = await fx.ready(host, 1);
    const other = await fx.ready(host, 2);
    host.faults.stall(1);
    stuck.send("REQ_CURRENT_TIME", {});
    stuck.send("REQ_IDS", { numIds: 1 });
    other.send("REQ_CURRENT_TIME", {});
    await other.take("CURRENT_TIME");
    host.faults.farmFlap("usfarm");
    await other.takeError(TwsCode.MARKET_DATA_FARM_OK);
    expect(stuck.pending()).toEqual([]);
    host.faults.unstall(1);
    // Everything held comes out (the two replies and the flap, in the order the host made them).
    const held = (await stuck.waitForCount(9)).slice(5).map((m) => m.name);
    expect(held.sort()).toEqual(["CURRENT_TIME", "ERR_MSG", "ERR_MSG", "NEXT_VALID_ID"]);
    // Stalled again, its output piles up on the host until the limit: then it is dropped.
    host.faults.stall(1);
    const text = "y".repeat(8 * 1024);
    for (let i = 0; i < 9; i++) host.broadcastNotice(2104, text);
    await stuck.closed;
    expect(logs.entries.some((e) => e.clientId === 1 && /not reading: \d+ bytes/.test(e.message))).toBe(true);
    await other.waitForCount(5 + 1 + 2 + 9);
    expect(() => host.faults.stall(1)).toThrow(/no client 1 is connected/);
  });

  it("farmFlap(farm) sends the farm's broken notice, then its OK notice after downMs", async () => {
    const { host, clock } = await fx.start();
    const c = await fx.ready(host, 1, { max: 176 });
    host.faults.farmFlap("usfarm");
    expect(await c.takeError()).toEqual({
      reqId: -1,
      code: 2103,
      text: "Market data farm connection is broken:usfarm",
    });
    expect(await c.takeError()).toEqual({ reqId: -1, code: 2104, text: "Market data farm connection is OK:usfarm" });
    host.faults.farmFlap("ushmds", { downMs: 30_000 });
    expect(await c.takeError()).toEqual({ reqId: -1, code: 2105, text: "HMDS data farm connection is broken:ushmds" });
    host.faults.farmFlap("secdefil", { downMs: 10_000 });
    expect(await c.takeError()).toEqual({
      reqId: -1,
      code: 2157,
      text: "Sec-def data farm connection is broken:secdefil",
    });
    clock.advance(10_000);
    expect((await c.takeError()).code).toBe(2158);
    clock.advance(20_000);
    expect(await c.takeError()).toEqual({ reqId: -1, code: 2106, text: "HMDS data farm connection is OK:ushmds" });
  });
});
