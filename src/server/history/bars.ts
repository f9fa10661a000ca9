import type { Bar } from "../../protocol/models/bar.js";
import { zoneOffset } from "../engine/market/calendar.js";
import {
  isTradingDay,
  localDay,
  type MarketEngine,
  type PriceProcess,
  TapeSummary,
  type TradingDay,
  tradingDay,
} from "../engine/market/index.js";
import { barDate, dayText } from "./dates.js";
import type { BarQuery } from "./validation.js";

/**
 * Bars built from the engine's tape: one trade per second of the trading day at that second's quote (the tape of
 * `DayTape`), so a TRADES bar's open, high, low, close, volume and count are those of the seconds in its interval.
 * MIDPOINT, BID and ASK bars follow the quote of each second; BID_ASK bars are TWS's (time-average bid, max ask,
 * min bid, time-average ask). Quote and level bars carry volume, WAP and count -1, as TWS sends quote bars.
 * Intraday bars of a minute and more are merged from the day tape's minute summaries, daily and longer bars from
 * its session summaries; every sum is of whole ticks and lots, so the grouping never changes a bar.
 */

/** A bar and the second its data begins. */
export interface TimedBar extends Bar {
  readonly startSecond: number;
}

const DAY = 86_400;

/** The level a volatility or fee-rate bar shows: the values level-1 market data reports (generic ticks 104, 106). */
function levelOf(q: BarQuery): number {
  const vol = q.instrument.volatility ?? 0.25;
  if (q.what === "HISTORICAL_VOLATILITY") return vol;
  if (q.what === "OPTION_IMPLIED_VOLATILITY") return Number((vol * 1.08).toFixed(6));
  // FEE_RATE: every simulated stock is easy to borrow (shortable tick 3), at a general-collateral fee (assumed).
  return 0.25;
}

const round8 = (x: number) => Number(x.toFixed(8));

/** The volume-weighted average price to 3 decimals, from the exact turnover in ticks (half away from zero). */
function wapOf(p: PriceProcess, s: TapeSummary): string {
  // price = ticks × tick; WAP × 1000 = turnoverTicks × tick × 1000 / volume, rounded in integers.
  const units = BigInt(Math.round(p.tick * 1e9));
  const num = BigInt(s.turnoverTicks) * units * 1000n;
  const den = BigInt(s.volume) * 1_000_000_000n;
  const thousandths = (2n * num + den) / (2n * den);
  return String(Number(thousandths) / 1000);
}

/** The bar a summary gives for a query. */
export function renderBar(q: BarQuery, p: PriceProcess, s: TapeSummary, date: string): TimedBar {
  const base = { date, startSecond: s.first };
  const none = { volume: "-1", wap: "-1", barCount: -1 };
  switch (q.kind) {
    case "trades":
      return {
        ...base,
        open: p.onGrid(s.tradeOpen),
        high: p.onGrid(s.tradeHigh),
        low: p.onGrid(s.tradeLow),
        close: p.onGrid(s.tradeClose),
        volume: String(s.volume),
        wap: wapOf(p, s),
        barCount: s.count,
      };
    case "level": {
      const v = levelOf(q);
      return { ...base, open: v, high: v, low: v, close: v, ...none };
    }
    default:
      break;
  }
  if (q.what === "BID_ASK") {
    const open = round8(p.onGrid(s.bidTicksSum) / s.count);
    const close = round8(p.onGrid(s.askTicksSum) / s.count);
    return { ...base, open, high: p.onGrid(s.askHigh), low: p.onGrid(s.bidLow), close, ...none };
  }
  if (q.what === "MIDPOINT") {
    return {
      ...base,
      open: round8(s.midOpen),
      high: round8(s.midHigh),
      low: round8(s.midLow),
      close: round8(s.midClose),
      ...none,
    };
  }
  const side =
    q.what === "BID" ? [s.bidOpen, s.bidHigh, s.bidLow, s.bidClose] : [s.askOpen, s.askHigh, s.askLow, s.askClose];
  const [open, high, low, close] = side.map((t) => p.onGrid(t)) as [number, number, number, number];
  return { ...base, open, high, low, close, ...none };
}

/** The first local day of the calendar bar (day, week from Monday, month) holding `day`. */
function periodOf(barSeconds: number, day: TradingDay): number {
  if (barSeconds === 7 * DAY) return day.day - ((day.weekday + 6) % 7);
  if (barSeconds === 30 * DAY) {
    const d = new Date(day.day * DAY * 1000);
    return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / (DAY * 1000));
  }
  return day.day;
}

interface Open {
  readonly summary: TapeSummary;
  readonly date: string;
}

/** The bars of a query, oldest first (its source range `from`..`to`). */
export function buildBars(engine: MarketEngine, q: BarQuery): TimedBar[] {
  const hours = engine.hours(q.instrument);
  const p = engine.process(q.instrument);
  const calendar = q.barSeconds >= DAY;
  const bars = new Map<number, Open>();
  const order: number[] = [];
  const into = (key: number, date: string, s: TapeSummary) => {
    if (s.count === 0) return;
    let open = bars.get(key);
    if (!open) {
      open = { summary: new TapeSummary(), date };
      bars.set(key, open);
      order.push(key);
    }
    open.summary.merge(s);
  };
  // One day past the end's local day: an overnight session (forex, futures) opens the evening before its day.
  for (let d = localDay(hours.timeZone, q.from); d <= localDay(hours.timeZone, q.to - 1) + 1; d++) {
    const day = tradingDay(hours, d);
    if (!isTradingDay(day)) continue;
    const first = Math.ceil((q.useRTH ? day.liquidOpen : day.open) / 1000);
    const end = Math.ceil((q.useRTH ? day.liquidClose : day.close) / 1000);
    const last = Math.min(end, Math.ceil(q.to / 1000));
    if (last <= first) continue;
    if (calendar) {
      // Calendar bars take the whole session of each day in the range, up to the end; whole sessions are kept.
      const s =
        last === end
          ? engine.sessionSummary(q.instrument, d, q.useRTH)
          : engine.tapeOf(q.instrument, d).summary(first, last);
      const key = periodOf(q.barSeconds, day);
      into(key, dayText(Math.max(key, d)), s);
      continue;
    }
    const tape = engine.tapeOf(q.instrument, d);
    const lo = Math.max(first, Math.ceil(q.from / 1000));
    if (q.barSeconds >= 60) tape.prepare(lo, last);
    // Bars align to the local clock: midnight-aligned multiples of the bar size, clipped to the session.
    const offset = zoneOffset(hours.timeZone, lo * 1000) / 1000;
    for (let b = Math.floor((lo + offset) / q.barSeconds) * q.barSeconds - offset; b < last; b += q.barSeconds) {
      const from = Math.max(b, lo);
      into(b, barDate(Math.max(b, first), q.zone, q.formatDate), tape.summary(from, Math.min(b + q.barSeconds, last)));
    }
  }
  return order.map((k) => {
    const o = bars.get(k)!;
    return renderBar(q, p, o.summary, o.date);
  });
}
