import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { AccountSummaryValue } from "../../models/account.js";
import {
  AccountSummaryEnd,
  AccountSummary as AccountSummaryProto,
  AccountSummaryRequest,
  CancelAccountSummary,
} from "../../proto/index.js";
import { NO_VALID_ID, UNSET_INTEGER } from "../../values.js";
import { readWrapperInt, readWrapperText, writeWrapperText } from "../session/text-fields.js";
import { protobufForm, reply, request } from "../spec.js";
import { reqIdEndReply, reqIdRequest } from "./reply-fields.js";

/**
 * The account summary subscription (official `reqAccountSummary`, `cancelAccountSummary`): ACCOUNT_SUMMARY per
 * (account, tag), ACCOUNT_SUMMARY_END after the first round, then updates until cancelled. Protobuf from
 * MIN_SERVER_VER_PROTOBUF_ACCOUNTS_POSITIONS (207). The official client checks no server version here. Both
 * replies are wrapper-style in text (README §3).
 */

/** REQ_ACCOUNT_SUMMARY. Text: version 1, reqId, groupName, tags. */
export interface ReqAccountSummaryMessage {
  reqId: number;
  /** `All`, or an FA group name. */
  groupName: string;
  /** Comma-separated {@link AccountSummaryTag}s and `$LEDGER` tags. */
  tags: string;
}

/** The version field of the text requests and the one TWS writes in both replies. */
const VERSION = 1;

export const reqAccountSummary = request<ReqAccountSummaryMessage>({
  id: OutgoingMessageId.REQ_ACCOUNT_SUMMARY,
  name: "REQ_ACCOUNT_SUMMARY",
  text: {
    write(w, m) {
      w.int(VERSION).int(m.reqId).string(m.groupName).string(m.tags);
    },
    read(r) {
      r.skip();
      return { reqId: r.readInt(), groupName: r.readString(), tags: r.readString() };
    },
  },
  protobuf: protobufForm(AccountSummaryRequest, {
    // createAccountSummaryRequestProto: reqId unless unset, group and tags when non-empty.
    toProto: (m) => ({
      reqId: m.reqId === UNSET_INTEGER ? undefined : m.reqId,
      group: m.groupName ? m.groupName : undefined,
      tags: m.tags ? m.tags : undefined,
    }),
    fromProto: (p) => ({ reqId: p.reqId ?? UNSET_INTEGER, groupName: p.group ?? "", tags: p.tags ?? "" }),
  }),
});

/** CANCEL_ACCOUNT_SUMMARY. Text: version 1, reqId. */
export const cancelAccountSummary = reqIdRequest({
  id: OutgoingMessageId.CANCEL_ACCOUNT_SUMMARY,
  name: "CANCEL_ACCOUNT_SUMMARY",
  withVersion: true,
  codec: CancelAccountSummary,
});

/** ACCOUNT_SUMMARY: one value. Text: version, reqId, account, tag, value, currency. */
export type AccountSummaryMessage = AccountSummaryValue;

export const accountSummary = reply<AccountSummaryMessage>({
  id: IncomingMessageId.ACCOUNT_SUMMARY,
  name: "ACCOUNT_SUMMARY",
  text: {
    write(w, m, sv) {
      w.int(VERSION).int(m.reqId ?? NO_VALID_ID);
      for (const f of [m.account, m.tag, m.value, m.currency]) writeWrapperText(w, f ?? "", sv);
    },
    read(r, sv) {
      r.skip();
      return {
        reqId: readWrapperInt(r, sv),
        account: readWrapperText(r, sv),
        tag: readWrapperText(r, sv),
        value: readWrapperText(r, sv),
        currency: readWrapperText(r, sv),
      };
    },
  },
  protobuf: protobufForm(AccountSummaryProto, {
    toProto: (m) => ({ reqId: m.reqId, account: m.account, tag: m.tag, value: m.value, currency: m.currency }),
    fromProto: (p) => ({ reqId: p.reqId, account: p.account, tag: p.tag, value: p.value, currency: p.currency }),
  }),
  callbacks: (m) => [
    ["accountSummary", m.reqId ?? NO_VALID_ID, m.account ?? "", m.tag ?? "", m.value ?? "", m.currency ?? ""],
  ],
});

/** ACCOUNT_SUMMARY_END: the first round of values is complete. */
export const accountSummaryEnd = reqIdEndReply({
  id: IncomingMessageId.ACCOUNT_SUMMARY_END,
  name: "ACCOUNT_SUMMARY_END",
  callback: "accountSummaryEnd",
  codec: AccountSummaryEnd,
});
