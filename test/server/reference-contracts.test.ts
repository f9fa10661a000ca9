import { describe, expect, it } from "vitest";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { cusipCheckDigit, isinOf } from "../../src/server/engine/reference/bonds.js";
import { universeAt } from "../../src/server/engine/reference/universe.js";
import { hostFixture } from "../harness/host-fixture.js";
import { contractDetails } from "../harness/reference-requests.js";

const fx = hostFixture();
/** Text at 176; protobuf CONTRACT_DATA from PROTOBUF_CONTRACT_DATA; protobuf everything at 213 and 226. */
const VERSIONS = [176, ServerVersion.PROTOBUF_CONTRACT_DATA, 213, 226];

describe("reqContractDetails against the universe", () => {
  it.each(VERSIONS)("AAPL by conId equals its universe entry at %i", async (sv) => {
    const { host } = await fx.start();
    const c = await fx.ready(host, 0, { max: sv });
    const { details, error } = await contractDetails(c, 1, { conId: 265598 });
    expect(error).toBeUndefined();
    expect(details).toHaveLength(1);
    const d = details[0];
    expect(d.contract).toMatchObject({
      conId: 265598,
      symbol: "AAPL",
      secType: "STK",
      exchange: "SMART",
      primaryExchange: "NASDAQ",
      currency: "USD",
      localSymbol: "AAPL",
      tradingClass: "NMS",
    });
    expect(d).toMatchObject({ minTick: 0.01, timeZoneId: "US/Eastern", longName: "APPLE INC", stockType: "COMMON" });
    const exchanges = d.validExchanges.split(",");
    expect(exchanges[0]).toBe("SMART");
    expect(d.marketRuleIds.split(",")).toEqual(exchanges.map(() => "26"));
    expect(d.secIdList).toEqual([{ tag: "ISIN", value: "US0378331005" }]);
    // Hours for the host's day (2026-09-28, a Monday) in US/Eastern: six days, the weekend closed.
    expect(d.tradingHours.split(";")).toEqual([
      "20260928:0400-20260928:2000",
      "20260929:0400-20260929:2000",
      "20260930:0400-20260930:2000",
      "20261001:0400-20261001:2000",
      "20261002:0400-20261002:2000",
      "20261003:CLOSED",
    ]);
    expect(d.liquidHours.split(";")[0]).toBe("20260928:0930-20260928:1600");
    // Every field equals the host's own entry.
    const entry = universeAt(host.clock.now()).byConId(265598)!.details;
    for (const k of ["minTick", "validExchanges", "marketRuleIds", "tradingHours", "liquidHours", "timeZoneId"]) {
      expect(d[k], k).toEqual(entry[k as keyof typeof entry]);
    }
  });

  it.each([176, 226])("exact, partial, ambiguous and unknown requests at %i", async (sv) => {
    const { host } = await fx.start();
    const c = await fx.ready(host, 0, { max: sv });
    // Partial: symbol and secType only; the same conId as the exact request.
    const spy = await contractDetails(c, 2, { symbol: "SPY", secType: "STK", currency: "USD" });
    expect(spy.details.map((d) => d.contract.conId)).toEqual([756733]);
    expect(spy.details[0].contract.primaryExchange).toBe("ARCA");
    // Asking on a valid exchange answers with that exchange.
    const onArca = await contractDetails(c, 3, { symbol: "SPY", secType: "STK", exchange: "ARCA" });
    expect(onArca.details[0].contract).toMatchObject({ conId: 756733, exchange: "ARCA" });
    // Forex by localSymbol.
    const eur = await contractDetails(c, 4, { localSymbol: "EUR.USD", secType: "CASH" });
    expect(eur.details[0]).toMatchObject({ contract: { conId: 12087792, exchange: "IDEALPRO" }, minTick: 0.00005 });
    expect(eur.details[0].tradingHours).toBe(eur.details[0].liquidHours);
    // Ambiguous: every EUR cross, then the end.
    const eurs = await contractDetails(c, 5, { symbol: "EUR", secType: "CASH" });
    expect(eurs.details.map((d) => d.contract.localSymbol).sort()).toEqual(["EUR.GBP", "EUR.JPY", "EUR.USD"]);
    // None: 200 with TWS's text, for an unknown symbol, an unknown conId and a bond.
    for (const [reqId, contract] of [
      [6, { symbol: "NOSUCH", secType: "STK" }],
      [7, { conId: 123 }],
      [8, { symbol: "IBM", secType: "BOND" }],
    ] as const) {
      const none = await contractDetails(c, reqId, contract);
      expect(none).toEqual({
        details: [],
        error: { code: 200, text: "No security definition has been found for the request" },
      });
    }
  });

  it("computes CUSIP and ISIN check digits as the standards do (Apple: 037833100, US0378331005)", () => {
    expect(cusipCheckDigit("03783310")).toBe(0);
    expect(isinOf("037833100")).toBe("US0378331005");
    expect(cusipCheckDigit("59491810")).toBe(4); // Microsoft: 594918104
  });

  it.each([176, 188, 226])("bonds come as BOND_CONTRACT_DATA, found by CUSIP, ISIN or conId, at %i", async (sv) => {
    const { host } = await fx.start();
    const c = await fx.ready(host, 0, { max: sv });
    const all = await contractDetails(c, 1, { symbol: "91SIMUA33", secType: "BOND", exchange: "SMART" });
    expect(c.received.some((m) => m.name === "BOND_CONTRACT_DATA" && m.value.reqId === 1)).toBe(true);
    expect(all.details).toHaveLength(1);
    const bond = all.details[0];
    expect(bond.contract).toMatchObject({ symbol: "91SIMUA33", secType: "BOND", exchange: "SMART", currency: "USD" });
    expect(bond).toMatchObject({
      cusip: "91SIMUA33",
      coupon: 4.25,
      descAppend: "T 4 1/4 11/15/33",
      bondType: "US T-NOTE",
      couponType: "FIXED",
      callable: false,
      issueDate: "20231115",
    });
    // Text BOND_CONTRACT_DATA carries the hours only from MIN_SERVER_VER_BOND_TRADING_HOURS (188).
    if (sv >= 188) expect(bond.timeZoneId).toBe("US/Eastern");
    const conId = bond.contract.conId;
    const byIsin = await contractDetails(c, 2, { secType: "BOND", secIdType: "ISIN", secId: "US91SIMUA331" });
    expect(byIsin.details.map((d) => d.contract.conId)).toEqual([conId]);
    const byCusip = await contractDetails(c, 3, { secType: "BOND", secIdType: "CUSIP", secId: "91SIMUA33" });
    expect(byCusip.details.map((d) => d.contract.conId)).toEqual([conId]);
    expect((await contractDetails(c, 4, { conId })).details[0].cusip).toBe("91SIMUA33");
  });

  it("crypto on PAXOS, index and forex: identifiers and synthetic conIds", async () => {
    const { host } = await fx.start();
    const c = await fx.ready(host, 0, { max: 226 });
    const crypto = await contractDetails(c, 1, { secType: "CRYPTO", exchange: "PAXOS", symbol: "BTC" });
    expect(crypto.details[0].contract).toMatchObject({ conId: 479624278, symbol: "BTC", exchange: "PAXOS" });
    const eth = await contractDetails(c, 2, { secType: "CRYPTO", symbol: "ETH" });
    expect(eth.details[0].contract.conId).toBeGreaterThanOrEqual(900_000_000);
    const spx = await contractDetails(c, 3, { secType: "IND", symbol: "SPX" });
    expect(spx.details[0].contract).toMatchObject({ conId: 416904, exchange: "CBOE" });
    const u = universeAt(host.clock.now());
    expect(u.instruments.filter((i) => i.details.contract.secType === "STK").length).toBeGreaterThanOrEqual(30);
    expect(u.instruments.filter((i) => i.details.contract.secType === "CASH").length).toBeGreaterThanOrEqual(6);
    expect(u.instruments.filter((i) => i.details.contract.secType === "CRYPTO").length).toBeGreaterThanOrEqual(3);
    for (const i of u.instruments) {
      if (i.synthetic) expect(i.details.contract.conId).toBeGreaterThanOrEqual(900_000_000);
      else expect(i.details.contract.conId).toBeLessThan(900_000_000);
    }
  });
});
