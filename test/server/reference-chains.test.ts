import { describe, expect, it } from "vitest";
import { hostFixture } from "../harness/host-fixture.js";
import { contractDetails } from "../harness/reference-requests.js";
import type { TestClient } from "../harness/test-client.js";

const fx = hostFixture();

// biome-ignore lint/suspicious/noExplicitAny: tests read the decoded fields by name
type Decoded = any;

/** The SECURITY_DEFINITION_OPTION_PARAMETER messages of one request, up to its end. */
async function optionParams(
  c: TestClient,
  reqId: number,
  underlyingSymbol: string,
  underlyingConId: number,
): Promise<Decoded[]> {
  c.send("REQ_SEC_DEF_OPT_PARAMS", {
    reqId,
    underlyingSymbol,
    futFopExchange: "",
    underlyingSecType: "STK",
    underlyingConId,
  });
  const out = [];
  for (;;) {
    const m = await c.take((r) => r.value?.reqId === reqId);
    if (m.name === "SECURITY_DEFINITION_OPTION_PARAMETER_END") return out;
    expect(m.name).toBe("SECURITY_DEFINITION_OPTION_PARAMETER");
    out.push(m.value);
  }
}

describe("option chains", () => {
  it.each([176, 213])("reqSecDefOptParams agrees with the option contracts' details at %i", async (sv) => {
    const { host } = await fx.start();
    const c = await fx.ready(host, 0, { max: sv });
    for (const [i, [symbol, conId]] of (
      [
        ["AAPL", 265598],
        ["MSFT", 272093],
        ["TSLA", 76792991],
        ["SPY", 756733],
        ["QQQ", 320227571],
      ] as const
    ).entries()) {
      const params = await optionParams(c, 10 + i, symbol, conId);
      expect(params.map((p) => p.exchange)).toContain("SMART");
      const smart = params.find((p) => p.exchange === "SMART");
      expect(smart).toMatchObject({ underlyingConId: conId, tradingClass: symbol, multiplier: "100" });
      expect(smart.strikes).toHaveLength(21);
      expect(smart.expirations.length).toBeGreaterThanOrEqual(5);
      // Every exchange lists the same chain; the options' validExchanges are exactly these exchanges.
      for (const p of params) expect([p.expirations, p.strikes]).toEqual([smart.expirations, smart.strikes]);
      const expiry = smart.expirations[0];
      const calls = await contractDetails(c, 100 + i, {
        symbol,
        secType: "OPT",
        exchange: "SMART",
        lastTradeDateOrContractMonth: expiry,
        right: "C",
      });
      expect(calls.details.map((d) => d.contract.strike)).toEqual(smart.strikes);
      for (const d of calls.details) {
        expect(d.contract).toMatchObject({
          symbol,
          tradingClass: symbol,
          multiplier: "100",
          right: "C",
          exchange: "SMART",
        });
        expect(d.contract.lastTradeDateOrContractMonth).toBe(expiry);
        expect(d.underConId).toBe(conId);
        expect(d.contract.conId).toBeGreaterThanOrEqual(900_000_000);
        expect(d.validExchanges.split(",").sort()).toEqual(params.map((p) => p.exchange).sort());
        expect(d.marketRuleIds.split(",")).toHaveLength(params.length);
      }
      // One option by conId gives the same contract back.
      const one = await contractDetails(c, 200 + i, { conId: calls.details[3].contract.conId });
      expect(one.details[0].contract).toEqual(calls.details[3].contract);
    }
  });

  it("an exact option by localSymbol, and a strike with right", async () => {
    const { host } = await fx.start();
    const c = await fx.ready(host, 0, { max: 226 });
    const [smart] = await optionParams(c, 1, "AAPL", 265598);
    const strike = smart.strikes[10];
    const both = await contractDetails(c, 2, {
      symbol: "AAPL",
      secType: "OPT",
      lastTradeDateOrContractMonth: smart.expirations[0],
      strike,
    });
    expect(both.details.map((d) => d.contract.right).sort()).toEqual(["C", "P"]);
    const put = both.details.find((d) => d.contract.right === "P");
    const byLocal = await contractDetails(c, 3, { secType: "OPT", localSymbol: put.contract.localSymbol });
    expect(byLocal.details.map((d) => d.contract.conId)).toEqual([put.contract.conId]);
  });
});

describe("futures rolled from the host's date", () => {
  it("four quarterly ES expiries at two dates on the stepped clock", async () => {
    const { host, clock } = await fx.start();
    const c = await fx.ready(host, 0, { max: 226 });
    // 2026-09-28: September's contract expired on the 18th (third Friday); December leads.
    const first = await contractDetails(c, 1, { symbol: "ES", secType: "FUT", exchange: "CME" });
    expect(first.details.map((d) => d.contract.localSymbol)).toEqual(["ESZ6", "ESH7", "ESM7", "ESU7"]);
    expect(first.details.map((d) => d.contract.lastTradeDateOrContractMonth)).toEqual([
      "20261218",
      "20270319",
      "20270618",
      "20270917",
    ]);
    expect(first.details[0]).toMatchObject({ minTick: 0.25, timeZoneId: "US/Central", contract: { multiplier: "50" } });
    const z6 = first.details[0].contract.conId;
    // After the December expiry, March leads and December 2027 joins.
    clock.advanceTo(Date.UTC(2026, 11, 21, 15));
    const later = await contractDetails(c, 2, { symbol: "ES", secType: "FUT" });
    expect(later.details.map((d) => d.contract.localSymbol)).toEqual(["ESH7", "ESM7", "ESU7", "ESZ7"]);
    // A contract keeps its conId as the clock moves on; the expired one is gone.
    expect(later.details[0].contract.conId).toBe(first.details[1].contract.conId);
    expect((await contractDetails(c, 3, { conId: z6 })).error?.code).toBe(200);
    expect(later.details[0].tradingHours.split(";")[0]).toBe("20261221:1700-20261222:1600");
    // By contract month.
    const m7 = await contractDetails(c, 4, { symbol: "NQ", secType: "FUT", lastTradeDateOrContractMonth: "202706" });
    expect(m7.details.map((d) => d.contract.localSymbol)).toEqual(["NQM7"]);
    const zn = await contractDetails(c, 5, { symbol: "ZN", secType: "FUT" });
    expect(zn.details).toHaveLength(4);
    expect(zn.details[0]).toMatchObject({ minTick: 0.015625, contract: { exchange: "CBOT" } });
  });
});
