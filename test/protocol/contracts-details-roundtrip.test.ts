import fc from "fast-check";
import { describe, it } from "vitest";
import type { WireForm } from "../../src/protocol/messages/codec.js";
import {
  type BondContractDataMessage,
  bondContractData,
} from "../../src/protocol/messages/contracts/bond-contract-data.js";
import { type ContractDataMessage, contractData } from "../../src/protocol/messages/contracts/contract-data.js";
import { contractDataEnd } from "../../src/protocol/messages/contracts/contract-requests.js";
import { ServerVersion as SV } from "../../src/protocol/server-versions.js";
import { UNSET_DOUBLE } from "../../src/protocol/values.js";
import { checkRoundTrip } from "../harness/roundtrip.js";

/** Property round trips of CONTRACT_DATA, BOND_CONTRACT_DATA and CONTRACT_DATA_END, every layout and form. */

/** Reply text: any Unicode but NUL; no backslash, which a text longName must only carry as a valid escape. */
const text = fc.string({ unit: "grapheme", maxLength: 8 }).filter((s) => !s.includes("\0") && !s.includes("\\"));
/** A protobuf string: never empty where a builder leaves empty strings out. */
const pbText = fc.string({ minLength: 1, maxLength: 8 });
/** int32 without UNSET_INTEGER, which the text replies read back as unset (contracts-details.test.ts). */
const int = fc.integer({ min: -2147483648, max: 2147483646 });
const double = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter((x) => x !== UNSET_DOUBLE && x !== -UNSET_DOUBLE && !Object.is(x, -0));
const decimal = fc.oneof(fc.constantFrom("0.0001", "100", "12.5", "1E+2"), fc.nat(99999).map(String));
const multiplier = fc.integer({ min: 1, max: 10000 }).map(String);
/** Security ids: distinct tags, in key order and not integer-like, as a protobuf map gives them back. */
const tagValues = fc
  .uniqueArray(fc.record({ tag: pbText.filter((t) => !/^(0|[1-9]\d*)$/.test(t)), value: fc.string() }), {
    minLength: 1,
    maxLength: 3,
    selector: (t) => t.tag,
  })
  .map((list) => list.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)));
const reasons = fc.array(fc.record({ id: fc.string(), description: fc.string() }), { minLength: 1, maxLength: 2 });

/** Keeps the keys of `value` whose condition holds. */
function only<T extends object>(value: T, keep: Partial<Record<keyof T, boolean>>): T {
  const out = { ...value };
  for (const [k, ok] of Object.entries(keep)) if (!ok) delete (out as Record<string, unknown>)[k];
  return out;
}

// ---- CONTRACT_DATA and BOND_CONTRACT_DATA

const fundFields = {
  fundName: text,
  fundFamily: text,
  fundType: text,
  fundFrontLoad: text,
  fundBackLoad: text,
  fundBackLoadTimeInterval: text,
  fundManagementFee: text,
  fundClosed: fc.boolean(),
  fundClosedForNewInvestors: fc.boolean(),
  fundClosedForNewMoney: fc.boolean(),
  fundNotifyAmount: text,
  fundMinimumInitialPurchase: text,
  fundSubsequentMinimumPurchase: text,
  fundBlueSkyStates: text,
  fundBlueSkyTerritories: text,
  fundDistributionPolicyIndicator: fc.constantFrom("N", "Y", ""),
  fundAssetType: fc.constantFrom("000", "004", "007", ""),
};
const intOrUnset = fc.option(int, { nil: undefined });
const doubleOrUnset = fc.option(double, { nil: undefined });
const decimalOrUnset = fc.option(decimal, { nil: undefined });

