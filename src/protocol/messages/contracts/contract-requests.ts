import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { Contract } from "../../models/contract.js";
import { CancelContractData, ContractDataEnd, ContractDataRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID, UNSET_INTEGER } from "../../values.js";
import { contractFromProto, contractToRequestProto, requireVersion } from "../common/contract.js";
import { protobufForm, reply, request } from "../spec.js";
import { readStrictInt } from "./text-fields.js";

/**
 * Asking for contract details: REQ_CONTRACT_DATA (official `reqContractDetails`; protobuf from
 * MIN_SERVER_VER_PROTOBUF_CONTRACT_DATA), CANCEL_CONTRACT_DATA (`cancelContractData`, protobuf only, from
 * MIN_SERVER_VER_CANCEL_CONTRACT_DATA) and the end marker CONTRACT_DATA_END.
 */

/** REQ_CONTRACT_DATA: the arguments of `reqContractDetails`. */
export interface ReqContractDataMessage {
  reqId: number;
  /**
   * Text carries conId, symbol, secType, lastTradeDateOrContractMonth, strike, right, multiplier, exchange,
   * primaryExchange, currency, localSymbol, tradingClass, includeExpired, secIdType, secId and issuerId (each
   * from its server version); protobuf the whole contract.
   */
  contract: Contract;
}

/** CANCEL_CONTRACT_DATA. */
export interface CancelContractDataMessage {
  reqId: number;
}

/** CONTRACT_DATA_END: every CONTRACT_DATA / BOND_CONTRACT_DATA of the request has been sent. */
export interface ContractDataEndMessage {
  reqId: number;
}

/** The version field of REQ_CONTRACT_DATA's text form. */
const REQ_CONTRACT_DATA_VERSION = 8;
/** The version TWS writes in CONTRACT_DATA_END. */
const CONTRACT_DATA_END_VERSION = 1;
/** The exchanges the official client joins with primaryExchange at server versions 70–74. */
const LINKED_EXCHANGES = new Set(["BEST", "SMART"]);

function writeReqContractData(w: FieldWriter, m: ReqContractDataMessage, sv: number): void {
  const c = m.contract;
  // The official client's 503 refusals, in its order.
  requireVersion(sv, ServerVersion.SEC_ID_TYPE, Boolean(c.secIdType || c.secId), "reqContractDetails secIdType/secId");
  requireVersion(sv, ServerVersion.TRADING_CLASS, Boolean(c.tradingClass), "reqContractDetails tradingClass");
  requireVersion(sv, ServerVersion.LINKING, Boolean(c.primaryExchange), "reqContractDetails primaryExchange");
  requireVersion(sv, ServerVersion.BOND_ISSUERID, Boolean(c.issuerId), "reqContractDetails issuerId");
  w.int(REQ_CONTRACT_DATA_VERSION);
  if (sv >= ServerVersion.CONTRACT_DATA_CHAIN) w.int(m.reqId);
  w.int(c.conId ?? 0)
    .string(c.symbol)
    .string(c.secType)
    .string(c.lastTradeDateOrContractMonth)
    .doubleMax(c.strike)
    .string(c.right)
    .string(c.multiplier);
  if (sv >= ServerVersion.PRIMARYEXCH) {
    w.string(c.exchange).string(c.primaryExchange);
  } else if (sv >= ServerVersion.LINKING) {
    // One field: `SMART:NASDAQ` for SMART/BEST routing; any other exchange silently loses primaryExchange.
    const linked = c.primaryExchange && LINKED_EXCHANGES.has(c.exchange ?? "");
    w.string(linked ? `${c.exchange}:${c.primaryExchange}` : c.exchange);
  }
  w.string(c.currency).string(c.localSymbol);
  if (sv >= ServerVersion.TRADING_CLASS) w.string(c.tradingClass);
  w.bool(c.includeExpired);
  if (sv >= ServerVersion.SEC_ID_TYPE) w.string(c.secIdType).string(c.secId);
  if (sv >= ServerVersion.BOND_ISSUERID) w.string(c.issuerId);
}

