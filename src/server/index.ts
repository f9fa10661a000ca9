/** `tws-ts/server`: the simulated TWS / IB Gateway host. */
export { TWS_PORTS } from "../protocol/ports.js";
export { accessRule, isLoopbackAddress, normaliseAddress } from "./access.js";
export {
  acceleratedClock,
  type HostClock,
  realClock,
  type SteppedClock,
  steppedClock,
  type TimerHandle,
} from "./clock.js";
export {
  type DerivativeTerms,
  fairValue,
  type InstrumentResolver,
  impliedVolatility,
  listResolver,
  MarketEngine,
  type MarketInstrument,
  type MarketState,
  modelVolatility,
  type OptionInputs,
  type OptionValue,
  optionValue,
  RISK_FREE_RATE,
  universeResolver,
} from "./engine/market/index.js";
export { FARM_CODES, type FarmKind, TwsCode, TwsText } from "./errors-table.js";
export { HostFaults } from "./faults.js";
export type { MarketDataOptions } from "./market-data/service.js";
export {
  DEFAULT_ACCOUNT,
  DEFAULT_FARMS,
  type FrameObserver,
  type HostLog,
  type HostLogEntry,
  type SimulatedHostOptions,
} from "./options.js";
export type { PacingMode } from "./pacing.js";
export { type RequestClass, type RequestKind, requestClass } from "./request-classes.js";
export { type SessionInfo, SimulatedHost, startSimulatedHost } from "./server.js";
