import { describe, expect, it } from "vitest";
import { BAR_SIZES, parseDuration, stepFit } from "../../src/protocol/historical-settings.js";
import { buildBars } from "../../src/server/history/bars.js";
import { MarketEngine, universeResolver } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";
import type { TestClient } from "../harness/test-client.js";

const fx = hostFixture();
const AAPL = { conId: 0, symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
// The host's AAPL, as its universe resolves it (the same on any day).
const aapl = universeResolver(() => Date.UTC(2026, 8, 28))({ symbol: "AAPL", secType: "STK", currency: "USD" })!;

function reqBars(c: TestClient, reqId: number, durationStr: string, barSizeSetting: string, whatToShow: string) {
  c.send("REQ_HISTORICAL_DATA", {
    reqId,
    contract: AAPL,
    endDateTime: "",
    durationStr,
    barSizeSetting,
    whatToShow,
    useRTH: 1,
    formatDate: 2,
    keepUpToDate: false,
    chartOptions: [],
  });
}

/** [duration, bar size, whatToShow, expected: bar count or error code]. */
const TABLE: [string, string, string, number | `err ${number}`][] = [
  ["60 S", "1 secs", "TRADES", 60], // the clock stands at the open: the last minute of Friday's RTH
  ["3600 S", "5 secs", "MIDPOINT", 720], // Friday's last RTH hour
  ["1 D", "1 min", "BID", 390],
  ["1 D", "1 hour", "ASK", 7],
  ["2 D", "1 day", "BID_ASK", 2],
  ["1 W", "1 hour", "TRADES", 35],
  ["1 D", "30 mins", "TRADES", 13],
  ["60 S", "1 day", "TRADES", "err 162"],
  ["1 D", "1 secs", "TRADES", "err 162"],
  ["1 Y", "1 hour", "TRADES", "err 162"],
  // The host's own cap: a range it would walk for seconds, blocking every client, is refused.
  ["6 Y", "1 day", "TRADES", "err 321"],
  ["999999 D", "1 day", "TRADES", "err 321"],
  ["1 D", "7 mins", "TRADES", "err 321"],
  ["1 X", "1 min", "TRADES", "err 321"],
  ["0 S", "1 secs", "TRADES", "err 321"],
  ["1 D", "1 min", "FOO", "err 321"],
  ["1 D", "1 min", "ADJUSTED_LAST", 390],
];

describe("historical request checks", () => {
  it.each(TABLE)("%s of %s %s → %s", async (duration, barSize, what, expected) => {
    const { host } = await fx.start({ seed: 2 });
    const c = await fx.ready(host, 1);
    reqBars(c, 7, duration, barSize, what);
    if (typeof expected === "number") {
      expect((await c.take("HISTORICAL_DATA")).value.bars).toHaveLength(expected);
    } else {
      const e = await c.takeError(Number(expected.slice(4)));
      expect(e.reqId).toBe(7);
      expect(c.pending().some((m) => m.name === "HISTORICAL_DATA")).toBe(false);
    }
  });

  it("knows every TWS bar size, each with a duration that allows it", () => {
    expect([...BAR_SIZES.keys()]).toHaveLength(21);
    const durations = ["60 S", "3600 S", "14400 S", "28800 S", "1 D", "1 W", "1 M", "1 Y"].map(
      (d) => parseDuration(d)!,
    );
    for (const seconds of BAR_SIZES.values()) expect(durations.some((d) => stepFit(seconds, d) === "ok")).toBe(true);
  });

  it("builds BID_ASK bars from the quotes: average bid, max ask, min bid, average ask", () => {
    const engine = new MarketEngine({ seed: 4 });
    const start = Date.UTC(2026, 8, 25, 14, 0);
    const [bar] = buildBars(engine, {
      instrument: aapl,
      start,
      end: start + 60_000,
      from: start,
      to: start + 60_000,
      barSeconds: 60,
      what: "BID_ASK",
      kind: "quotes",
      useRTH: true,
      formatDate: 2,
      zone: "US/Eastern",
    });
    const qs = Array.from({ length: 60 }, (_, i) => engine.process(aapl).quote(start / 1000 + i));
    const avg = (xs: number[]) => Number((xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(8));
    expect(bar).toMatchObject({
      open: avg(qs.map((q) => q.bid)),
      high: Math.max(...qs.map((q) => q.ask)),
      low: Math.min(...qs.map((q) => q.bid)),
      close: avg(qs.map((q) => q.ask)),
      volume: "-1",
      barCount: -1,
    });
  });

  it("refuses an identical small-bar request within 15 s of host time with 162, then serves it again", async () => {
    const { host, clock } = await fx.start({ seed: 2 });
    const c = await fx.ready(host, 1);
    reqBars(c, 1, "1800 S", "5 secs", "TRADES");
    await c.take("HISTORICAL_DATA");
    clock.advance(14_000);
    reqBars(c, 2, "1800 S", "5 secs", "TRADES");
    expect(await c.takeError(162)).toMatchObject({ reqId: 2, text: expect.stringContaining("pacing violation") });
    clock.advance(1000);
    reqBars(c, 3, "1800 S", "5 secs", "TRADES");
    expect((await c.take("HISTORICAL_DATA")).value.reqId).toBe(3);
  });

  it("answers 200 for an unknown contract and 321 for keepUpToDate with an end date", async () => {
    const { host } = await fx.start();
    const c = await fx.ready(host, 1);
    const base = { durationStr: "1 D", barSizeSetting: "1 min", whatToShow: "TRADES", useRTH: 1, formatDate: 1 };
    c.send("REQ_HISTORICAL_DATA", {
      ...base,
      reqId: 1,
      contract: { ...AAPL, symbol: "NOPE" },
      endDateTime: "",
      keepUpToDate: false,
      chartOptions: [],
    });
    expect((await c.takeError(200)).reqId).toBe(1);
    c.send("REQ_HISTORICAL_DATA", {
      ...base,
      reqId: 2,
      contract: AAPL,
      endDateTime: "20260925 16:00:00 US/Eastern",
      keepUpToDate: true,
      chartOptions: [],
    });
    expect((await c.takeError(321)).reqId).toBe(2);
  });

  it("stops a keepUpToDate request's updates when its client leaves", async () => {
    const { host, clock, logs } = await fx.start();
    const idle = clock.pendingTimers;
    const c = await fx.ready(host, 1);
    c.send("REQ_HISTORICAL_DATA", {
      reqId: 4,
      contract: AAPL,
      endDateTime: "",
      durationStr: "1800 S",
      barSizeSetting: "5 secs",
      whatToShow: "TRADES",
      useRTH: 0,
      formatDate: 2,
      keepUpToDate: true,
      chartOptions: [],
    });
    await c.take("HISTORICAL_DATA");
    clock.advance(5000);
    await c.take("HISTORICAL_DATA_UPDATE");
    expect(clock.pendingTimers).toBeGreaterThan(idle);
    c.close();
    await logs.waitFor((e) => e.message.includes("client 1 disconnected"));
    expect(clock.pendingTimers).toBe(idle);
  });
});
