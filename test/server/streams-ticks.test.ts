import { describe, expect, it } from "vitest";
import { MarketEngine, universeResolver } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";
import type { Received, TestClient } from "../harness/test-client.js";

const fx = hostFixture();
const AAPL = { conId: 0, symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
// The host's AAPL, as its universe resolves it (the same on any day).
const aapl = universeResolver(() => Date.UTC(2026, 8, 28))({ symbol: "AAPL", secType: "STK", currency: "USD" })!;

function reqTicks(c: TestClient, reqId: number, tickType: string, numberOfTicks = 0, contract = AAPL) {
  c.send("REQ_TICK_BY_TICK_DATA", { reqId, contract, tickType, numberOfTicks, ignoreSize: false });
}

function reqBars(c: TestClient, reqId: number, whatToShow = "TRADES", barSize = 5) {
  c.send("REQ_REAL_TIME_BARS", { reqId, contract: AAPL, barSize, whatToShow, useRTH: true, realTimeBarsOptions: [] });
}

async function barrier(c: TestClient): Promise<void> {
  c.send("REQ_CURRENT_TIME", {});
  await c.take("CURRENT_TIME");
}

const of = (ms: Received[], name: string, reqId: number) =>
  ms.filter((m) => m.name === name && m.value.reqId === reqId).map((m) => m.value);

describe.each([176, 214])("tick-by-tick data and real-time bars at server version %i", (sv) => {
  it("Last: numberOfTicks historical trades first, then each trade of the tape as the clock moves", async () => {
    const { host, clock } = await fx.start({ seed: 9 });
    const engine = new MarketEngine({ seed: 9 });
    const tape = engine.process(aapl);
    const c = await fx.ready(host, 1, { max: sv });
    clock.advance(30_000);
    reqTicks(c, 4, "Last", 10);
    await barrier(c);
    const history = of(c.received, "TICK_BY_TICK", 4);
    const now = Math.floor(clock.now() / 1000);
    expect(history.map((t) => t.time)).toEqual(Array.from({ length: 10 }, (_, i) => now - 9 + i));
    clock.advance(15_000);
    await barrier(c);
    const all = of(c.received, "TICK_BY_TICK", 4);
    expect(all).toHaveLength(25);
    for (const t of all) {
      const q = tape.quote(t.time);
      expect(t).toMatchObject({ tickType: 1, tick: { kind: "last", price: q.tradePrice, size: String(q.tradeSize) } });
    }
    // The newest tick is the engine's last trade at the host's time.
    const s = engine.state(aapl, clock.now());
    expect(all.at(-1)).toMatchObject({ time: s.lastTime / 1000, tick: { price: s.last, size: String(s.lastSize) } });
    c.send("CANCEL_TICK_BY_TICK_DATA", { reqId: 4 });
    await barrier(c);
    clock.advance(5_000);
    await barrier(c);
    expect(of(c.received, "TICK_BY_TICK", 4)).toHaveLength(25);
  });

  it("AllLast, BidAsk and MidPoint agree with the engine's quotes", async () => {
    const { host, clock } = await fx.start({ seed: 4 });
    const engine = new MarketEngine({ seed: 4 });
    const tape = engine.process(aapl);
    const c = await fx.ready(host, 1, { max: sv });
    reqTicks(c, 1, "AllLast");
    reqTicks(c, 2, "BidAsk", 3);
    reqTicks(c, 3, "MidPoint");
    await barrier(c);
    clock.advance(20_000);
    await barrier(c);
    const allLast = of(c.received, "TICK_BY_TICK", 1);
    expect(allLast).toHaveLength(20);
    for (const t of allLast) expect(t).toMatchObject({ tickType: 2, tick: { price: tape.quote(t.time).tradePrice } });
    const bidAsk = of(c.received, "TICK_BY_TICK", 2);
    expect(bidAsk.length).toBeGreaterThan(3);
    for (const t of bidAsk) {
      const q = tape.quote(t.time);
      expect(t).toMatchObject({ tickType: 3, tick: { bidPrice: q.bid, askPrice: q.ask, bidSize: String(q.bidSize) } });
      expect(t.tick.bidPrice).toBeLessThan(t.tick.askPrice);
    }
    const s = engine.state(aapl, clock.now());
    expect(bidAsk.at(-1)!.tick).toMatchObject({ bidPrice: s.bid, askPrice: s.ask });
    const mids = of(c.received, "TICK_BY_TICK", 3);
    expect(mids.length).toBeGreaterThan(0);
    for (const t of mids) {
      const q = tape.quote(t.time);
      expect(t.tickType).toBe(4);
      expect(t.tick.midPoint).toBeCloseTo((q.bid + q.ask) / 2, 9);
    }
    expect(mids.at(-1)!.tick.midPoint).toBeCloseTo((s.bid + s.ask) / 2, 9);
  });

  it("allows tick-by-tick subscriptions up to 5% of the market data lines (10190)", async () => {
    const { host } = await fx.start({ marketDataLines: 40 });
    const a = await fx.ready(host, 1, { max: sv });
    const b = await fx.ready(host, 2, { max: sv });
    reqTicks(a, 1, "Last");
    reqTicks(b, 1, "BidAsk", 0, { ...AAPL, symbol: "SPY" });
    reqTicks(b, 2, "MidPoint", 0, { ...AAPL, symbol: "IBM" });
    expect(await b.takeError(10190)).toMatchObject({
      reqId: 2,
      text: "Max number of tick-by-tick requests has been reached.",
    });
    reqTicks(b, 3, "Bogus");
    expect(await b.takeError(321)).toMatchObject({ reqId: 3 });
    a.send("CANCEL_TICK_BY_TICK_DATA", { reqId: 1 });
    await barrier(a);
    reqTicks(b, 4, "MidPoint", 1, { ...AAPL, symbol: "IBM" });
    await b.take((m) => m.name === "TICK_BY_TICK" && m.value.reqId === 4);
  });

  it("5-second bars whose OHLC, volume, WAP and count agree with the tape", async () => {
    const { host, clock } = await fx.start({ seed: 21 });
    const engine = new MarketEngine({ seed: 21 });
    const tape = engine.process(aapl);
    const c = await fx.ready(host, 1, { max: sv });
    reqBars(c, 8);
    reqBars(c, 9, "MIDPOINT");
    await barrier(c);
    clock.advance(60_000);
    await barrier(c);
    const bars = of(c.received, "REAL_TIME_BARS", 8);
    expect(bars).toHaveLength(12);
    for (const [i, bar] of bars.entries()) {
      expect(bar.time).toBe(bars[0].time + 5 * i);
      const trades = [0, 1, 2, 3, 4].map((k) => tape.quote(bar.time + k));
      const prices = trades.map((q) => q.tradePrice);
      expect(bar).toMatchObject({ open: prices[0], close: prices[4], count: 5 });
      expect(bar.high).toBe(Math.max(...prices));
      expect(bar.low).toBe(Math.min(...prices));
      // Volume and WAP from the engine's running day totals around the bar.
      const before = engine.state(aapl, (bar.time - 1) * 1000);
      const after = engine.state(aapl, (bar.time + 4) * 1000);
      const volume = after.volume - before.volume;
      expect(Number(bar.volume)).toBe(volume);
      const turnover = after.vwap * after.volume - (before.volume > 0 ? before.vwap * before.volume : 0);
      expect(Number(bar.wap)).toBeCloseTo(turnover / volume, 4);
    }
    for (const bar of of(c.received, "REAL_TIME_BARS", 9)) {
      const q = tape.quote(bar.time);
      expect(bar.open).toBeCloseTo((q.bid + q.ask) / 2, 9);
      expect(bar.low).toBeLessThanOrEqual(bar.high);
    }
    c.send("CANCEL_REAL_TIME_BARS", { reqId: 8 });
    await barrier(c);
    clock.advance(20_000);
    await barrier(c);
    expect(of(c.received, "REAL_TIME_BARS", 8)).toHaveLength(12);
    expect(of(c.received, "REAL_TIME_BARS", 9)).toHaveLength(16);
  });

  it("refuses bar sizes other than 5 seconds and unknown whatToShow (321), and unknown contracts (200)", async () => {
    const { host } = await fx.start();
    const c = await fx.ready(host, 1, { max: sv });
    reqBars(c, 1, "TRADES", 10);
    expect((await c.takeError(321)).reqId).toBe(1);
    reqBars(c, 2, "FOO");
    expect((await c.takeError(321)).reqId).toBe(2);
    c.send("REQ_REAL_TIME_BARS", {
      reqId: 3,
      contract: { ...AAPL, symbol: "NOPE" },
      barSize: 5,
      whatToShow: "TRADES",
      useRTH: false,
      realTimeBarsOptions: [],
    });
    expect((await c.takeError(200)).reqId).toBe(3);
  });
});
