/**
 * Black–Scholes–Merton for European options on an underlying with a continuous yield: the price, the greeks TWS
 * reports in TICK_OPTION_COMPUTATION (delta, gamma, vega, theta), and the implied volatility of a price. The
 * host prices its options with it; TWS's own model (which handles American exercise and discrete dividends) is not
 * public, so values agree with TWS in kind, not to the cent.
 */

/** The inputs of the model; times in years, rates and volatility annualised. */
export interface OptionInputs {
  readonly right: "C" | "P";
  readonly spot: number;
  readonly strike: number;
  /** Years to expiry (a floor of one minute keeps the greeks finite at expiry). */
  readonly years: number;
  readonly volatility: number;
  /** The risk-free rate (continuous). */
  readonly rate: number;
  /** The underlying's continuous yield (dividends, or the foreign rate). */
  readonly yield?: number;
}

export interface OptionValue {
  readonly price: number;
  readonly delta: number;
  readonly gamma: number;
  /** Per 1 volatility point (0.01), as TWS reports it. */
  readonly vega: number;
  /** Per calendar day, as TWS reports it. */
  readonly theta: number;
}

const MIN_YEARS = 1 / (365 * 24 * 60);

/** The complementary error function (Numerical Recipes' erfc, fractional error below 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** The standard normal distribution function. */
export function normCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

const normPdf = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** The price and greeks of an option. */
export function optionValue(o: OptionInputs): OptionValue {
  const T = Math.max(o.years, MIN_YEARS);
  const q = o.yield ?? 0;
  const sqrtT = Math.sqrt(T);
  const sd = o.volatility * sqrtT;
  const d1 = (Math.log(o.spot / o.strike) + (o.rate - q + 0.5 * o.volatility * o.volatility) * T) / sd;
  const d2 = d1 - sd;
  const dq = Math.exp(-q * T);
  const dr = Math.exp(-o.rate * T);
  const call = o.right === "C";
  const price = call
    ? o.spot * dq * normCdf(d1) - o.strike * dr * normCdf(d2)
    : o.strike * dr * normCdf(-d2) - o.spot * dq * normCdf(-d1);
  const delta = call ? dq * normCdf(d1) : dq * (normCdf(d1) - 1);
  const gamma = (dq * normPdf(d1)) / (o.spot * sd);
  const vega = (o.spot * dq * normPdf(d1) * sqrtT) / 100;
  const decay = -(o.spot * dq * normPdf(d1) * o.volatility) / (2 * sqrtT);
  const carry = call
    ? q * o.spot * dq * normCdf(d1) - o.rate * o.strike * dr * normCdf(d2)
    : -q * o.spot * dq * normCdf(-d1) + o.rate * o.strike * dr * normCdf(-d2);
  return { price: Math.max(price, 0), delta, gamma, vega, theta: (decay + carry) / 365 };
}

/**
 * The volatility at which the model gives `price`, or NaN when no volatility in (0.1%, 500%] does (a price
 * below intrinsic value, or above the underlying). Bisection on a bracket, then Newton steps while they stay in it.
 */
export function impliedVolatility(price: number, o: Omit<OptionInputs, "volatility">): number {
  let lo = 0.001;
  let hi = 5;
  const at = (v: number) => optionValue({ ...o, volatility: v }).price - price;
  if (!(at(lo) <= 0 && at(hi) >= 0)) return Number.NaN;
  let v = 0.3;
  for (let i = 0; i < 100; i++) {
    const value = optionValue({ ...o, volatility: v });
    const diff = value.price - price;
    if (Math.abs(diff) < 1e-10) return v;
    if (diff > 0) hi = v;
    else lo = v;
    const step = value.vega > 1e-12 ? v - diff / (value.vega * 100) : Number.NaN;
    v = step > lo && step < hi ? step : (lo + hi) / 2;
    if (hi - lo < 1e-12) return v;
  }
  return v;
}
