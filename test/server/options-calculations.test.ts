import { describe, expect, it } from "vitest";
import { TickType } from "../../src/protocol/models/tick-type.js";
import { yearsToExpiry } from "../../src/server/engine/market/index.js";
import { optionValue, RISK_FREE_RATE, steppedClock } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";
import { engineAt, MONDAY_OPEN, optionNear } from "../harness/options.js";

const fx = hostFixture();
const SEED = 23;

describe("calculateImpliedVolatility and calculateOptionPrice", () => {
  it("answer TICK_OPTION_COMPUTATION 13 from the model at the request's prices", async () => {
    const { host } = await fx.start({ seed: SEED, clock: steppedClock(MONDAY_OPEN) });
    const c = await fx.ready(host, 1);
    const engine = engineAt(SEED, MONDAY_OPEN);
    const { details, instrument } = optionNear(engine, MONDAY_OPEN, "NVDA", "P");
    const terms = instrument.derivative!;
    const contract = { conId: details.contract.conId, exchange: "SMART" };
    const inputs = {
      right: "P" as const,
      spot: 150,
      strike: details.contract.strike!,
      years: yearsToExpiry(terms, Math.floor(MONDAY_OPEN / 1000)),
      rate: RISK_FREE_RATE,
      yield: terms.yield,
    };

    c.send("REQ_CALC_OPTION_PRICE", { reqId: 11, contract, volatility: 0.4, underPrice: 150, optPrcOptions: [] });
    const priced = (await c.take("TICK_OPTION_COMPUTATION")).value;
    const expected = optionValue({ ...inputs, volatility: 0.4 });
    expect(priced).toMatchObject({
      reqId: 11,
      tickType: TickType.MODEL_OPTION,
      tickAttrib: 0,
      impliedVol: 0.4,
      optPrice: expected.price,
      delta: expected.delta,
      gamma: expected.gamma,
      vega: expected.vega,
      theta: expected.theta,
      undPrice: 150,
    });
    expect(priced.pvDividend).toBeCloseTo(150 * (1 - Math.exp(-terms.yield * inputs.years)), 12);

    // The implied volatility of that price is the volatility it was priced at.
    c.send("REQ_CALC_IMPLIED_VOLAT", {
      reqId: 12,
      contract,
      optionPrice: expected.price,
      underPrice: 150,
      implVolOptions: [],
    });
    const implied = (await c.take("TICK_OPTION_COMPUTATION")).value;
    expect(implied).toMatchObject({
      reqId: 12,
      tickType: TickType.MODEL_OPTION,
      optPrice: expected.price,
      undPrice: 150,
    });
    expect(implied.impliedVol).toBeCloseTo(0.4, 9);
    expect(implied.delta).toBeCloseTo(expected.delta, 9);

    // Without an underlying price, the underlying's price now.
    c.send("REQ_CALC_OPTION_PRICE", { reqId: 13, contract, volatility: 0.3, underPrice: undefined, optPrcOptions: [] });
    const now = (await c.take("TICK_OPTION_COMPUTATION")).value;
    expect(now.undPrice).toBe(engine.process(terms.underlying).mid(Math.floor(MONDAY_OPEN / 1000)));

    // Cancels answer nothing: the next request is answered next.
    c.send("CANCEL_CALC_OPTION_PRICE", { reqId: 11 });
    c.send("CANCEL_CALC_IMPLIED_VOLAT", { reqId: 12 });
    c.send("REQ_CURRENT_TIME", {});
    expect((await c.take(() => true)).name).toBe("CURRENT_TIME");
  });

  it("answers a price no volatility explains without a volatility or greeks, and refuses what cannot be computed", async () => {
    const { host } = await fx.start({ seed: SEED, clock: steppedClock(MONDAY_OPEN) });
    const c = await fx.ready(host, 1);
    const { details } = optionNear(engineAt(SEED, MONDAY_OPEN), MONDAY_OPEN, "AAPL", "C", 0.9);
    const contract = { conId: details.contract.conId };
    const strike = details.contract.strike!;
    // A deep call below its intrinsic value: no volatility gives that price.
    c.send("REQ_CALC_IMPLIED_VOLAT", {
      reqId: 1,
      contract,
      optionPrice: 0.01,
      underPrice: strike * 1.5,
      implVolOptions: [],
    });
    const reply = await c.take("TICK_OPTION_COMPUTATION");
    const below = reply.value;
    // "Not computed": TWS's markers in text, absent fields in protobuf (the client reports None either way).
    const [vol, greek] = reply.form === "text" ? [-1, -2] : [undefined, undefined];
    expect(below).toMatchObject({ reqId: 1, tickType: TickType.MODEL_OPTION, optPrice: 0.01 });
    expect([below.impliedVol, below.delta, below.gamma, below.vega, below.theta]).toEqual([
      vol,
      greek,
      greek,
      greek,
      greek,
    ]);
    expect(below.undPrice).toBe(strike * 1.5);

    const stock = { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
    c.send("REQ_CALC_OPTION_PRICE", { reqId: 2, contract: stock, volatility: 0.3, underPrice: 100, optPrcOptions: [] });
    expect(await c.takeError()).toMatchObject({ reqId: 2, code: 321 });
    expect(c.pending().length).toBe(0);
    c.send("REQ_CALC_OPTION_PRICE", { reqId: 3, contract, volatility: 0, underPrice: 100, optPrcOptions: [] });
    expect((await c.takeError()).text).toContain("volatility 0");
    c.send("REQ_CALC_IMPLIED_VOLAT", { reqId: 4, contract, optionPrice: -1, underPrice: 100, implVolOptions: [] });
    expect(await c.takeError()).toMatchObject({ reqId: 4, code: 321 });
    c.send("REQ_CALC_IMPLIED_VOLAT", {
      reqId: 5,
      contract: { ...stock, symbol: "NOPE" },
      optionPrice: 1,
      underPrice: 1,
      implVolOptions: [],
    });
    expect(await c.takeError()).toMatchObject({ reqId: 5, code: 200 });
  });
});
