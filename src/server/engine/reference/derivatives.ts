import type { ContractDetails } from "../../../protocol/models/contract-details.js";
import { addDays, hoursString, isBusinessDay, localDate, ymd } from "./hours.js";
import { MarketRuleId, minTickOf, OPTION_EXCHANGES, ORDER_TYPES } from "./market-rules.js";
import type { Instrument } from "./types.js";

/**
 * Generated derivatives: quarterly futures rolled from the host's date and option chains around a reference price.
 * Their conIds are synthetic and depend only on the contract (root, expiry, strike, right), never on the day they
 * were generated, so a contract keeps its conId as the host's clock moves on.
 */

/** Futures conIds: 901,000,000 + root × 10,000 + two-digit year × 100 + month. */
const FUTURE_CONID_BASE = 901_000_000;
/** Option conIds: 1,000,000,000 + ((underlying × 4000 + day) × 4000 + strike × 2) × 2 + (1 for calls). */
const OPTION_CONID_BASE = 1_000_000_000;
const DAY_ZERO = Date.UTC(2024, 0, 1);
const QUARTER_CODES: Record<number, string> = { 3: "H", 6: "M", 9: "U", 12: "Z" };

/** A futures root the universe rolls. */
export interface FutureRoot {
  readonly index: number;
  readonly symbol: string;
  readonly exchange: string;
  readonly multiplier: string;
  readonly longName: string;
  readonly ruleId: number;
  readonly underConId: number;
  /** How the last trade date falls in the contract month. */
  readonly lastTrade: "third-friday" | "seventh-business-day-before-month-end";
}

/** The third Friday of a month (UTC midnight date). */
export function thirdFriday(year: number, month: number): Date {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const firstFriday = 1 + ((5 - first.getUTCDay() + 7) % 7);
  return new Date(Date.UTC(year, month - 1, firstFriday + 14));
}

function lastTradeDate(root: FutureRoot, year: number, month: number): Date {
  if (root.lastTrade === "third-friday") return thirdFriday(year, month);
  // CBOT Treasury note futures: the seventh business day before the last business day of the month.
  let day = new Date(Date.UTC(year, month, 0));
  while (!isBusinessDay(day)) day = addDays(day, -1);
  for (let n = 0; n < 7; n++) {
    day = addDays(day, -1);
    while (!isBusinessDay(day)) day = addDays(day, -1);
  }
  return day;
}

/** The next `count` quarterly contracts of `root` whose last trade date is not before the host's day. */
export function futuresOf(root: FutureRoot, epochMs: number, count = 4): Instrument[] {
  const zone = "US/Central";
  const today = localDate(epochMs, zone);
  let year = today.getUTCFullYear();
  let month = Math.ceil((today.getUTCMonth() + 1) / 3) * 3;
  const out: Instrument[] = [];
  while (out.length < count) {
    const last = lastTradeDate(root, year, month);
    if (last.getTime() >= today.getTime()) {
      const contractMonth = `${year}${String(month).padStart(2, "0")}`;
      const details: ContractDetails = {
        contract: {
          conId: FUTURE_CONID_BASE + root.index * 10_000 + (year % 100) * 100 + month,
          symbol: root.symbol,
          secType: "FUT",
          lastTradeDateOrContractMonth: ymd(last),
          exchange: root.exchange,
          currency: "USD",
          localSymbol: `${root.symbol}${QUARTER_CODES[month]}${year % 10}`,
          tradingClass: root.symbol,
          multiplier: root.multiplier,
        },
        marketName: root.symbol,
        minTick: minTickOf(root.ruleId),
        orderTypes: ORDER_TYPES,
        validExchanges: root.exchange,
        marketRuleIds: String(root.ruleId),
        priceMagnifier: 1,
        underConId: root.underConId,
        underSymbol: root.symbol,
        underSecType: "IND",
        longName: root.longName,
        contractMonth,
        realExpirationDate: ymd(last),
        timeZoneId: zone,
        tradingHours: hoursString("cme-futures", epochMs, zone, false),
        liquidHours: hoursString("cme-futures", epochMs, zone, true),
        aggGroup: 2,
        minSize: "1",
        sizeIncrement: "1",
        suggestedSizeIncrement: "1",
      };
      out.push({ details, confidence: "synthetic", synthetic: true });
    }
    month += 3;
    if (month > 12) {
      month = 3;
      year += 1;
    }
  }
  return out;
}

