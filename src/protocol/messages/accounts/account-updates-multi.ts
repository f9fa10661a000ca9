import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { AccountUpdateMultiValue } from "../../models/account.js";
import {
  AccountUpdateMultiEnd,
  AccountUpdateMulti as AccountUpdateMultiProto,
  AccountUpdatesMultiRequest,
  CancelAccountUpdatesMulti,
} from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID, UNSET_INTEGER } from "../../values.js";
import { readWrapperInt, readWrapperText, writeWrapperText } from "../session/text-fields.js";
import { protobufForm, reply, request } from "../spec.js";
import { reqIdEndReply, reqIdRequest } from "./reply-fields.js";

/**
 * Account values of one account and/or model (official `reqAccountUpdatesMulti`, `cancelAccountUpdatesMulti`):
 * ACCOUNT_UPDATE_MULTI per value, ACCOUNT_UPDATE_MULTI_END after the first round. The official client refuses
 * both requests below MIN_SERVER_VER_MODELS_SUPPORT (error 503). Protobuf from
 * MIN_SERVER_VER_PROTOBUF_ACCOUNTS_POSITIONS (207). Both replies are wrapper-style in text (README §3).
 */

/** REQ_ACCOUNT_UPDATES_MULTI. Text: version 1, reqId, account, modelCode, ledgerAndNLV. */
export interface ReqAccountUpdatesMultiMessage {
  reqId: number;
  account: string;
  modelCode: string;
  /** Only the ledger (cash) values and the net liquidation value. */
  ledgerAndNLV: boolean;
}

/** The version of the text requests, and the one TWS writes in both replies. */
const VERSION = 1;

export const reqAccountUpdatesMulti = request<ReqAccountUpdatesMultiMessage>({
  id: OutgoingMessageId.REQ_ACCOUNT_UPDATES_MULTI,
  name: "REQ_ACCOUNT_UPDATES_MULTI",
  minServerVersion: ServerVersion.MODELS_SUPPORT,
  text: {
    write(w, m) {
      w.int(VERSION).int(m.reqId).string(m.account).string(m.modelCode).bool(m.ledgerAndNLV);
    },
    read(r) {
      r.skip();
      return { reqId: r.readInt(), account: r.readString(), modelCode: r.readString(), ledgerAndNLV: r.readBool() };
    },
  },
  protobuf: protobufForm(AccountUpdatesMultiRequest, {
    // createAccountUpdatesMultiRequestProto: reqId unless unset, strings when non-empty, ledgerAndNLV when true.
    toProto: (m) => ({
      reqId: m.reqId === UNSET_INTEGER ? undefined : m.reqId,
      account: m.account ? m.account : undefined,
      modelCode: m.modelCode ? m.modelCode : undefined,
      ledgerAndNLV: m.ledgerAndNLV ? true : undefined,
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? UNSET_INTEGER,
      account: p.account ?? "",
      modelCode: p.modelCode ?? "",
      ledgerAndNLV: p.ledgerAndNLV ?? false,
    }),
  }),
});

/** CANCEL_ACCOUNT_UPDATES_MULTI. Text: version 1, reqId. */
export const cancelAccountUpdatesMulti = reqIdRequest({
  id: OutgoingMessageId.CANCEL_ACCOUNT_UPDATES_MULTI,
  name: "CANCEL_ACCOUNT_UPDATES_MULTI",
  minServerVersion: ServerVersion.MODELS_SUPPORT,
  withVersion: true,
  codec: CancelAccountUpdatesMulti,
});

/** ACCOUNT_UPDATE_MULTI: one value. Text: version, reqId, account, modelCode, key, value, currency. */
export type AccountUpdateMultiMessage = AccountUpdateMultiValue;

export const accountUpdateMulti = reply<AccountUpdateMultiMessage>({
  id: IncomingMessageId.ACCOUNT_UPDATE_MULTI,
  name: "ACCOUNT_UPDATE_MULTI",
  minServerVersion: ServerVersion.MODELS_SUPPORT,
  text: {
    write(w, m, sv) {
      w.int(VERSION).int(m.reqId ?? NO_VALID_ID);
      for (const f of [m.account, m.modelCode, m.key, m.value, m.currency]) writeWrapperText(w, f ?? "", sv);
    },
    read(r, sv) {
      r.skip();
      return {
        reqId: readWrapperInt(r, sv),
        account: readWrapperText(r, sv),
        modelCode: readWrapperText(r, sv),
        key: readWrapperText(r, sv),
        value: readWrapperText(r, sv),
        currency: readWrapperText(r, sv),
      };
    },
  },
  protobuf: protobufForm(AccountUpdateMultiProto, {
    toProto: (m) => ({
      reqId: m.reqId,
      account: m.account,
      modelCode: m.modelCode,
      key: m.key,
      value: m.value,
      currency: m.currency,
    }),
    fromProto: (p) => ({
      reqId: p.reqId,
      account: p.account,
      modelCode: p.modelCode,
      key: p.key,
      value: p.value,
      currency: p.currency,
    }),
  }),
  callbacks: (m) => [
    [
      "accountUpdateMulti",
      m.reqId ?? NO_VALID_ID,
      m.account ?? "",
      m.modelCode ?? "",
      m.key ?? "",
      m.value ?? "",
      m.currency ?? "",
    ],
  ],
});

/** ACCOUNT_UPDATE_MULTI_END: the first round of values is complete (wrapper-style text). */
export const accountUpdateMultiEnd = reqIdEndReply({
  id: IncomingMessageId.ACCOUNT_UPDATE_MULTI_END,
  name: "ACCOUNT_UPDATE_MULTI_END",
  minServerVersion: ServerVersion.MODELS_SUPPORT,
  callback: "accountUpdateMultiEnd",
  codec: AccountUpdateMultiEnd,
});
