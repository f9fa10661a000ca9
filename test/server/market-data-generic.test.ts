import { describe, expect, it } from "vitest";
import { TickType } from "../../src/protocol/models/tick-type.js";
import { steppedClock } from "../../src/server/index.js";
import {
  averageDailyVolume,
  dailyCloses,
  historicalVolatility,
  realTimeVolatility,
  WEEK_DAYS,
} from "../../src/server/market-data/generic/history.js";
import { chainOpenInterest, chainVolume, openInterest } from "../../src/server/market-data/generic/modelled.js";
import { hostFixture } from "../harness/host-fixture.js";
import { engineAt, MONDAY_OPEN, mktData, optionNear } from "../harness/options.js";
import type { Received, TestClient } from "../harness/test-client.js";

const fx = hostFixture();
const SEED = 31;
const T = TickType;
const STOCK_IDS = "100,101,104,105,106,165,221,232,233,236,258,293,294,295,318,375,411,456,595,619";

/** The last value of each tick type a request got (price, size as a number, generic value or text). */
function valuesOf(c: TestClient, reqId: number): Map<number, number | string> {
  const out = new Map<number, number | string>();
  for (const m of c.received.filter((r: Received) => r.value.reqId === reqId && r.name.startsWith("TICK_"))) {
    const v = m.value;
    if (m.name === "TICK_PRICE") out.set(v.tickType, v.price);
    else if (m.name === "TICK_SIZE") out.set(v.tickType, Number(v.size));
    else if (m.name === "TICK_GENERIC") out.set(v.tickType, v.value);
    else if (m.name === "TICK_STRING") out.set(v.tickType, v.value);
  }
  return out;
}

async function streamOf(c: TestClient, reqId: number, contract: object, ids: string, lastType: number) {
  c.send("REQ_MKT_DATA", mktData(reqId, contract, ids));
  await c.take((m) => m.value.reqId === reqId && m.value.tickType === lastType);
  return valuesOf(c, reqId);
}

