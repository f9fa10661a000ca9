import { describe, expect, it } from "vitest";
import type { ContractDetails } from "../../src/protocol/models/contract-details.js";
import { TickType } from "../../src/protocol/models/tick-type.js";
import { universeAt } from "../../src/server/engine/reference/universe.js";
import {
  fairValue,
  impliedVolatility,
  MarketEngine,
  optionValue,
  steppedClock,
  universeResolver,
} from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";

const fx = hostFixture();
/** Monday 28 September 2026, 10:15 New York time: stocks, options, forex, futures and crypto all trade. */
const MONDAY = Date.UTC(2026, 8, 28, 14, 15);

const onGrid = (p: number, tick: number) => Math.abs(p / tick - Math.round(p / tick)) < 1e-6;

/** Contracts of each kind the universe holds: stocks and ETFs, every pair and index, fronts, a call per chain. */
function sample(day: number): ContractDetails[] {
  const all = universeAt(day).instruments.map((i) => i.details);
  // Every stock would cost seconds (a day's tape per instrument on both sides); a spread of them shows the rule.
  const stocks = all.filter((d) => d.contract.secType === "STK").filter((_, n) => n % 4 === 0);
  const plain = [...stocks, ...all.filter((d) => ["CASH", "IND", "CRYPTO", "BOND"].includes(d.contract.secType!))];
  const futures = all.filter((d) => d.contract.secType === "FUT");
  const fronts = [...new Set(futures.map((d) => d.contract.symbol))].map(
    (s) => futures.filter((d) => d.contract.symbol === s).sort((a, b) => a.contract.conId! - b.contract.conId!)[0]!,
  );
  const calls = all.filter((d) => d.contract.secType === "OPT" && d.contract.right === "C");
  const perUnderlying = [...new Set(calls.map((d) => d.contract.symbol))].map(
    (s) => calls.filter((d) => d.contract.symbol === s)[10]!,
  );
  return [...plain, ...fronts, ...perUnderlying];
}