function readReqContractData(r: FieldReader, sv: number): ReqContractDataMessage {
  r.skip(); // version
  const reqId = sv >= ServerVersion.CONTRACT_DATA_CHAIN ? r.readInt() : NO_VALID_ID;
  const c: Contract = {
    conId: r.readInt(),
    symbol: r.readString(),
    secType: r.readString(),
    lastTradeDateOrContractMonth: r.readString(),
    strike: r.readDoubleMax(),
    right: r.readString(),
    multiplier: r.readString(),
  };
  if (sv >= ServerVersion.PRIMARYEXCH) {
    c.exchange = r.readString();
    c.primaryExchange = r.readString();
  } else if (sv >= ServerVersion.LINKING) {
    const field = r.readString();
    const colon = field.indexOf(":");
    const linked = colon > 0 && LINKED_EXCHANGES.has(field.slice(0, colon));
    c.exchange = linked ? field.slice(0, colon) : field;
    c.primaryExchange = linked ? field.slice(colon + 1) : "";
  }
  c.currency = r.readString();
  c.localSymbol = r.readString();
  if (sv >= ServerVersion.TRADING_CLASS) c.tradingClass = r.readString();
  c.includeExpired = r.readBool();
  if (sv >= ServerVersion.SEC_ID_TYPE) {
    c.secIdType = r.readString();
    c.secId = r.readString();
  }
  if (sv >= ServerVersion.BOND_ISSUERID) c.issuerId = r.readString();
  return { reqId, contract: c };
}

/** An int the official protobuf builders leave out when it is UNSET_INTEGER. */
const validInt = (n: number): number | undefined => (n === UNSET_INTEGER ? undefined : n);

export const reqContractData = request<ReqContractDataMessage>({
  id: OutgoingMessageId.REQ_CONTRACT_DATA,
  name: "REQ_CONTRACT_DATA",
  text: { write: writeReqContractData, read: readReqContractData },
  protobuf: protobufForm(ContractDataRequest, {
    // createContractDataRequestProto: the contract as createContractProto builds it, no order.
    toProto: (m) => ({ reqId: validInt(m.reqId), contract: contractToRequestProto(m.contract) }),
    fromProto: (p) => ({ reqId: p.reqId ?? UNSET_INTEGER, contract: contractFromProto(p.contract) }),
  }),
});

export const cancelContractData = request<CancelContractDataMessage>({
  id: OutgoingMessageId.CANCEL_CONTRACT_DATA,
  name: "CANCEL_CONTRACT_DATA",
  // The official client refuses the cancel (503) below this version; there is no text form.
  minServerVersion: ServerVersion.CANCEL_CONTRACT_DATA,
  protobuf: protobufForm(CancelContractData, {
    toProto: (m) => ({ reqId: validInt(m.reqId) }),
    fromProto: (p) => ({ reqId: p.reqId ?? UNSET_INTEGER }),
  }),
});

export const contractDataEnd = reply<ContractDataEndMessage>({
  id: IncomingMessageId.CONTRACT_DATA_END,
  name: "CONTRACT_DATA_END",
  text: {
    write(w, m) {
      w.int(CONTRACT_DATA_END_VERSION).int(m.reqId);
    },
    read(r) {
      r.skip(); // version: "wrapper-style", the decoder maps the remaining field to contractDetailsEnd(reqId)
      return { reqId: readStrictInt(r) };
    },
  },
  protobuf: protobufForm(ContractDataEnd, {
    toProto: (m) => ({ reqId: m.reqId }),
    fromProto: (p) => ({ reqId: p.reqId ?? NO_VALID_ID }),
  }),
  callbacks: (m) => [["contractDetailsEnd", m.reqId]],
});
