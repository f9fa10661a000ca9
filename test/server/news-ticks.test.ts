import { describe, expect, it } from "vitest";
import { parseNewsTime } from "../../src/server/news/time.js";
import { hostFixture } from "../harness/host-fixture.js";

const fx = hostFixture();
const AAPL = { conId: 265598, exchange: "SMART" };

function reqMktData(c: ReturnType<typeof fx.open>, reqId: number, genericTickList: string) {
  c.send("REQ_MKT_DATA", {
    reqId,
    contract: AAPL,
    genericTickList,
    snapshot: false,
    regulatorySnapshot: false,
    mktDataOptions: [],
  });
}

describe.each([176, 214])("news ticks (generic tick 292) at server version %i", (sv) => {
  it("streams each headline as TICK_NEWS when host time reaches it, the same ones historical news lists", async () => {
    // Seed 15 publishes several BRFG / DJNL headlines about AAPL in the four hours after the open.
    const { host, clock } = await fx.start({ seed: 15 });
    const c = await fx.ready(host, 1, { max: sv });
    const start = clock.now();
    reqMktData(c, 7, "mdoff,292:BRFG+DJNL");
    await c.take("TICK_REQ_PARAMS");
    // The host holds the request once it has answered one sent after it; then time may move.
    c.send("REQ_CURRENT_TIME", {});
    await c.take("CURRENT_TIME");
    clock.advance(4 * 3_600_000);
    c.send("REQ_HISTORICAL_NEWS", {
      reqId: 8,
      conId: AAPL.conId,
      providerCodes: "BRFG+DJNL",
      startDateTime: "",
      endDateTime: "",
      totalResults: 300,
      historicalNewsOptions: undefined,
    });
    await c.take("HISTORICAL_NEWS_END");
    const ticks = c.received.filter((m) => m.name === "TICK_NEWS").map((m) => m.value);
    const listed = c.received
      .filter((m) => m.name === "HISTORICAL_NEWS" && parseNewsTime(m.value.time)! > start)
      .map((m) => m.value);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.map((t) => t.articleId).sort()).toEqual(listed.map((h) => h.articleId).sort());
    for (const t of ticks) {
      expect(t.tickerId).toBe(7);
      expect(["BRFG", "DJNL"]).toContain(t.providerCode);
      expect(t.headline).toMatch(/^\[SIM\] /);
      expect(Number(t.timeStamp)).toBeGreaterThan(start);
      const same = listed.find((h) => h.articleId === t.articleId)!;
      expect(same.headline).toBe(t.headline);
      expect(parseNewsTime(same.time)).toBe(Number(t.timeStamp));
    }
    // In time order, and mdoff kept top of book away.
    const times = ticks.map((t) => Number(t.timeStamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(c.received.some((m) => m.name === "TICK_PRICE" && m.value.reqId === 7)).toBe(false);
  });

  it("refuses an unknown news provider in the generic tick list", async () => {
    const { host } = await fx.start({ seed: 5 });
    const c = await fx.ready(host, 1, { max: sv });
    reqMktData(c, 9, "292:NOPE");
    const e = await c.takeError(321);
    expect(e.reqId).toBe(9);
    expect(e.text).toContain("292:NOPE");
  });
});
