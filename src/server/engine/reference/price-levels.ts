/**
 * The level each instrument's simulated price moves around, and its annual volatility. These are ours, not
 * sourced: AAPL, SPY, QQQ, MSFT, IBM and EUR.USD sit near the levels the gw1040 recordings show (September 2026);
 * the others are plausible round levels. Option strikes are generated around the same levels, so a chain is
 * centred where its underlying trades.
 */
export interface PriceLevel {
  readonly price: number;
  /** Annualised volatility of the simulated process. */
  readonly volatility: number;
  /** The SMART components code TWS sends in TICK_REQ_PARAMS (recorded for AAPL, QQQ, MSFT, SPY, IBM). */
  readonly bboExchange?: string;
}

const stk = (price: number, volatility: number, bboExchange = "9c0001"): PriceLevel => ({
  price,
  volatility,
  bboExchange,
});

/** Keyed by symbol (stocks, indices, futures roots) or `SYMBOL.CURRENCY` (forex, crypto). */
export const PRICE_LEVELS: Readonly<Record<string, PriceLevel>> = {
  AAPL: stk(340.5, 0.26),
  MSFT: stk(512.3, 0.24),
  AMZN: stk(231.4, 0.32),
  GOOGL: stk(251.8, 0.3),
  META: stk(742.6, 0.36),
  NVDA: stk(181.2, 0.48),
  TSLA: stk(438.9, 0.58),
  AMD: stk(162.7, 0.5),
  INTC: stk(36.45, 0.42),
  IBM: stk(281.4, 0.24, "a60001"),
  DIS: stk(113.2, 0.28, "a60001"),
  JPM: stk(306.1, 0.23, "a60001"),
  BAC: stk(51.35, 0.27, "a60001"),
  XOM: stk(114.8, 0.24, "a60001"),
  JNJ: stk(187.9, 0.17, "a60001"),
  V: stk(346.7, 0.2, "a60001"),
  WMT: stk(102.3, 0.2),
  KO: stk(68.9, 0.15, "a60001"),
  PFE: stk(24.85, 0.25, "a60001"),
  NFLX: stk(1218.5, 0.4),
  BA: stk(221.6, 0.36, "a60001"),
  ORCL: stk(292.4, 0.42, "a60001"),
  CSCO: stk(69.2, 0.24),
  SPY: stk(768.25, 0.16, "a60001"),
  QQQ: stk(740.8, 0.2),
  IWM: stk(243.1, 0.22, "a60001"),
  DIA: stk(462.7, 0.15, "a60001"),
  TLT: stk(89.6, 0.14),
  GLD: stk(352.4, 0.16, "a60001"),
  XLF: stk(53.2, 0.19, "a60001"),
  "EUR.USD": { price: 1.1725, volatility: 0.07 },
  "GBP.USD": { price: 1.3455, volatility: 0.08 },
  "USD.JPY": { price: 147.62, volatility: 0.1 },
  "AUD.USD": { price: 0.6615, volatility: 0.1 },
  "USD.CAD": { price: 1.3812, volatility: 0.06 },
  "USD.CHF": { price: 0.7968, volatility: 0.08 },
  "EUR.GBP": { price: 0.8715, volatility: 0.06 },
  "EUR.JPY": { price: 173.08, volatility: 0.09 },
  SPX: { price: 6645.3, volatility: 0.16 },
  VIX: { price: 16.4, volatility: 0.9 },
  TNX: { price: 41.3, volatility: 0.25 },
  NDX: { price: 24630.5, volatility: 0.2 },
  RUT: { price: 2431.2, volatility: 0.22 },
  CL: { price: 63.4, volatility: 0.35 },
  // Futures roots: the index the quarterly futures are priced from (with carry), near their cash indices.
  ES: { price: 6645.25, volatility: 0.16 },
  NQ: { price: 24630.5, volatility: 0.2 },
  ZN: { price: 112.5, volatility: 0.06 },
  "BTC.USD": { price: 112_450, volatility: 0.55 },
  "ETH.USD": { price: 4385.5, volatility: 0.7 },
  "LTC.USD": { price: 112.35, volatility: 0.75 },
};

/** The level of an instrument by its symbol, secType and currency (undefined when the table has none). */
export function priceLevelOf(symbol: string, secType: string, currency: string): PriceLevel | undefined {
  const paired = secType === "CASH" || secType === "CRYPTO";
  return PRICE_LEVELS[paired ? `${symbol}.${currency}` : symbol];
}

/** Underlyings the universe generates option chains for. */
export const CHAIN_UNDERLYINGS: readonly string[] = ["AAPL", "MSFT", "TSLA", "SPY", "QQQ", "NVDA", "AMZN"];
