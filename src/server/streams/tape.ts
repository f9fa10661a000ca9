import type { IncomingMessageName } from "../../protocol/message-ids.js";
import { TickByTickType } from "../../protocol/messages/depth-and-bars/tick-by-tick.js";
import {
  isTradingDay,
  localDay,
  type MarketEngine,
  type MarketInstrument,
  type SecondQuote,
  type TradingDay,
  tradingDay,
} from "../engine/market/index.js";

/**
 * The engine's tape second by second, as the tick-by-tick and real-time bar streams read it: the day tape has one
 * trade per second of the trading day at that second's quote (`PriceProcess.quote(s)`), so the trade of second `s`
 * is known exactly when `s` is inside the trading hours (or the liquid hours, for `useRTH`).
 */

/** One reply of a stream: the message name and its value. */
export type StreamReply = readonly [IncomingMessageName, Record<string, unknown>];

/** Venues trades and book rows are attributed to (SMART's usual US components). */
export const VENUES: readonly string[] = ["NASDAQ", "ARCA", "NYSE", "BATS", "IEX", "EDGX"];

/** Answers "does second s trade?" for one instrument, caching the sessions of the day last asked about. */
/** One trading day's sessions, in seconds. */
interface Session {
  readonly first: number;
  readonly end: number;
  readonly liquidFirst: number;
  readonly liquidEnd: number;
  readonly trades: boolean;
}

export class TapeReader {
  private days: { readonly local: number; readonly today: Session; readonly next: Session } | undefined;

  constructor(
    readonly engine: MarketEngine,
    readonly instrument: MarketInstrument,
  ) {}

  /** The quote and trade of second `s`. */
  quote(s: number): SecondQuote {
    return this.engine.process(this.instrument).quote(s);
  }

  /** Whether second `s` has a trade on the tape (inside the liquid hours only, with `rth`). */
  trades(s: number, rth = false): boolean {
    const d = this.dayOf(s);
    if (!d.trades) return false;
    return rth ? s >= d.liquidFirst && s < d.liquidEnd : s >= d.first && s < d.end;
  }

  private dayOf(s: number): Session {
    const hours = this.engine.hours(this.instrument);
    const local = localDay(hours.timeZone, s * 1000);
    if (this.days?.local !== local) {
      // Today's session, and tomorrow's, which opens this evening when the sessions run overnight.
      this.days = { local, today: sessionOf(tradingDay(hours, local)), next: sessionOf(tradingDay(hours, local + 1)) };
    }
    const { today, next } = this.days;
    return s < today.end || s < next.first ? today : next;
  }
}

function sessionOf(d: TradingDay): Session {
  return {
    first: Math.ceil(d.open / 1000),
    end: Math.ceil(d.close / 1000),
    liquidFirst: Math.ceil(d.liquidOpen / 1000),
    liquidEnd: Math.ceil(d.liquidClose / 1000),
    trades: isTradingDay(d),
  };
}

export function tickByTickTypeOf(text: string): number | undefined {
  switch (text.toLowerCase()) {
    case "last":
      return TickByTickType.LAST;
    case "alllast":
      return TickByTickType.ALL_LAST;
    case "bidask":
      return TickByTickType.BID_ASK;
    case "midpoint":
      return TickByTickType.MID_POINT;
    default:
      return undefined;
  }
}

/** The mid-point of a quote, on half the tick grid. */
export function midPointOf(q: SecondQuote, tick: number): number {
  const halves = Math.round((q.bid + q.ask) / tick);
  return Number(((halves * tick) / 2).toFixed(12));
}

/**
 * The tick-by-tick ticks of second `s` (none when nothing happened): a trade for Last / AllLast, a quote change
 * against second `s - 1` for BidAsk (sizes ignored with `ignoreSize`), a mid-point change for MidPoint.
 */
export function ticksAt(tape: TapeReader, type: number, s: number, ignoreSize: boolean): Record<string, unknown>[] {
  if (!tape.trades(s)) return [];
  const q = tape.quote(s);
  if (type === TickByTickType.LAST || type === TickByTickType.ALL_LAST) {
    const venue = VENUES[s % VENUES.length]!;
    const tick = {
      kind: "last",
      price: q.tradePrice,
      size: String(q.tradeSize),
      exchange: venue,
      specialConditions: "",
    };
    return [{ time: s, tick: { ...tick, tickAttribLast: { pastLimit: false, unreported: false } } }];
  }
  const p = tape.quote(s - 1);
  const first = !tape.trades(s - 1);
  if (type === TickByTickType.BID_ASK) {
    const moved = first || p.bid !== q.bid || p.ask !== q.ask;
    const sized = p.bidSize !== q.bidSize || p.askSize !== q.askSize;
    if (!moved && (ignoreSize || !sized)) return [];
    const tick = {
      kind: "bidAsk",
      bidPrice: q.bid,
      askPrice: q.ask,
      bidSize: String(q.bidSize),
      askSize: String(q.askSize),
      tickAttribBidAsk: { bidPastLow: false, askPastHigh: false },
    };
    return [{ time: s, tick }];
  }
  const tickSize = tape.instrument.minTick;
  const mid = midPointOf(q, tickSize);
  if (!first && midPointOf(p, tickSize) === mid) return [];
  return [{ time: s, tick: { kind: "midPoint", midPoint: mid } }];
}

/** The latest `count` ticks at or before second `s`, oldest first, looking back at most a week. */
export function historicalTicks(
  tape: TapeReader,
  type: number,
  s: number,
  count: number,
  ignoreSize: boolean,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let t = s; t > s - 7 * 86_400 && out.length < count; t--) {
    const got = ticksAt(tape, type, t, ignoreSize);
    out.push(...got.reverse().slice(0, count - out.length));
  }
  return out.reverse();
}

/** A 5-second bar of whatToShow over seconds [start, start + 5), or undefined when the tape has none. */
export function barAt(
  tape: TapeReader,
  start: number,
  whatToShow: string,
  rth: boolean,
): Record<string, unknown> | undefined {
  let open = Number.NaN;
  let high = Number.NaN;
  let low = Number.NaN;
  let close = Number.NaN;
  let volume = 0;
  let turnover = 0;
  let count = 0;
  for (let s = start; s < start + 5; s++) {
    if (!tape.trades(s, rth)) continue;
    const q = tape.quote(s);
    const price =
      whatToShow === "BID"
        ? q.bid
        : whatToShow === "ASK"
          ? q.ask
          : whatToShow === "MIDPOINT"
            ? midPointOf(q, tape.instrument.minTick)
            : q.tradePrice;
    if (Number.isNaN(open)) {
      open = price;
      high = price;
      low = price;
    }
    high = Math.max(high, price);
    low = Math.min(low, price);
    close = price;
    if (whatToShow === "TRADES") {
      volume += q.tradeSize;
      turnover += q.tradePrice * q.tradeSize;
      count++;
    }
  }
  if (Number.isNaN(open)) return undefined;
  const trades = whatToShow === "TRADES";
  const wap = trades ? Number((turnover / volume).toFixed(6)) : -1;
  return {
    time: start,
    open,
    high,
    low,
    close,
    volume: trades ? String(volume) : "-1",
    wap: String(wap),
    count: trades ? count : -1,
  };
}

/** The whatToShow values real-time bars accept. */
export const BAR_KINDS: ReadonlySet<string> = new Set(["TRADES", "BID", "ASK", "MIDPOINT"]);
