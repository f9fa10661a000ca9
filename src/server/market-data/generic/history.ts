import { previousTradingDay, sessionDayOf, type TradingDay } from "../../engine/market/calendar.js";
import type { MarketEngine, MarketInstrument, MarketState } from "../../engine/market/index.js";

/**
 * Statistics over an instrument's past days, read from the engine by random access (a day's close is one quote,
 * no tape replay): daily closes, close-to-close historical volatility, N-week highs and lows, and the average daily
 * volume the engine's tape produces.
 */

/** Trading days per year, to annualise daily volatility (the usual 252). */
export const TRADING_DAYS_PER_YEAR = 252;
/** The days each statistic looks back over: 30-day volatility, 13 / 26 / 52 weeks of closes. */
export const VOLATILITY_DAYS = 30;
export const WEEK_DAYS = { 13: 65, 26: 130, 52: 260 } as const;

/** The last trade of a day's liquid hours: the day's close (as DayTape.closePrice reads it). */
function closeOf(engine: MarketEngine, instrument: MarketInstrument, d: TradingDay): number {
  return engine.process(instrument).quote(Math.ceil(d.liquidClose / 1000) - 1).tradePrice;
}

/** The trading day a state's `close` belongs to: the one before the day the state reports. */
function reportedDay(engine: MarketEngine, instrument: MarketInstrument, t: number): TradingDay {
  const hours = engine.hours(instrument);
  const today = sessionDayOf(hours, t);
  return today.trades && t >= today.open ? today : previousTradingDay(hours, today.day);
}

/**
 * The closes of the `n` trading days before the day the state at `t` reports, newest first (the first equals the
 * state's `close`).
 */
export function dailyCloses(engine: MarketEngine, instrument: MarketInstrument, t: number, n: number): number[] {
  const hours = engine.hours(instrument);
  const out: number[] = [];
  let d = reportedDay(engine, instrument, t);
  for (let i = 0; i < n; i++) {
    d = previousTradingDay(hours, d.day);
    out.push(closeOf(engine, instrument, d));
  }
  return out;
}

/** Annualised standard deviation of the log returns between consecutive prices (newest first or oldest first). */
export function volatilityOf(prices: readonly number[]): number {
  const returns: number[] = [];
  for (let i = 1; i < prices.length; i++) returns.push(Math.log(prices[i - 1]! / prices[i]!));
  const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
  const variance = returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (returns.length - 1);
  return Math.sqrt(variance * TRADING_DAYS_PER_YEAR);
}

/** 30-day historical volatility: over the last 31 closes (30 returns). */
export function historicalVolatility(engine: MarketEngine, instrument: MarketInstrument, t: number): number {
  return volatilityOf(dailyCloses(engine, instrument, t, VOLATILITY_DAYS + 1));
}

/** Real-time historical volatility: the same window with the latest trade as its newest price. */
export function realTimeVolatility(closes: readonly number[], s: MarketState): number {
  const last = Number.isNaN(s.last) ? s.mid : s.last;
  return volatilityOf([last, ...closes.slice(0, VOLATILITY_DAYS)]);
}

/**
 * The mean trade size of the engine's tape in lots: each second trades 1 + ⌊8u²⌋ lots for a uniform u
 * (price-process.ts), whose mean is 1 + Σₖ₌₁..₇ P(8u² ≥ k) = 1 + Σ (1 - √(k/8)).
 */
export function meanTradeLots(): number {
  let m = 1;
  for (let k = 1; k <= 7; k++) m += 1 - Math.sqrt(k / 8);
  return m;
}

/** The average daily volume of the engine's days (units, shares for stocks): one trade a second of the trading day. */
export function averageDailyVolume(engine: MarketEngine, instrument: MarketInstrument, t: number): number {
  const d = reportedDay(engine, instrument, t);
  const seconds = Math.ceil(d.close / 1000) - Math.ceil(d.open / 1000);
  return Math.round(seconds * engine.process(instrument).lot * meanTradeLots());
}
