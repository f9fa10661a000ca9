import { BarSizeSetting, type ContractDetails, EventName, SecType, TickByTickDataType, WhatToShow } from "@stoqey/ib";
import { afterEach, describe, expect, it } from "vitest";
import type { ReqHistoricalDataMessage } from "../../src/protocol/messages/historical/bars-request.js";
import { TickType } from "../../src/protocol/models/tick-type.js";
import { universeAt } from "../../src/server/engine/reference/universe.js";
import { buildBars } from "../../src/server/history/bars.js";
import { validateBars } from "../../src/server/history/validation.js";
import { MarketEngine, steppedClock, TwsCode, universeResolver } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";
import { closeStoqeyClients, StoqeyClient } from "../harness/stoqey-client.js";

/**
 * @stoqey/ib 1.6.10 runs whole sessions against the simulated host over TCP (at its own server version, 193):
 * connect, the current time, contract details, streaming ticks, historical bars, real-time bars and tick-by-tick
 * data, every value checked against the host's universe and a market engine of the same seed; then 32 clients at
 * once, the 33rd and a duplicate client id refused. Host time is a stepped clock: the test moves it.
 */
const fx = hostFixture();
const open: StoqeyClient[] = [];
// Registered after the fixture's: hooks run in reverse, so the clients disconnect before their host closes.
afterEach(() => closeStoqeyClients(open));

/** Monday 28 September 2026, 10:15 in New York: US stocks trade. */
const MONDAY = Date.UTC(2026, 8, 28, 14, 15);
const AAPL = { symbol: "AAPL", secType: SecType.STK, exchange: "SMART", currency: "USD" };
const AAPL_CONID = 265598;
const aapl = universeResolver(() => MONDAY)({ conId: AAPL_CONID })!;

const onCentGrid = (p: number) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6;

/**
 * The quote @stoqey/ib's tick events describe, replayed in order: bid and ask as of each LAST_TIMESTAMP that ends an
 * update (the first ticks send the timestamp before the quote, so that one is left out).
 */
function quotesAtTrades(events: readonly (readonly unknown[])[], reqId: number) {
  let bid = Number.NaN;
  let ask = Number.NaN;
  const out: { second: number; bid: number; ask: number }[] = [];
  for (const [name, id, tickType, value] of events) {
    if (id !== reqId) continue;
    if (name === EventName.tickPrice && tickType === TickType.BID) bid = value as number;
    if (name === EventName.tickPrice && tickType === TickType.ASK) ask = value as number;
    if (name === EventName.tickString && tickType === TickType.LAST_TIMESTAMP && !Number.isNaN(ask)) {
      out.push({ second: Number(value), bid, ask });
    }
  }
  return out;
}

