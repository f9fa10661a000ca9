import { optionValue } from "./black-scholes.js";
import type { DerivativeTerms, MarketInstrument } from "./instruments.js";
import { PriceProcess } from "./price-process.js";

/** The host's risk-free rate (ours: a round 4%, continuous). */
export const RISK_FREE_RATE = 0.04;
const SECONDS_PER_YEAR = 365 * 86_400;

/**
 * The volatility the host prices an option at: the underlying's volatility with a skew (puts below the spot
 * dearer) and a smile, so implied volatilities differ by strike as on a real chain.
 */
export function modelVolatility(terms: DerivativeTerms, spot: number): number {
  const base = terms.underlying.volatility ?? 0.25;
  const m = Math.log((terms.option?.strike ?? spot) / spot);
  return Math.max(0.05, base * (1 - 0.6 * m + 2 * m * m));
}

/** Years from second `s` to expiry (never negative). */
export function yearsToExpiry(terms: DerivativeTerms, s: number): number {
  return Math.max(0, terms.expiry / 1000 - s) / SECONDS_PER_YEAR;
}

/** The model's fair value of a derivative given its underlying's mid price at second `s`. */
export function fairValue(terms: DerivativeTerms, spot: number, s: number): number {
  const years = yearsToExpiry(terms, s);
  if (!terms.option) return spot * Math.exp((RISK_FREE_RATE - terms.yield) * years);
  return optionValue({
    right: terms.option.right,
    spot,
    strike: terms.option.strike,
    years,
    volatility: modelVolatility(terms, spot),
    rate: RISK_FREE_RATE,
    yield: terms.yield,
  }).price;
}

/**
 * A future's or an option's prices: each second's mid is the model's fair value at the underlying's mid of that
 * second, so the derivative moves with its underlying and stays consistent with it; spreads, sizes and trades
 * come from the {@link PriceProcess} machinery on the derivative's own tick grid.
 */
export class DerivedProcess extends PriceProcess {
  constructor(
    seed: number,
    instrument: MarketInstrument,
    private readonly terms: DerivativeTerms,
    private readonly underlying: PriceProcess,
  ) {
    super(seed, instrument);
  }

  override logMid(s: number): number {
    return Math.log(this.mid(s));
  }

  override mid(s: number): number {
    return Math.max(fairValue(this.terms, this.underlying.mid(s), s), this.tick / 2);
  }

  /** The walks of the tape (bars, totals) see the same mids as {@link mid}: from the underlying's, second by second. */
  override forEachMid(from: number, to: number, fn: (s: number, mid: number) => void): void {
    const floor = this.tick / 2;
    this.underlying.forEachMid(from, to, (s, spot) => fn(s, Math.max(fairValue(this.terms, spot, s), floor)));
  }
}
