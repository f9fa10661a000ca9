import { describe, expect, it } from "vitest";
import { TickType } from "../../src/protocol/models/tick-type.js";
import { yearsToExpiry } from "../../src/server/engine/market/index.js";
import {
  impliedVolatility,
  modelVolatility,
  optionValue,
  RISK_FREE_RATE,
  steppedClock,
} from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";
import { engineAt, MONDAY_OPEN, mktData, optionNear } from "../harness/options.js";
import type { Received, TestClient } from "../harness/test-client.js";

const fx = hostFixture();
const SEED = 17;

const computations = (c: TestClient, reqId: number) =>
  c.received.filter((m) => m.name === "TICK_OPTION_COMPUTATION" && m.value.reqId === reqId);
const lastOf = (ms: Received[], tickType: number) => ms.filter((m) => m.value.tickType === tickType).at(-1)!.value;

describe.each([176, 214])("option computations on an option's stream at server version %i", (sv) => {
  it("sends the bid, ask, last and model computations of the engine's option model, and updates them", async () => {
    const { host, clock } = await fx.start({ seed: SEED, clock: steppedClock(MONDAY_OPEN) });
    const c = await fx.ready(host, 1, { max: sv });
    const engine = engineAt(SEED, MONDAY_OPEN);
    const { details, instrument } = optionNear(engine, MONDAY_OPEN, "AAPL", "C");
    const terms = instrument.derivative!;
    c.send("REQ_MKT_DATA", mktData(7, { conId: details.contract.conId, exchange: "SMART" }));
    await c.take((m) => m.name === "TICK_OPTION_COMPUTATION" && m.value.tickType === TickType.MODEL_OPTION);

    const second = Math.floor(MONDAY_OPEN / 1000);
    const state = engine.state(instrument, MONDAY_OPEN);
    const spot = engine.process(terms.underlying).mid(second);
    const inputs = {
      right: "C" as const,
      spot,
      strike: details.contract.strike!,
      years: yearsToExpiry(terms, second),
      rate: RISK_FREE_RATE,
      yield: terms.yield,
    };
    const comps = computations(c, 7);
    expect(comps.map((m) => m.value.tickType)).toEqual([
      TickType.BID_OPTION_COMPUTATION,
      TickType.ASK_OPTION_COMPUTATION,
      TickType.LAST_OPTION_COMPUTATION,
      TickType.MODEL_OPTION,
    ]);
    for (const m of comps) {
      expect(m.value.tickAttrib).toBe(0); // return based: written from PRICE_BASED_VOLATILITY (156) on
      expect(m.value.undPrice).toBe(spot);
    }
    // The model computation is the model at the underlying's price: the option's own fair value.
    const model = lastOf(comps, TickType.MODEL_OPTION);
    const vol = modelVolatility(terms, spot);
    const value = optionValue({ ...inputs, volatility: vol });
    expect(model).toMatchObject({ impliedVol: vol, optPrice: value.price, delta: value.delta, gamma: value.gamma });
    expect(model.vega).toBe(value.vega);
    expect(model.theta).toBe(value.theta);
    expect(model.optPrice).toBeCloseTo(state.mid, 9);
    expect(model.pvDividend).toBeCloseTo(spot * (1 - Math.exp(-terms.yield * inputs.years)), 12);
    // The bid's implied volatility prices the option at the streamed bid.
    const bid = lastOf(comps, TickType.BID_OPTION_COMPUTATION);
    const bidTick = c.received.find((m) => m.name === "TICK_PRICE" && m.value.tickType === TickType.BID)!.value;
    expect(bid.optPrice).toBe(bidTick.price);
    expect(bidTick.price).toBe(state.bid);
    expect(optionValue({ ...inputs, volatility: bid.impliedVol }).price).toBeCloseTo(state.bid, 8);
    expect(bid.impliedVol).toBeCloseTo(impliedVolatility(state.bid, inputs), 12);
    expect(bid.delta).toBeCloseTo(optionValue({ ...inputs, volatility: bid.impliedVol }).delta, 12);
    const ask = lastOf(comps, TickType.ASK_OPTION_COMPUTATION);
    expect(ask.impliedVol).toBeGreaterThan(bid.impliedVol);
    expect(optionValue({ ...inputs, volatility: ask.impliedVol }).price).toBeCloseTo(state.ask, 8);
    const last = lastOf(comps, TickType.LAST_OPTION_COMPUTATION);
    expect(last.optPrice).toBe(state.last);

    // A few seconds on, the underlying has moved every second: a model computation for each, the last at the new second.
    const models = () => computations(c, 7).filter((m) => m.value.tickType === TickType.MODEL_OPTION).length;
    const modelsBefore = models();
    clock.advance(3000);
    while (models() < modelsBefore + 3) await c.take(() => true);
    const now = Math.floor(clock.now() / 1000);
    const later = lastOf(computations(c, 7), TickType.MODEL_OPTION);
    const spotNow = engine.process(terms.underlying).mid(now);
    expect(later.undPrice).toBe(spotNow);
    expect(later.optPrice).toBe(
      optionValue({
        ...inputs,
        spot: spotNow,
        years: yearsToExpiry(terms, now),
        volatility: modelVolatility(terms, spotNow),
      }).price,
    );
  });
});