describe("@stoqey/ib runs a whole session against the simulated host", () => {
  it("connects, reads the time and AAPL's contract details, streams ticks, bars and tick-by-tick data, and leaves", async () => {
    const seed = 17;
    const { host, clock, logs } = await fx.start({ seed, clock: steppedClock(MONDAY) });
    const engine = new MarketEngine({ seed });
    const c = await StoqeyClient.connect(host, 1, open);
    expect(c.api.serverVersion).toBe(193);
    expect(c.of(EventName.managedAccounts)).toEqual([["DU1234567"]]);
    expect(c.of(EventName.nextValidId)).toEqual([[1]]);
    expect(await c.barrier()).toBe(MONDAY / 1000);

    // Contract details: the universe's AAPL, field for field as @stoqey/ib reads them.
    c.api.reqContractDetails(10, { conId: AAPL_CONID, exchange: "SMART" });
    await c.waitFor((e) => e[0] === EventName.contractDetailsEnd && e[1] === 10);
    const got = c.of(EventName.contractDetails, 10).map(([, d]) => d as ContractDetails);
    expect(got).toHaveLength(1);
    const want = universeAt(MONDAY).byConId(AAPL_CONID)!.details;
    const theirs = got[0]!.contract;
    const ours = want.contract;
    expect([theirs.conId, theirs.symbol, theirs.secType, theirs.exchange, theirs.currency]).toEqual([
      ours.conId,
      ours.symbol,
      ours.secType,
      ours.exchange,
      ours.currency,
    ]);
    // @stoqey/ib names primaryExchange `primaryExch`.
    expect([theirs.primaryExch, theirs.localSymbol, theirs.tradingClass]).toEqual([
      ours.primaryExchange,
      ours.localSymbol,
      ours.tradingClass,
    ]);
    const detailKeys = [
      "marketName",
      "minTick",
      "orderTypes",
      "validExchanges",
      "priceMagnifier",
      "longName",
      "industry",
      "category",
      "subcategory",
      "timeZoneId",
      "tradingHours",
      "liquidHours",
      "aggGroup",
      "marketRuleIds",
      "stockType",
    ] as const;
    for (const k of detailKeys) expect(got[0]![k], k).toBe(want[k]);
    // Decimals arrive as numbers in @stoqey/ib, as exact text in ours.
    for (const k of ["minSize", "sizeIncrement", "suggestedSizeIncrement"] as const) {
      expect(got[0]![k], k).toBe(Number(want[k]));
    }
    expect(got[0]!.secIdList).toEqual(want.secIdList);

    // Level-1 market data: first ticks at the host's time, then a tick sequence on every step of the clock.
    c.api.reqMktData(11, AAPL, "", false, false);
    await c.barrier();
    expect(c.of(EventName.marketDataType, 11)).toEqual([[11, 1]]);
    const first = engine.state(aapl, clock.now());
    const price = (tickType: number) => c.of(EventName.tickPrice, 11).find((a) => a[1] === tickType)?.[2];
    expect(price(TickType.BID)).toBe(first.bid);
    expect(price(TickType.ASK)).toBe(first.ask);
    expect(price(TickType.LAST)).toBe(first.last);
    expect(price(TickType.HIGH)).toBe(first.high);
    expect(price(TickType.LOW)).toBe(first.low);
    expect(price(TickType.CLOSE)).toBe(first.close);
    expect(price(TickType.OPEN)).toBe(first.open);
    expect(first.bid).toBeLessThan(first.ask);

    // Historical bars, real-time bars and BidAsk tick-by-tick data beside the stream.
    const history: ReqHistoricalDataMessage = {
      reqId: 12,
      contract: AAPL,
      endDateTime: "",
      durationStr: "1800 S",
      barSizeSetting: BarSizeSetting.MINUTES_ONE,
      whatToShow: WhatToShow.TRADES,
      useRTH: 0,
      formatDate: 2,
      keepUpToDate: false,
      chartOptions: [],
    };
    c.api.reqHistoricalData(12, AAPL, "", "1800 S", BarSizeSetting.MINUTES_ONE, WhatToShow.TRADES, 0, 2, false);
    c.api.reqRealTimeBars(13, AAPL, 5, WhatToShow.TRADES, true);
    c.api.reqTickByTickData(14, AAPL, TickByTickDataType.BidAsk, 0, false);
    await c.barrier();
    const query = validateBars(history, { engine, now: clock.now(), zone: "US/Eastern", live: () => false });
    if ("code" in query) throw new Error(`the test's query is invalid: ${query.text}`);
    const expected = buildBars(engine, query);
    const bars = c.of(EventName.historicalData, 12);
    expect(bars.at(-1)![1]).toBe("finished-20260928 09:45:00 US/Eastern-20260928 10:15:00 US/Eastern");
    expect(bars.slice(0, -1)).toEqual(
      expected.map((b) => [
        12,
        b.date,
        b.open,
        b.high,
        b.low,
        b.close,
        Number(b.volume),
        b.barCount,
        Number(b.wap),
        undefined,
      ]),
    );
    expect(expected).toHaveLength(30);

    clock.advance(30_000);
    expect(await c.barrier()).toBe(MONDAY / 1000 + 30);

    // Every second's update leaves the quote the engine has for that second: bid below ask, on the cent grid.
    const quotes = quotesAtTrades(c.events, 11);
    expect(quotes.map((q) => q.second)).toEqual(Array.from({ length: 30 }, (_, i) => MONDAY / 1000 + 1 + i));
    for (const q of quotes) {
      const s = engine.state(aapl, q.second * 1000);
      expect([q.bid, q.ask]).toEqual([s.bid, s.ask]);
      expect(q.bid).toBeLessThan(q.ask);
    }
    for (const [, , p] of c.of(EventName.tickPrice, 11)) expect(onCentGrid(p as number)).toBe(true);
    const last = engine.state(aapl, clock.now());
    const volumes = c.of(EventName.tickSize, 11).filter((a) => a[1] === TickType.VOLUME);
    // US stock volume in round lots, as TWS reports it.
    expect(volumes.at(-1)![2]).toBe(Math.floor(last.volume / 100));

    // Real-time bars: six 5-second bars, each the aggregate of its seconds of the tape.
    const tape = engine.process(aapl);
    const rt = c.of(EventName.realtimeBar, 13);
    expect(rt.map((b) => b[1])).toEqual([0, 5, 10, 15, 20, 25].map((k) => MONDAY / 1000 + k));
    for (const [, time, o, h, l, close, volume, , count] of rt) {
      const trades = [0, 1, 2, 3, 4].map((k) => tape.quote((time as number) + k));
      const prices = trades.map((q) => q.tradePrice);
      expect([o, h, l, close, count]).toEqual([prices[0], Math.max(...prices), Math.min(...prices), prices[4], 5]);
      expect(volume).toBe(trades.reduce((n, q) => n + q.tradeSize, 0));
    }

    // Tick-by-tick BidAsk: each second's quote, as the engine has it.
    const ticks = c.of(EventName.tickByTickBidAsk, 14);
    expect(ticks.length).toBeGreaterThan(10);
    for (const [, time, bid, ask, bidSize, askSize] of ticks) {
      const q = tape.quote(Number(time));
      expect([bid, ask, bidSize, askSize]).toEqual([q.bid, q.ask, q.bidSize, q.askSize]);
    }

    // Cancelled streams say nothing more; the session then ends with stoqey's own disconnect.
    c.api.cancelMktData(11);
    c.api.cancelRealTimeBars(13);
    c.api.cancelTickByTickData(14);
    await c.barrier();
    const seen = c.events.length;
    clock.advance(10_000);
    await c.barrier();
    expect(c.events.slice(seen).map((e) => e[0])).toEqual([EventName.currentTime]);
    expect(c.events.some((e) => e[0] === EventName.error)).toBe(false);
    await c.close();
    await logs.waitFor((e) => e.message === "client 1 disconnected");
    expect(host.sessions()).toEqual([]);
  });

  it("serves 32 clients streaming at once, refuses the 33rd (502) and a duplicate client id (326)", async () => {
    const seed = 5;
    const { host, clock, logs } = await fx.start({ seed, clock: steppedClock(MONDAY) });
    const engine = new MarketEngine({ seed });
    const clients = await Promise.all(Array.from({ length: 32 }, (_, i) => StoqeyClient.connect(host, 100 + i, open)));
    expect(host.sessions()).toHaveLength(32);
    for (const c of clients) c.api.reqMktData(c.clientId, AAPL, "", false, false);
    await Promise.all(clients.map((c) => c.barrier()));
    clock.advance(5_000);
    const times = await Promise.all(clients.map((c) => c.barrier()));
    expect(new Set(times)).toEqual(new Set([MONDAY / 1000 + 5]));
    // Every client heard every second of the same market: its last quote is the engine's now.
    const now = engine.state(aapl, clock.now());
    for (const c of clients) {
      const quotes = quotesAtTrades(c.events, c.clientId);
      expect(quotes.map((q) => q.second)).toEqual([1, 2, 3, 4, 5].map((k) => MONDAY / 1000 + k));
      expect(quotes.at(-1)).toEqual({ second: MONDAY / 1000 + 5, bid: now.bid, ask: now.ask });
    }

    // The 33rd: @stoqey/ib reports the refusal as `info` (its event for errors with id -1), then disconnected.
    const extra = await StoqeyClient.refused(host, 200, open);
    expect(extra.filter((e) => e[0] !== EventName.server)).toEqual([
      [EventName.connected],
      [
        EventName.info,
        "Couldn't connect to TWS. The maximum number of API client connections (32) has been reached: disconnect another client and retry.",
        TwsCode.TOO_MANY_CLIENTS,
      ],
      [EventName.disconnected],
    ]);

    // A place frees up; an id already in use is still refused, a new one is taken.
    await clients[31]!.close();
    await logs.waitFor((e) => e.message === "client 131 disconnected");
    const dup = await StoqeyClient.refused(host, 100, open);
    expect(dup.filter((e) => e[0] === EventName.info)).toEqual([
      [
        EventName.info,
        "Unable to connect as the client id is already in use. Retry with a unique client id.",
        TwsCode.CLIENT_ID_IN_USE,
      ],
    ]);
    expect(dup.at(-1)).toEqual([EventName.disconnected]);
    const late = await StoqeyClient.connect(host, 131, open);
    expect(await late.barrier()).toBe(MONDAY / 1000 + 5);
    expect(host.sessions()).toHaveLength(32);
  });
});