/** An option chain's underlying. */
export interface ChainUnderlying {
  readonly index: number;
  readonly symbol: string;
  readonly conId: number;
  readonly secType: string;
  readonly longName: string;
  readonly refPrice: number;
}

/** The strike step of a chain around `price`. */
export function strikeStep(price: number): number {
  if (price < 100) return 1;
  if (price < 250) return 2.5;
  if (price < 1000) return 5;
  return 25;
}

/** 21 strikes centred on the reference price. */
export function strikesOf(price: number): number[] {
  const step = strikeStep(price);
  const centre = Math.round(price / step) * step;
  return Array.from({ length: 21 }, (_, i) => centre + (i - 10) * step);
}

/** The next four Fridays from the host's day (itself if a Friday) and the third Fridays of the next two months. */
export function expiriesOf(epochMs: number): string[] {
  const today = localDate(epochMs, "US/Eastern");
  const firstFriday = addDays(today, (5 - today.getUTCDay() + 7) % 7);
  const days = [0, 1, 2, 3].map((w) => addDays(firstFriday, 7 * w));
  for (let m = 1; m <= 2; m++) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + m, 1));
    days.push(thirdFriday(d.getUTCFullYear(), d.getUTCMonth() + 1));
  }
  return [...new Set(days.map(ymd))].sort();
}

/** The OCC symbol IB uses as an option's localSymbol: root padded to 6, YYMMDD, C/P, strike × 1000 in 8 digits. */
export function occSymbol(symbol: string, expiry: string, right: "C" | "P", strike: number): string {
  return `${symbol.padEnd(6)}${expiry.slice(2)}${right}${String(Math.round(strike * 1000)).padStart(8, "0")}`;
}

function optionConId(u: ChainUnderlying, expiry: string, strike: number, right: "C" | "P"): number {
  const t = Date.UTC(Number(expiry.slice(0, 4)), Number(expiry.slice(4, 6)) - 1, Number(expiry.slice(6, 8)));
  const day = Math.round((t - DAY_ZERO) / 86_400_000) % 4000;
  const key = Math.round(strike * 2) % 4000;
  return OPTION_CONID_BASE + ((u.index * 4000 + day) * 4000 + key) * 2 + (right === "C" ? 1 : 0);
}

/** Every option of an underlying's chain on the host's day: each expiry × strike × right. */
export function optionChainOf(u: ChainUnderlying, epochMs: number): Instrument[] {
  const zone = "US/Eastern";
  const tradingHours = hoursString("us-equity", epochMs, zone, true);
  const exchanges = OPTION_EXCHANGES.map(([e]) => e);
  const out: Instrument[] = [];
  for (const expiry of expiriesOf(epochMs)) {
    for (const strike of strikesOf(u.refPrice)) {
      for (const right of ["C", "P"] as const) {
        const details: ContractDetails = {
          contract: {
            conId: optionConId(u, expiry, strike, right),
            symbol: u.symbol,
            secType: "OPT",
            lastTradeDateOrContractMonth: expiry,
            strike,
            right,
            exchange: "SMART",
            currency: "USD",
            localSymbol: occSymbol(u.symbol, expiry, right, strike),
            tradingClass: u.symbol,
            multiplier: "100",
          },
          marketName: u.symbol,
          minTick: minTickOf(MarketRuleId.OPTION_PENNY),
          orderTypes: ORDER_TYPES,
          validExchanges: exchanges.join(","),
          marketRuleIds: OPTION_EXCHANGES.map(([, r]) => r).join(","),
          priceMagnifier: 1,
          underConId: u.conId,
          underSymbol: u.symbol,
          underSecType: u.secType,
          longName: u.longName,
          contractMonth: expiry.slice(0, 6),
          realExpirationDate: expiry,
          timeZoneId: zone,
          tradingHours,
          liquidHours: tradingHours,
          aggGroup: 2,
          minSize: "1",
          sizeIncrement: "1",
          suggestedSizeIncrement: "1",
        };
        out.push({ details, confidence: "synthetic", synthetic: true, chainExchanges: exchanges });
      }
    }
  }
  return out;
}
