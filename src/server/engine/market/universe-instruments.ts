import type { Contract } from "../../../protocol/models/contract.js";
import { UNSET_DOUBLE } from "../../../protocol/values.js";
import { matchContract } from "../reference/matching.js";
import { priceLevelOf } from "../reference/price-levels.js";
import type { Instrument } from "../reference/types.js";
import { type Universe, universeAt } from "../reference/universe.js";
import type { DerivativeTerms, InstrumentResolver, MarketInstrument } from "./instruments.js";

/**
 * The market side of the instrument universe: every contract the host describes (stocks, ETFs, forex, indices,
 * crypto, the rolled futures and the option chains) resolves to a {@link MarketInstrument} with the same conId,
 * tick grid and hours as its contract details, so market data agrees with reference data.
 */

/** Sessions per kind of instrument, as the engine's calendar reads them (contract details list the same hours). */
function sessionsOf(
  secType: string,
  timeZone: string,
): Pick<MarketInstrument, "tradingHours" | "liquidHours"> & {
  everyDay?: boolean;
} {
  if (timeZone === "US/Central") return { tradingHours: "1700-1600", liquidHours: "0830-1500" };
  switch (secType) {
    case "STK":
      return { tradingHours: "0400-2000", liquidHours: "0930-1600" };
    case "CASH":
      return { tradingHours: "1715-1700", liquidHours: "1715-1700" };
    case "CRYPTO":
      return { tradingHours: "0000-2400", liquidHours: "0000-2400", everyDay: true };
    case "IND":
    case "BOND":
      return { tradingHours: "0930-1615", liquidHours: "0930-1615" };
    default:
      return { tradingHours: "0930-1600", liquidHours: "0930-1600" };
  }
}

/** The underlying's dividend yield the host assumes (ours): equities and equity indices 1%, others none. */
function yieldOf(u: MarketInstrument): number {
  return u.secType === "STK" || (u.secType === "IND" && u.symbol !== "ZN") ? 0.01 : 0;
}

/** The instant a YYYYMMDD date's liquid session closes in a zone. */
function expiryInstant(date: string, liquidHours: string, timeZone: string): number {
  const hh = Number(liquidHours.slice(5, 7));
  const mm = Number(liquidHours.slice(7, 9));
  const utc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)), hh, mm);
  const offset = new Date(utc).toLocaleString("en-US", { timeZone, timeZoneName: "longOffset" }).split("GMT")[1];
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset ?? "");
  return m ? utc - (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : utc;
}

const NON_DERIVATIVE = new Set(["STK", "IND", "CASH", "CRYPTO"]);
const MAX_CACHED = 50_000;

/**
 * A resolver over the host's universe on the host's day (`now` is the host clock). A conId resolves exactly; other
 * contracts match as REQ_CONTRACT_DATA does. Several matches resolve only when exactly one of them is not a
 * derivative and the contract names no expiry, strike or right (`AAPL` without a secType is the stock); otherwise
 * the contract is ambiguous and resolves to nothing. `EUR.USD` as a symbol is read as a forex local symbol.
 */
export function universeResolver(now: () => number): InstrumentResolver {
  const cache = new Map<number, MarketInstrument>();

  const toMarket = (u: Universe, i: Instrument): MarketInstrument => {
    const c = i.details.contract;
    const conId = c.conId!;
    const hit = cache.get(conId);
    if (hit) return hit;
    if (cache.size >= MAX_CACHED) cache.clear();
    const timeZone = i.details.timeZoneId ?? "US/Eastern";
    const sessions = sessionsOf(c.secType ?? "", timeZone);
    const secType = c.secType ?? "";
    const base = {
      symbol: c.symbol ?? "",
      secType,
      currency: c.currency ?? "USD",
      exchange: c.exchange ?? "",
      conId,
      minTick: i.details.minTick ?? 0.01,
      timeZone,
      ...sessions,
    };
    let instrument: MarketInstrument;
    const under = i.details.underConId ? u.byConId(i.details.underConId) : undefined;
    if ((secType === "FUT" || secType === "OPT") && under) {
      const underlying = toMarket(u, under);
      const terms: DerivativeTerms = {
        underlying,
        expiry: expiryInstant(c.lastTradeDateOrContractMonth ?? "", sessions.liquidHours!, timeZone),
        multiplier: Number(c.multiplier ?? "1"),
        yield: yieldOf(underlying),
        option: secType === "OPT" ? { right: c.right === "P" ? "P" : "C", strike: c.strike ?? 0 } : undefined,
      };
      instrument = {
        ...base,
        referencePrice: underlying.referencePrice,
        volatility: underlying.volatility,
        derivative: terms,
      };
    } else {
      const level = priceLevelOf(base.symbol, secType, base.currency);
      instrument = {
        ...base,
        referencePrice: level?.price ?? 100,
        // Treasuries: a price near par that moves like a bond's, not like a stock's.
        volatility: level?.volatility ?? (secType === "BOND" ? 0.05 : undefined),
        bboExchange: secType === "STK" ? level?.bboExchange : undefined,
        lotSize: secType === "CASH" ? 1000 : undefined,
      };
    }
    cache.set(conId, instrument);
    return instrument;
  };

  return (contract: Contract) => {
    const u = universeAt(now());
    if (contract.conId !== undefined && contract.conId > 0) {
      const cached = cache.get(contract.conId);
      if (cached) return cached;
      const i = u.byConId(contract.conId);
      return i ? toMarket(u, i) : undefined;
    }
    let hits = matchContract(u, contract);
    if (hits.length === 0 && contract.symbol?.includes(".")) {
      hits = matchContract(u, { ...contract, symbol: undefined, localSymbol: contract.symbol });
    }
    if (hits.length > 1) {
      const strike = contract.strike !== undefined && contract.strike !== 0 && contract.strike !== UNSET_DOUBLE;
      const specific = strike || !!contract.lastTradeDateOrContractMonth || !!contract.right;
      const plain = hits.filter((h) => NON_DERIVATIVE.has(h.details.contract.secType ?? ""));
      hits = !specific && plain.length === 1 ? plain : [];
    }
    return hits.length === 1 ? toMarket(u, hits[0]!) : undefined;
  };
}
