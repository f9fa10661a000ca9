import type { ContractDetails } from "../../../protocol/models/contract-details.js";
import { hoursString } from "./hours.js";
import { MarketRuleId, minTickOf } from "./market-rules.js";
import type { Instrument } from "./types.js";

/**
 * Synthetic US Treasuries, for REQ_CONTRACT_DATA with secType BOND (answered with BOND_CONTRACT_DATA). Nothing
 * here is a real security: the CUSIPs use issuer number 91SIMU (letters no real Treasury issuer has), with a valid
 * check digit, and conIds from 902,000,000. As IB lists bonds, the contract's symbol is the CUSIP and the
 * description (`descAppend`) reads like `T 4 1/4 11/15/34`.
 */

/** The bonds: term, coupon (percent), maturity and issue date (YYYYMMDD). */
const TREASURIES: readonly { issue: string; kind: string; coupon: number; maturity: string; issued: string }[] = [
  { issue: "A1", kind: "US T-NOTE", coupon: 3.875, maturity: "20280930", issued: "20250930" },
  { issue: "A2", kind: "US T-NOTE", coupon: 4.125, maturity: "20301130", issued: "20251130" },
  { issue: "A3", kind: "US T-NOTE", coupon: 4.25, maturity: "20331115", issued: "20231115" },
  { issue: "A4", kind: "US T-NOTE", coupon: 4.375, maturity: "20350815", issued: "20250815" },
  { issue: "B1", kind: "US T-BOND", coupon: 4.625, maturity: "20451115", issued: "20251115" },
  { issue: "B2", kind: "US T-BOND", coupon: 4.75, maturity: "20550815", issued: "20250815" },
];

const ISSUER = "91SIMU";
const BOND_CONID_BASE = 902_000_000;

/** The CUSIP check digit (modulus 10, double-add-double over the first eight characters). */
export function cusipCheckDigit(first8: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8.charCodeAt(i);
    let v = ch >= 48 && ch <= 57 ? ch - 48 : ch >= 65 && ch <= 90 ? ch - 55 : -1;
    if (v < 0) throw new RangeError(`not a CUSIP character: ${first8[i]}`);
    if (i % 2 === 1) v *= 2;
    sum += Math.floor(v / 10) + (v % 10);
  }
  return (10 - (sum % 10)) % 10;
}

/** The ISIN of a US CUSIP: `US` + CUSIP + the Luhn digit over the letters' numeric values. */
export function isinOf(cusip: string): string {
  const digits = `US${cusip}`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d *= 2;
    sum += Math.floor(d / 10) + (d % 10);
  }
  return `US${cusip}${(10 - (sum % 10)) % 10}`;
}

/** `4.25` → `4 1/4`, as bond descriptions write coupons. */
function couponText(coupon: number): string {
  const whole = Math.floor(coupon);
  const eighths = Math.round((coupon - whole) * 8);
  if (eighths === 0) return String(whole);
  const g = eighths % 2 === 0 ? (eighths % 4 === 0 ? 4 : 2) : 1;
  return `${whole} ${eighths / g}/${8 / g}`;
}

/** The Treasuries of the universe (their hours are those of the host's day of `epochMs`). */
export function treasuries(epochMs: number): Instrument[] {
  const zone = "US/Eastern";
  const tick = minTickOf(MarketRuleId.TREASURY);
  return TREASURIES.map((b, n) => {
    const first8 = `${ISSUER}${b.issue}`;
    const cusip = `${first8}${cusipCheckDigit(first8)}`;
    const m = b.maturity;
    const details: ContractDetails = {
      contract: {
        conId: BOND_CONID_BASE + n,
        symbol: cusip,
        secType: "BOND",
        exchange: "SMART",
        currency: "USD",
        localSymbol: cusip,
        tradingClass: "TREASURY",
      },
      marketName: "TREASURY",
      minTick: tick,
      orderTypes:
        "ACTIVETIM,AD,ADJUST,ALERT,ALLOC,AVGCOST,BASKET,COND,CONDORDER,DAY,DEACT,DEACTDIS,GAT,GTC,GTD,GTT,IOC,LMT,MIT,NONALGO,OCA,SCALE,SCALERST,STP,STPLMT,TRAIL,WHATIF",
      validExchanges: "SMART",
      marketRuleIds: String(MarketRuleId.TREASURY),
      priceMagnifier: 1,
      longName: "United States Treasury",
      timeZoneId: zone,
      tradingHours: hoursString("us-index", epochMs, zone, false),
      liquidHours: hoursString("us-index", epochMs, zone, true),
      secIdList: [
        { tag: "CUSIP", value: cusip },
        { tag: "ISIN", value: isinOf(cusip) },
      ],
      cusip,
      coupon: b.coupon,
      maturity: m,
      issueDate: b.issued,
      ratings: "AA+",
      bondType: b.kind,
      couponType: "FIXED",
      convertible: false,
      callable: false,
      putable: false,
      descAppend: `T ${couponText(b.coupon)} ${m.slice(4, 6)}/${m.slice(6, 8)}/${m.slice(2, 4)}`,
      nextOptionPartial: false,
      notes: "",
      aggGroup: 1,
      minSize: "1000",
      sizeIncrement: "1000",
      suggestedSizeIncrement: "1000",
    };
    return { details, confidence: "synthetic", synthetic: true };
  });
}