describe("generic ticks", () => {
  it("deliver a stock's statistics from the engine's history and the host's models", async () => {
    const { host, clock } = await fx.start({ seed: SEED, clock: steppedClock(MONDAY_OPEN) });
    const c = await fx.ready(host, 1);
    const engine = engineAt(SEED, MONDAY_OPEN);
    const aapl = engine.instrumentOf({ symbol: "AAPL", secType: "STK", currency: "USD" })!;
    const v = await streamOf(c, 1, { conId: aapl.conId }, STOCK_IDS, T.CREDITMAN_SLOW_MARK_PRICE);
    const t = MONDAY_OPEN;
    const s = engine.state(aapl, t);
    const closes = dailyCloses(engine, aapl, t, WEEK_DAYS[52]);
    expect(closes[0]).toBe(s.close);

    // Volatility: 30-day close-to-close history, the model's at-the-money volatility, and the real-time one.
    expect(v.get(T.OPTION_HISTORICAL_VOL)).toBe(historicalVolatility(engine, aapl, t));
    expect(v.get(T.OPTION_HISTORICAL_VOL)).toBeGreaterThan(0.5 * aapl.volatility!);
    expect(v.get(T.OPTION_HISTORICAL_VOL)).toBeLessThan(2 * aapl.volatility!);
    expect(v.get(T.OPTION_IMPLIED_VOL)).toBe(aapl.volatility);
    expect(v.get(T.RT_HISTORICAL_VOL)).toBe(Number(realTimeVolatility(closes, s).toFixed(8)));
    // Misc stats: N-week lows and highs over the closes and today's trades, the average volume in round lots.
    const today = [s.high, s.low, s.last];
    expect(v.get(T.LOW_13_WEEK)).toBe(Math.min(...closes.slice(0, WEEK_DAYS[13]), ...today));
    expect(v.get(T.HIGH_52_WEEK)).toBe(Math.max(...closes, ...today));
    expect(v.get(T.AVG_VOLUME)).toBe(Math.floor(averageDailyVolume(engine, aapl, t) / 100));
    // Options on the stock: open interest is the sum of its options' own; the volume a share of its own.
    const oi = chainOpenInterest(engine, aapl, t);
    expect(oi.calls).toBeGreaterThan(0);
    expect([v.get(T.OPTION_CALL_OPEN_INTEREST), v.get(T.OPTION_PUT_OPEN_INTEREST)]).toEqual([oi.calls, oi.puts]);
    const vol = chainVolume(engine, aapl, t, s.volume);
    expect([v.get(T.OPTION_CALL_VOLUME), v.get(T.OPTION_PUT_VOLUME)]).toEqual([vol.calls, vol.puts]);
    // Marks, trades and rates: the engine trades once a second while the market is open.
    expect(v.get(T.MARK_PRICE)).toBe(Number(s.mid.toFixed(6)));
    expect(v.get(T.CREDITMAN_MARK_PRICE)).toBe(Number(s.mid.toFixed(6)));
    expect(v.get(T.TRADE_COUNT)).toBe(s.trades);
    expect(v.get(T.TRADE_RATE)).toBe(60);
    const minuteAgo = engine.state(aapl, t - 60_000);
    expect(v.get(T.VOLUME_RATE)).toBe(Math.floor((s.volume - minuteAgo.volume) / 100));
    const tenAgo = engine.state(aapl, t - 600_000);
    expect(v.get(T.SHORT_TERM_VOLUME_10_MIN)).toBe(Math.floor((s.volume - tenAgo.volume) / 100));
    expect(v.get(T.LAST_RTH_TRADE)).toBe(s.last);
    expect(v.get(T.SHORTABLE)).toBe(3);
    expect(v.get(T.IB_DIVIDENDS)).toMatch(/^[\d.]+,[\d.]+,2026111[5],[\d.]+$/);
    expect(String(v.get(T.FUNDAMENTAL_RATIOS))).toContain(`NPRICE=${s.last};`);
    expect(String(v.get(T.RT_VOLUME))).toMatch(new RegExp(`^${s.last};`));

    // A minute on, the moving ones follow the engine; the daily ones are not sent again.
    const before = c.received.length;
    clock.advance(60_000);
    await c.take((m) => c.received.indexOf(m) > before && m.value.tickType === T.CREDITMAN_SLOW_MARK_PRICE);
    const later = c.received.slice(before).filter((m) => m.value.reqId === 1);
    const s2 = engine.state(aapl, clock.now());
    expect(later.filter((m) => m.value.tickType === T.TRADE_COUNT).at(-1)!.value.value).toBe(s2.trades);
    expect(later.some((m) => m.value.tickType === T.OPTION_HISTORICAL_VOL)).toBe(false);
    expect(later.some((m) => m.value.tickType === T.AVG_VOLUME)).toBe(false);
  });

  it("give the average volume the engine's days really have", () => {
    const engine = engineAt(SEED, MONDAY_OPEN);
    const aapl = engine.instrumentOf({ symbol: "AAPL", secType: "STK", currency: "USD" })!;
    // The whole of the Friday before: its volume at 20:00 New York time.
    const friday = engine.state(aapl, Date.UTC(2026, 8, 26, 0, 30)).volume;
    expect(friday / averageDailyVolume(engine, aapl, MONDAY_OPEN)).toBeCloseTo(1, 1);
  });

  it("deliver an option's own volume and open interest, an ETF's NAV, a future's open interest, an index's premium", async () => {
    const { host } = await fx.start({ seed: SEED, clock: steppedClock(MONDAY_OPEN) });
    const c = await fx.ready(host, 1);
    const engine = engineAt(SEED, MONDAY_OPEN);
    const t = MONDAY_OPEN;
    const { details, instrument } = optionNear(engine, t, "AAPL", "C");
    const o = await streamOf(c, 1, { conId: details.contract.conId }, "100,101", T.OPTION_PUT_OPEN_INTEREST);
    expect(o.get(T.OPTION_CALL_OPEN_INTEREST)).toBe(openInterest(engine, instrument, t));
    expect(o.get(T.OPTION_PUT_OPEN_INTEREST)).toBe(0);
    expect(o.get(T.OPTION_CALL_VOLUME)).toBe(engine.state(instrument, t).volume);

    const spy = engine.instrumentOf({ symbol: "SPY", secType: "STK", currency: "USD" })!;
    const e = await streamOf(c, 2, { conId: spy.conId }, "576,577,578,614,623", T.ETF_NAV_LOW);
    const s = engine.state(spy, t);
    expect([e.get(T.ETF_NAV_BID), e.get(T.ETF_NAV_ASK)]).toEqual([s.bid, s.ask]);
    expect(e.get(T.ETF_NAV_LAST)).toBe(Number(s.mid.toFixed(4)));
    expect([e.get(T.ETF_NAV_CLOSE), e.get(T.ETF_NAV_PRIOR_CLOSE)]).toEqual(dailyCloses(engine, spy, t, 2));
    expect([e.get(T.ETF_NAV_HIGH), e.get(T.ETF_NAV_LOW)]).toEqual([s.high, s.low]);
    // Frozen NAV only while the market is closed.
    expect(e.has(T.ETF_FROZEN_NAV_LAST)).toBe(false);

    const es = engine.instrumentOf({ symbol: "ES", secType: "FUT", localSymbol: "ESZ6" })!;
    const f = await streamOf(c, 3, { conId: es.conId }, "588", T.FUTURES_OPEN_INTEREST);
    expect(f.get(T.FUTURES_OPEN_INTEREST)).toBeGreaterThan(100_000);
    const index = es.derivative!.underlying;
    const p = await streamOf(c, 4, { conId: index.conId }, "162", T.INDEX_FUTURE_PREMIUM);
    // The front future over the index: its carry (ESZ6 is the front one on this day).
    const premium = engine.state(es, t).mid - engine.state(index, t).mid;
    expect(p.get(T.INDEX_FUTURE_PREMIUM)).toBe(Number(premium.toFixed(4)));
    expect(premium).toBeGreaterThan(0);
  });

  it("send nothing where a generic tick does not apply, and refuse them on a snapshot (321)", async () => {
    const { host } = await fx.start({ seed: SEED, clock: steppedClock(MONDAY_OPEN) });
    const c = await fx.ready(host, 1);
    const eur = { symbol: "EUR", secType: "CASH", exchange: "IDEALPRO", currency: "USD" };
    // Stock-only, ETF-only, future-only, bond, IPO and auction ids on a forex pair: only its own top of book.
    c.send("REQ_MKT_DATA", mktData(1, eur, "165,236,258,318,456,577,588,225,460,586,100,101"));
    await c.take((m) => m.name === "TICK_SIZE" && m.value.reqId === 1 && m.value.tickType === T.ASK_SIZE);
    c.send("REQ_CURRENT_TIME", {});
    await c.take("CURRENT_TIME");
    const types = c.received
      .filter((m) => m.value.reqId === 1 && m.name.startsWith("TICK_"))
      .map((m) => m.value.tickType);
    expect(types.every((t) => t <= T.OPEN || t === T.LAST_TIMESTAMP)).toBe(true);

    const aapl = { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
    c.send("REQ_MKT_DATA", mktData(2, aapl, "233", true));
    const refusal = await c.takeError();
    expect(refusal).toMatchObject({ reqId: 2, code: 321 });
    expect(refusal.text).toContain("Snapshot market data subscription is not applicable to generic ticks");
    c.send("REQ_MKT_DATA", mktData(3, aapl, "999"));
    expect((await c.takeError()).text).toContain("Incorrect generic tick list of 999");
  });
});
