import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { IncomingMessageId } from "../../message-ids.js";
import type { Contract } from "../../models/contract.js";
import type { ContractDetails } from "../../models/contract-details.js";
import { ServerVersion } from "../../server-versions.js";
import { type Decimal, NO_VALID_ID } from "../../values.js";
import { reply } from "../spec.js";
import { type ContractDataBody, contractDataProtobuf } from "./contract-details-proto.js";
import { readFundFields, writeFundFields } from "./fund-fields.js";
import { officialContractDetails } from "./official-details.js";
import {
  readDoubleOrUnset,
  readIntOrUnset,
  readTagValuePairs,
  writeDoubleOrUnset,
  writeIntOrUnset,
  writeTagValuePairs,
  writeText,
} from "./text-fields.js";
import { decodeUnicodeEscape } from "./unicode-escape.js";

/**
 * CONTRACT_DATA: one contract matching a REQ_CONTRACT_DATA (official `processContractDataMsg`,
 * `processContractDataMsgProtoBuf`; protobuf from MIN_SERVER_VER_PROTOBUF_CONTRACT_DATA).
 *
 * Text layouts by server version:
 * - below MIN_SERVER_VER_SIZE_RULES (164) a version field leads (TWS writes 8; the decoder reads reqId from
 *   version 3, underConId from 4, longName and primaryExchange from 5, contractMonth…liquidHours from 6,
 *   secIdList from 7, evRule and evMultiplier from 8); from 164 there is none;
 * - MIN_SERVER_VER_MD_SIZE_MULTIPLIER (110) to 163: an mdSizeMultiplier int after minTick;
 * - MIN_SERVER_VER_FRACTIONAL_SIZE_SUPPORT (163) only: a sizeMinTick Decimal after stockType;
 * - from 164: minSize, sizeIncrement, suggestedSizeIncrement;
 * - MIN_SERVER_VER_LAST_TRADE_DATE (182): lastTradeDate after the expiry;
 * - MIN_SERVER_VER_FUND_DATA_FIELDS (179): 17 fund fields, for secType FUND only;
 * - MIN_SERVER_VER_INELIGIBILITY_REASONS (186): a counted list of (id, description).
 *
 * The value keeps the expiry field and longName as they came; the callback gets them as the official decoder
 * rewrites them (see official-details.ts).
 */
export interface ContractDataMessage extends ContractDataBody {
  /** Text, server versions 110–163: read and ignored by the official decoder. */
  mdSizeMultiplier?: number;
  /** Text, server version 163: read and ignored by the official decoder. */
  sizeMinTick?: Decimal;
}

/** The version TWS writes before MIN_SERVER_VER_SIZE_RULES, and what the decoder assumes from it on. */
export const CONTRACT_DATA_VERSION = 8;

function readContractData(r: FieldReader, sv: number): ContractDataMessage {
  const version = sv < ServerVersion.SIZE_RULES ? r.readInt() : CONTRACT_DATA_VERSION;
  const m: ContractDataMessage = { reqId: version >= 3 ? r.readInt() : NO_VALID_ID, contractDetails: undefined };
  const c: Contract = {};
  const d: ContractDetails = { contract: c };
  c.symbol = r.readString();
  c.secType = r.readString();
  c.lastTradeDateOrContractMonth = r.readString();
  if (sv >= ServerVersion.LAST_TRADE_DATE) c.lastTradeDate = r.readString();
  c.strike = readDoubleOrUnset(r);
  c.right = r.readString();
  c.exchange = r.readString();
  c.currency = r.readString();
  c.localSymbol = r.readString();
  d.marketName = r.readString();
  c.tradingClass = r.readString();
  c.conId = r.readInt();
  d.minTick = readDoubleOrUnset(r);
  if (sv >= ServerVersion.MD_SIZE_MULTIPLIER && sv < ServerVersion.SIZE_RULES) m.mdSizeMultiplier = r.readInt();
  c.multiplier = r.readString();
  d.orderTypes = r.readString();
  d.validExchanges = r.readString();
  d.priceMagnifier = readIntOrUnset(r);
  if (version >= 4) d.underConId = readIntOrUnset(r);
  if (version >= 5) {
    d.longName = r.readString();
    // Checked here so a malformed escape is a decode error, not a failing callback.
    if (sv >= ServerVersion.ENCODE_MSG_ASCII7) decodeUnicodeEscape(d.longName);
    c.primaryExchange = r.readString();
  }
  if (version >= 6) {
    d.contractMonth = r.readString();
    d.industry = r.readString();
    d.category = r.readString();
    d.subcategory = r.readString();
    d.timeZoneId = r.readString();
    d.tradingHours = r.readString();
    d.liquidHours = r.readString();
  }
  if (version >= 8) {
    d.evRule = r.readString();
    d.evMultiplier = readIntOrUnset(r); // an int in text, although protobuf and the model say double
  }
  if (version >= 7) d.secIdList = readTagValuePairs(r);
  if (sv >= ServerVersion.AGG_GROUP) d.aggGroup = readIntOrUnset(r);
  if (sv >= ServerVersion.UNDERLYING_INFO) {
    d.underSymbol = r.readString();
    d.underSecType = r.readString();
  }
  if (sv >= ServerVersion.MARKET_RULES) d.marketRuleIds = r.readString();
  if (sv >= ServerVersion.REAL_EXPIRATION_DATE) d.realExpirationDate = r.readString();
  if (sv >= ServerVersion.STOCK_TYPE) d.stockType = r.readString();
  if (sv >= ServerVersion.FRACTIONAL_SIZE_SUPPORT && sv < ServerVersion.SIZE_RULES) m.sizeMinTick = r.readDecimal();
  if (sv >= ServerVersion.SIZE_RULES) {
    d.minSize = r.readDecimal();
    d.sizeIncrement = r.readDecimal();
    d.suggestedSizeIncrement = r.readDecimal();
  }
  if (sv >= ServerVersion.FUND_DATA_FIELDS && c.secType === "FUND") readFundFields(r, d);
  if (sv >= ServerVersion.INELIGIBILITY_REASONS) {
    const n = r.readInt();
    if (n > 0) {
      d.ineligibilityReasonList = [];
      for (let i = 0; i < n; i++) d.ineligibilityReasonList.push({ id: r.readString(), description: r.readString() });
    }
  }
  m.contractDetails = d;
  return m;
}

