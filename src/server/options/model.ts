import {
  type DerivativeTerms,
  impliedVolatility,
  modelVolatility,
  type OptionInputs,
  optionValue,
  RISK_FREE_RATE,
  yearsToExpiry,
} from "../engine/market/index.js";

/**
 * The host's option model as TWS reports it in TICK_OPTION_COMPUTATION: the implied volatility of a price and the
 * greeks at that volatility, the model's own volatility and price, and the present value of the dividends the
 * underlying pays until expiry. Every number comes from the Black–Scholes model the market engine prices its
 * options with (engine/market/black-scholes.ts), so a computation always agrees with the option's quotes.
 */

/** One computation; a value left undefined goes out as TWS's "not computed" marker (-1, or -2 for greeks). */
export interface OptionComputation {
  /** 0: return based (lognormal), the only model the host has; TWS uses 1 for its price-based (Bachelier) one. */
  readonly tickAttrib: number;
  readonly impliedVol?: number;
  readonly delta?: number;
  readonly optPrice?: number;
  readonly pvDividend?: number;
  readonly gamma?: number;
  readonly vega?: number;
  readonly theta?: number;
  readonly undPrice?: number;
}

/** `tickAttrib` of every host computation (OptionComputationBasis.RETURN_BASED). */
export const RETURN_BASED = 0;

/** The model's inputs for an option at epoch second `second` with the underlying at `spot`, but the volatility. */
export function inputsAt(terms: DerivativeTerms, spot: number, second: number): Omit<OptionInputs, "volatility"> {
  const option = terms.option;
  if (!option) throw new RangeError("not an option: its terms have no strike and right");
  return {
    right: option.right,
    spot,
    strike: option.strike,
    years: yearsToExpiry(terms, second),
    rate: RISK_FREE_RATE,
    yield: terms.yield,
  };
}

/** The present value of the dividends until expiry, for the host's continuous yield: S (1 - e^(-qT)). */
export function presentDividends(terms: DerivativeTerms, spot: number, second: number): number {
  return spot * (1 - Math.exp(-terms.yield * yearsToExpiry(terms, second)));
}

/** The greeks and model price at `volatility`, with the option price the caller reports. */
function atVolatility(
  terms: DerivativeTerms,
  volatility: number,
  spot: number,
  second: number,
  optPrice?: number,
): OptionComputation {
  const v = optionValue({ ...inputsAt(terms, spot, second), volatility });
  return {
    tickAttrib: RETURN_BASED,
    impliedVol: volatility,
    delta: v.delta,
    optPrice: optPrice ?? v.price,
    pvDividend: presentDividends(terms, spot, second),
    gamma: v.gamma,
    vega: v.vega,
    theta: v.theta,
    undPrice: spot,
  };
}

/**
 * The computation of a market price (a bid, an ask or a last): its implied volatility and the greeks there. A
 * price no volatility explains (below intrinsic value, say) gets the price and the underlying but no volatility
 * and no greeks, as TWS sends them.
 */
export function priceComputation(
  terms: DerivativeTerms,
  price: number,
  spot: number,
  second: number,
): OptionComputation {
  const iv = price > 0 ? impliedVolatility(price, inputsAt(terms, spot, second)) : Number.NaN;
  if (Number.isNaN(iv)) {
    return {
      tickAttrib: RETURN_BASED,
      optPrice: price > 0 ? price : undefined,
      pvDividend: presentDividends(terms, spot, second),
      undPrice: spot,
    };
  }
  return atVolatility(terms, iv, spot, second, price);
}

/** The model computation (tick 13): the model's volatility for the strike (skew and smile) and its price. */
export function modelComputation(terms: DerivativeTerms, spot: number, second: number): OptionComputation {
  return atVolatility(terms, modelVolatility(terms, spot), spot, second);
}

/** calculateOptionPrice: the price and greeks at a volatility the client gives. */
export function volatilityComputation(
  terms: DerivativeTerms,
  volatility: number,
  spot: number,
  second: number,
): OptionComputation {
  return atVolatility(terms, volatility, spot, second);
}
