import { describe, expect, it } from "vitest";
import { TickType } from "../../src/protocol/models/tick-type.js";
import { MarketEngine, universeResolver } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";
import type { Received, TestClient } from "../harness/test-client.js";

const fx = hostFixture();
const AAPL = { conId: 0, symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
// The host's AAPL, as its universe resolves it (the same on any day).
const aapl = universeResolver(() => Date.UTC(2026, 8, 28))({ symbol: "AAPL", secType: "STK", currency: "USD" })!;

function reqMktData(c: TestClient, reqId: number, contract = AAPL, genericTickList = "", snapshot = false) {
  c.send("REQ_MKT_DATA", { reqId, contract, genericTickList, snapshot, regulatorySnapshot: false, mktDataOptions: [] });
}

const onGrid = (p: number, tick: number) => Math.abs(Math.round(p / tick) * tick - p) < 1e-9;
const ticksOf = (ms: Received[]) => ms.map((m) => `${m.name}:${m.value.tickType ?? ""}`);

describe.each([176, 214])("level-1 market data at server version %i", (sv) => {
  it("opens a stream in the recorded order, on the tick grid, bid below ask", async () => {
    const { host } = await fx.start({ seed: 7 });
    const c = await fx.ready(host, 1, { max: sv });
    reqMktData(c, 9001);
    expect((await c.take("MARKET_DATA_TYPE")).value).toMatchObject({ reqId: 9001, marketDataType: 1 });
    expect((await c.take("TICK_REQ_PARAMS")).value).toMatchObject({ tickerId: 9001, minTick: "0.01" });
    await c.take((m) => m.name === "TICK_SIZE" && m.value.tickType === TickType.ASK_SIZE);
    const first = c.received.slice(5);
    expect(ticksOf(first)).toEqual([
      "MARKET_DATA_TYPE:",
      "TICK_REQ_PARAMS:",
      `TICK_STRING:${TickType.LAST_TIMESTAMP}`,
      `TICK_PRICE:${TickType.LAST}`,
      `TICK_SIZE:${TickType.LAST_SIZE}`,
      `TICK_SIZE:${TickType.VOLUME}`,
      `TICK_PRICE:${TickType.HIGH}`,
      `TICK_PRICE:${TickType.LOW}`,
      `TICK_PRICE:${TickType.CLOSE}`,
      `TICK_PRICE:${TickType.OPEN}`,
      `TICK_PRICE:${TickType.BID}`,
      `TICK_PRICE:${TickType.ASK}`,
      `TICK_SIZE:${TickType.BID_SIZE}`,
      `TICK_SIZE:${TickType.ASK_SIZE}`,
    ]);
    const price = (t: number) => first.find((m) => m.name === "TICK_PRICE" && m.value.tickType === t)!.value.price;
    expect(price(TickType.BID)).toBeLessThan(price(TickType.ASK));
    for (const m of first.filter((x) => x.name === "TICK_PRICE")) expect(onGrid(m.value.price, 0.01)).toBe(true);
    // The streamed values are the engine's at the host's time.
    const engine = new MarketEngine({ seed: 7 });
    const s = engine.state(aapl, host.clock.now());
    expect(price(TickType.BID)).toBe(s.bid);
    expect(price(TickType.ASK)).toBe(s.ask);
    expect(price(TickType.HIGH)).toBe(s.high);
  });

  it("streams updates on the stepped clock; the same seed gives the same stream, equal to the engine's state", async () => {
    const streams: string[][] = [];
    for (const run of [0, 1]) {
      const { host, clock } = await fx.start({ seed: 42 });
      const c = await fx.ready(host, 1, { max: sv });
      reqMktData(c, 1);
      await c.take((m) => m.name === "TICK_SIZE" && m.value.tickType === TickType.ASK_SIZE);
      const before = c.received.length;
      clock.advance(10_000);
      await c.take(
        (m) =>
          m.name === "TICK_STRING" &&
          m.value.tickType === TickType.LAST_TIMESTAMP &&
          c.received.indexOf(m) > before &&
          Number(m.value.value) * 1000 >= clock.now() - 1000,
      );
      const engine = new MarketEngine({ seed: 42 });
      const state = engine.state(aapl, clock.now());
      const bids = c.received.filter((m) => m.name === "TICK_PRICE" && m.value.tickType === TickType.BID);
      const asks = c.received.filter((m) => m.name === "TICK_PRICE" && m.value.tickType === TickType.ASK);
      // Random access: the state computed directly at the last instant equals the last streamed quote.
      expect(bids.at(-1)!.value.price).toBe(state.bid);
      expect(asks.at(-1)!.value.price).toBe(state.ask);
      for (const m of c.received.filter((x) => x.name === "TICK_PRICE")) expect(onGrid(m.value.price, 0.01)).toBe(true);
      streams.push(c.received.slice(5).map((m) => JSON.stringify(m.value)));
      c.send("CANCEL_MKT_DATA", { reqId: 1 });
      expect(run === 0 || streams[0]!.length > 0).toBe(true);
    }
    expect(streams[1]!.slice(0, 60)).toEqual(streams[0]!.slice(0, 60));
  });

  it("ends a snapshot with TICK_SNAPSHOT_END and keeps no line", async () => {
    const { host } = await fx.start({ marketDataLines: 1, requestsPerSecond: 50 });
    const c = await fx.ready(host, 1, { max: sv });
    reqMktData(c, 5, AAPL, "", true);
    await c.take("TICK_SNAPSHOT_END");
    reqMktData(c, 6);
    await c.take((m) => m.name === "MARKET_DATA_TYPE" && m.value.reqId === 6);
  });

  it("refuses a second line (101), a duplicate id (102), an unknown cancel (300) and an unknown contract (200)", async () => {
    const { host, logs } = await fx.start({ marketDataLines: 2, requestsPerSecond: 50 });
    const a = await fx.ready(host, 1, { max: sv });
    const b = await fx.ready(host, 2, { max: sv });
    reqMktData(a, 1);
    await a.take("TICK_REQ_PARAMS");
    reqMktData(a, 1);
    expect(await a.takeError()).toMatchObject({ reqId: 1, code: 102 });
    reqMktData(b, 1, { ...AAPL, symbol: "SPY" });
    await b.take("TICK_REQ_PARAMS");
    reqMktData(b, 2, { ...AAPL, symbol: "QQQ" });
    expect(await b.takeError()).toMatchObject({ reqId: 2, code: 101 });
    b.send("CANCEL_MKT_DATA", { reqId: 77 });
    expect(await b.takeError()).toMatchObject({ reqId: 77, code: 300, text: "Can't find EId with tickerId:77" });
    reqMktData(b, 3, { ...AAPL, symbol: "NOPE" });
    expect(await b.takeError()).toMatchObject({ reqId: 3, code: 200 });
    a.close();
    await a.closed;
    // The host sees the client leave on its own socket, after the client's side has closed.
    await logs.waitFor((e) => e.message === "client 1 disconnected");
    // The lines of a client that leaves are free again.
    reqMktData(b, 4, { ...AAPL, symbol: "QQQ" });
    await b.take((m) => m.name === "MARKET_DATA_TYPE" && m.value.reqId === 4);
  });

  it("serves delayed data with 10167 and the delayed tick ids when the account has no live data", async () => {
    const { host } = await fx.start({ seed: 3, market: { realTime: () => false } });
    const c = await fx.ready(host, 1, { max: sv });
    reqMktData(c, 1);
    expect(await c.takeError()).toMatchObject({ reqId: 1, code: 354 });
    c.send("REQ_MARKET_DATA_TYPE", { marketDataType: 3 });
    reqMktData(c, 2);
    expect((await c.take("MARKET_DATA_TYPE")).value).toMatchObject({ reqId: 2, marketDataType: 3 });
    expect(await c.takeError()).toMatchObject({ reqId: 2, code: 10167 });
    expect((await c.take("TICK_REQ_PARAMS")).value).toMatchObject({ tickerId: 2, bboExchange: "" });
    const open = await c.take((m) => m.value.tickType === TickType.DELAYED_CLOSE);
    const ticks = c.received.slice(0, c.received.indexOf(open) + 1).filter((m) => m.name.startsWith("TICK_"));
    const types = ticks.filter((m) => m.name !== "TICK_REQ_PARAMS").map((m) => m.value.tickType as number);
    for (const t of types) expect(t).toBeGreaterThanOrEqual(TickType.DELAYED_BID);
    const bid = ticks.find((m) => m.value.tickType === TickType.DELAYED_BID)!.value.price;
    // Delayed by 15 minutes: the engine's bid of then.
    expect(bid).toBe(new MarketEngine({ seed: 3 }).state(aapl, host.clock.now() - 15 * 60_000).bid);
  });
});