function writeContractData(w: FieldWriter, m: ContractDataMessage, sv: number): void {
  const d = m.contractDetails ?? { contract: {} };
  const c = d.contract;
  if (sv < ServerVersion.SIZE_RULES) w.int(CONTRACT_DATA_VERSION);
  w.int(m.reqId);
  writeText(w, c.symbol);
  writeText(w, c.secType);
  writeText(w, c.lastTradeDateOrContractMonth);
  if (sv >= ServerVersion.LAST_TRADE_DATE) writeText(w, c.lastTradeDate);
  writeDoubleOrUnset(w, c.strike);
  writeText(w, c.right);
  writeText(w, c.exchange);
  writeText(w, c.currency);
  writeText(w, c.localSymbol);
  writeText(w, d.marketName);
  writeText(w, c.tradingClass);
  w.int(c.conId ?? 0);
  writeDoubleOrUnset(w, d.minTick);
  if (sv >= ServerVersion.MD_SIZE_MULTIPLIER && sv < ServerVersion.SIZE_RULES) w.int(m.mdSizeMultiplier ?? 1);
  writeText(w, c.multiplier);
  writeText(w, d.orderTypes);
  writeText(w, d.validExchanges);
  writeIntOrUnset(w, d.priceMagnifier);
  writeIntOrUnset(w, d.underConId);
  writeText(w, d.longName);
  writeText(w, c.primaryExchange);
  for (const s of [d.contractMonth, d.industry, d.category, d.subcategory, d.timeZoneId]) writeText(w, s);
  writeText(w, d.tradingHours);
  writeText(w, d.liquidHours);
  writeText(w, d.evRule);
  writeIntOrUnset(w, d.evMultiplier);
  writeTagValuePairs(w, d.secIdList);
  if (sv >= ServerVersion.AGG_GROUP) writeIntOrUnset(w, d.aggGroup);
  if (sv >= ServerVersion.UNDERLYING_INFO) writeText(w, d.underSymbol);
  if (sv >= ServerVersion.UNDERLYING_INFO) writeText(w, d.underSecType);
  if (sv >= ServerVersion.MARKET_RULES) writeText(w, d.marketRuleIds);
  if (sv >= ServerVersion.REAL_EXPIRATION_DATE) writeText(w, d.realExpirationDate);
  if (sv >= ServerVersion.STOCK_TYPE) writeText(w, d.stockType);
  if (sv >= ServerVersion.FRACTIONAL_SIZE_SUPPORT && sv < ServerVersion.SIZE_RULES) w.decimalMax(m.sizeMinTick);
  if (sv >= ServerVersion.SIZE_RULES)
    w.decimalMax(d.minSize).decimalMax(d.sizeIncrement).decimalMax(d.suggestedSizeIncrement);
  if (sv >= ServerVersion.FUND_DATA_FIELDS && c.secType === "FUND") writeFundFields(w, d);
  if (sv >= ServerVersion.INELIGIBILITY_REASONS) {
    const reasons = d.ineligibilityReasonList ?? [];
    w.int(reasons.length);
    for (const reason of reasons) w.utf8(reason.id ?? "").utf8(reason.description ?? "");
  }
}

export const contractData = reply<ContractDataMessage>({
  id: IncomingMessageId.CONTRACT_DATA,
  name: "CONTRACT_DATA",
  text: { write: writeContractData, read: readContractData },
  protobuf: contractDataProtobuf,
  callbacks: (m, sv, form) =>
    m.contractDetails ? [["contractDetails", m.reqId, officialContractDetails(m.contractDetails, sv, form)]] : [],
});
