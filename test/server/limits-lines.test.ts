import { describe, expect, it } from "vitest";
import { MarketDataType } from "../../src/protocol/models/market-data.js";
import { steppedClock } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";
import { mktData } from "../harness/options.js";
import type { TestClient } from "../harness/test-client.js";

const fx = hostFixture();
const stock = (symbol: string) => ({ symbol, secType: "STK", exchange: "SMART", currency: "USD" });
/** Monday 28 September 2026, 19:59:50 New York time: ten seconds before US stocks stop trading. */
const BEFORE_CLOSE = Date.UTC(2026, 8, 28, 23, 59, 50);

async function barrier(c: TestClient): Promise<void> {
  c.send("REQ_CURRENT_TIME", {});
  await c.take("CURRENT_TIME");
}

describe("market data lines and types", () => {
  it("shares the lines among all clients (101), gives a line back on a cancel, and knows duplicates (102) and unknown cancels (300)", async () => {
    const { host } = await fx.start({ marketDataLines: 3, requestsPerSecond: 50 });
    const a = await fx.ready(host, 1);
    const b = await fx.ready(host, 2);
    a.send("REQ_MKT_DATA", mktData(1, stock("AAPL")));
    a.send("REQ_MKT_DATA", mktData(2, stock("MSFT")));
    await barrier(a);
    b.send("REQ_MKT_DATA", mktData(1, stock("IBM")));
    b.send("REQ_MKT_DATA", mktData(2, stock("INTC")));
    expect(await b.takeError()).toMatchObject({ reqId: 2, code: 101, text: "Max number of tickers has been reached" });
    b.send("REQ_MKT_DATA", mktData(1, stock("INTC")));
    expect(await b.takeError()).toMatchObject({ reqId: 1, code: 102 });
    // A cancel frees a line at once, for any client; a second cancel of it is unknown.
    a.send("CANCEL_MKT_DATA", { reqId: 2 });
    await barrier(a);
    b.send("REQ_MKT_DATA", mktData(3, stock("INTC")));
    expect((await b.take((m) => m.name === "MARKET_DATA_TYPE" && m.value.reqId === 3)).value.marketDataType).toBe(1);
    a.send("CANCEL_MKT_DATA", { reqId: 2 });
    expect(await a.takeError()).toMatchObject({ reqId: 2, code: 300, text: "Can't find EId with tickerId:2" });
    expect(host.state.marketData.linesInUse).toBe(3);
    // Snapshots need no line, even with every line taken.
    a.send("REQ_MKT_DATA", mktData(9, stock("KO"), "", true));
    await a.take((m) => m.name === "TICK_SNAPSHOT_END" && m.value.reqId === 9);
  });

  it("switches a frozen-data client's stream to FROZEN at the close, and serves new requests frozen after it", async () => {
    const { host, clock } = await fx.start({ clock: steppedClock(BEFORE_CLOSE) });
    const c = await fx.ready(host, 1);
    c.send("REQ_MARKET_DATA_TYPE", { marketDataType: MarketDataType.FROZEN });
    c.send("REQ_MKT_DATA", mktData(1, stock("AAPL")));
    expect((await c.take("MARKET_DATA_TYPE")).value).toMatchObject({
      reqId: 1,
      marketDataType: MarketDataType.REALTIME,
    });
    await c.take("TICK_REQ_PARAMS");
    await barrier(c);
    clock.advance(15_000);
    expect((await c.take("MARKET_DATA_TYPE")).value).toMatchObject({ reqId: 1, marketDataType: MarketDataType.FROZEN });
    c.send("REQ_MKT_DATA", mktData(2, stock("MSFT")));
    expect((await c.take("MARKET_DATA_TYPE")).value).toMatchObject({ reqId: 2, marketDataType: MarketDataType.FROZEN });
    // A client that asked for live data hears no switch.
    const live = await fx.ready(host, 2);
    live.send("REQ_MKT_DATA", mktData(1, stock("AAPL")));
    expect((await live.take("MARKET_DATA_TYPE")).value.marketDataType).toBe(MarketDataType.REALTIME);
    c.send("REQ_MARKET_DATA_TYPE", { marketDataType: 5 });
    expect(await c.takeError()).toMatchObject({ reqId: -1, code: 321 });
  });
});
