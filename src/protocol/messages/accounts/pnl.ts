import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { PnL, PnLSingle } from "../../models/account.js";
import {
  CancelPnL,
  CancelPnLSingle,
  PnL as PnLProto,
  PnLRequest,
  PnLSingle as PnLSingleProto,
  PnLSingleRequest,
} from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID, UNSET_INTEGER } from "../../values.js";
import { protobufForm, reply, request } from "../spec.js";
import { protoDoubleOrUnset, readDoubleOrUnset, reqIdRequest, writeDoubleOrUnset } from "./reply-fields.js";

/**
 * Daily P&L subscriptions (official `reqPnL`, `reqPnLSingle` and their cancels): PNL for an account or model,
 * PNL_SINGLE for one position, each sent about once a second. None of these text messages has a version field.
 * The official client refuses all four requests below MIN_SERVER_VER_PNL (error 503). Protobuf from
 * MIN_SERVER_VER_PROTOBUF_SCAN_DATA (210).
 *
 * In text replies, unrealizedPnL comes from MIN_SERVER_VER_UNREALIZED_PNL and realizedPnL from
 * MIN_SERVER_VER_REALIZED_PNL; below those the official client passes None (null here). TWS writes an unset
 * value as the max-double literal (undefined here); an absent protobuf value is unset too.
 */

/** REQ_PNL. Text: reqId, account, modelCode. */
export interface ReqPnLMessage {
  reqId: number;
  account: string;
  modelCode: string;
}

/** REQ_PNL_SINGLE. Text: reqId, account, modelCode, conid. */
export interface ReqPnLSingleMessage extends ReqPnLMessage {
  /** The position's contract id (`conid` in the official method; `conId` in protobuf). */
  conid: number;
}

const set = (s: string) => (s ? s : undefined);
const setInt = (n: number) => (n === UNSET_INTEGER ? undefined : n);

export const reqPnL = request<ReqPnLMessage>({
  id: OutgoingMessageId.REQ_PNL,
  name: "REQ_PNL",
  minServerVersion: ServerVersion.PNL,
  text: {
    write(w, m) {
      w.int(m.reqId).string(m.account).string(m.modelCode);
    },
    read: (r) => ({ reqId: r.readInt(), account: r.readString(), modelCode: r.readString() }),
  },
  protobuf: protobufForm(PnLRequest, {
    // createPnLRequestProto: reqId unless unset, strings when non-empty.
    toProto: (m) => ({ reqId: setInt(m.reqId), account: set(m.account), modelCode: set(m.modelCode) }),
    fromProto: (p) => ({ reqId: p.reqId ?? UNSET_INTEGER, account: p.account ?? "", modelCode: p.modelCode ?? "" }),
  }),
});

export const cancelPnL = reqIdRequest({
  id: OutgoingMessageId.CANCEL_PNL,
  name: "CANCEL_PNL",
  minServerVersion: ServerVersion.PNL,
  withVersion: false,
  codec: CancelPnL,
});

export const reqPnLSingle = request<ReqPnLSingleMessage>({
  id: OutgoingMessageId.REQ_PNL_SINGLE,
  name: "REQ_PNL_SINGLE",
  minServerVersion: ServerVersion.PNL,
  text: {
    write(w, m) {
      w.int(m.reqId).string(m.account).string(m.modelCode).int(m.conid);
    },
    read: (r) => ({ reqId: r.readInt(), account: r.readString(), modelCode: r.readString(), conid: r.readInt() }),
  },
  protobuf: protobufForm(PnLSingleRequest, {
    // createPnLSingleRequestProto: ints unless unset, strings when non-empty.
    toProto: (m) => ({
      reqId: setInt(m.reqId),
      account: set(m.account),
      modelCode: set(m.modelCode),
      conId: setInt(m.conid),
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? UNSET_INTEGER,
      account: p.account ?? "",
      modelCode: p.modelCode ?? "",
      conid: p.conId ?? UNSET_INTEGER,
    }),
  }),
});

export const cancelPnLSingle = reqIdRequest({
  id: OutgoingMessageId.CANCEL_PNL_SINGLE,
  name: "CANCEL_PNL_SINGLE",
  minServerVersion: ServerVersion.PNL,
  withVersion: false,
  codec: CancelPnLSingle,
});

