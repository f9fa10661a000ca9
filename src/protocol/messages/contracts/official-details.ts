import type { Contract } from "../../models/contract.js";
import type { ContractDetails } from "../../models/contract-details.js";
import { ServerVersion } from "../../server-versions.js";
import type { WireForm } from "../codec.js";
import { decodeUnicodeEscape } from "./unicode-escape.js";

/**
 * What the official decoder hands to `contractDetails` / `bondContractDetails`, derived from what came on the
 * wire. A CONTRACT_DATA message value keeps the wire's fields as they were (so a decoded frame re-encodes to
 * its bytes); the decoder's own rewrites happen here, in the callbacks:
 *
 * - the expiry field is split (`readLastTradeDate`): TWS may send `20251017 16:00 US/Eastern` or
 *   `20251120-13:30`. It is cut at `-` when it has one, else at runs of whitespace; the first part is the
 *   date, the second `lastTradeTime`, and for bonds the first part is `maturity` and a third is `timeZoneId`.
 * - text longName is unicode-escape decoded from MIN_SERVER_VER_ENCODE_MSG_ASCII7 (not for bonds).
 * - the protobuf contract reader skips secIdType, secId and includeExpired.
 */

/** Python's `str.split()` separators. */
const PY_WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** The parts of an expiry field as the official `setLastTradeDate` cuts it. */
export function splitLastTradeDate(field: string): string[] {
  if (field.includes("-")) return field.split("-");
  return field.split(PY_WHITESPACE).filter((part) => part !== "");
}

/** The details a `contractDetails` callback receives for a CONTRACT_DATA (not bond) message. */
export function officialContractDetails(d: ContractDetails, sv: number, form: WireForm): ContractDetails {
  const out: ContractDetails = { ...d, contract: officialContract(d.contract, form) };
  const raw = d.contract.lastTradeDateOrContractMonth ?? "";
  const parts = splitLastTradeDate(raw);
  // Text assigns only the split result; protobuf keeps the field as sent when nothing splits off.
  if (parts.length > 0) out.contract.lastTradeDateOrContractMonth = parts[0];
  else if (form === "text") out.contract.lastTradeDateOrContractMonth = "";
  if (parts.length > 1) out.lastTradeTime = parts[1];
  if (form === "text" && sv >= ServerVersion.ENCODE_MSG_ASCII7 && d.longName !== undefined) {
    out.longName = decodeUnicodeEscape(d.longName);
  }
  return out;
}

/**
 * The details a `bondContractDetails` callback receives. In text the expiry field is the message's own
 * `maturity` field; in protobuf it is the contract's expiry, which the decoder leaves in the contract too.
 */
export function officialBondDetails(d: ContractDetails, sv: number, form: WireForm): ContractDetails {
  const out: ContractDetails = { ...d, contract: officialContract(d.contract, form) };
  const raw = (form === "text" ? d.maturity : d.contract.lastTradeDateOrContractMonth) ?? "";
  const parts = splitLastTradeDate(raw);
  if (form === "text") {
    out.maturity = parts[0] ?? "";
    // The bond's own timeZoneId field (MIN_SERVER_VER_BOND_TRADING_HOURS) comes later and wins.
    if (sv < ServerVersion.BOND_TRADING_HOURS) delete out.timeZoneId;
  } else if (parts.length > 0) {
    out.maturity = parts[0];
  }
  if (parts.length > 1) out.lastTradeTime = parts[1];
  const zoneFieldFollows = form === "text" && sv >= ServerVersion.BOND_TRADING_HOURS;
  if (parts.length > 2 && !zoneFieldFollows) out.timeZoneId = parts[2];
  return out;
}

/** The contract as the official reader builds it: protobuf drops the three fields `decodeContract` skips. */
function officialContract(c: Contract, form: WireForm): Contract {
  if (form === "text") return { ...c };
  const { secIdType: _t, secId: _i, includeExpired: _e, ...rest } = c;
  return rest;
}

/** The contract of a protobuf contract description as the official reader builds it. */
export function officialProtoContract(c: Contract): Contract {
  return officialContract(c, "protobuf");
}
