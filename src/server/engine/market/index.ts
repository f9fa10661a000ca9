/** The deterministic market of the simulated host. */

export { impliedVolatility, normCdf, type OptionInputs, type OptionValue, optionValue } from "./black-scholes.js";
export {
  isTradingDay,
  localDay,
  type SessionHours,
  sessionDayOf,
  type TradingDay,
  tradingDay,
} from "./calendar.js";
export type { DayTape, TapeTotals } from "./day-tape.js";
export { DerivedProcess, fairValue, modelVolatility, RISK_FREE_RATE, yearsToExpiry } from "./derived-process.js";
export { MarketEngine, type MarketEngineOptions, type MarketState } from "./engine.js";
export {
  type DerivativeTerms,
  type InstrumentResolver,
  listResolver,
  type MarketInstrument,
} from "./instruments.js";
export { PriceProcess, type SecondQuote, type TradeVisitor } from "./price-process.js";
export { TapeSummary } from "./tape-summary.js";
export { universeResolver } from "./universe-instruments.js";
