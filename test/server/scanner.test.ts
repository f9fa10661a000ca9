import { describe, expect, it } from "vitest";
import type { ScannerSubscription } from "../../src/protocol/models/scanner.js";
import { MarketEngine } from "../../src/server/engine/market/index.js";
import { universeAt } from "../../src/server/engine/reference/universe.js";
import { ScannerCode, ScannerText } from "../../src/server/scanner/codes.js";
import { changePercent, priceOf, SCAN_CODES } from "../../src/server/scanner/scan-codes.js";
import { MAX_SCAN_SUBSCRIPTIONS, SCAN_REFRESH_MS } from "../../src/server/scanner/service.js";
import { hostFixture } from "../harness/host-fixture.js";
import type { Received, TestClient } from "../harness/test-client.js";

const fx = hostFixture();
const SEED = 7;
const HOUR = 3_600_000;

const sub = (scanCode: string, more: ScannerSubscription = {}): ScannerSubscription => ({
  numberOfRows: 10,
  instrument: "STK",
  locationCode: "STK.US.MAJOR",
  scanCode,
  ...more,
});

function reqScan(c: TestClient, reqId: number, s: ScannerSubscription, filters?: { tag: string; value: string }[]) {
  c.send("REQ_SCANNER_SUBSCRIPTION", {
    reqId,
    subscription: s,
    scannerSubscriptionOptions: undefined,
    scannerSubscriptionFilterOptions: filters,
  });
}

/** Everything the host sent before now: a CURRENT_TIME answer comes after it on the socket. */
async function barrier(c: TestClient): Promise<void> {
  c.send("REQ_CURRENT_TIME", {});
  await c.take("CURRENT_TIME");
}

const scanOf = (reqId: number) => (m: Received) => m.name === "SCANNER_DATA" && m.value.reqId === reqId;

/** The universe's US stocks the engine prices, with their state at `t`. */
function priced(engine: MarketEngine, t: number) {
  return universeAt(t)
    .instruments.filter((i) => i.details.contract.secType === "STK")
    .flatMap((entry) => {
      const instrument = engine.instrumentOf(entry.details.contract);
      return instrument ? [{ entry, state: engine.state(instrument, t) }] : [];
    });
}

/** Checks every row against the universe entry of its conId; returns the rows' states at `t`. */
function checkRows(elements: Received["value"]["elements"], engine: MarketEngine, t: number) {
  const byConId = new Map(priced(engine, t).map((p) => [p.entry.details.contract.conId, p]));
  return elements.map((row: { rank: number; contract: Record<string, unknown>; marketName: string }, i: number) => {
    expect(row.rank).toBe(i);
    const p = byConId.get(row.contract.conId as number)!;
    expect(p).toBeDefined();
    const c = p.entry.details.contract;
    expect(row.contract).toMatchObject({
      conId: c.conId,
      symbol: c.symbol,
      secType: "STK",
      exchange: "SMART",
      currency: c.currency,
      localSymbol: c.localSymbol,
      tradingClass: c.tradingClass,
    });
    expect(row.marketName).toBe(p.entry.details.marketName);
    return p.state;
  });
}

