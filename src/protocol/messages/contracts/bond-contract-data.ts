import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { IncomingMessageId } from "../../message-ids.js";
import type { Contract } from "../../models/contract.js";
import type { ContractDetails } from "../../models/contract-details.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID } from "../../values.js";
import { reply } from "../spec.js";
import type { ContractDataMessage } from "./contract-data.js";
import { contractDataProtobuf } from "./contract-details-proto.js";
import { officialBondDetails } from "./official-details.js";
import {
  readDoubleOrUnset,
  readIntOrUnset,
  readTagValuePairs,
  writeDoubleOrUnset,
  writeIntOrUnset,
  writeTagValuePairs,
  writeText,
} from "./text-fields.js";

/**
 * BOND_CONTRACT_DATA: one bond matching a REQ_CONTRACT_DATA (official `processBondContractDataMsg`; the
 * protobuf form is a ContractData, as for CONTRACT_DATA).
 *
 * Its text layout is its own: cusip, coupon and the maturity field come right after secType, the bond flags
 * follow, and there is no strike, right, localSymbol, multiplier or primaryExchange. Below
 * MIN_SERVER_VER_SIZE_RULES a version field leads (TWS writes 6; the decoder reads reqId from version 3,
 * longName from 4, secIdList from 5, evRule and evMultiplier from 6); 110–163 add mdSizeMultiplier after
 * minTick; MIN_SERVER_VER_BOND_TRADING_HOURS (188) adds timeZoneId, tradingHours and liquidHours.
 *
 * In the value, text `maturity` is the maturity field as sent (date, optionally time and zone); the callback
 * splits it (see official-details.ts).
 */
export type BondContractDataMessage = Omit<ContractDataMessage, "sizeMinTick">;

/** The version TWS writes before MIN_SERVER_VER_SIZE_RULES, and what the decoder assumes from it on. */
export const BOND_CONTRACT_DATA_VERSION = 6;

function readBondContractData(r: FieldReader, sv: number): BondContractDataMessage {
  const version = sv < ServerVersion.SIZE_RULES ? r.readInt() : BOND_CONTRACT_DATA_VERSION;
  const m: BondContractDataMessage = { reqId: version >= 3 ? r.readInt() : NO_VALID_ID, contractDetails: undefined };
  const c: Contract = {};
  const d: ContractDetails = { contract: c };
  c.symbol = r.readString();
  c.secType = r.readString();
  d.cusip = r.readString();
  d.coupon = readDoubleOrUnset(r);
  d.maturity = r.readString();
  d.issueDate = r.readString();
  d.ratings = r.readString();
  d.bondType = r.readString();
  d.couponType = r.readString();
  d.convertible = r.readBool();
  d.callable = r.readBool();
  d.putable = r.readBool();
  d.descAppend = r.readString();
  c.exchange = r.readString();
  c.currency = r.readString();
  d.marketName = r.readString();
  c.tradingClass = r.readString();
  c.conId = r.readInt();
  d.minTick = readDoubleOrUnset(r);
  if (sv >= ServerVersion.MD_SIZE_MULTIPLIER && sv < ServerVersion.SIZE_RULES) m.mdSizeMultiplier = r.readInt();
  d.orderTypes = r.readString();
  d.validExchanges = r.readString();
  d.nextOptionDate = r.readString();
  d.nextOptionType = r.readString();
  d.nextOptionPartial = r.readBool();
  d.notes = r.readString();
  if (version >= 4) d.longName = r.readString(); // no unicode-escape for bonds
  if (sv >= ServerVersion.BOND_TRADING_HOURS) {
    d.timeZoneId = r.readString();
    d.tradingHours = r.readString();
    d.liquidHours = r.readString();
  }
  if (version >= 6) {
    d.evRule = r.readString();
    d.evMultiplier = readIntOrUnset(r);
  }
  if (version >= 5) d.secIdList = readTagValuePairs(r);
  if (sv >= ServerVersion.AGG_GROUP) d.aggGroup = readIntOrUnset(r);
  if (sv >= ServerVersion.MARKET_RULES) d.marketRuleIds = r.readString();
  if (sv >= ServerVersion.SIZE_RULES) {
    d.minSize = r.readDecimal();
    d.sizeIncrement = r.readDecimal();
    d.suggestedSizeIncrement = r.readDecimal();
  }
  m.contractDetails = d;
  return m;
}

function writeBondContractData(w: FieldWriter, m: BondContractDataMessage, sv: number): void {
  const d = m.contractDetails ?? { contract: {} };
  const c = d.contract;
  if (sv < ServerVersion.SIZE_RULES) w.int(BOND_CONTRACT_DATA_VERSION);
  w.int(m.reqId);
  writeText(w, c.symbol);
  writeText(w, c.secType);
  writeText(w, d.cusip);
  writeDoubleOrUnset(w, d.coupon);
  for (const s of [d.maturity, d.issueDate, d.ratings, d.bondType, d.couponType]) writeText(w, s);
  w.bool(d.convertible).bool(d.callable).bool(d.putable);
  for (const s of [d.descAppend, c.exchange, c.currency, d.marketName, c.tradingClass]) writeText(w, s);
  w.int(c.conId ?? 0);
  writeDoubleOrUnset(w, d.minTick);
  if (sv >= ServerVersion.MD_SIZE_MULTIPLIER && sv < ServerVersion.SIZE_RULES) w.int(m.mdSizeMultiplier ?? 1);
  for (const s of [d.orderTypes, d.validExchanges, d.nextOptionDate, d.nextOptionType]) writeText(w, s);
  w.bool(d.nextOptionPartial);
  writeText(w, d.notes);
  writeText(w, d.longName);
  if (sv >= ServerVersion.BOND_TRADING_HOURS) {
    for (const s of [d.timeZoneId, d.tradingHours, d.liquidHours]) writeText(w, s);
  }
  writeText(w, d.evRule);
  writeIntOrUnset(w, d.evMultiplier);
  writeTagValuePairs(w, d.secIdList);
  if (sv >= ServerVersion.AGG_GROUP) writeIntOrUnset(w, d.aggGroup);
  if (sv >= ServerVersion.MARKET_RULES) writeText(w, d.marketRuleIds);
  if (sv >= ServerVersion.SIZE_RULES)
    w.decimalMax(d.minSize).decimalMax(d.sizeIncrement).decimalMax(d.suggestedSizeIncrement);
}

export const bondContractData = reply<BondContractDataMessage>({
  id: IncomingMessageId.BOND_CONTRACT_DATA,
  name: "BOND_CONTRACT_DATA",
  text: { write: writeBondContractData, read: readBondContractData },
  protobuf: contractDataProtobuf,
  callbacks: (m, sv, form) =>
    m.contractDetails ? [["bondContractDetails", m.reqId, officialBondDetails(m.contractDetails, sv, form)]] : [],
});
