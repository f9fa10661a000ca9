import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import {
  IdsRequest,
  ManagedAccounts as ManagedAccountsProto,
  ManagedAccountsRequest,
  NextValidId as NextValidIdProto,
} from "../../proto/index.js";
import { UNSET_INTEGER } from "../../values.js";
import { type NoArguments, versionOnlyText } from "../common/no-arguments.js";
import { protobufForm, reply, request } from "../spec.js";
import { readWrapperInt, readWrapperText, writeWrapperText } from "./text-fields.js";

/**
 * Order ids and managed accounts, both also sent unasked right after START_API: REQ_IDS / NEXT_VALID_ID
 * (protobuf from PROTOBUF_REST_MESSAGES_3, 213) and REQ_MANAGED_ACCTS / MANAGED_ACCTS (protobuf from
 * PROTOBUF_ACCOUNTS_POSITIONS, 207). Both replies are wrapper-style in text.
 */

/** REQ_IDS: asks for the next valid order id. */
export interface ReqIdsMessage {
  /** Deprecated in the official client; it sends what it is given (usually 1). */
  numIds: number;
}

/** NEXT_VALID_ID: the next order id the client may use (absent protobuf field: undefined; the callback gets 0). */
export interface NextValidIdMessage {
  orderId: number | undefined;
}

/** MANAGED_ACCTS: the accounts this login may trade, comma separated (absent protobuf field: undefined). */
export interface ManagedAccountsMessage {
  accountsList: string | undefined;
}

/** The version field of both requests, and the one TWS writes in both replies. */
const VERSION = 1;

export const reqIds = request<ReqIdsMessage>({
  id: OutgoingMessageId.REQ_IDS,
  name: "REQ_IDS",
  text: {
    // A plain field: an unset numIds goes out as its digits.
    write(w, m) {
      w.int(VERSION).int(m.numIds);
    },
    read(r) {
      r.skip(); // version
      return { numIds: r.readInt() };
    },
  },
  protobuf: protobufForm(IdsRequest, {
    // createIdsRequestProto leaves an unset numIds out.
    toProto: (m) => ({ numIds: m.numIds === UNSET_INTEGER ? undefined : m.numIds }),
    fromProto: (p) => ({ numIds: p.numIds ?? UNSET_INTEGER }),
  }),
});

export const nextValidId = reply<NextValidIdMessage>({
  id: IncomingMessageId.NEXT_VALID_ID,
  name: "NEXT_VALID_ID",
  text: {
    write(w, m) {
      w.int(VERSION).int(m.orderId ?? 0);
    },
    read(r, sv) {
      r.skip();
      return { orderId: readWrapperInt(r, sv) };
    },
  },
  protobuf: protobufForm(NextValidIdProto, {
    toProto: (m) => ({ orderId: m.orderId }),
    fromProto: (p) => ({ orderId: p.orderId }),
  }),
  callbacks: (m) => [["nextValidId", m.orderId ?? 0]],
});

export const reqManagedAccts = request<NoArguments>({
  id: OutgoingMessageId.REQ_MANAGED_ACCTS,
  name: "REQ_MANAGED_ACCTS",
  text: versionOnlyText(VERSION),
  protobuf: protobufForm(ManagedAccountsRequest, { toProto: () => ({}), fromProto: () => ({}) }),
});

export const managedAccounts = reply<ManagedAccountsMessage>({
  id: IncomingMessageId.MANAGED_ACCTS,
  name: "MANAGED_ACCTS",
  text: {
    write(w, m, sv) {
      w.int(VERSION);
      writeWrapperText(w, m.accountsList ?? "", sv);
    },
    read(r, sv) {
      r.skip();
      return { accountsList: readWrapperText(r, sv) };
    },
  },
  protobuf: protobufForm(ManagedAccountsProto, {
    toProto: (m) => ({ accountsList: m.accountsList }),
    fromProto: (p) => ({ accountsList: p.accountsList }),
  }),
  callbacks: (m) => [["managedAccounts", m.accountsList ?? ""]],
});
