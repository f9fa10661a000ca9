import { describe, expect, it } from "vitest";
import { BAR_SIZES } from "../../src/protocol/historical-settings.js";
import { isTradingDay, localDay, tradingDay } from "../../src/server/engine/market/index.js";
import { MarketEngine, universeResolver } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";
import type { TestClient } from "../harness/test-client.js";

/**
 * Every bar size × a set of durations × every whatToShow of the TWS API docs, for AAPL (a stock) on the stepped
 * clock's Monday open, over TCP: each valid request's bar count from the calendar and its last bar against the
 * tape, each invalid one's exact error. The expectations are written from the docs' tables here, not read from the
 * host's code.
 */

const fx = hostFixture();
const NOW = Date.UTC(2026, 8, 28, 13, 30);
const universe = universeResolver(() => NOW);
const AAPL = { conId: 0, symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
const aapl = universe(AAPL)!;
const DAY = 86_400;

/** The docs' step table for the durations used: the smallest and largest bar (seconds). */
const DURATIONS: Record<string, [number, number]> = {
  "60 S": [1, 60],
  "1800 S": [1, 1800],
  "3600 S": [5, 3600],
  "1 D": [60, DAY],
  "1 W": [180, 7 * DAY],
  "1 M": [1800, 30 * DAY],
  "1 Y": [DAY, 30 * DAY],
};

/** What a stock can show (docs' "Supported Products"), and the values TWS knows that it cannot. */
const STOCK_SHOWS = [
  "TRADES",
  "MIDPOINT",
  "BID",
  "ASK",
  "BID_ASK",
  "ADJUSTED_LAST",
  "HISTORICAL_VOLATILITY",
  "OPTION_IMPLIED_VOLATILITY",
  "FEE_RATE",
  "SCHEDULE",
];
const NOT_FOR_STOCKS = ["AGGTRADES", "YIELD_BID", "YIELD_ASK", "YIELD_BID_ASK", "YIELD_LAST"];

const HMDS = "Historical Market Data Service error message:";
const LEGAL =
  "Historical data bar size setting is invalid. Legal ones are: 1 secs, 5 secs, 10 secs, 15 secs, 30 secs, 1 min, " +
  "2 mins, 3 mins, 5 mins, 10 mins, 15 mins, 20 mins, 30 mins, 1 hour, 2 hours, 3 hours, 4 hours, 8 hours, 1 day, 1W, 1M";

/** The range bars come from: seconds durations end at Friday's close (the clock stands at Monday's open). */
function range(duration: string): [number, number] {
  const [n, unit] = duration.split(" ") as [string, string];
  const fridayClose = Date.UTC(2026, 8, 25, 20, 0);
  if (unit === "S") return [fridayClose - Number(n) * 1000, fridayClose];
  const start = new Date(NOW);
  if (unit === "D") start.setUTCDate(start.getUTCDate() - 3);
  if (unit === "W") start.setUTCDate(start.getUTCDate() - 7);
  if (unit === "M") start.setUTCMonth(start.getUTCMonth() - 1);
  if (unit === "Y") start.setUTCFullYear(start.getUTCFullYear() - 1);
  return [start.getTime(), NOW];
}

/** How many bars the regular hours of [from, to) hold, from the calendar alone. */
function expectedCount(from: number, to: number, bar: number): number {
  const engine = new MarketEngine({ seed: 1, resolve: universe });
  const hours = engine.hours(aapl);
  const keys = new Set<string>();
  let count = 0;
  for (let d = localDay(hours.timeZone, from); d <= localDay(hours.timeZone, to - 1); d++) {
    const day = tradingDay(hours, d);
    if (!isTradingDay(day)) continue;
    const lo = Math.max(day.liquidOpen, bar >= DAY ? day.liquidOpen : from) / 1000;
    const hi = Math.min(day.liquidClose, to) / 1000;
    if (hi <= lo) continue;
    if (bar >= DAY) {
      const date = new Date(d * DAY * 1000);
      const week = d - ((day.weekday + 6) % 7);
      keys.add(
        bar === DAY ? `d${d}` : bar === 7 * DAY ? `w${week}` : `m${date.getUTCFullYear()}-${date.getUTCMonth()}`,
      );
      continue;
    }
    // Local clock alignment: US/Eastern is UTC-4 on these September days (and bars never straddle the offset).
    const off = day.liquidOpen / 1000 - Math.floor(day.liquidOpen / 1000 / DAY) * DAY - 9.5 * 3600;
    count += Math.floor((hi - 1 - off) / bar) - Math.floor((lo - off) / bar) + 1;
  }
  return count + keys.size;
}

function request(c: TestClient, reqId: number, duration: string, barSize: string, what: string): void {
  c.send("REQ_HISTORICAL_DATA", {
    reqId,
    contract: AAPL,
    endDateTime: "",
    durationStr: duration,
    barSizeSetting: barSize,
    whatToShow: what,
    useRTH: 1,
    formatDate: 2,
    keepUpToDate: false,
    chartOptions: [],
  });
}

const answerOf = (c: TestClient, reqId: number) =>
  c.take((m) => ["HISTORICAL_DATA", "HISTORICAL_SCHEDULE", "ERR_MSG"].includes(m.name) && m.value.reqId === reqId);

/** The expected error of a combination, or undefined when it is valid. */
function expectedError(duration: string, size: string, what: string): [number, string] | undefined {
  const bar = BAR_SIZES.get(size);
  if (bar === undefined) return [321, `Error validating request.-'REQ_HISTORICAL_DATA' : cause - ${LEGAL}`];
  if (NOT_FOR_STOCKS.includes(what))
    return [162, `${HMDS}No historical market data for AAPL/STK@SMART ${what} ${bar >= DAY ? "1d" : "0"}`];
  if (what === "SCHEDULE" && bar !== DAY) return [10295, "Only daily resolution supported for Schedule requests"];
  const [min, max] = DURATIONS[duration]!;
  if (bar < min) return [162, `${HMDS}Time length exceed max.`];
  if (bar > max) return [162, `${HMDS}invalid step`];
  return undefined;
}

describe("every bar size × duration × whatToShow (AAPL, regular hours)", () => {
  // One host for the whole table, so the year of daily sessions is walked once and shared by every data type.
  it("answers each combination with its bars or its exact error", async () => {
    const { host } = await fx.start({
      seed: 3,
      requestsPerSecond: 100_000,
      historicalPacing: { identicalMs: 0, burstCount: 1e9, maxRequests: 1e9 },
    });
    const c = await fx.ready(host, 1);
    const engine = new MarketEngine({ seed: 3, resolve: universe });
    const p = engine.process(aapl);
    const sizes = [...BAR_SIZES.keys(), "7 mins"];
    let reqId = 0;
    for (const what of [...STOCK_SHOWS, ...NOT_FOR_STOCKS])
      for (const duration of Object.keys(DURATIONS)) {
        for (const size of sizes) {
          request(c, ++reqId, duration, size, what);
          const m = await answerOf(c, reqId);
          const want = expectedError(duration, size, what);
          const label = `${what}: ${duration} of ${size}`;
          if (want) {
            expect({ label, code: m.value.errorCode, text: m.value.errorString }).toEqual({
              label,
              code: want[0],
              text: want[1],
            });
            continue;
          }
          const bar = BAR_SIZES.get(size)!;
          const [from, to] = range(duration);
          if (what === "SCHEDULE") {
            expect(m.name).toBe("HISTORICAL_SCHEDULE");
            expect(m.value.sessions).toHaveLength(expectedCount(from, to, DAY));
            continue;
          }
          expect({ label, name: m.name }).toEqual({ label, name: "HISTORICAL_DATA" });
          const bars = m.value.bars as { date: string; open: number; high: number; low: number; close: number }[];
          expect({ label, count: bars.length }).toEqual({ label, count: expectedCount(from, to, bar) });
          const last = bars[bars.length - 1]!;
          if (bar > 3600) continue;
          // The last bar from the tape, second by second.
          const start = Number(last.date);
          const qs = Array.from({ length: Math.min(bar, to / 1000 - start) }, (_, i) => p.quote(start + i));
          const pick = {
            TRADES: (q: (typeof qs)[0]) => q.tradePrice,
            ADJUSTED_LAST: (q: (typeof qs)[0]) => q.tradePrice,
            BID: (q: (typeof qs)[0]) => q.bid,
            ASK: (q: (typeof qs)[0]) => q.ask,
            MIDPOINT: (q: (typeof qs)[0]) => Number(((q.bid + q.ask) / 2).toFixed(8)),
          }[what];
          if (pick) {
            const xs = qs.map(pick);
            expect(last).toMatchObject({
              open: xs[0],
              close: xs[xs.length - 1],
              high: Math.max(...xs),
              low: Math.min(...xs),
            });
          } else if (what === "BID_ASK") {
            expect(last).toMatchObject({
              high: Math.max(...qs.map((q) => q.ask)),
              low: Math.min(...qs.map((q) => q.bid)),
            });
          } else {
            const vol = aapl.volatility ?? 0.25;
            const level = {
              HISTORICAL_VOLATILITY: vol,
              OPTION_IMPLIED_VOLATILITY: Number((vol * 1.08).toFixed(6)),
              FEE_RATE: 0.25,
            }[what];
            expect(last).toMatchObject({ open: level, close: level, volume: "-1", barCount: -1 });
          }
        }
      }
    request(c, ++reqId, "1 D", "1 min", "FOO");
    expect((await answerOf(c, reqId)).value.errorString).toBe(
      "Error validating request.-'REQ_HISTORICAL_DATA' : cause - Historical data query whatToShow [FOO] is invalid.",
    );
  }, 120_000);
});

describe("whatToShow by security type", () => {
  const contracts = {
    CASH: { symbol: "EUR", secType: "CASH", exchange: "IDEALPRO", currency: "USD" },
    IND: { symbol: "SPX", secType: "IND", exchange: "CBOE", currency: "USD" },
    CRYPTO: { symbol: "BTC", secType: "CRYPTO", exchange: "PAXOS", currency: "USD" },
  };
  /** [secType, whatToShow, expected: bars, or an error code and the text's tail]. */
  const TABLE: [keyof typeof contracts, string, "bars" | [number, string]][] = [
    ["CASH", "TRADES", [162, `${HMDS}No historical market data for EUR/CASH@IDEALPRO Last 0`]],
    ["CASH", "MIDPOINT", "bars"],
    ["CASH", "BID_ASK", "bars"],
    ["CASH", "ADJUSTED_LAST", [162, `${HMDS}No historical market data for EUR/CASH@IDEALPRO ADJUSTED_LAST 0`]],
    ["IND", "TRADES", "bars"],
    ["IND", "BID", [162, `${HMDS}No historical market data for SPX/IND@CBOE Bid 0`]],
    ["IND", "HISTORICAL_VOLATILITY", "bars"],
    ["CRYPTO", "TRADES", [10299, "Expected what to show is AGGTRADES, please use that instead of TRADES."]],
    ["CRYPTO", "AGGTRADES", "bars"],
    ["CRYPTO", "MIDPOINT", "bars"],
    ["CRYPTO", "FEE_RATE", [162, `${HMDS}No historical market data for BTC/CRYPTO@PAXOS FEE_RATE 0`]],
  ];
  it.each(TABLE)("%s %s → %j", async (secType, what, expected) => {
    const { host } = await fx.start({ seed: 4 });
    const c = await fx.ready(host, 1);
    c.send("REQ_HISTORICAL_DATA", {
      reqId: 5,
      contract: contracts[secType],
      endDateTime: "",
      durationStr: "1 D",
      barSizeSetting: "1 hour",
      whatToShow: what,
      useRTH: 0,
      formatDate: 1,
      keepUpToDate: false,
      chartOptions: [],
    });
    const m = await answerOf(c, 5);
    if (expected === "bars") {
      expect(m.name).toBe("HISTORICAL_DATA");
      expect((m.value.bars as unknown[]).length).toBeGreaterThan(0);
    } else {
      expect({ code: m.value.errorCode, text: m.value.errorString }).toEqual({ code: expected[0], text: expected[1] });
    }
  });
});