describe("option computations", () => {
  it("uses the delayed ids 80..83 on a delayed stream, computed from the state 15 minutes ago", async () => {
    const { host } = await fx.start({
      seed: SEED,
      clock: steppedClock(MONDAY_OPEN),
      market: { realTime: () => false },
    });
    const c = await fx.ready(host, 1);
    const engine = engineAt(SEED, MONDAY_OPEN);
    const { details, instrument } = optionNear(engine, MONDAY_OPEN, "MSFT", "P", 0.95);
    c.send("REQ_MARKET_DATA_TYPE", { marketDataType: 3 });
    c.send("REQ_MKT_DATA", mktData(3, { conId: details.contract.conId }));
    await c.take((m) => m.name === "TICK_OPTION_COMPUTATION" && m.value.tickType === TickType.DELAYED_MODEL_OPTION);
    const types = computations(c, 3).map((m) => m.value.tickType);
    expect(types).toEqual([
      TickType.DELAYED_BID_OPTION,
      TickType.DELAYED_ASK_OPTION,
      TickType.DELAYED_LAST_OPTION,
      TickType.DELAYED_MODEL_OPTION,
    ]);
    const then = MONDAY_OPEN - 15 * 60_000;
    const spot = engine.process(instrument.derivative!.underlying).mid(Math.floor(then / 1000));
    expect(lastOf(computations(c, 3), TickType.DELAYED_MODEL_OPTION).undPrice).toBe(spot);
    expect(lastOf(computations(c, 3), TickType.DELAYED_BID_OPTION).optPrice).toBe(engine.state(instrument, then).bid);
  });

  it("gives the same computations for the same seed", async () => {
    const runs: unknown[][] = [];
    for (const _ of [0, 1]) {
      const { host, clock } = await fx.start({ seed: 99, clock: steppedClock(MONDAY_OPEN) });
      const c = await fx.ready(host, 1);
      const { details } = optionNear(engineAt(99, MONDAY_OPEN), MONDAY_OPEN, "TSLA", "C", 1.05);
      c.send("REQ_MKT_DATA", mktData(1, { conId: details.contract.conId }));
      await c.take((m) => m.name === "TICK_OPTION_COMPUTATION" && m.value.tickType === TickType.MODEL_OPTION);
      clock.advance(2000);
      await c.take((m) => m.name === "TICK_OPTION_COMPUTATION" && m.value.tickType === TickType.MODEL_OPTION);
      runs.push(computations(c, 1).map((m) => m.value));
    }
    expect(runs[1]).toEqual(runs[0]);
  });

  it("includes the computations in a snapshot and in a regulatory snapshot, which also carries LAST_REG_TIME and a fee", async () => {
    const { host } = await fx.start({ seed: SEED, clock: steppedClock(MONDAY_OPEN) });
    const c = await fx.ready(host, 1);
    const { details } = optionNear(engineAt(SEED, MONDAY_OPEN), MONDAY_OPEN, "SPY", "C");
    const contract = { conId: details.contract.conId };
    c.send("REQ_MKT_DATA", mktData(1, contract, "", true));
    await c.take((m) => m.name === "TICK_SNAPSHOT_END" && m.value.reqId === 1);
    expect(computations(c, 1).map((m) => m.value.tickType)).toContain(TickType.MODEL_OPTION);
    expect(host.state.marketData.regulatorySnapshotFees().get(1)).toBeUndefined();
    for (const reqId of [2, 3]) {
      c.send("REQ_MKT_DATA", mktData(reqId, contract, "", false, true));
      await c.take((m) => m.name === "TICK_SNAPSHOT_END" && m.value.reqId === reqId);
    }
    const reg = c.received.filter((m) => m.value.reqId === 2 || m.value.tickerId === 2).map((m) => m.name);
    expect(reg.slice(0, 2)).toEqual(["MARKET_DATA_TYPE", "TICK_REQ_PARAMS"]);
    expect(reg.at(-1)).toBe("TICK_SNAPSHOT_END");
    expect(computations(c, 2).map((m) => m.value.tickType)).toContain(TickType.MODEL_OPTION);
    const regTime = c.received.find((m) => m.value.reqId === 2 && m.value.tickType === TickType.LAST_REG_TIME)!;
    const lastTs = c.received.find((m) => m.value.reqId === 2 && m.value.tickType === TickType.LAST_TIMESTAMP)!;
    expect(Number(regTime.value.value)).toBe(Number(lastTs.value.value) * 1000);
    // 0.01 USD a regulatory snapshot, kept in whole cents.
    expect(host.state.marketData.regulatorySnapshotFees().get(1)).toBe(2);
    // Neither kind of snapshot holds a line: the stream table is empty.
    expect(host.state.marketData.linesInUse).toBe(0);
  });
});