describe("the market engine over the whole instrument universe", () => {
  it("streams every kind of contract on its own tick grid, bid below ask, at the engine's prices", async () => {
    const { host } = await fx.start({ seed: 11, clock: steppedClock(MONDAY) });
    const c = await fx.ready(host, 1);
    const engine = new MarketEngine({ seed: 11, resolve: universeResolver(() => MONDAY) });
    const contracts = sample(MONDAY);
    expect(contracts.length).toBeGreaterThanOrEqual(8 + 6 + 3 + 3 + 5);
    for (const [n, d] of contracts.entries()) {
      const reqId = 100 + n;
      c.send("REQ_MKT_DATA", {
        reqId,
        contract: { conId: d.contract.conId, exchange: d.contract.exchange },
        genericTickList: "",
        snapshot: true,
        regulatorySnapshot: false,
        mktDataOptions: [],
      });
      const params = await c.take((m) => m.name === "TICK_REQ_PARAMS" && m.value.tickerId === reqId);
      expect(Number(params.value.minTick), d.contract.localSymbol).toBe(d.minTick);
      await c.take((m) => m.name === "TICK_SNAPSHOT_END" && m.value.reqId === reqId);
      const ticks = c.received.filter((m) => m.name === "TICK_PRICE" && m.value.reqId === reqId);
      const price = (t: number) => ticks.find((m) => m.value.tickType === t)?.value.price as number;
      const label = `${d.contract.secType} ${d.contract.localSymbol}`;
      expect(price(TickType.BID), label).toBeLessThan(price(TickType.ASK));
      for (const m of ticks) expect(onGrid(m.value.price, d.minTick!), `${label} ${m.value.price}`).toBe(true);
      const state = engine.state(engine.instrumentOf({ conId: d.contract.conId })!, MONDAY);
      expect([price(TickType.BID), price(TickType.ASK)]).toEqual([state.bid, state.ask]);
    }
  });

  it("prices futures and options from their underlying: carry for futures, the option model for options", () => {
    const engine = new MarketEngine({ seed: 5, resolve: universeResolver(() => MONDAY) });
    const s = MONDAY / 1000;
    const es = engine.instrumentOf({ symbol: "ES", secType: "FUT", localSymbol: "ESZ6" })!;
    const index = es.derivative!.underlying;
    const spot = engine.process(index).mid(s);
    const future = engine.process(es).mid(s);
    expect(future).toBeGreaterThan(spot);
    expect(future).toBeCloseTo(fairValue(es.derivative!, spot, s), 9);

    const chain = universeAt(MONDAY).instruments.filter(
      (i) => i.details.contract.symbol === "AAPL" && i.details.contract.secType === "OPT",
    );
    const call = engine.instrumentOf({
      conId: chain.find((i) => i.details.contract.right === "C")!.details.contract.conId,
    })!;
    const stock = engine.process(call.derivative!.underlying).mid(s);
    const q = engine.process(call).quote(s);
    const fair = fairValue(call.derivative!, stock, s);
    expect(q.bid).toBeLessThanOrEqual(fair + 0.01);
    expect(q.ask).toBeGreaterThanOrEqual(fair - 0.01);
    // The same seed, a fresh engine: the same option quote.
    const again = new MarketEngine({ seed: 5, resolve: universeResolver(() => MONDAY) });
    expect(again.process(again.instrumentOf({ conId: call.conId })!).quote(s)).toEqual(q);
  });

  it("walks a derivative's tape at the same prices as its quotes: last trade, bars and totals agree with the model", () => {
    const engine = new MarketEngine({ seed: 5, resolve: universeResolver(() => MONDAY) });
    const es = engine.instrumentOf({ symbol: "ES", secType: "FUT", localSymbol: "ESZ6" })!;
    const option = engine.instrumentOf({
      conId: universeAt(MONDAY).instruments.find((i) => i.details.contract.secType === "OPT")!.details.contract.conId,
    })!;
    const s = MONDAY / 1000;
    for (const instrument of [es, option]) {
      const p = engine.process(instrument);
      const walked: number[] = [];
      p.forEachQuote(s - 30, s, (q) => walked.push(q.bid, q.ask, q.tradePrice));
      const direct = Array.from({ length: 30 }, (_, i) => p.quote(s - 30 + i)).flatMap((q) => [
        q.bid,
        q.ask,
        q.tradePrice,
      ]);
      expect(walked).toEqual(direct);
      const state = engine.state(instrument, MONDAY);
      expect(state.last).toBe(p.quote(state.lastTime / 1000).tradePrice);
      expect(Math.abs(state.last - state.bid)).toBeLessThan(10 * instrument.minTick);
    }
  });

  it("resolves AAPL without a secType to the stock, and a future without an expiry to nothing (ambiguous)", () => {
    const resolve = universeResolver(() => MONDAY);
    expect(resolve({ symbol: "AAPL" })?.conId).toBe(265598);
    expect(resolve({ symbol: "EUR.USD", secType: "CASH" })?.conId).toBe(12087792);
    expect(resolve({ symbol: "ES", secType: "FUT", exchange: "CME" })).toBeUndefined();
    expect(resolve({ symbol: "NOPE" })).toBeUndefined();
  });

  it("keeps each market's hours: forex from Sunday 17:15 New York time, crypto on Saturday, stocks not", () => {
    const engine = new MarketEngine({ seed: 1, resolve: universeResolver(() => MONDAY) });
    const eur = engine.instrumentOf({ symbol: "EUR", secType: "CASH", currency: "USD" })!;
    const btc = engine.instrumentOf({ symbol: "BTC", secType: "CRYPTO" })!;
    const ibm = engine.instrumentOf({ symbol: "IBM", secType: "STK" })!;
    const sunday = (h: number, m: number) => Date.UTC(2026, 8, 27, h + 4, m); // EDT is UTC-4
    expect(engine.state(eur, sunday(17, 0)).trading).toBe(false);
    expect(engine.state(eur, sunday(17, 20)).trading).toBe(true);
    expect(engine.state(ibm, sunday(17, 20)).trading).toBe(false);
    const saturday = Date.UTC(2026, 8, 26, 16);
    expect(engine.state(btc, saturday).trading).toBe(true);
    expect(engine.state(eur, saturday).trading).toBe(false);
  });
});

describe("the option model", () => {
  const base = { spot: 100, strike: 100, years: 1, volatility: 0.2, rate: 0.05 } as const;

  it("gives the textbook values and put-call parity", () => {
    const call = optionValue({ ...base, right: "C" });
    const put = optionValue({ ...base, right: "P" });
    expect(call.price).toBeCloseTo(10.4506, 3);
    expect(put.price).toBeCloseTo(5.5735, 3);
    expect(call.price - put.price).toBeCloseTo(100 - 100 * Math.exp(-0.05), 6);
    expect(call.delta).toBeCloseTo(0.6368, 3);
    expect(call.gamma).toBeCloseTo(0.01876, 4);
    // Vega per volatility point (37.52 per 1.00) and theta per calendar day (-6.414 a year), as TWS reports them.
    expect(call.vega).toBeCloseTo(0.37524, 4);
    expect(call.theta).toBeCloseTo(-6.414 / 365, 5);
  });

  it("recovers the volatility from a price, and says NaN below intrinsic value", () => {
    for (const v of [0.08, 0.2, 0.55, 1.2]) {
      const price = optionValue({ ...base, right: "P", strike: 90, volatility: v }).price;
      expect(impliedVolatility(price, { ...base, right: "P", strike: 90 })).toBeCloseTo(v, 6);
    }
    expect(impliedVolatility(1, { ...base, right: "C", strike: 50 })).toBeNaN();
  });
});
