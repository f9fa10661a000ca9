/**
 * Models of level-1 market data that are not ticks themselves: the market data type a subscription runs on,
 * market rules (price increments), SMART routing components and the attributes of option computations.
 */

/**
 * The kind of market data a subscription delivers (`reqMarketDataType`, `marketDataType`). TWS switches a
 * live subscription to frozen data after the close when FROZEN was asked for, and to delayed data when the
 * account has no live subscription and DELAYED was asked for.
 */
export const MarketDataType = {
  /** Real-time streaming data. */
  REALTIME: 1,
  /** The last data recorded at the close, re-sent while the market is closed. */
  FROZEN: 2,
  /** Data delayed by 15–20 minutes, for instruments without a live subscription. */
  DELAYED: 3,
  /** Delayed data, frozen after the close. */
  DELAYED_FROZEN: 4,
} as const;

export type MarketDataTypeName = keyof typeof MarketDataType;
export type MarketDataTypeId = (typeof MarketDataType)[MarketDataTypeName];

/**
 * One step of a market rule: from `lowEdge` upwards prices move in steps of `increment` (`PriceIncrement`).
 * Both are optional because a protobuf MARKET_RULE may leave either out; the official client then reports 0.
 */
export interface PriceIncrement {
  lowEdge?: number;
  increment?: number;
}

/**
 * One exchange of a SMART routing group (`SmartComponent`): the bit TWS uses for it in the exchange mask of
 * `tickString` exchange ticks, its name and its one-letter code. Optional because a protobuf SMART_COMPONENTS
 * leaves out fields at their default (TWS omits `bitNumber` 0).
 */
export interface SmartComponent {
  bitNumber?: number;
  exchange?: string;
  exchangeLetter?: string;
}

/**
 * The `smartComponents` callback argument as the official protobuf decoder builds it: bit number → (exchange,
 * exchange letter). (Its text decoder passes a list of {@link SmartComponent} objects instead.)
 */
export type SmartComponentMap = Record<number, readonly [exchange: string, exchangeLetter: string]>;

/**
 * `tickAttrib` of a TICK_OPTION_COMPUTATION (MIN_SERVER_VER_PRICE_BASED_VOLATILITY): which model the implied
 * volatility comes from.
 */
export const OptionComputationBasis = {
  RETURN_BASED: 0,
  PRICE_BASED: 1,
} as const;

/**
 * The values TWS puts in a TICK_OPTION_COMPUTATION field that was not computed. The official decoders treat
 * any negative implied volatility as not computed, and exactly these values in the other fields.
 */
export const OptionComputationNotComputed = {
  /** impliedVol (any negative value), optPrice, pvDividend, undPrice. */
  PRICE: -1,
  /** delta, gamma, vega, theta. */
  GREEK: -2,
} as const;

/** The results of an option computation, as the official client hands them to `tickOptionComputation`. */
export interface OptionComputation {
  /** {@link OptionComputationBasis}; null before MIN_SERVER_VER_PRICE_BASED_VOLATILITY. */
  tickAttrib: number | null | undefined;
  impliedVol: number | null;
  delta: number | null;
  optPrice: number | null;
  pvDividend: number | null;
  gamma: number | null;
  vega: number | null;
  theta: number | null;
  undPrice: number | null;
}
