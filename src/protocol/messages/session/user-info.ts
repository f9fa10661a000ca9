import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import { UserInfo as UserInfoProto, UserInfoRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID, UNSET_INTEGER } from "../../values.js";
import { protobufForm, reply, request } from "../spec.js";

/**
 * REQ_USER_INFO / USER_INFO (from USER_INFO, 167; protobuf from PROTOBUF_REST_MESSAGES_2, 212): the white
 * branding id of the logged-in user. Neither text form has a version field.
 */

/** REQ_USER_INFO. */
export interface ReqUserInfoMessage {
  reqId: number;
}

/** USER_INFO (absent protobuf fields: undefined; the callback gets NO_VALID_ID and ""). */
export interface UserInfoMessage {
  reqId: number | undefined;
  whiteBrandingId: string | undefined;
}

/** The official client refuses REQ_USER_INFO below USER_INFO (its 503). */
export const reqUserInfo = request<ReqUserInfoMessage>({
  id: OutgoingMessageId.REQ_USER_INFO,
  name: "REQ_USER_INFO",
  minServerVersion: ServerVersion.USER_INFO,
  text: {
    write(w, m) {
      w.int(m.reqId);
    },
    read: (r) => ({ reqId: r.readInt() }),
  },
  protobuf: protobufForm(UserInfoRequest, {
    // createUserInfoRequestProto leaves an unset reqId out.
    toProto: (m) => ({ reqId: m.reqId === UNSET_INTEGER ? undefined : m.reqId }),
    fromProto: (p) => ({ reqId: p.reqId ?? UNSET_INTEGER }),
  }),
});

export const userInfo = reply<UserInfoMessage>({
  id: IncomingMessageId.USER_INFO,
  name: "USER_INFO",
  minServerVersion: ServerVersion.USER_INFO,
  // Read with decode(): an empty reqId is 0, and the text is plain UTF-8 (not un-escaped).
  text: {
    write(w, m) {
      w.int(m.reqId ?? NO_VALID_ID).utf8(m.whiteBrandingId ?? "");
    },
    read: (r) => ({ reqId: r.readInt(), whiteBrandingId: r.readString() }),
  },
  protobuf: protobufForm(UserInfoProto, {
    toProto: (m) => ({ reqId: m.reqId, whiteBrandingId: m.whiteBrandingId }),
    fromProto: (p) => ({ reqId: p.reqId, whiteBrandingId: p.whiteBrandingId }),
  }),
  callbacks: (m) => [["userInfo", m.reqId ?? NO_VALID_ID, m.whiteBrandingId ?? ""]],
});
