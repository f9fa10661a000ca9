import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { PositionMulti } from "../../models/account.js";
import {
  CancelPositionsMulti,
  PositionMultiEnd,
  PositionMulti as PositionMultiProto,
  PositionsMultiRequest,
} from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID, UNSET_INTEGER } from "../../values.js";
import { contractFromProto, contractToProto } from "../common/contract.js";
import { protobufForm, reply, request } from "../spec.js";
import {
  protoDoubleOrZero,
  readDoubleOrUnset,
  readPositionContract,
  reqIdEndReply,
  reqIdRequest,
  writeDoubleOrUnset,
  writePositionContract,
  writeText,
} from "./reply-fields.js";

/**
 * Positions of one account and/or model (official `reqPositionsMulti`, `cancelPositionsMulti`): POSITION_MULTI
 * per position, POSITION_MULTI_END after the first round. The official client refuses both requests below
 * MIN_SERVER_VER_MODELS_SUPPORT (error 503). Protobuf from MIN_SERVER_VER_PROTOBUF_ACCOUNTS_POSITIONS (207).
 */

/** REQ_POSITIONS_MULTI. Text: version 1, reqId, account, modelCode. */
export interface ReqPositionsMultiMessage {
  reqId: number;
  account: string;
  modelCode: string;
}

/** The version of the text requests, and the one TWS writes in both replies. */
const VERSION = 1;

export const reqPositionsMulti = request<ReqPositionsMultiMessage>({
  id: OutgoingMessageId.REQ_POSITIONS_MULTI,
  name: "REQ_POSITIONS_MULTI",
  minServerVersion: ServerVersion.MODELS_SUPPORT,
  text: {
    write(w, m) {
      w.int(VERSION).int(m.reqId).string(m.account).string(m.modelCode);
    },
    read(r) {
      r.skip();
      return { reqId: r.readInt(), account: r.readString(), modelCode: r.readString() };
    },
  },
  protobuf: protobufForm(PositionsMultiRequest, {
    // createPositionsMultiRequestProto: reqId unless unset, strings when non-empty.
    toProto: (m) => ({
      reqId: m.reqId === UNSET_INTEGER ? undefined : m.reqId,
      account: m.account ? m.account : undefined,
      modelCode: m.modelCode ? m.modelCode : undefined,
    }),
    fromProto: (p) => ({ reqId: p.reqId ?? UNSET_INTEGER, account: p.account ?? "", modelCode: p.modelCode ?? "" }),
  }),
});

/** CANCEL_POSITIONS_MULTI. Text: version 1, reqId. */
export const cancelPositionsMulti = reqIdRequest({
  id: OutgoingMessageId.CANCEL_POSITIONS_MULTI,
  name: "CANCEL_POSITIONS_MULTI",
  minServerVersion: ServerVersion.MODELS_SUPPORT,
  withVersion: true,
  codec: CancelPositionsMulti,
});

/**
 * POSITION_MULTI: one position. Text: version (skipped), reqId, account, conId, symbol, secType,
 * lastTradeDateOrContractMonth, strike, right, multiplier, exchange, currency, localSymbol, tradingClass,
 * position, avgCost, modelCode. Protobuf: without a contract the official client makes no callback; an absent
 * avgCost is 0 there.
 */
export type PositionMultiMessage = PositionMulti;

export const positionMulti = reply<PositionMultiMessage>({
  id: IncomingMessageId.POSITION_MULTI,
  name: "POSITION_MULTI",
  minServerVersion: ServerVersion.MODELS_SUPPORT,
  text: {
    write(w, m) {
      w.int(VERSION).int(m.reqId ?? NO_VALID_ID);
      writeText(w, m.account);
      writePositionContract(w, m.contract ?? {}, true);
      w.decimalMax(m.position);
      writeDoubleOrUnset(w, m.avgCost);
      writeText(w, m.modelCode);
    },
    read(r) {
      r.skip();
      return {
        reqId: r.readInt(),
        account: r.readString(),
        contract: readPositionContract(r, true),
        position: r.readDecimal(),
        avgCost: readDoubleOrUnset(r),
        modelCode: r.readString(),
      };
    },
  },
  protobuf: protobufForm(PositionMultiProto, {
    toProto: (m) => ({
      reqId: m.reqId,
      account: m.account,
      contract: m.contract ? contractToProto(m.contract) : undefined,
      position: m.position,
      avgCost: m.avgCost,
      modelCode: m.modelCode,
    }),
    fromProto: (p) => ({
      reqId: p.reqId,
      account: p.account,
      contract: p.contract ? contractFromProto(p.contract) : undefined,
      position: p.position,
      avgCost: p.avgCost,
      modelCode: p.modelCode,
    }),
  }),
  callbacks(m, _sv, form) {
    if (!m.contract) return [];
    const avgCost = form === "protobuf" ? protoDoubleOrZero(m.avgCost) : m.avgCost;
    return [
      ["positionMulti", m.reqId ?? NO_VALID_ID, m.account ?? "", m.modelCode ?? "", m.contract, m.position, avgCost],
    ];
  },
});

/** POSITION_MULTI_END: the first round of positions is complete (wrapper-style text). */
export const positionMultiEnd = reqIdEndReply({
  id: IncomingMessageId.POSITION_MULTI_END,
  name: "POSITION_MULTI_END",
  minServerVersion: ServerVersion.MODELS_SUPPORT,
  callback: "positionMultiEnd",
  codec: PositionMultiEnd,
});