describe.each([176, 214])("market scanners at server version %i", (sv) => {
  it("TOP_PERC_GAIN and TOP_PERC_LOSE rank the engine's change from the close, each row the universe's contract", async () => {
    const { host, clock } = await fx.start({ seed: SEED });
    clock.advance(HOUR);
    const engine = new MarketEngine({ seed: SEED });
    const c = await fx.ready(host, 1, { max: sv });
    reqScan(c, 1, sub("TOP_PERC_GAIN"));
    reqScan(c, 2, sub("TOP_PERC_LOSE"));
    const gain = (await c.take(scanOf(1))).value.elements;
    const lose = (await c.take(scanOf(2))).value.elements;
    const now = clock.now();
    const all = priced(engine, now).map((p) => changePercent(p.state));
    expect(gain).toHaveLength(Math.min(10, all.filter((x) => x > 0).length));
    expect(lose).toHaveLength(Math.min(10, all.filter((x) => x < 0).length));
    expect(gain.length + lose.length).toBeGreaterThan(0);
    const up = checkRows(gain, engine, now).map(changePercent);
    const down = checkRows(lose, engine, now).map(changePercent);
    for (let i = 1; i < up.length; i++) expect(up[i]).toBeLessThanOrEqual(up[i - 1]!);
    for (let i = 1; i < down.length; i++) expect(down[i]).toBeGreaterThanOrEqual(down[i - 1]!);
    expect(up.every((x: number) => x > 0)).toBe(true);
    expect(down.every((x: number) => x < 0)).toBe(true);
  });

  it("refreshes every 30 s on the host clock, cancels with TWS's 162, and leaves nothing on the clock", async () => {
    const { host, clock, logs } = await fx.start({ seed: SEED });
    const engine = new MarketEngine({ seed: SEED });
    const c = await fx.ready(host, 1, { max: sv });
    reqScan(c, 5, sub("MOST_ACTIVE", { numberOfRows: 3 }));
    const first = (await c.take(scanOf(5))).value.elements;
    expect(first).toHaveLength(3);
    clock.advance(SCAN_REFRESH_MS - 1);
    await barrier(c);
    expect(c.pending()).toEqual([]);
    for (let i = 0; i < 3; i++) {
      clock.advance(i === 0 ? 1 : SCAN_REFRESH_MS);
      const rows = (await c.take(scanOf(5))).value.elements;
      const volumes = checkRows(rows, engine, clock.now()).map((s: { volume: number }) => s.volume);
      expect(volumes).toEqual([...volumes].sort((a, b) => b - a));
    }
    c.send("CANCEL_SCANNER_SUBSCRIPTION", { reqId: 5 });
    expect(await c.takeError()).toEqual({ reqId: 5, code: ScannerCode.HMDS_ERROR, text: ScannerText.cancelled(5) });
    clock.advance(5 * SCAN_REFRESH_MS);
    await barrier(c);
    expect(c.pending()).toEqual([]);
    // A subscription left open ends with its client.
    reqScan(c, 6, sub("HOT_BY_VOLUME"));
    await c.take(scanOf(6));
    expect(clock.pendingTimers).toBeGreaterThan(0);
    c.close();
    await logs.waitFor((e) => e.message === "client 1 disconnected");
    expect(clock.pendingTimers).toBe(0);
  });

  it("refuses duplicates, unknown cancels, unknown codes and filters, and an 11th subscription; recovers after a cancel", async () => {
    const { host } = await fx.start({ seed: SEED });
    const c = await fx.ready(host, 1, { max: sv });
    reqScan(c, 1, sub("MOST_ACTIVE"));
    await c.take(scanOf(1));
    reqScan(c, 1, sub("TOP_PERC_GAIN"));
    expect(await c.takeError()).toEqual({
      reqId: 1,
      code: ScannerCode.DUPLICATE_TICKER_ID,
      text: ScannerText.duplicateTickerId,
    });
    c.send("CANCEL_SCANNER_SUBSCRIPTION", { reqId: 99 });
    expect(await c.takeError()).toEqual({
      reqId: 99,
      code: ScannerCode.NO_SUBSCRIPTION,
      text: ScannerText.noSubscription(99),
    });
    reqScan(c, 2, sub("NO_SUCH_SCAN"));
    expect(await c.takeError()).toMatchObject({
      reqId: 2,
      code: 162,
      text: ScannerText.unknownScanCode("NO_SUCH_SCAN"),
    });
    reqScan(c, 3, sub("MOST_ACTIVE", { locationCode: "STK.EU" }));
    expect((await c.takeError()).text).toBe(ScannerText.unknownLocation("STK.EU", "STK"));
    reqScan(c, 4, sub("MOST_ACTIVE"), [{ tag: "usdMarketCapAbove", value: "10000" }]);
    expect((await c.takeError()).text).toBe(ScannerText.filterDisabled("usdMarketCapAbove"));
    for (let id = 10; id < 10 + MAX_SCAN_SUBSCRIPTIONS - 1; id++) {
      reqScan(c, id, sub("MOST_ACTIVE"));
      await c.take(scanOf(id));
    }
    reqScan(c, 50, sub("MOST_ACTIVE"));
    expect(await c.takeError()).toEqual({ reqId: 50, code: 162, text: ScannerText.tooMany(MAX_SCAN_SUBSCRIPTIONS) });
    // Another client has its own ten.
    const other = await fx.ready(host, 2, { max: sv });
    reqScan(other, 50, sub("MOST_ACTIVE"));
    await other.take(scanOf(50));
    c.send("CANCEL_SCANNER_SUBSCRIPTION", { reqId: 10 });
    await c.takeError(ScannerCode.HMDS_ERROR);
    reqScan(c, 50, sub("MOST_ACTIVE"));
    await c.take(scanOf(50));
  });

  it("applies price, volume and change filters and the row count rules", async () => {
    const { host, clock } = await fx.start({ seed: SEED });
    clock.advance(2 * HOUR);
    const engine = new MarketEngine({ seed: SEED });
    const c = await fx.ready(host, 1, { max: sv });
    const states = priced(engine, clock.now()).map((p) => p.state);
    const prices = states.map(priceOf).sort((a, b) => a - b);
    const mid = prices[Math.floor(prices.length / 2)]!;
    reqScan(c, 1, sub("MOST_ACTIVE", { abovePrice: mid, numberOfRows: 50 }));
    reqScan(c, 2, sub("MOST_ACTIVE", { numberOfRows: -1 }), [{ tag: "priceBelow", value: String(mid) }]);
    reqScan(c, 3, sub("MOST_ACTIVE", { numberOfRows: 1000 }), [{ tag: "changePercAbove", value: "-100" }]);
    reqScan(c, 4, sub("MOST_ACTIVE", { numberOfRows: 1 }));
    const above = checkRows((await c.take(scanOf(1))).value.elements, engine, clock.now());
    const below = checkRows((await c.take(scanOf(2))).value.elements, engine, clock.now());
    expect(above.length).toBe(states.filter((s) => priceOf(s) > mid).length);
    expect(below.length).toBe(states.filter((s) => priceOf(s) < mid).length);
    expect(above.every((s: Parameters<typeof priceOf>[0]) => priceOf(s) > mid)).toBe(true);
    expect(below.every((s: Parameters<typeof priceOf>[0]) => priceOf(s) < mid)).toBe(true);
    // numberOfRows above 50 gets at most 50; 1 gets the top row.
    expect((await c.take(scanOf(3))).value.elements.length).toBe(Math.min(50, states.length));
    expect((await c.take(scanOf(4))).value.elements).toHaveLength(1);
  });

  it("HALTED lists what host.faults halted", async () => {
    const { host } = await fx.start({ seed: SEED });
    const c = await fx.ready(host, 1, { max: sv });
    reqScan(c, 1, sub("HALTED"));
    expect((await c.take(scanOf(1))).value.elements).toEqual([]);
    host.faults.halt("MSFT");
    reqScan(c, 2, sub("HALTED"));
    const rows = (await c.take(scanOf(2))).value.elements;
    expect(rows.map((r: { contract: { symbol: string } }) => r.contract.symbol)).toEqual(["MSFT"]);
  });
});

describe("scanner determinism and parameters", () => {
  it("the same seed and time give the same rows, for every scan code", async () => {
    const answers: unknown[][] = [];
    for (let run = 0; run < 2; run++) {
      const { host, clock } = await fx.start({ seed: SEED });
      clock.advance(3 * HOUR);
      const c = await fx.ready(host, 1);
      const rows: unknown[] = [];
      for (const [i, code] of SCAN_CODES.entries()) {
        reqScan(c, i + 1, sub(code.code, { numberOfRows: 50 }));
        rows.push((await c.take(scanOf(i + 1))).value.elements);
        c.send("CANCEL_SCANNER_SUBSCRIPTION", { reqId: i + 1 });
        await c.takeError(ScannerCode.HMDS_ERROR);
      }
      answers.push(rows);
    }
    expect(answers[1]).toEqual(answers[0]);
    // Equal answers prove nothing if they are empty: every scan but HALTED (no halt set) has rows.
    for (const [i, rows] of (answers[0] as unknown[][]).entries()) {
      if (SCAN_CODES[i]!.code !== "HALTED") expect(rows.length, SCAN_CODES[i]!.code).toBeGreaterThan(0);
    }
  });
});
