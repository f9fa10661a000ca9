import { describe, expect, it } from "vitest";
import { MarketEngine, universeResolver } from "../../src/server/index.js";
import { applyOps, type BookRow, type DepthRowOp } from "../../src/server/streams/depth.js";
import { VENUES } from "../../src/server/streams/tape.js";
import { hostFixture } from "../harness/host-fixture.js";
import type { Received, TestClient } from "../harness/test-client.js";

const fx = hostFixture();
const AAPL = { conId: 0, symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
// The host's AAPL, as its universe resolves it (the same on any day).
const aapl = universeResolver(() => Date.UTC(2026, 8, 28))({ symbol: "AAPL", secType: "STK", currency: "USD" })!;
const onGrid = (p: number, tick: number) => Math.abs(Math.round(p / tick) * tick - p) < 1e-9;

function reqDepth(c: TestClient, reqId: number, numRows: number, isSmartDepth: boolean, contract = AAPL) {
  c.send("REQ_MKT_DEPTH", { reqId, contract, numRows, isSmartDepth, mktDepthOptions: [] });
}

/** Everything the host sent before now: a CURRENT_TIME answer comes after it on the socket. */
async function barrier(c: TestClient): Promise<void> {
  c.send("REQ_CURRENT_TIME", {});
  await c.take("CURRENT_TIME");
}

const opsOf = (ms: Received[], name: string, reqId: number): DepthRowOp[] =>
  ms
    .filter((m) => m.name === name && m.value.reqId === reqId)
    .map((m) => ({ ...m.value, size: Number(m.value.size), marketMaker: m.value.marketMaker ?? "" }));

/** The book a client holds, checked against the engine's quote at `t`. */
function checkBook(book: { bids: BookRow[]; asks: BookRow[] }, rows: number, engine: MarketEngine, t: number) {
  const s = engine.state(aapl, t);
  expect(book.bids).toHaveLength(rows);
  expect(book.asks).toHaveLength(rows);
  expect(book.bids[0]).toMatchObject({ price: s.bid, size: s.bidSize });
  expect(book.asks[0]).toMatchObject({ price: s.ask, size: s.askSize });
  for (const r of [...book.bids, ...book.asks]) {
    expect(onGrid(r.price, aapl.minTick)).toBe(true);
    expect(r.size).toBeGreaterThan(0);
  }
  for (let i = 1; i < rows; i++) {
    expect(book.bids[i]!.price).toBeCloseTo(book.bids[i - 1]!.price - aapl.minTick, 9);
    expect(book.asks[i]!.price).toBeCloseTo(book.asks[i - 1]!.price + aapl.minTick, 9);
  }
  expect(Math.max(...book.bids.map((r) => r.price))).toBeLessThan(Math.min(...book.asks.map((r) => r.price)));
}

describe.each([176, 214])("market depth at server version %i", (sv) => {
  it("SMART depth: an L2 book on the tick grid that follows the engine's quote with insert/update/delete", async () => {
    const { host, clock } = await fx.start({ seed: 11 });
    const engine = new MarketEngine({ seed: 11 });
    const c = await fx.ready(host, 1, { max: sv });
    reqDepth(c, 7, 5, true);
    await barrier(c);
    const first = opsOf(c.received, "MARKET_DEPTH_L2", 7);
    expect(first).toHaveLength(10);
    expect(first.every((o) => o.operation === 0)).toBe(true);
    for (const m of c.received.filter((x) => x.name === "MARKET_DEPTH_L2")) {
      expect(m.value.isSmartDepth).toBe(true);
      expect(VENUES).toContain(m.value.marketMaker);
    }
    const book = { bids: [] as BookRow[], asks: [] as BookRow[] };
    applyOps(book, first);
    checkBook(book, 5, engine, clock.now());
    const seen = new Set<number>();
    for (let step = 0; step < 6; step++) {
      const before = c.received.length;
      clock.advance(20_000);
      await barrier(c);
      const ops = opsOf(c.received.slice(before), "MARKET_DEPTH_L2", 7);
      for (const o of ops) seen.add(o.operation);
      applyOps(book, ops);
      checkBook(book, 5, engine, clock.now());
    }
    // The book moved with the market: rows were inserted, updated and deleted.
    expect([...seen].sort()).toEqual([0, 1, 2]);
    c.send("CANCEL_MKT_DEPTH", { reqId: 7, isSmartDepth: true });
    await barrier(c);
    const after = c.received.length;
    clock.advance(10_000);
    await barrier(c);
    expect(opsOf(c.received.slice(after), "MARKET_DEPTH_L2", 7)).toEqual([]);
  });

  it("single-exchange depth comes as MARKET_DEPTH rows, the same for the same seed", async () => {
    const runs: string[][] = [];
    for (const _ of [0, 1]) {
      const { host, clock } = await fx.start({ seed: 5 });
      const c = await fx.ready(host, 1, { max: sv });
      reqDepth(c, 3, 3, false, { ...AAPL, exchange: "ISLAND" });
      clock.advance(30_000);
      await barrier(c);
      const rows = c.received.filter((m) => m.name === "MARKET_DEPTH");
      expect(c.received.some((m) => m.name === "MARKET_DEPTH_L2")).toBe(false);
      const book = { bids: [] as BookRow[], asks: [] as BookRow[] };
      applyOps(book, opsOf(rows, "MARKET_DEPTH", 3));
      checkBook(book, 3, new MarketEngine({ seed: 5 }), clock.now());
      runs.push(rows.map((m) => JSON.stringify(m.value)));
    }
    expect(runs[1]).toEqual(runs[0]);
  });

  it("allows 3 depth subscriptions per host (309), refuses unknown cancels (310) and frees a leaving client's", async () => {
    const { host, logs } = await fx.start({ seed: 2 });
    const a = await fx.ready(host, 1, { max: sv });
    const b = await fx.ready(host, 2, { max: sv });
    reqDepth(a, 1, 2, true);
    reqDepth(a, 2, 2, false, { ...AAPL, symbol: "SPY", exchange: "ARCA" });
    await barrier(a);
    reqDepth(b, 1, 2, true, { ...AAPL, symbol: "MSFT" });
    await barrier(b);
    reqDepth(b, 2, 2, true, { ...AAPL, symbol: "IBM" });
    expect(await b.takeError(309)).toMatchObject({
      reqId: 2,
      text: "Max number (3) of market depth requests has been reached",
    });
    b.send("CANCEL_MKT_DEPTH", { reqId: 42, isSmartDepth: false });
    expect(await b.takeError(310)).toMatchObject({
      reqId: 42,
      text: "Can't find the subscribed market depth with tickerId:42",
    });
    reqDepth(b, 1, 2, true);
    expect(await b.takeError(102)).toMatchObject({ reqId: 1 });
    reqDepth(b, 9, 2, true, { ...AAPL, symbol: "NOPE" });
    expect(await b.takeError(200)).toMatchObject({ reqId: 9 });
    // A cancel frees a subscription; so does a client that leaves.
    b.send("CANCEL_MKT_DEPTH", { reqId: 1, isSmartDepth: true });
    reqDepth(b, 3, 2, true, { ...AAPL, symbol: "IBM" });
    await b.take((m) => m.name === "MARKET_DEPTH_L2" && m.value.reqId === 3);
    a.close();
    await a.closed;
    await logs.waitFor((e) => e.message === "client 1 disconnected");
    reqDepth(b, 4, 2, true, { ...AAPL, symbol: "QQQ" });
    reqDepth(b, 5, 2, true, { ...AAPL, symbol: "SPY" });
    await b.take((m) => m.name === "MARKET_DEPTH_L2" && m.value.reqId === 5);
    await barrier(b);
    expect(b.pending().filter((m) => m.name === "ERR_MSG")).toEqual([]);
  });
});