function textContractData(sv: number) {
  const contract = fc
    .record({
      symbol: text,
      secType: fc.constantFrom("STK", "OPT", "FUT", "FUND", ""),
      lastTradeDateOrContractMonth: fc.constantFrom("", "20251017", "20251017 16:00 US/Eastern", "20251120-13:30"),
      lastTradeDate: text,
      strike: doubleOrUnset,
      right: text,
      exchange: text,
      currency: text,
      localSymbol: text,
      tradingClass: text,
      conId: int,
      multiplier: text,
      primaryExchange: text,
    })
    .map((c) => only(c, { lastTradeDate: sv >= SV.LAST_TRADE_DATE }));
  const details = fc
    .record({
      contract,
      marketName: text,
      minTick: doubleOrUnset,
      orderTypes: text,
      validExchanges: text,
      priceMagnifier: intOrUnset,
      underConId: intOrUnset,
      longName: text,
      contractMonth: text,
      industry: text,
      category: text,
      subcategory: text,
      timeZoneId: text,
      tradingHours: text,
      liquidHours: text,
      evRule: text,
      evMultiplier: intOrUnset,
      secIdList: fc.option(tagValues, { nil: undefined }),
      aggGroup: intOrUnset,
      underSymbol: text,
      underSecType: text,
      marketRuleIds: text,
      realExpirationDate: text,
      stockType: text,
      minSize: decimalOrUnset,
      sizeIncrement: decimalOrUnset,
      suggestedSizeIncrement: decimalOrUnset,
      ...fundFields,
      ineligibilityReasonList: fc.option(reasons, { nil: undefined }),
    })
    .map((d) => {
      const fund = sv >= SV.FUND_DATA_FIELDS && d.contract.secType === "FUND";
      const keep: Record<string, boolean> = {
        aggGroup: sv >= SV.AGG_GROUP,
        underSymbol: sv >= SV.UNDERLYING_INFO,
        underSecType: sv >= SV.UNDERLYING_INFO,
        marketRuleIds: sv >= SV.MARKET_RULES,
        realExpirationDate: sv >= SV.REAL_EXPIRATION_DATE,
        stockType: sv >= SV.STOCK_TYPE,
        minSize: sv >= SV.SIZE_RULES,
        sizeIncrement: sv >= SV.SIZE_RULES,
        suggestedSizeIncrement: sv >= SV.SIZE_RULES,
        ineligibilityReasonList: sv >= SV.INELIGIBILITY_REASONS,
      };
      for (const k of Object.keys(fundFields)) keep[k] = fund;
      return only(d, keep);
    });
  const mdSizeMultiplier = sv >= SV.MD_SIZE_MULTIPLIER && sv < SV.SIZE_RULES ? int : fc.constant(undefined);
  const sizeMinTick = sv === SV.FRACTIONAL_SIZE_SUPPORT ? decimalOrUnset : fc.constant(undefined);
  return fc.record({ reqId: int, contractDetails: details, mdSizeMultiplier, sizeMinTick });
}

function textBondContractData(sv: number) {
  const contract = fc.record({
    symbol: text,
    secType: text,
    exchange: text,
    currency: text,
    tradingClass: text,
    conId: int,
  });
  const details = fc
    .record({
      contract,
      cusip: text,
      coupon: doubleOrUnset,
      maturity: fc.constantFrom("", "20260219", "20260219 16:00:00 US/Eastern"),
      issueDate: text,
      ratings: text,
      bondType: text,
      couponType: text,
      convertible: fc.boolean(),
      callable: fc.boolean(),
      putable: fc.boolean(),
      descAppend: text,
      marketName: text,
      minTick: doubleOrUnset,
      orderTypes: text,
      validExchanges: text,
      nextOptionDate: text,
      nextOptionType: text,
      nextOptionPartial: fc.boolean(),
      notes: text,
      longName: text,
      timeZoneId: text,
      tradingHours: text,
      liquidHours: text,
      evRule: text,
      evMultiplier: intOrUnset,
      secIdList: fc.option(tagValues, { nil: undefined }),
      aggGroup: intOrUnset,
      marketRuleIds: text,
      minSize: decimalOrUnset,
      sizeIncrement: decimalOrUnset,
      suggestedSizeIncrement: decimalOrUnset,
    })
    .map((d) => {
      const hours = sv >= SV.BOND_TRADING_HOURS;
      const sizes = sv >= SV.SIZE_RULES;
      return only(d, {
        timeZoneId: hours,
        tradingHours: hours,
        liquidHours: hours,
        aggGroup: sv >= SV.AGG_GROUP,
        marketRuleIds: sv >= SV.MARKET_RULES,
        minSize: sizes,
        sizeIncrement: sizes,
        suggestedSizeIncrement: sizes,
      });
    });
  const mdSizeMultiplier = sv >= SV.MD_SIZE_MULTIPLIER && sv < SV.SIZE_RULES ? int : fc.constant(undefined);
  return fc.record({ reqId: int, contractDetails: details, mdSizeMultiplier });
}

