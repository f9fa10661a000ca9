import { describe, expect, it } from "vitest";
import { MarketEngine, universeResolver } from "../../src/server/index.js";
import { midPointOf } from "../../src/server/streams/tape.js";
import { hostFixture } from "../harness/host-fixture.js";
import type { TestClient } from "../harness/test-client.js";

/**
 * Historical ticks, histograms, the historical schedule and daily bars against the engine: the same tape the bars,
 * the tick-by-tick streams and level-1 data are read from.
 */

const fx = hostFixture();
const NOW = Date.UTC(2026, 8, 28, 13, 30);
const universe = universeResolver(() => NOW);
const AAPL = { conId: 0, symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
const aapl = universe(AAPL)!;
const engineOf = (seed: number) => new MarketEngine({ seed, resolve: universe });

function ticks(c: TestClient, reqId: number, what: string, start: string, end: string, n = 10, useRth = 1): void {
  c.send("REQ_HISTORICAL_TICKS", {
    reqId,
    contract: AAPL,
    startDateTime: start,
    endDateTime: end,
    numberOfTicks: n,
    whatToShow: what,
    useRth,
    ignoreSize: false,
    miscOptions: [],
  });
}

/** Friday 2026-09-25 10:00:00 New York time, in seconds. */
const T = Date.UTC(2026, 8, 25, 14, 0) / 1000;

describe("historical ticks", () => {
  it("TRADES: the tape's trades from the start, one per second, then done", async () => {
    const { host } = await fx.start({ seed: 6 });
    const c = await fx.ready(host, 1);
    ticks(c, 1, "TRADES", "20260925 10:00:00 US/Eastern", "", 5);
    const m = await c.take("HISTORICAL_TICKS_LAST");
    const p = engineOf(6).process(aapl);
    expect(m.value.done).toBe(true);
    expect(m.value.ticks).toEqual(
      [0, 1, 2, 3, 4].map((k) => ({
        time: T + k,
        tickAttribLast: { pastLimit: false, unreported: false },
        price: p.quote(T + k).tradePrice,
        size: String(p.quote(T + k).tradeSize),
        exchange: expect.any(String),
        specialConditions: "",
      })),
    );
  });

  it("BID_ASK back from the end: quote changes, attributes against the day's range so far", async () => {
    const { host } = await fx.start({ seed: 6 });
    const c = await fx.ready(host, 1);
    ticks(c, 2, "BID_ASK", "", "20260925-14:00:00", 20);
    const m = await c.take("HISTORICAL_TICKS_BID_ASK");
    const engine = engineOf(6);
    const got = m.value.ticks as { time: number; priceBid: number; priceAsk: number; tickAttribBidAsk: object }[];
    expect(got).toHaveLength(20);
    expect(got[got.length - 1]!.time).toBeLessThan(T);
    for (const t of got) {
      const q = engine.process(aapl).quote(t.time);
      expect(t).toMatchObject({ priceBid: q.bid, priceAsk: q.ask, sizeBid: String(q.bidSize) });
      const before = engine.state(aapl, (t.time - 1) * 1000);
      expect(t.tickAttribBidAsk).toEqual({ bidPastLow: q.bid < before.low, askPastHigh: q.ask > before.high });
    }
  });

  it("MIDPOINT: mid-point changes with size 0, never past the session", async () => {
    const { host } = await fx.start({ seed: 6 });
    const c = await fx.ready(host, 1);
    ticks(c, 3, "MIDPOINT", "20260925 15:59:55 US/Eastern", "", 1000);
    const m = await c.take("HISTORICAL_TICKS");
    const p = engineOf(6).process(aapl);
    const got = m.value.ticks as { time: number; price: number; size: string }[];
    expect(got.length).toBeGreaterThan(0);
    for (const t of got) {
      expect(t.time).toBeLessThan(Date.UTC(2026, 8, 25, 20, 0) / 1000); // RTH ends 16:00
      expect(t).toEqual({ time: t.time, price: midPointOf(p.quote(t.time), aapl.minTick), size: "0" });
    }
  });

  it("refuses what TWS refuses", async () => {
    const { host } = await fx.start();
    const c = await fx.ready(host, 1);
    ticks(c, 4, "TRADES", "", "", 10);
    expect((await c.takeError(321)).reqId).toBe(4);
    ticks(c, 5, "TRADES", "20260925 10:00:00", "", 1001);
    expect((await c.takeError(321)).reqId).toBe(5);
    ticks(c, 6, "BID", "20260925 10:00:00", "", 10);
    expect((await c.takeError(321)).reqId).toBe(6);
    ticks(c, 7, "TRADES", "2026-09-25", "", 10);
    expect((await c.takeError(10314)).text).toMatch(
      /^Start Date\/Time: The date, time, or time-zone entered is invalid/,
    );
    c.send("REQ_HISTORICAL_TICKS", {
      reqId: 8,
      contract: { symbol: "EUR", secType: "CASH", exchange: "IDEALPRO", currency: "USD" },
      startDateTime: "20260925 10:00:00",
      endDateTime: "",
      numberOfTicks: 10,
      whatToShow: "TRADES",
      useRth: 0,
      ignoreSize: false,
      miscOptions: [],
    });
    expect(await c.takeError(162)).toMatchObject({
      reqId: 8,
      text: "Historical Market Data Service error message:No historical market data for EUR/CASH@IDEALPRO AllLast 0",
    });
  });
});

describe("histograms, schedules and daily bars", () => {
  it("a histogram of the last week's trades: price → volume from the tape", async () => {
    const { host } = await fx.start({ seed: 8 });
    const c = await fx.ready(host, 1);
    c.send("REQ_HISTOGRAM_DATA", { tickerId: 11, contract: AAPL, useRTH: true, timePeriod: "1 week" });
    const m = await c.take("HISTOGRAM_DATA");
    const rows = m.value.histogram as { price: number; size: string }[];
    const engine = engineOf(8);
    const volumes = new Map<number, number>();
    // Regular hours of the five sessions before Monday's open.
    for (let d = 21; d <= 25; d++) {
      const open = Date.UTC(2026, 8, d, 13, 30) / 1000;
      for (let s = open; s < open + 23_400; s++) {
        const q = engine.process(aapl).quote(s);
        volumes.set(q.tradePrice, (volumes.get(q.tradePrice) ?? 0) + q.tradeSize);
      }
    }
    const want = [...volumes].sort((a, b) => a[0] - b[0]).map(([price, size]) => ({ price, size: String(size) }));
    expect(rows).toEqual(want);
    c.send("CANCEL_HISTOGRAM_DATA", { tickerId: 11 });
    c.send("REQ_HISTOGRAM_DATA", { tickerId: 12, contract: AAPL, useRTH: true, timePeriod: "1 fortnight" });
    expect((await c.takeError(321)).reqId).toBe(12);
    // Longer than the host serves in one request (it would walk every trade of 13 months): refused, not slow.
    c.send("REQ_HISTOGRAM_DATA", { tickerId: 13, contract: AAPL, useRTH: true, timePeriod: "13 months" });
    expect((await c.takeError(321)).reqId).toBe(13);
  });

  it("SCHEDULE: the sessions of each trading day in the instrument's zone, daily bars only", async () => {
    const { host } = await fx.start();
    const c = await fx.ready(host, 1);
    const base = {
      contract: AAPL,
      endDateTime: "",
      whatToShow: "SCHEDULE",
      formatDate: 1,
      keepUpToDate: false,
      chartOptions: [],
    };
    c.send("REQ_HISTORICAL_DATA", { ...base, reqId: 21, durationStr: "1 W", barSizeSetting: "1 day", useRTH: 1 });
    const m = await c.take("HISTORICAL_SCHEDULE");
    expect(m.value).toMatchObject({ reqId: 21, timeZone: "US/Eastern", startDateTime: "20260921-09:30:00" });
    expect(m.value.sessions).toEqual(
      [21, 22, 23, 24, 25].map((d) => ({
        startDateTime: `202609${d}-09:30:00`,
        endDateTime: `202609${d}-16:00:00`,
        refDate: `202609${d}`,
      })),
    );
    c.send("REQ_HISTORICAL_DATA", { ...base, reqId: 22, durationStr: "1 W", barSizeSetting: "1 hour", useRTH: 0 });
    expect(await c.takeError(10295)).toMatchObject({ reqId: 22 });
  });

  it("daily bars agree with level-1's open, high, low, close and volume of each day", async () => {
    const { host } = await fx.start({ seed: 12 });
    const c = await fx.ready(host, 1);
    const base = {
      contract: AAPL,
      endDateTime: "",
      whatToShow: "TRADES",
      formatDate: 2,
      keepUpToDate: false,
      chartOptions: [],
    };
    c.send("REQ_HISTORICAL_DATA", { ...base, reqId: 31, durationStr: "1 W", barSizeSetting: "1 day", useRTH: 1 });
    const rth = (await c.take("HISTORICAL_DATA")).value.bars as Record<string, unknown>[];
    c.send("REQ_HISTORICAL_DATA", { ...base, reqId: 32, durationStr: "1 W", barSizeSetting: "1 day", useRTH: 0 });
    const all = (await c.take("HISTORICAL_DATA")).value.bars as Record<string, unknown>[];
    const engine = engineOf(12);
    expect(rth.map((b) => b.date)).toEqual(["20260921", "20260922", "20260923", "20260924", "20260925"]);
    for (const [i, d] of [21, 22, 23, 24, 25].entries()) {
      // Level-1 just before the day's 20:00 close: the liquid hours' open, high and low, the whole day's volume.
      const day = engine.state(aapl, Date.UTC(2026, 8, d, 23, 59, 59));
      expect(rth[i]).toMatchObject({ open: day.open, high: day.high, low: day.low });
      expect(Number(all[i]!.volume)).toBe(day.volume);
      // The next day's previous close is this day's regular-hours close.
      const next = engine.state(aapl, Date.UTC(2026, 8, d === 25 ? 28 : d + 1, 14, 0));
      expect(rth[i]!.close).toBe(next.close);
    }
  });
});
