import { localDay } from "../../engine/market/calendar.js";
import { uniform } from "../../engine/market/hash.js";
import type { MarketEngine, MarketInstrument } from "../../engine/market/index.js";
import { universeAt } from "../../engine/reference/universe.js";

/**
 * Values the engine's price process does not produce, modelled by the host (docs/decisions/0008-host-level-one.md):
 * open interest, option volume, dividends, fundamental ratios and shortable shares. Each is a pure function of the
 * seed, the instrument and the day, so a stream and a snapshot of the same day agree, and they agree with each
 * other where TWS's would: the stock's call open interest is the sum of its calls' own open interest.
 */

/** Draw streams of the modelled values (apart from the price process's). */
const Stream = { OPEN_INTEREST: 101, OPTION_VOLUME: 102, SHORTABLE: 103, FUNDAMENTALS: 104, FUTURES_OI: 105 } as const;

/** The host's dividend yield of stocks (the option model's `yield`, universe-instruments.ts). */
export const DIVIDEND_YIELD = 0.01;

const dayOf = (instrument: MarketInstrument, t: number) => localDay(instrument.timeZone ?? "US/Eastern", t);

/**
 * An option's open interest on a day: most near the money and near expiry, none past expiry. Open interest is
 * settled overnight, so it stays the same all day.
 */
export function openInterest(engine: MarketEngine, option: MarketInstrument, t: number): number {
  const terms = option.derivative;
  if (!terms?.option || t >= terms.expiry) return 0;
  const moneyness = Math.log(terms.option.strike / terms.underlying.referencePrice);
  const months = (terms.expiry - t) / (30 * 86_400_000);
  const base = 8000 * Math.exp(-40 * moneyness * moneyness) * Math.exp(-months / 6);
  return Math.round(base * (0.5 + uniform(engine.seed, option.conId, Stream.OPEN_INTEREST, dayOf(option, t))));
}

/** The options of an underlying's chain that the universe lists on the day of `t`, resolved by the engine. */
export function chainOf(engine: MarketEngine, underlying: MarketInstrument, t: number): MarketInstrument[] {
  const out: MarketInstrument[] = [];
  for (const i of universeAt(t).instruments) {
    const c = i.details.contract;
    if (c.secType !== "OPT" || i.details.underConId !== underlying.conId) continue;
    const o = engine.instrumentOf({ conId: c.conId });
    if (o) out.push(o);
  }
  return out;
}

/** Whether an instrument has an option chain in the host's universe (tick 100 / 101 / 105 apply to it). */
export function hasChain(engine: MarketEngine, instrument: MarketInstrument, t: number): boolean {
  return instrument.secType === "STK" && chainOf(engine, instrument, t).length > 0;
}

/** The open interest of an underlying's calls and puts: the sums over its chain. */
export function chainOpenInterest(
  engine: MarketEngine,
  underlying: MarketInstrument,
  t: number,
): { calls: number; puts: number } {
  let calls = 0;
  let puts = 0;
  for (const o of chainOf(engine, underlying, t)) {
    if (o.derivative?.option?.right === "C") calls += openInterest(engine, o, t);
    else puts += openInterest(engine, o, t);
  }
  return { calls, puts };
}

/**
 * The day's option volume of an underlying, in contracts: a share of its own volume (in round lots) that differs
 * by day, calls a little busier than puts. Summing each option's tape would cost a day of seconds per option.
 */
export function chainVolume(
  engine: MarketEngine,
  underlying: MarketInstrument,
  t: number,
  shares: number,
): { calls: number; puts: number } {
  const activity = 0.5 + uniform(engine.seed, underlying.conId, Stream.OPTION_VOLUME, dayOf(underlying, t));
  const lots = shares / 100;
  return { calls: Math.round(lots * 0.6 * activity), puts: Math.round(lots * 0.45 * activity) };
}

/** A future's open interest on a day (settled overnight). */
export function futuresOpenInterest(engine: MarketEngine, future: MarketInstrument, t: number): number {
  const u = uniform(engine.seed, future.conId, Stream.FUTURES_OI, dayOf(future, t));
  return Math.round(200_000 + 1_800_000 * u);
}

/** Shares available to short: between 1 and 50 million, fixed per stock and day. */
export function shortableShares(engine: MarketEngine, stock: MarketInstrument, t: number): number {
  return Math.round(1e6 + 49e6 * uniform(engine.seed, stock.conId, Stream.SHORTABLE, dayOf(stock, t)));
}

/** IB_DIVIDENDS text: past 12 months, next 12 months, next date (YYYYMMDD), next amount, from the 1 % yield. */
export function dividends(price: number, t: number): string {
  const annual = Math.round(price * DIVIDEND_YIELD * 100) / 100;
  const quarterly = Math.round((annual / 4) * 100) / 100;
  // Quarterly payments on the 15th of February, May, August and November (ours).
  const now = new Date(t);
  let year = now.getUTCFullYear();
  let month = [1, 4, 7, 10].find((m) => Date.UTC(year, m, 15) > t);
  if (month === undefined) {
    year += 1;
    month = 1;
  }
  const next = `${year}${String(month + 1).padStart(2, "0")}15`;
  return `${annual},${annual},${next},${quarterly}`;
}

/** Whether the universe lists an instrument as an ETF (stock type ETF): NAV ticks apply. */
export function isEtf(instrument: MarketInstrument, t: number): boolean {
  return universeAt(t).byConId(instrument.conId)?.details.stockType === "ETF";
}

/**
 * FUNDAMENTAL_RATIOS text (`TAG=value;` pairs as TWS sends them): the price, 52-week high and low and average
 * volume from the engine, the dividend yield the option model uses, and synthetic earnings, fixed per stock.
 */
export function fundamentalRatios(
  engine: MarketEngine,
  stock: MarketInstrument,
  price: number,
  high52: number,
  low52: number,
  averageVolume: number,
): string {
  const draw = (n: number) => uniform(engine.seed, stock.conId, Stream.FUNDAMENTALS, n);
  const pe = 12 + 28 * draw(0);
  const sharesMillions = 100 + 9900 * draw(1);
  const fields: [string, number][] = [
    ["NPRICE", price],
    ["NHIG", high52],
    ["NLOW", low52],
    ["PEEXCLXOR", pe],
    ["TTMEPSXCLX", price / pe],
    ["MKTCAP", price * sharesMillions],
    ["YIELD", DIVIDEND_YIELD * 100],
    ["VOL10DAVG", averageVolume / 1e6],
  ];
  return fields.map(([k, v]) => `${k}=${Number(v.toFixed(5))};`).join("");
}
