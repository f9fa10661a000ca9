/** The deterministic market of the simulated host. */
export { isTradingDay, localDay, type SessionHours, type TradingDay, tradingDay } from "./calendar.js";
export type { TapeTotals } from "./day-tape.js";
export { MarketEngine, type MarketEngineOptions, type MarketState } from "./engine.js";
export {
  BUILTIN_MARKET_INSTRUMENTS,
  type InstrumentResolver,
  listResolver,
  type MarketInstrument,
} from "./instruments.js";
export { PriceProcess, type SecondQuote } from "./price-process.js";
