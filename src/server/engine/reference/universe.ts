import type { ContractDetails } from "../../../protocol/models/contract-details.js";
import { treasuries } from "./bonds.js";
import { type ChainUnderlying, type FutureRoot, futuresOf, optionChainOf } from "./derivatives.js";
import { hoursString, localDate, type ScheduleKind, ymd } from "./hours.js";
import { MarketRuleId, minTickOf, ORDER_TYPES, US_STOCK_EXCHANGES } from "./market-rules.js";
import { CHAIN_UNDERLYINGS, priceLevelOf } from "./price-levels.js";
import { type Instrument, SYNTHETIC_CONID_BASE, type UniverseSeed } from "./types.js";
import { UNIVERSE_SEEDS } from "./universe-data.js";

/**
 * The host's instrument universe on one day: the shipped entries (universe-data.ts, from instruments.json) with
 * their hours for that day, synthetic conIds where no source gives one, futures rolled from the day and option
 * chains. Built once per host day (in US/Eastern) and cached.
 */
export interface Universe {
  readonly day: string;
  readonly instruments: readonly Instrument[];
  byConId(conId: number): Instrument | undefined;
}

/** A stable synthetic conId for an entry no source gives one: 900,000,000 + a hash of its identity. */
export function syntheticConId(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return SYNTHETIC_CONID_BASE + (h % 900_000);
}

function ruleOf(seed: UniverseSeed): number {
  if (seed.secType === "STK") return MarketRuleId.US_STOCK;
  if (seed.secType === "CASH") return seed.currency === "JPY" ? MarketRuleId.FOREX_JPY : MarketRuleId.FOREX_HALF_PIP;
  if (seed.secType === "CRYPTO") return seed.symbol === "BTC" ? MarketRuleId.CRYPTO_QUARTER : MarketRuleId.CRYPTO_CENT;
  return MarketRuleId.INDEX;
}

const KIND: Record<string, ScheduleKind> = { STK: "us-equity", IND: "us-index", CASH: "forex", CRYPTO: "crypto" };

function seedDetails(seed: UniverseSeed, conId: number, epochMs: number): ContractDetails {
  const rule = ruleOf(seed);
  const exchanges = seed.secType === "STK" ? [...US_STOCK_EXCHANGES] : [seed.exchange];
  const kind = KIND[seed.secType] ?? "us-index";
  const isStock = seed.secType === "STK";
  const size = isStock ? "0.0001" : seed.secType === "CRYPTO" ? "0.00000001" : "1";
  return {
    contract: {
      conId,
      symbol: seed.symbol,
      secType: seed.secType,
      exchange: seed.exchange,
      primaryExchange: seed.primaryExchange || undefined,
      currency: seed.currency,
      localSymbol: seed.localSymbol || seed.symbol,
      tradingClass: seed.tradingClass || seed.symbol,
    },
    marketName: seed.tradingClass || seed.symbol,
    // The rule's smallest step; it equals the file's minTick wherever the file gives one.
    minTick: minTickOf(rule),
    orderTypes: ORDER_TYPES,
    validExchanges: exchanges.join(","),
    marketRuleIds: exchanges.map(() => rule).join(","),
    priceMagnifier: 1,
    longName: seed.longName || seed.localSymbol || seed.symbol,
    industry: seed.industry || undefined,
    category: seed.category || undefined,
    subcategory: seed.subcategory || undefined,
    timeZoneId: seed.timeZoneId,
    tradingHours: hoursString(kind, epochMs, seed.timeZoneId, false),
    liquidHours: hoursString(kind, epochMs, seed.timeZoneId, kind !== "forex"),
    secIdList: seed.isin ? [{ tag: "ISIN", value: seed.isin }] : undefined,
    aggGroup: 1,
    stockType: seed.stockType || undefined,
    minSize: size,
    sizeIncrement: size,
    suggestedSizeIncrement: isStock ? "100" : size,
  };
}