/** The unrealized and realized values of a text reply, each only from the server version that added it. */
function readLaterPnL(r: FieldReader, sv: number): Pick<PnL, "unrealizedPnL" | "realizedPnL"> {
  return {
    unrealizedPnL: sv >= ServerVersion.UNREALIZED_PNL ? readDoubleOrUnset(r) : undefined,
    realizedPnL: sv >= ServerVersion.REALIZED_PNL ? readDoubleOrUnset(r) : undefined,
  };
}

function writeLaterPnL(w: FieldWriter, m: PnL, sv: number): void {
  if (sv >= ServerVersion.UNREALIZED_PNL) writeDoubleOrUnset(w, m.unrealizedPnL);
  if (sv >= ServerVersion.REALIZED_PNL) writeDoubleOrUnset(w, m.realizedPnL);
}

/** The unrealized and realized values as the official client passes them: null where the text form has none. */
function laterPnLArgs(m: PnL, sv: number, form: "text" | "protobuf"): [unknown, unknown] {
  if (form === "protobuf") return [protoDoubleOrUnset(m.unrealizedPnL), protoDoubleOrUnset(m.realizedPnL)];
  return [
    sv >= ServerVersion.UNREALIZED_PNL ? m.unrealizedPnL : null,
    sv >= ServerVersion.REALIZED_PNL ? m.realizedPnL : null,
  ];
}

/** PNL. Text: reqId, dailyPnL, unrealizedPnL, realizedPnL. */
export type PnLMessage = PnL;

export const pnl = reply<PnLMessage>({
  id: IncomingMessageId.PNL,
  name: "PNL",
  minServerVersion: ServerVersion.PNL,
  text: {
    write(w, m, sv) {
      w.int(m.reqId ?? NO_VALID_ID);
      writeDoubleOrUnset(w, m.dailyPnL);
      writeLaterPnL(w, m, sv);
    },
    read: (r, sv) => ({ reqId: r.readInt(), dailyPnL: readDoubleOrUnset(r), ...readLaterPnL(r, sv) }),
  },
  protobuf: protobufForm(PnLProto, {
    toProto: (m) => ({
      reqId: m.reqId,
      dailyPnL: m.dailyPnL,
      unrealizedPnL: m.unrealizedPnL,
      realizedPnL: m.realizedPnL,
    }),
    fromProto: (p) => ({
      reqId: p.reqId,
      dailyPnL: p.dailyPnL,
      unrealizedPnL: p.unrealizedPnL,
      realizedPnL: p.realizedPnL,
    }),
  }),
  callbacks: (m, sv, form) => [
    ["pnl", m.reqId ?? NO_VALID_ID, protoDoubleOrUnset(m.dailyPnL), ...laterPnLArgs(m, sv, form)],
  ],
});

/** PNL_SINGLE. Text: reqId, pos, dailyPnL, unrealizedPnL, realizedPnL, value. */
export type PnLSingleMessage = PnLSingle;

export const pnlSingle = reply<PnLSingleMessage>({
  id: IncomingMessageId.PNL_SINGLE,
  name: "PNL_SINGLE",
  minServerVersion: ServerVersion.PNL,
  text: {
    write(w, m, sv) {
      w.int(m.reqId ?? NO_VALID_ID).decimalMax(m.pos);
      writeDoubleOrUnset(w, m.dailyPnL);
      writeLaterPnL(w, m, sv);
      writeDoubleOrUnset(w, m.value);
    },
    read(r, sv) {
      const reqId = r.readInt();
      const pos = r.readDecimal();
      const dailyPnL = readDoubleOrUnset(r);
      const later = readLaterPnL(r, sv);
      return { reqId, pos, dailyPnL, ...later, value: readDoubleOrUnset(r) };
    },
  },
  protobuf: protobufForm(PnLSingleProto, {
    toProto: (m) => ({
      reqId: m.reqId,
      position: m.pos,
      dailyPnL: m.dailyPnL,
      unrealizedPnL: m.unrealizedPnL,
      realizedPnL: m.realizedPnL,
      value: m.value,
    }),
    fromProto: (p) => ({
      reqId: p.reqId,
      pos: p.position,
      dailyPnL: p.dailyPnL,
      unrealizedPnL: p.unrealizedPnL,
      realizedPnL: p.realizedPnL,
      value: p.value,
    }),
  }),
  callbacks: (m, sv, form) => [
    [
      "pnlSingle",
      m.reqId ?? NO_VALID_ID,
      m.pos,
      protoDoubleOrUnset(m.dailyPnL),
      ...laterPnLArgs(m, sv, form),
      protoDoubleOrUnset(m.value),
    ],
  ],
});
