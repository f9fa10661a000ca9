import { previousTradingDay } from "../engine/market/calendar.js";
import {
  isTradingDay,
  localDay,
  type MarketEngine,
  type MarketInstrument,
  tradingDay,
} from "../engine/market/index.js";

/**
 * What a headline says about the market: the instrument's mid price at an instant and its move from the previous
 * session's close, read from the engine's price process (random access per second, so a year of hourly looks
 * costs a fraction of one day's tape).
 */
export interface MarketView {
  readonly price: number;
  readonly previousClose: number;
  /** The move from the previous close, in percent. */
  readonly change: number;
  /** Whether the instrument trades at that instant. */
  readonly trading: boolean;
  /** The number of decimals of the instrument's tick. */
  readonly decimals: number;
}

/** The view of `instrument` at `t` (epoch ms). */
export function marketView(engine: MarketEngine, instrument: MarketInstrument, t: number): MarketView {
  const hours = engine.hours(instrument);
  const process = engine.process(instrument);
  const today = tradingDay(hours, localDay(hours.timeZone, t));
  const trading = isTradingDay(today) && t >= today.open && t < today.close;
  // Before today's session, the session reported is the previous one.
  const session = isTradingDay(today) && t >= today.open ? today : previousTradingDay(hours, today.day);
  const before = previousTradingDay(hours, session.day);
  const second = Math.floor(Math.min(t, session.close - 1000) / 1000);
  const price = process.mid(second);
  const previousClose = process.mid(Math.floor((before.liquidClose - 1000) / 1000));
  const decimals = Math.max(0, Math.ceil(-Math.log10(instrument.minTick) - 1e-9));
  return { price, previousClose, change: (price / previousClose - 1) * 100, trading, decimals };
}
