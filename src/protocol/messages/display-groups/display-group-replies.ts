import { IncomingMessageId } from "../../message-ids.js";
import { DisplayGroupList, DisplayGroupUpdated } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID } from "../../values.js";
import { readWrapperInt, readWrapperText, writeWrapperText } from "../session/text-fields.js";
import { protobufForm, reply } from "../spec.js";

/**
 * Display-group replies (official `decoder.py`: wrapper-style DISPLAY_GROUP_LIST and DISPLAY_GROUP_UPDATED, and
 * their protobuf twins). Text: version 1, then exactly the callback's two arguments (reqId by a bare `int()`,
 * the text un-escaped from ENCODE_MSG_ASCII7). Protobuf from MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_3 (213);
 * an absent field stays undefined in the value and becomes NO_VALID_ID or "" in the callback.
 */

/** The version TWS writes first in both replies; the wrapper-style decoder skips it. */
const VERSION = 1;

/** DISPLAY_GROUP_LIST: answers QUERY_DISPLAY_GROUPS. */
export interface DisplayGroupListMessage {
  reqId: number | undefined;
  /** The group ids, `|`-separated (e.g. `1|2|3`). */
  groups: string | undefined;
}

export const displayGroupList = reply<DisplayGroupListMessage>({
  id: IncomingMessageId.DISPLAY_GROUP_LIST,
  name: "DISPLAY_GROUP_LIST",
  minServerVersion: ServerVersion.LINKING,
  text: {
    write(w, m, sv) {
      w.int(VERSION).int(m.reqId ?? NO_VALID_ID);
      writeWrapperText(w, m.groups ?? "", sv);
    },
    read(r, sv) {
      r.skip(); // version
      return { reqId: readWrapperInt(r, sv), groups: readWrapperText(r, sv) };
    },
  },
  protobuf: protobufForm(DisplayGroupList, {
    toProto: (m) => ({ reqId: m.reqId, groups: m.groups }),
    fromProto: (p) => ({ reqId: p.reqId, groups: p.groups }),
  }),
  callbacks: (m) => [["displayGroupList", m.reqId ?? NO_VALID_ID, m.groups ?? ""]],
});

/** DISPLAY_GROUP_UPDATED: the subscribed group's selected contract changed. */
export interface DisplayGroupUpdatedMessage {
  reqId: number | undefined;
  /** `none`, `conId@exchange` or `combo` (as in UPDATE_DISPLAY_GROUP). */
  contractInfo: string | undefined;
}

export const displayGroupUpdated = reply<DisplayGroupUpdatedMessage>({
  id: IncomingMessageId.DISPLAY_GROUP_UPDATED,
  name: "DISPLAY_GROUP_UPDATED",
  minServerVersion: ServerVersion.LINKING,
  text: {
    write(w, m, sv) {
      w.int(VERSION).int(m.reqId ?? NO_VALID_ID);
      writeWrapperText(w, m.contractInfo ?? "", sv);
    },
    read(r, sv) {
      r.skip(); // version
      return { reqId: readWrapperInt(r, sv), contractInfo: readWrapperText(r, sv) };
    },
  },
  protobuf: protobufForm(DisplayGroupUpdated, {
    toProto: (m) => ({ reqId: m.reqId, contractInfo: m.contractInfo }),
    fromProto: (p) => ({ reqId: p.reqId, contractInfo: p.contractInfo }),
  }),
  callbacks: (m) => [["displayGroupUpdated", m.reqId ?? NO_VALID_ID, m.contractInfo ?? ""]],
});
