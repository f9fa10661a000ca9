import type { PriceIncrement } from "../../../protocol/models/market-data.js";
import { CITED_MARKET_RULES } from "./universe-data.js";

/**
 * Market rules: the price increments behind `marketRuleIds`. Only rule 26 (0 → 0.01, US stocks) is cited; the
 * other real ids keep their cited use with increments we assume, and the ids from 90001 up are ours, for
 * contracts whose real rule id no source gives (docs/decisions/0005-instrument-universe.md).
 */
export const MarketRuleId = {
  /** US stocks and ETFs on every exchange (cited, increments cited). */
  US_STOCK: 26,
  /** Options on SMART, NASDAQOM, NASDAQBX (cited use; increments assumed: a flat 0.01). */
  OPTION_PENNY: 32,
  /** Options on the other US option exchanges (cited use; increments assumed: 0.01 below 3, 0.05 from 3). */
  OPTION_NICKEL: 109,
  /** EUR.USD on IDEALPRO (Dec 2023 capture; increments assumed from its minTick: 0.00005). */
  FOREX_HALF_PIP: 3188,
  /** Ours: JPY-quoted pairs, 0.005. */
  FOREX_JPY: 90001,
  /** Ours: index values, 0.01. */
  INDEX: 90002,
  /** Ours: ES and NQ futures, 0.25. */
  FUTURE_QUARTER: 90003,
  /** Ours: ZN futures, 1/64. */
  FUTURE_64TH: 90004,
  /** Ours: BTC on PAXOS, 0.25. */
  CRYPTO_QUARTER: 90005,
  /** Ours: ETH and LTC on PAXOS, 0.01. */
  CRYPTO_CENT: 90006,
  /** Ours: US Treasuries in percent of par, 1/256 (the 32nds' quarter-tick convention, in decimal). */
  TREASURY: 90007,
} as const;

const flat = (increment: number): PriceIncrement[] => [{ lowEdge: 0, increment }];

/** Every rule the host knows, by id. */
export const MARKET_RULES: ReadonlyMap<number, readonly PriceIncrement[]> = new Map<number, PriceIncrement[]>([
  [MarketRuleId.US_STOCK, CITED_MARKET_RULES[26].map((r) => ({ ...r }))],
  [MarketRuleId.OPTION_PENNY, flat(0.01)],
  [
    MarketRuleId.OPTION_NICKEL,
    [
      { lowEdge: 0, increment: 0.01 },
      { lowEdge: 3, increment: 0.05 },
    ],
  ],
  [MarketRuleId.FOREX_HALF_PIP, flat(0.00005)],
  [MarketRuleId.FOREX_JPY, flat(0.005)],
  [MarketRuleId.INDEX, flat(0.01)],
  [MarketRuleId.FUTURE_QUARTER, flat(0.25)],
  [MarketRuleId.FUTURE_64TH, flat(0.015625)],
  [MarketRuleId.CRYPTO_QUARTER, flat(0.25)],
  [MarketRuleId.CRYPTO_CENT, flat(0.01)],
  [MarketRuleId.TREASURY, flat(0.00390625)],
]);

/** The smallest increment of a rule: what `minTick` reports. */
export function minTickOf(ruleId: number): number {
  const rule = MARKET_RULES.get(ruleId);
  if (!rule) throw new Error(`market rule ${ruleId} is not defined`);
  return Math.min(...rule.map((r) => r.increment ?? Number.POSITIVE_INFINITY));
}

/** The exchanges a US stock routes to (AAPL's cited 2025 list), SMART first. */
export const US_STOCK_EXCHANGES = [
  "SMART",
  "AMEX",
  "NYSE",
  "CBOE",
  "PHLX",
  "ISE",
  "CHX",
  "ARCA",
  "ISLAND",
  "DRCTEDGE",
  "BEX",
  "BATS",
  "EDGEA",
  "BYX",
  "IEX",
  "EDGX",
  "FOXRIVER",
  "PEARL",
  "NYSENAT",
  "LTSE",
  "MEMX",
  "IBEOS",
  "OVERNIGHT",
  "TPLUS0",
  "PSX",
  "T24X",
] as const;

/** US option exchanges of a generated chain, with the rule each uses (the TSLA option fixture's pattern). */
export const OPTION_EXCHANGES: readonly (readonly [exchange: string, rule: number])[] = [
  ["SMART", MarketRuleId.OPTION_PENNY],
  ["AMEX", MarketRuleId.OPTION_NICKEL],
  ["CBOE", MarketRuleId.OPTION_NICKEL],
  ["PHLX", MarketRuleId.OPTION_NICKEL],
  ["ISE", MarketRuleId.OPTION_NICKEL],
  ["BOX", MarketRuleId.OPTION_NICKEL],
  ["NASDAQOM", MarketRuleId.OPTION_PENNY],
  ["NASDAQBX", MarketRuleId.OPTION_PENNY],
];

/** Order types the host lists for every contract (a subset of what TWS lists). */
export const ORDER_TYPES =
  "ACTIVETIM,AD,ADJUST,ALERT,ALGO,ALLOC,AVGCOST,BASKET,COND,CONDORDER,DAY,DEACT,GAT,GTC,GTD,GTT,HID,IOC,LIT,LMT,MIT,MKT,MOC,MTL,NONALGO,OCA,OPG,PEGMID,REL,RTH,SCALE,SNAPMID,STP,STPLMT,TRAIL,TRAILLIT,TRAILLMT,TRAILMIT,WHATIF";