/** Futures roots: exchange, multiplier and cycle from instruments.json; the root index conIds are synthetic. */
const ROOT_SPECS: Record<string, Pick<FutureRoot, "exchange" | "ruleId" | "lastTrade" | "longName">> = {
  ES: { exchange: "CME", ruleId: MarketRuleId.FUTURE_QUARTER, lastTrade: "third-friday", longName: "E-mini S&P 500" },
  NQ: {
    exchange: "CME",
    ruleId: MarketRuleId.FUTURE_QUARTER,
    lastTrade: "third-friday",
    longName: "E-mini Nasdaq-100",
  },
  ZN: {
    exchange: "CBOT",
    ruleId: MarketRuleId.FUTURE_64TH,
    lastTrade: "seventh-business-day-before-month-end",
    longName: "10-Year T-Note",
  },
};

/** Builds the universe for the host's day of `epochMs`. */
export function buildUniverse(epochMs: number): Universe {
  const instruments: Instrument[] = [];
  const roots: FutureRoot[] = [];
  const chains: ChainUnderlying[] = [];
  for (const seed of UNIVERSE_SEEDS) {
    if (seed.secType === "FUT") {
      const spec = ROOT_SPECS[seed.symbol];
      if (!spec) continue;
      // The root's index, on which the futures hang (synthetic: no source gives its conId).
      const index = rootIndex(seed, spec, epochMs);
      instruments.push(index);
      roots.push({
        ...spec,
        index: roots.length,
        symbol: seed.symbol,
        multiplier: seed.multiplier,
        underConId: index.details.contract.conId!,
      });
      continue;
    }
    const synthetic = seed.conId === null;
    const conId = seed.conId ?? syntheticConId(`${seed.symbol}|${seed.secType}|${seed.currency}|${seed.exchange}`);
    const details = seedDetails(seed, conId, epochMs);
    instruments.push({
      details,
      confidence: synthetic ? `${seed.confidence}, synthetic conId` : seed.confidence,
      synthetic,
    });
    const level = priceLevelOf(seed.symbol, seed.secType, seed.currency);
    if (level && seed.secType === "STK" && CHAIN_UNDERLYINGS.includes(seed.symbol)) {
      const longName = details.longName ?? seed.symbol;
      chains.push({
        index: chains.length,
        symbol: seed.symbol,
        conId,
        secType: "STK",
        longName,
        refPrice: level.price,
      });
    }
  }
  for (const root of roots) instruments.push(...futuresOf(root, epochMs));
  for (const u of chains) instruments.push(...optionChainOf(u, epochMs));
  instruments.push(...treasuries(epochMs));
  const byConId = new Map<number, Instrument>();
  for (const i of instruments) {
    const id = i.details.contract.conId!;
    if (byConId.has(id)) throw new Error(`conId ${id} is given to two instruments`);
    byConId.set(id, i);
  }
  return { day: ymd(localDate(epochMs, "US/Eastern")), instruments, byConId: (id) => byConId.get(id) };
}

function rootIndex(seed: UniverseSeed, spec: (typeof ROOT_SPECS)[string], epochMs: number): Instrument {
  const conId = syntheticConId(`${seed.symbol}|IND|${spec.exchange}`);
  const details: ContractDetails = {
    contract: { conId, symbol: seed.symbol, secType: "IND", exchange: spec.exchange, currency: "USD" },
    marketName: seed.symbol,
    minTick: minTickOf(MarketRuleId.INDEX),
    validExchanges: spec.exchange,
    marketRuleIds: String(MarketRuleId.INDEX),
    priceMagnifier: 1,
    longName: spec.longName,
    timeZoneId: "US/Central",
    tradingHours: hoursString("cme-futures", epochMs, "US/Central", false),
    liquidHours: hoursString("cme-futures", epochMs, "US/Central", true),
  };
  details.contract.localSymbol = seed.symbol;
  return { details, confidence: "synthetic", synthetic: true };
}

let cached: Universe | undefined;

/** The universe of the host's day of `epochMs` (rebuilt when the day in US/Eastern changes). */
export function universeAt(epochMs: number): Universe {
  const day = ymd(localDate(epochMs, "US/Eastern"));
  if (cached?.day !== day) cached = buildUniverse(epochMs);
  return cached;
}