/** A reply contract as protobuf carries it: any subset of the fields the mapping knows. */
const protoContract = fc.record(
  {
    conId: int,
    symbol: fc.string(),
    secType: fc.string(),
    lastTradeDateOrContractMonth: fc.string(),
    lastTradeDate: fc.string(),
    strike: double,
    right: fc.string(),
    multiplier,
    exchange: fc.string(),
    primaryExchange: fc.string(),
    currency: fc.string(),
    localSymbol: fc.string(),
    tradingClass: fc.string(),
    secIdType: fc.string(),
    secId: fc.string(),
    description: fc.string(),
    issuerId: fc.string(),
    includeExpired: fc.boolean(),
  },
  { requiredKeys: [] },
);

const s = fc.string();
const b = fc.boolean();
const protoDetails = fc.record(
  {
    contract: protoContract,
    marketName: s,
    minTick: double,
    orderTypes: s,
    validExchanges: s,
    priceMagnifier: int,
    underConId: int,
    longName: s,
    contractMonth: s,
    industry: s,
    category: s,
    subcategory: s,
    timeZoneId: s,
    tradingHours: s,
    liquidHours: s,
    evRule: s,
    evMultiplier: double,
    secIdList: tagValues,
    aggGroup: int,
    underSymbol: s,
    underSecType: s,
    marketRuleIds: s,
    realExpirationDate: s,
    stockType: s,
    minSize: decimal,
    sizeIncrement: decimal,
    suggestedSizeIncrement: decimal,
    minAlgoSize: decimal,
    lastPricePrecision: decimal,
    lastSizePrecision: decimal,
    cusip: s,
    ratings: s,
    descAppend: s,
    bondType: s,
    couponType: s,
    callable: b,
    putable: b,
    coupon: double,
    convertible: b,
    issueDate: s,
    nextOptionDate: s,
    nextOptionType: s,
    nextOptionPartial: b,
    notes: s,
    ...fundFields,
    ineligibilityReasonList: fc.array(fc.record({ id: fc.string(), description: fc.string() }, { requiredKeys: [] }), {
      minLength: 1,
      maxLength: 2,
    }),
    eventContract1: s,
    eventContractDescription1: s,
    eventContractDescription2: s,
    settlementMethod: s,
  },
  { requiredKeys: ["contract"] },
);
const protoContractData = fc.record({ reqId: int, contractDetails: fc.option(protoDetails, { nil: undefined }) });

describe("contracts round trips: contract details", () => {
  const numRuns = 25;
  it("CONTRACT_DATA", () => {
    checkRoundTrip<ContractDataMessage>(
      contractData,
      (sv, form: WireForm) =>
        (form === "text" ? textContractData(sv) : protoContractData) as fc.Arbitrary<ContractDataMessage>,
      { numRuns },
    );
  });
  it("BOND_CONTRACT_DATA", () => {
    checkRoundTrip<BondContractDataMessage>(
      bondContractData,
      (sv, form: WireForm) =>
        (form === "text" ? textBondContractData(sv) : protoContractData) as fc.Arbitrary<BondContractDataMessage>,
      { numRuns },
    );
  });
  it("CONTRACT_DATA_END", () => checkRoundTrip(contractDataEnd, () => fc.record({ reqId: int })));
});
