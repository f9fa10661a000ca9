import { describe, expect, it } from "vitest";
import { MarketEngine, universeResolver } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";
import type { TestClient } from "../harness/test-client.js";

const fx = hostFixture();
const AAPL = { conId: 0, symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
// The host's AAPL, as its universe resolves it (the same on any day).
const aapl = universeResolver(() => Date.UTC(2026, 8, 28))({ symbol: "AAPL", secType: "STK", currency: "USD" })!;

interface Req {
  reqId: number;
  durationStr?: string;
  barSizeSetting?: string;
  whatToShow?: string;
  formatDate?: number;
  useRTH?: number;
  endDateTime?: string;
  keepUpToDate?: boolean;
}

function reqBars(c: TestClient, r: Req) {
  c.send("REQ_HISTORICAL_DATA", {
    contract: AAPL,
    endDateTime: "",
    durationStr: "1800 S",
    barSizeSetting: "1 min",
    whatToShow: "TRADES",
    useRTH: 0,
    formatDate: 1,
    keepUpToDate: false,
    chartOptions: [],
    ...r,
  });
}

/** The TRADES aggregate of the tape's seconds [from, to). */
function tapeBar(engine: MarketEngine, from: number, to: number) {
  const p = engine.process(aapl);
  const prices: number[] = [];
  let volume = 0;
  for (let s = from; s < to; s++) {
    const q = p.quote(s);
    prices.push(q.tradePrice);
    volume += q.tradeSize;
  }
  return {
    open: prices[0],
    high: Math.max(...prices),
    low: Math.min(...prices),
    close: prices[prices.length - 1],
    volume: String(volume),
    barCount: to - from,
  };
}

describe.each([176, 214])("historical bars at server version %i", (sv) => {
  it("answers 1800 S of 1 min bars that agree with the engine's tape, then the period", async () => {
    const { host } = await fx.start({ seed: 5 });
    const c = await fx.ready(host, 1, { max: sv });
    reqBars(c, { reqId: 9007, formatDate: 2 });
    const data = await c.take("HISTORICAL_DATA");
    const bars = data.value.bars as { date: string; open: number; volume: string }[];
    expect(bars).toHaveLength(30);
    const engine = new MarketEngine({ seed: 5 });
    const now = host.clock.now() / 1000;
    for (const b of bars) {
      const from = Number(b.date);
      expect(b).toMatchObject(tapeBar(engine, from, from + 60));
      // The volume is also the growth of the engine's day volume over the bar.
      const grown = engine.state(aapl, (from + 59) * 1000).volume - engine.state(aapl, (from - 1) * 1000).volume;
      expect(Number(b.volume)).toBe(grown);
    }
    expect(Number(bars[0]!.date)).toBe(now - 1800);
    const period =
      sv >= 196
        ? (await c.take("HISTORICAL_DATA_END")).value
        : { startDateStr: data.value.startDateStr, endDateStr: data.value.endDateStr };
    expect(period).toMatchObject({
      startDateStr: "20260928 09:00:00 US/Eastern",
      endDateStr: "20260928 09:30:00 US/Eastern",
    });
  });

  it("gives the same bars for the same seed, dates in formatDate 1 and 2", async () => {
    const answers: unknown[] = [];
    for (const formatDate of [1, 2, 1]) {
      const { host } = await fx.start({ seed: 11 });
      const c = await fx.ready(host, 1, { max: sv });
      reqBars(c, { reqId: 1, formatDate, barSizeSetting: "1 hour", durationStr: "1 D", useRTH: 1 });
      const bars = (await c.take("HISTORICAL_DATA")).value.bars as { date: string }[];
      // The previous session, RTH: 09:30 (clipped to the open), 10:00 ... 15:00.
      expect(bars).toHaveLength(7);
      const first = formatDate === 1 ? "20260925 09:30:00 US/Eastern" : String(Date.UTC(2026, 8, 25, 13, 30) / 1000);
      expect(bars[0]!.date).toBe(first);
      if (formatDate === 1) expect(bars[1]!.date).toBe("20260925 10:00:00 US/Eastern");
      answers.push(bars.map((b) => ({ ...b, date: undefined })));
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it("sends daily bars dated yyyyMMdd", async () => {
    const { host } = await fx.start({ seed: 3 });
    const c = await fx.ready(host, 1, { max: sv });
    reqBars(c, { reqId: 2, barSizeSetting: "1 day", durationStr: "1 W", useRTH: 1, formatDate: 2 });
    const bars = (await c.take("HISTORICAL_DATA")).value.bars as { date: string }[];
    expect(bars.map((b) => b.date)).toEqual(["20260921", "20260922", "20260923", "20260924", "20260925"]);
  });

  it("keeps the current bar up to date on the stepped clock, and cancels with 162", async () => {
    const { host, clock } = await fx.start({ seed: 9 });
    const c = await fx.ready(host, 1, { max: sv });
    reqBars(c, { reqId: 9007, keepUpToDate: true });
    await c.take("HISTORICAL_DATA");
    if (sv >= 196) await c.take("HISTORICAL_DATA_END");
    clock.advance(25_000);
    const updates = [];
    for (let i = 0; i < 5; i++) updates.push((await c.take("HISTORICAL_DATA_UPDATE")).value);
    const engine = new MarketEngine({ seed: 9 });
    const open = Date.UTC(2026, 8, 28, 13, 30) / 1000;
    updates.forEach((u, i) => {
      expect(u.reqId).toBe(9007);
      expect(u.bar).toMatchObject({
        date: "20260928 09:30:00 US/Eastern",
        ...tapeBar(engine, open, open + 5 * (i + 1)),
      });
    });
    c.send("CANCEL_HISTORICAL_DATA", { reqId: 9007 });
    expect(await c.takeError(162)).toMatchObject({ reqId: 9007, text: expect.stringContaining("cancelled: 9007") });
    clock.advance(5000);
    expect(clock.pendingTimers).toBe(0);
    c.send("CANCEL_HISTORICAL_DATA", { reqId: 9007 });
    expect(await c.takeError(366)).toMatchObject({ text: "No historical data query found for ticker id:9007" });
  });

  it("answers head timestamps as recorded for AAPL", async () => {
    const { host } = await fx.start();
    const c = await fx.ready(host, 1, { max: sv });
    const contract = AAPL;
    c.send("REQ_HEAD_TIMESTAMP", { reqId: 9544, contract, whatToShow: "TRADES", useRTH: 1, formatDate: 1 });
    expect((await c.take("HEAD_TIMESTAMP")).value).toEqual({ reqId: 9544, headTimestamp: "19801212-14:30:00" });
    c.send("CANCEL_HEAD_TIMESTAMP", { reqId: 9544 });
    c.send("REQ_HEAD_TIMESTAMP", { reqId: 9545, contract, whatToShow: "TRADES", useRTH: 1, formatDate: 2 });
    expect((await c.take("HEAD_TIMESTAMP")).value).toEqual({ reqId: 9545, headTimestamp: "345479400" });
  });
});
