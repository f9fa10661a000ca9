import type { Bar } from "../../protocol/models/bar.js";
import { isTradingDay, localDay, type TradingDay, tradingDay, zoneOffset } from "../engine/market/calendar.js";
import type { MarketEngine, MarketInstrument } from "../engine/market/index.js";
import type { WhatToShow } from "./request.js";

/**
 * Bars built from the engine's tape: one trade per second of the trading day at that second's quote (the tape of
 * `DayTape`), so a TRADES bar's open, high, low, close, volume and count are those of the seconds in its interval.
 * MIDPOINT, BID and ASK bars follow the quote of each second; BID_ASK bars are TWS's (time-average bid, max ask,
 * min bid, time-average ask). Quote bars carry volume, WAP and count -1, as TWS sends them.
 */

/** What a bar request asks for, with the range resolved to instants (epoch ms, [start, end)). */
export interface BarQuery {
  readonly instrument: MarketInstrument;
  readonly start: number;
  readonly end: number;
  /** Bar length in seconds (86 400 and over: calendar bars of a day, a week or a month). */
  readonly barSeconds: number;
  readonly what: WhatToShow;
  readonly useRTH: boolean;
  /** 1: `yyyyMMdd HH:mm:ss <zone>`; 2: epoch seconds (daily and longer bars are `yyyyMMdd` either way). */
  readonly formatDate: number;
}

/** A bar and the second its interval begins. */
export interface TimedBar extends Bar {
  readonly startSecond: number;
}

const DAY = 86_400;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `yyyyMMdd` of a local day number. */
export function dayText(day: number): string {
  const d = new Date(day * DAY * 1000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

/** `yyyyMMdd HH:mm:ss <zone>` of an instant in a zone. */
export function zonedText(ms: number, zone: string): string {
  const d = new Date(Math.floor(ms / 1000) * 1000 + zoneOffset(zone, ms));
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${time} ${zone}`;
}

/** Running aggregate of one bar. */
class Acc {
  open = Number.NaN;
  high = Number.NEGATIVE_INFINITY;
  low = Number.POSITIVE_INFINITY;
  close = Number.NaN;
  volume = 0;
  turnover = 0;
  count = 0;
  bidSum = 0;
  askSum = 0;

  constructor(
    readonly startSecond: number,
    readonly label: string,
  ) {}

  add(what: WhatToShow, q: { bid: number; ask: number; tradePrice: number; tradeSize: number }): void {
    this.count++;
    if (what === "BID_ASK") {
      this.bidSum += q.bid;
      this.askSum += q.ask;
      this.high = Math.max(this.high, q.ask);
      this.low = Math.min(this.low, q.bid);
      return;
    }
    const p = what === "TRADES" ? q.tradePrice : what === "BID" ? q.bid : what === "ASK" ? q.ask : (q.bid + q.ask) / 2;
    if (this.count === 1) this.open = p;
    this.high = Math.max(this.high, p);
    this.low = Math.min(this.low, p);
    this.close = p;
    this.volume += q.tradeSize;
    this.turnover += q.tradePrice * q.tradeSize;
  }

  bar(what: WhatToShow): TimedBar {
    const round = (x: number) => Number(x.toFixed(8));
    const base = { date: this.label, startSecond: this.startSecond, high: round(this.high), low: round(this.low) };
    if (what === "BID_ASK") {
      const open = round(this.bidSum / this.count);
      const close = round(this.askSum / this.count);
      return { ...base, open, close, volume: "-1", wap: "-1", barCount: -1 };
    }
    const trades = what === "TRADES";
    return {
      ...base,
      open: round(this.open),
      close: round(this.close),
      volume: trades ? String(this.volume) : "-1",
      wap: trades ? String(Number((this.turnover / this.volume).toFixed(3))) : "-1",
      barCount: trades ? this.count : -1,
    };
  }
}

/** The key and first-second of the bar a second falls in, and its label. */
function bucketOf(q: BarQuery, s: number, day: TradingDay, sessionStart: number): { key: number; label: string } {
  const zone = q.instrument.timeZone ?? "US/Eastern";
  if (q.barSeconds >= DAY) {
    let first = day.day;
    if (q.barSeconds === 7 * DAY) first = day.day - ((day.weekday + 6) % 7);
    if (q.barSeconds === 30 * DAY) first = Math.floor(Date.UTC(...ymOf(day.day), 1) / 86_400_000);
    return { key: first, label: dayText(Math.max(first, day.day)) };
  }
  const offset = zoneOffset(zone, s * 1000) / 1000;
  const aligned = Math.floor((s + offset) / q.barSeconds) * q.barSeconds - offset;
  const start = Math.max(aligned, sessionStart);
  return { key: aligned, label: q.formatDate === 2 ? String(start) : zonedText(start * 1000, zone) };
}

function ymOf(day: number): [number, number] {
  const d = new Date(day * DAY * 1000);
  return [d.getUTCFullYear(), d.getUTCMonth()];
}

/** The bars of a query, oldest first. Costs one quote per trading second of the range. */
export function buildBars(engine: MarketEngine, q: BarQuery): TimedBar[] {
  const hours = engine.hours(q.instrument);
  const p = engine.process(q.instrument);
  const bars = new Map<number, Acc>();
  const calendar = q.barSeconds >= DAY;
  for (let d = localDay(hours.timeZone, q.start); d <= localDay(hours.timeZone, q.end - 1); d++) {
    const day = tradingDay(hours, d);
    if (!isTradingDay(day)) continue;
    const open = q.useRTH ? day.liquidOpen : day.open;
    const close = q.useRTH ? day.liquidClose : day.close;
    // Calendar bars take the whole session of each day in the range, up to the end.
    const lo = Math.ceil(Math.max(open, calendar ? open : q.start) / 1000);
    const hi = Math.ceil(Math.min(close, q.end) / 1000);
    const sessionStart = Math.ceil(open / 1000);
    for (let s = lo; s < hi; s++) {
      const { key, label } = bucketOf(q, s, day, sessionStart);
      let acc = bars.get(key);
      if (!acc) {
        acc = new Acc(s, label);
        bars.set(key, acc);
      }
      acc.add(q.what, p.quote(s));
    }
  }
  return [...bars.values()].sort((a, b) => a.startSecond - b.startSecond).map((a) => a.bar(q.what));
}
