import { ProtocolError } from "../../errors.js";
import type { ContractDetails, IneligibilityReason } from "../../models/contract-details.js";
import {
  ContractData,
  type ContractDetails as ContractDetailsProto,
  type Contract as ContractProto,
  type IneligibilityReason as IneligibilityReasonProto,
} from "../../proto/index.js";
import { isDecimalText, NO_VALID_ID } from "../../values.js";
import { contractFromProto, contractToProto, tagValueList, tagValueMap } from "../common/contract.js";
import { protobufForm } from "../spec.js";

/**
 * The protobuf `Contract` + `ContractDetails` pair of CONTRACT_DATA and BOND_CONTRACT_DATA, mapped as the
 * official `decodeContractDetails` reads it: every field present on the wire is set, nothing else, so a decoded
 * reply re-encodes to its bytes (minTick excepted when TWS spells it in a way `String(number)` does not).
 */

/** Fields with the same name and type in the model and in protobuf. */
const SAME_FIELDS = [
  "marketName",
  "orderTypes",
  "validExchanges",
  "priceMagnifier",
  "underConId",
  "longName",
  "contractMonth",
  "industry",
  "category",
  "subcategory",
  "timeZoneId",
  "tradingHours",
  "liquidHours",
  "evRule",
  "evMultiplier",
  "aggGroup",
  "underSymbol",
  "underSecType",
  "marketRuleIds",
  "realExpirationDate",
  "stockType",
  "fundName",
  "fundFamily",
  "fundType",
  "fundFrontLoad",
  "fundBackLoad",
  "fundBackLoadTimeInterval",
  "fundManagementFee",
  "fundClosed",
  "fundClosedForNewInvestors",
  "fundClosedForNewMoney",
  "fundNotifyAmount",
  "fundMinimumInitialPurchase",
  "fundBlueSkyStates",
  "fundBlueSkyTerritories",
  "fundDistributionPolicyIndicator",
  "fundAssetType",
  "cusip",
  "issueDate",
  "ratings",
  "bondType",
  "coupon",
  "couponType",
  "convertible",
  "callable",
  "descAppend",
  "nextOptionDate",
  "nextOptionType",
  "nextOptionPartial",
  "eventContract1",
  "eventContractDescription1",
  "eventContractDescription2",
  "settlementMethod",
] as const satisfies readonly (keyof ContractDetails & keyof ContractDetailsProto)[];

/** Decimal quantities: protobuf strings the official reader turns into `Decimal`. */
const DECIMAL_FIELDS = [
  "minSize",
  "sizeIncrement",
  "suggestedSizeIncrement",
  "minAlgoSize",
  "lastPricePrecision",
  "lastSizePrecision",
] as const satisfies readonly (keyof ContractDetails & keyof ContractDetailsProto)[];

/** Fields the official model names differently: [model, protobuf]. */
const RENAMED_FIELDS = [
  ["putable", "puttable"],
  ["notes", "bondNotes"],
  ["fundSubsequentMinimumPurchase", "fundMinimumSubsequentPurchase"],
] as const satisfies readonly (readonly [keyof ContractDetails, keyof ContractDetailsProto])[];

/** Python `float()` spellings: plain and exponent numbers, `inf`/`infinity`, `nan`. */
const PY_FLOAT = /^\s*[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)\s*$/i;

/** minTick travels as text in protobuf; the official reader applies `float()`. */
function parseMinTick(text: string): number {
  if (!PY_FLOAT.test(text)) throw new ProtocolError(`minTick ${JSON.stringify(text)} is not a number`);
  const t = text.trim().toLowerCase().replace(/^\+/, "");
  if (t.endsWith("inf") || t.endsWith("infinity")) return t.startsWith("-") ? -Infinity : Infinity;
  if (t.endsWith("nan")) return Number.NaN;
  return Number(t);
}

/** A protobuf Contract and ContractDetails pair as one model. */
export function contractDetailsFromProto(c: ContractProto, p: ContractDetailsProto): ContractDetails {
  const d: ContractDetails = { contract: contractFromProto(c) };
  const out = d as unknown as Record<string, unknown>;
  for (const k of SAME_FIELDS) if (p[k] !== undefined) out[k] = p[k];
  for (const k of DECIMAL_FIELDS) {
    const v = p[k];
    if (v === undefined) continue;
    if (!isDecimalText(v)) throw new ProtocolError(`${k} ${JSON.stringify(v)} is not a decimal number`);
    out[k] = v;
  }
  for (const [model, proto] of RENAMED_FIELDS) if (p[proto] !== undefined) out[model] = p[proto];
  if (p.minTick !== undefined) d.minTick = parseMinTick(p.minTick);
  const secIds = tagValueList(p.secIdList);
  if (secIds.length > 0) d.secIdList = secIds;
  if (p.ineligibilityReasonList && p.ineligibilityReasonList.length > 0) {
    d.ineligibilityReasonList = p.ineligibilityReasonList.map(reasonFromProto);
  }
  return d;
}

/** The protobuf pair a host sends for a model: every field that is set, nothing else. */
export function contractDetailsToProto(d: ContractDetails): { contract: ContractProto; details: ContractDetailsProto } {
  const p: ContractDetailsProto = {};
  const out = p as Record<string, unknown>;
  const src = d as unknown as Record<string, unknown>;
  for (const k of [...SAME_FIELDS, ...DECIMAL_FIELDS]) out[k] = src[k];
  for (const [model, proto] of RENAMED_FIELDS) out[proto] = src[model];
  if (d.minTick !== undefined) p.minTick = String(d.minTick);
  p.secIdList = tagValueMap(d.secIdList);
  const reasons = d.ineligibilityReasonList ?? [];
  if (reasons.length > 0) p.ineligibilityReasonList = reasons.map((r) => ({ id: r.id, description: r.description }));
  return { contract: contractToProto(d.contract), details: p };
}

function reasonFromProto(r: IneligibilityReasonProto): IneligibilityReason {
  const reason: IneligibilityReason = {};
  if (r.id !== undefined) reason.id = r.id;
  if (r.description !== undefined) reason.description = r.description;
  return reason;
}

/** What CONTRACT_DATA and BOND_CONTRACT_DATA carry in protobuf. */
export interface ContractDataBody {
  reqId: number;
  /**
   * The details with the expiry field as sent (`contract.lastTradeDateOrContractMonth`, or text `maturity` for
   * a bond: date, optionally time and zone). `undefined` only for a protobuf frame without its contract or its
   * details, which the official decoder drops.
   */
  contractDetails: ContractDetails | undefined;
}

/** The protobuf form shared by CONTRACT_DATA and BOND_CONTRACT_DATA (both a `ContractData`). */
export const contractDataProtobuf = protobufForm(ContractData, {
  toProto: (m: ContractDataBody) => {
    if (!m.contractDetails) return { reqId: m.reqId };
    const { contract, details } = contractDetailsToProto(m.contractDetails);
    return { reqId: m.reqId, contract, contractDetails: details };
  },
  fromProto: (p): ContractDataBody => ({
    reqId: p.reqId ?? NO_VALID_ID,
    contractDetails:
      p.contract && p.contractDetails ? contractDetailsFromProto(p.contract, p.contractDetails) : undefined,
  }),
});
