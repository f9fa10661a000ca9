import { describe, expect, it } from "vitest";
import { TICK_BY_TICK_LIMIT, TICK_BY_TICK_TOO_SOON } from "../../src/server/handlers/streams.js";
import { steppedClock } from "../../src/server/index.js";
import { applyOps, type BookRow, DepthCode, type DepthRowOp, DepthText } from "../../src/server/streams/depth.js";
import { hostFixture } from "../harness/host-fixture.js";
import { engineAt, MONDAY_OPEN } from "../harness/options.js";
import type { TestClient } from "../harness/test-client.js";

const fx = hostFixture();
const stock = (symbol: string) => ({ symbol, secType: "STK", exchange: "SMART", currency: "USD" });

function reqTicks(c: TestClient, reqId: number, symbol: string, tickType = "Last") {
  c.send("REQ_TICK_BY_TICK_DATA", { reqId, contract: stock(symbol), tickType, numberOfTicks: 0, ignoreSize: false });
}

async function barrier(c: TestClient): Promise<void> {
  c.send("REQ_CURRENT_TIME", {});
  await c.take("CURRENT_TIME");
}

describe("tick-by-tick and depth limits", () => {
  it("allows 5 % of the market data lines in tick-by-tick streams (10190), and one more after a cancel", async () => {
    const { host, clock } = await fx.start({
      clock: steppedClock(MONDAY_OPEN),
      marketDataLines: 40,
      requestsPerSecond: 100,
    });
    const a = await fx.ready(host, 1);
    const b = await fx.ready(host, 2);
    reqTicks(a, 1, "AAPL");
    reqTicks(b, 2, "MSFT");
    reqTicks(b, 3, "IBM");
    expect(await b.takeError()).toMatchObject({
      reqId: 3,
      ...{ code: TICK_BY_TICK_LIMIT.code, text: TICK_BY_TICK_LIMIT.text },
    });
    // The limit is shared by every client: a's cancel frees the line b gets next.
    a.send("CANCEL_TICK_BY_TICK_DATA", { reqId: 1 });
    await barrier(a);
    reqTicks(b, 4, "IBM");
    await barrier(b);
    expect(b.pending().filter((m) => m.name === "ERR_MSG")).toEqual([]);
    // Served, not quietly dropped: its ticks come as the clock moves.
    clock.advance(2_000);
    await b.take((m) => m.name === "TICK_BY_TICK" && m.value.reqId === 4);
  });

  it("refuses a second request for the same instrument and type within 15 s, and serves it after", async () => {
    const { host, clock } = await fx.start({ clock: steppedClock(MONDAY_OPEN) });
    const c = await fx.ready(host, 1);
    reqTicks(c, 1, "AAPL", "BidAsk");
    await barrier(c);
    c.send("CANCEL_TICK_BY_TICK_DATA", { reqId: 1 });
    await barrier(c);
    clock.advance(14_000);
    reqTicks(c, 2, "AAPL", "BidAsk");
    expect(await c.takeError()).toMatchObject({ reqId: 2, code: TICK_BY_TICK_TOO_SOON.code });
    // Another type of the same instrument is a different request.
    reqTicks(c, 3, "AAPL", "Last");
    await barrier(c);
    clock.advance(1_000);
    reqTicks(c, 4, "AAPL", "BidAsk");
    await barrier(c);
    clock.advance(2_000);
    await c.take((m) => m.name === "TICK_BY_TICK" && m.value.reqId === 4);
    await c.take((m) => m.name === "TICK_BY_TICK" && m.value.reqId === 3);
    expect(c.pending().filter((m) => m.name === "ERR_MSG")).toEqual([]);
  });

  it("allows 3 depth books (309) and a fourth after a cancel; a market data farm that comes back resets them (317)", async () => {
    const { host } = await fx.start({ seed: 5, clock: steppedClock(MONDAY_OPEN), requestsPerSecond: 100 });
    const c = await fx.ready(host, 1);
    const depth = (reqId: number, symbol: string) =>
      c.send("REQ_MKT_DEPTH", { reqId, contract: stock(symbol), numRows: 3, isSmartDepth: false, mktDepthOptions: [] });
    for (const [n, s] of ["AAPL", "MSFT", "IBM"].entries()) depth(n + 1, s);
    depth(4, "INTC");
    expect(await c.takeError()).toMatchObject({ reqId: 4, code: DepthCode.MAX_DEPTH });
    c.send("CANCEL_MKT_DEPTH", { reqId: 2 });
    depth(5, "INTC");
    await c.take((m) => m.name === "MARKET_DEPTH" && m.value.reqId === 5);
    await barrier(c);

    const before = c.received.length;
    host.faults.farmFlap("usfarm");
    await c.take((m) => m.name === "ERR_MSG" && m.value.errorCode === DepthCode.DEPTH_RESET && m.value.reqId === 1);
    await barrier(c);
    const after = c.received.slice(before);
    const resets = after.filter((m) => m.name === "ERR_MSG" && m.value.errorCode === DepthCode.DEPTH_RESET);
    expect(resets.map((m) => m.value.reqId).sort()).toEqual([1, 3, 5]);
    expect(resets[0]!.value.errorString).toBe(DepthText.depthReset);
    // After each reset, the whole book again: inserts that rebuild it from empty, equal to the engine's quote.
    const reset = after.findIndex((m) => m.value.errorCode === DepthCode.DEPTH_RESET && m.value.reqId === 1);
    const rows = after
      .slice(reset + 1)
      .filter((m) => m.name === "MARKET_DEPTH" && m.value.reqId === 1)
      .map((m) => ({ ...m.value, size: Number(m.value.size), marketMaker: "" }) as DepthRowOp);
    const book: { bids: BookRow[]; asks: BookRow[] } = { bids: [], asks: [] };
    for (const op of rows) applyOps(book, [op]);
    const s = engineAt(5, MONDAY_OPEN).state(engineAt(5, MONDAY_OPEN).instrumentOf(stock("AAPL"))!, host.clock.now());
    expect(rows.every((r) => r.operation === 0)).toBe(true);
    expect(book.bids[0]!.price).toBe(s.bid);
    expect(book.asks[0]!.price).toBe(s.ask);
  });
});
