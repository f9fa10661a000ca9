import type { Contract } from "../../../protocol/models/contract.js";
import type { ContractDescription } from "../../../protocol/models/contract-description.js";
import { UNSET_DOUBLE } from "../../../protocol/values.js";
import type { Instrument } from "./types.js";
import type { Universe } from "./universe.js";

/**
 * Matching a REQ_CONTRACT_DATA's contract and a REQ_MATCHING_SYMBOLS pattern against the universe. A conId
 * matches exactly (the other fields are then ignored, as TWS does); otherwise every field the request sets must
 * agree: symbol, secType, exchange (any valid exchange), primaryExchange, currency, expiry (a YYYYMM prefix
 * matches every day of the month), strike, right (C/CALL, P/PUT), multiplier, localSymbol, tradingClass, and an
 * secId (ISIN, or CUSIP for bonds).
 */

const same = (a: string | undefined, b: string | undefined) => (a ?? "").toUpperCase() === (b ?? "").toUpperCase();
const given = (s: string | undefined): s is string => s !== undefined && s.trim() !== "";
const rightOf = (r: string | undefined) => (r ?? "").toUpperCase().slice(0, 1);

/** The instruments a request's contract names (none when it sets nothing to match on). */
export function matchContract(universe: Universe, q: Contract): Instrument[] {
  if (q.conId !== undefined && q.conId > 0) {
    const hit = universe.byConId(q.conId);
    return hit ? [hit] : [];
  }
  const hasStrike = q.strike !== undefined && q.strike !== 0 && q.strike !== UNSET_DOUBLE;
  const criteria = [q.symbol, q.localSymbol, q.secId].some(given);
  if (!criteria) return [];
  return universe.instruments.filter(({ details: d }) => {
    const c = d.contract;
    if (given(q.symbol) && !same(q.symbol, c.symbol)) return false;
    if (given(q.secType) && !same(q.secType, c.secType)) return false;
    if (given(q.exchange) && !(d.validExchanges ?? "").toUpperCase().split(",").includes(q.exchange.toUpperCase())) {
      return false;
    }
    if (given(q.primaryExchange) && !same(q.primaryExchange, c.primaryExchange)) return false;
    if (given(q.currency) && !same(q.currency, c.currency)) return false;
    if (
      given(q.lastTradeDateOrContractMonth) &&
      !(c.lastTradeDateOrContractMonth ?? "").startsWith(q.lastTradeDateOrContractMonth)
    ) {
      return false;
    }
    if (hasStrike && c.strike !== q.strike) return false;
    if (given(q.right) && rightOf(q.right) !== rightOf(c.right)) return false;
    if (given(q.multiplier) && Number(q.multiplier) !== Number(c.multiplier)) return false;
    if (given(q.localSymbol) && !same(q.localSymbol.replace(/\s+/g, " "), c.localSymbol?.replace(/\s+/g, " "))) {
      return false;
    }
    if (given(q.tradingClass) && !same(q.tradingClass, c.tradingClass)) return false;
    if (given(q.secId)) {
      const type = given(q.secIdType) ? q.secIdType.toUpperCase() : undefined;
      if (!d.secIdList?.some((t) => (type === undefined || t.tag === type) && same(t.value, q.secId))) return false;
    }
    return true;
  });
}

/** TWS's limit on symbol search answers. */
export const MAX_SYMBOL_SAMPLES = 16;

/** Security types a symbol search lists (derivatives appear as derivativeSecTypes of their underlying). */
const LISTED = new Set(["STK", "IND", "CASH", "CRYPTO"]);

/**
 * REQ_MATCHING_SYMBOLS: symbols starting with the pattern first (exact match first), then descriptions with a
 * word starting with it; at most 16.
 */
export function matchSymbols(universe: Universe, pattern: string): ContractDescription[] {
  const p = pattern.trim().toUpperCase();
  if (p === "") return [];
  const listed = universe.instruments.filter((i) => LISTED.has(i.details.contract.secType ?? ""));
  const score = (i: Instrument): number => {
    const sym = (i.details.contract.symbol ?? "").toUpperCase();
    if (sym === p) return 0;
    if (sym.startsWith(p)) return 1;
    const words = (i.details.longName ?? "").toUpperCase().split(/[^A-Z0-9]+/);
    return words.some((w) => w.startsWith(p)) ? 2 : 3;
  };
  const hits = listed
    .map((i) => ({ i, s: score(i) }))
    .filter((h) => h.s < 3)
    .sort((a, b) => a.s - b.s || (a.i.details.contract.symbol ?? "").localeCompare(b.i.details.contract.symbol ?? ""));
  return hits.slice(0, MAX_SYMBOL_SAMPLES).map(({ i }) => describe(universe, i));
}

function describe(universe: Universe, i: Instrument): ContractDescription {
  const c = i.details.contract;
  const derived = new Set<string>();
  for (const other of universe.instruments) {
    if (other.details.underConId === c.conId && other.details.contract.secType)
      derived.add(other.details.contract.secType);
  }
  return {
    contract: {
      conId: c.conId,
      symbol: c.symbol,
      secType: c.secType,
      primaryExchange: c.primaryExchange ?? c.exchange,
      currency: c.currency,
      description: i.details.longName,
      issuerId: "",
    },
    derivativeSecTypes: [...derived].sort(),
  };
}
