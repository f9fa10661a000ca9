import { describe, expect, it } from "vitest";
import { MARKET_RULES } from "../../src/server/engine/reference/market-rules.js";
import { hostFixture } from "../harness/host-fixture.js";
import { contractDetails } from "../harness/reference-requests.js";

const fx = hostFixture();

describe("symbol search, market rules and venues", () => {
  it.each([176, 213])("reqMatchingSymbols: exact first, prefixes, descriptions, at most 16, at %i", async (sv) => {
    const { host } = await fx.start();
    const c = await fx.ready(host, 0, { max: sv });
    c.send("REQ_MATCHING_SYMBOLS", { reqId: 1, pattern: "aapl" });
    const aapl = (await c.take("SYMBOL_SAMPLES")).value;
    expect(aapl.reqId).toBe(1);
    expect(aapl.contractDescriptions[0].contract).toMatchObject({
      conId: 265598,
      symbol: "AAPL",
      secType: "STK",
      primaryExchange: "NASDAQ",
      currency: "USD",
    });
    expect(aapl.contractDescriptions[0].derivativeSecTypes).toEqual(["OPT"]);
    c.send("REQ_MATCHING_SYMBOLS", { reqId: 2, pattern: "A" });
    const many = (await c.take("SYMBOL_SAMPLES")).value.contractDescriptions;
    expect(many.length).toBeGreaterThan(0);
    expect(many.length).toBeLessThanOrEqual(16);
    // Symbols starting with the pattern come before description matches.
    const symbols = many.map((d: { contract: { symbol: string } }) => d.contract.symbol);
    expect(symbols.slice(0, 3)).toEqual(["AAPL", "AMD", "AMZN"]);
    c.send("REQ_MATCHING_SYMBOLS", { reqId: 3, pattern: "apple" });
    const byName = (await c.take("SYMBOL_SAMPLES")).value.contractDescriptions;
    expect(byName.map((d: { contract: { conId: number } }) => d.contract.conId)).toEqual([265598]);
    c.send("REQ_MATCHING_SYMBOLS", { reqId: 4, pattern: "zzzz" });
    expect((await c.take("SYMBOL_SAMPLES")).value.contractDescriptions).toEqual([]);
  });

  it.each([176, 213])(
    "reqMarketRule answers every rule a contract lists, in line with its minTick, at %i",
    async (sv) => {
      const { host } = await fx.start();
      const c = await fx.ready(host, 0, { max: sv });
      c.send("REQ_MARKET_RULE", { marketRuleId: 26 });
      expect((await c.take("MARKET_RULE")).value).toEqual({
        marketRuleId: 26,
        priceIncrements: [{ lowEdge: 0, increment: 0.01 }],
      });
      for (const [reqId, contract] of [
        [1, { conId: 12087792 }],
        [2, { symbol: "USD", secType: "CASH", currency: "JPY" }],
        [3, { symbol: "ES", secType: "FUT", lastTradeDateOrContractMonth: "202612" }],
        [4, { symbol: "BTC", secType: "CRYPTO" }],
      ] as const) {
        const [d] = (await contractDetails(c, reqId, contract)).details;
        const ids = [...new Set<string>(d.marketRuleIds.split(","))];
        expect(d.marketRuleIds.split(",")).toHaveLength(d.validExchanges.split(",").length);
        for (const id of ids) {
          c.send("REQ_MARKET_RULE", { marketRuleId: Number(id) });
          const rule = (await c.take("MARKET_RULE")).value;
          expect(rule.priceIncrements).toEqual(MARKET_RULES.get(Number(id)));
          expect(Math.min(...rule.priceIncrements.map((p: { increment: number }) => p.increment))).toBe(d.minTick);
        }
      }
      c.send("REQ_MARKET_RULE", { marketRuleId: 4242 });
      expect((await c.takeError(321)).text).toContain("market rule 4242");
    },
  );

  it.each([176, 226])("smart components, depth exchanges, family codes, soft-dollar tiers at %i", async (sv) => {
    const { host } = await fx.start({ accounts: ["DU111111", "DU222222"] });
    const c = await fx.ready(host, 0, { max: sv });
    c.send("REQ_SMART_COMPONENTS", { reqId: 5, bboExchange: "9c0001" });
    const smart = (await c.take("SMART_COMPONENTS")).value;
    expect(smart.reqId).toBe(5);
    expect(smart.smartComponents).toContainEqual(expect.objectContaining({ exchange: "ISLAND", exchangeLetter: "Q" }));
    c.send("REQ_MKT_DEPTH_EXCHANGES", {});
    const depth = (await c.take("MKT_DEPTH_EXCHANGES")).value.depthMktDataDescriptions;
    expect(depth).toContainEqual(
      expect.objectContaining({ exchange: "ISLAND", secType: "STK", listingExch: "NASDAQ" }),
    );
    c.send("REQ_FAMILY_CODES", {});
    expect((await c.take("FAMILY_CODES")).value.familyCodes).toEqual([
      { accountID: "DU111111", familyCodeStr: "" },
      { accountID: "DU222222", familyCodeStr: "" },
    ]);
    c.send("REQ_SOFT_DOLLAR_TIERS", { reqId: 6 });
    expect((await c.take("SOFT_DOLLAR_TIERS")).value).toEqual({ reqId: 6, tiers: [] });
    // CANCEL_CONTRACT_DATA (protobuf only) is accepted silently.
    if (sv >= 226) c.send("CANCEL_CONTRACT_DATA", { reqId: 7 });
    c.send("REQ_CURRENT_TIME", {});
    await c.take("CURRENT_TIME");
    expect(c.pending()).toEqual([]);
  });
});
