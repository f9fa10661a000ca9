import { describe, expect, it } from "vitest";
import { HistoricalPacing } from "../../src/server/history/pacing.js";
import { hostFixture } from "../harness/host-fixture.js";
import type { TestClient } from "../harness/test-client.js";

/** TWS's historical pacing rules on the stepped clock: each one triggered (162) and recovered from. */

const fx = hostFixture();
const PACING = "Historical Market Data Service error message:Historical data request pacing violation";
const contracts = ["AAPL", "MSFT", "IBM", "SPY", "QQQ", "NVDA", "AMZN", "GOOGL"].map((symbol) => ({
  symbol,
  secType: "STK",
  exchange: "SMART",
  currency: "USD",
}));

let nextId = 100;
function bars(c: TestClient, opts: { symbol?: number; what?: string; duration?: string; size?: string } = {}): number {
  const reqId = nextId++;
  c.send("REQ_HISTORICAL_DATA", {
    reqId,
    contract: contracts[opts.symbol ?? 0],
    endDateTime: "",
    durationStr: opts.duration ?? "60 S",
    barSizeSetting: opts.size ?? "5 secs",
    whatToShow: opts.what ?? "TRADES",
    useRTH: 1,
    formatDate: 2,
    keepUpToDate: false,
    chartOptions: [],
  });
  return reqId;
}

/** "ok" when the request got its bars, "paced" when it got the pacing violation. */
async function outcome(c: TestClient, reqId: number): Promise<"ok" | "paced"> {
  const m = await c.take((r) => (r.name === "HISTORICAL_DATA" || r.name === "ERR_MSG") && r.value.reqId === reqId);
  if (m.name === "HISTORICAL_DATA") return "ok";
  expect({ code: m.value.errorCode, text: m.value.errorString }).toEqual({ code: 162, text: PACING });
  return "paced";
}

describe("historical data pacing", () => {
  it("refuses an identical request within 15 s, and serves it once 15 s have passed", async () => {
    const { host, clock } = await fx.start({ requestsPerSecond: 1000 });
    const c = await fx.ready(host, 1);
    expect(await outcome(c, bars(c))).toBe("ok");
    clock.advance(14_999);
    expect(await outcome(c, bars(c))).toBe("paced");
    clock.advance(1);
    expect(await outcome(c, bars(c))).toBe("ok");
  });

  it("refuses the sixth request for one contract, exchange and tick type within 2 s; others pass", async () => {
    const { host, clock } = await fx.start({ requestsPerSecond: 1000 });
    const c = await fx.ready(host, 1);
    for (let i = 1; i <= 5; i++) expect(await outcome(c, bars(c, { duration: `${60 + i} S` }))).toBe("ok");
    expect(await outcome(c, bars(c, { duration: "70 S" }))).toBe("paced");
    // Another tick type or contract is another series.
    expect(await outcome(c, bars(c, { duration: "70 S", what: "MIDPOINT" }))).toBe("ok");
    expect(await outcome(c, bars(c, { duration: "70 S", symbol: 1 }))).toBe("ok");
    clock.advance(2000);
    expect(await outcome(c, bars(c, { duration: "70 S" }))).toBe("ok");
  });

  it("counts BID_ASK twice: the third BID_ASK request within 2 s is the sixth", async () => {
    const { host } = await fx.start({ requestsPerSecond: 1000 });
    const c = await fx.ready(host, 1);
    expect(await outcome(c, bars(c, { what: "BID_ASK", duration: "61 S" }))).toBe("ok");
    expect(await outcome(c, bars(c, { what: "BID_ASK", duration: "62 S" }))).toBe("ok");
    expect(await outcome(c, bars(c, { what: "BID_ASK", duration: "63 S" }))).toBe("paced");
  });

  it("allows 60 requests in ten minutes, refuses the 61st, and recovers as the window slides", async () => {
    const { host, clock } = await fx.start({ requestsPerSecond: 1000 });
    const c = await fx.ready(host, 1);
    for (let i = 0; i < 60; i++) {
      expect(await outcome(c, bars(c, { symbol: i % 8, duration: `${60 + i} S` }))).toBe("ok");
      clock.advance(5000);
    }
    // 300 s have passed: the first request leaves the window at 600 s.
    expect(await outcome(c, bars(c, { duration: "200 S" }))).toBe("paced");
    clock.advance(300_000 - 5000);
    expect(await outcome(c, bars(c, { duration: "201 S" }))).toBe("paced");
    clock.advance(5000);
    expect(await outcome(c, bars(c, { duration: "202 S" }))).toBe("ok");
  });

  it("paces only bars of 30 s or less, and shares the limits between clients", async () => {
    const { host } = await fx.start({ requestsPerSecond: 1000 });
    const a = await fx.ready(host, 1);
    const b = await fx.ready(host, 2);
    for (let i = 0; i < 8; i++) expect(await outcome(a, bars(a, { size: "1 min", duration: "1 D" }))).toBe("ok");
    for (let i = 0; i < 5; i++) expect(await outcome(a, bars(a, { duration: `${70 + i} S` }))).toBe("ok");
    expect(await outcome(b, bars(b, { duration: "80 S" }))).toBe("paced");
  });

  it("takes its limits from the host options (a benchmark raises them)", async () => {
    const { host } = await fx.start({
      requestsPerSecond: 1000,
      historicalPacing: { identicalMs: 0, burstCount: 1000 },
    });
    const c = await fx.ready(host, 1);
    for (let i = 0; i < 10; i++) expect(await outcome(c, bars(c))).toBe("ok");
  });

  it("holds no more entries than the limit allows, however many requests come", () => {
    const pacing = new HistoricalPacing();
    let t = 0;
    for (let i = 0; i < 10_000; i++) {
      pacing.admit({ identity: String(i), series: String(i % 7), weight: 1 }, t);
      t += 250;
    }
    expect(pacing.size).toBeLessThanOrEqual(60);
    t += 600_000;
    pacing.admit({ identity: "x", series: "x", weight: 1 }, t);
    expect(pacing.size).toBe(1);
  });
});
