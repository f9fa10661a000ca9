import { OutgoingMessageId } from "../../message-ids.js";
import {
  QueryDisplayGroupsRequest,
  SubscribeToGroupEventsRequest,
  UnsubscribeFromGroupEventsRequest,
  UpdateDisplayGroupRequest,
} from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { intOrUnset, setInt, setString } from "../news-and-scanners/option-lists.js";
import { protobufForm, request } from "../spec.js";

/**
 * Display-group requests (official `client.py` queryDisplayGroups, subscribeToGroupEvents, updateDisplayGroup,
 * unsubscribeFromGroupEvents): they link the API to TWS's colour-grouped windows. From MIN_SERVER_VER_LINKING
 * (70); text with version 1, protobuf from MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_3 (213), built as the official
 * builders do (ints unless UNSET_INTEGER, strings when non-empty).
 */

/** The version field of every display-group request's text form. */
const VERSION = 1;

/** QUERY_DISPLAY_GROUPS and UNSUBSCRIBE_FROM_GROUP_EVENTS: only the request id. */
export interface DisplayGroupReqIdMessage {
  reqId: number;
}

/** QUERY_DISPLAY_GROUPS: which display groups exist, answered by DISPLAY_GROUP_LIST. */
export const queryDisplayGroups = request<DisplayGroupReqIdMessage>({
  id: OutgoingMessageId.QUERY_DISPLAY_GROUPS,
  name: "QUERY_DISPLAY_GROUPS",
  minServerVersion: ServerVersion.LINKING,
  text: {
    write(w, m) {
      w.int(VERSION).int(m.reqId);
    },
    read(r) {
      r.skip(); // version
      return { reqId: r.readInt() };
    },
  },
  protobuf: protobufForm(QueryDisplayGroupsRequest, {
    toProto: (m) => ({ reqId: setInt(m.reqId) }),
    fromProto: (p) => ({ reqId: intOrUnset(p.reqId) }),
  }),
});

/** SUBSCRIBE_TO_GROUP_EVENTS: follow one group's selected contract (DISPLAY_GROUP_UPDATED). */
export interface SubscribeToGroupEventsMessage {
  reqId: number;
  /** The group, 1 to 7 today (a colour in TWS). */
  groupId: number;
}

export const subscribeToGroupEvents = request<SubscribeToGroupEventsMessage>({
  id: OutgoingMessageId.SUBSCRIBE_TO_GROUP_EVENTS,
  name: "SUBSCRIBE_TO_GROUP_EVENTS",
  minServerVersion: ServerVersion.LINKING,
  text: {
    write(w, m) {
      w.int(VERSION).int(m.reqId).int(m.groupId);
    },
    read(r) {
      r.skip(); // version
      return { reqId: r.readInt(), groupId: r.readInt() };
    },
  },
  protobuf: protobufForm(SubscribeToGroupEventsRequest, {
    toProto: (m) => ({ reqId: setInt(m.reqId), groupId: setInt(m.groupId) }),
    fromProto: (p) => ({ reqId: intOrUnset(p.reqId), groupId: intOrUnset(p.groupId) }),
  }),
});

/** UPDATE_DISPLAY_GROUP: select a contract in the subscribed group's windows. */
export interface UpdateDisplayGroupMessage {
  /** The id of the SUBSCRIBE_TO_GROUP_EVENTS request. */
  reqId: number;
  /** `none` (empty selection), `conId@exchange` (e.g. `8314@SMART`) or `combo`. */
  contractInfo: string;
}

export const updateDisplayGroup = request<UpdateDisplayGroupMessage>({
  id: OutgoingMessageId.UPDATE_DISPLAY_GROUP,
  name: "UPDATE_DISPLAY_GROUP",
  minServerVersion: ServerVersion.LINKING,
  text: {
    write(w, m) {
      w.int(VERSION).int(m.reqId).string(m.contractInfo);
    },
    read(r) {
      r.skip(); // version
      return { reqId: r.readInt(), contractInfo: r.readString() };
    },
  },
  protobuf: protobufForm(UpdateDisplayGroupRequest, {
    toProto: (m) => ({ reqId: setInt(m.reqId), contractInfo: setString(m.contractInfo) }),
    fromProto: (p) => ({ reqId: intOrUnset(p.reqId), contractInfo: p.contractInfo ?? "" }),
  }),
});

/** UNSUBSCRIBE_FROM_GROUP_EVENTS: ends a SUBSCRIBE_TO_GROUP_EVENTS with this id. */
export const unsubscribeFromGroupEvents = request<DisplayGroupReqIdMessage>({
  id: OutgoingMessageId.UNSUBSCRIBE_FROM_GROUP_EVENTS,
  name: "UNSUBSCRIBE_FROM_GROUP_EVENTS",
  minServerVersion: ServerVersion.LINKING,
  text: {
    write(w, m) {
      w.int(VERSION).int(m.reqId);
    },
    read(r) {
      r.skip(); // version
      return { reqId: r.readInt() };
    },
  },
  protobuf: protobufForm(UnsubscribeFromGroupEventsRequest, {
    toProto: (m) => ({ reqId: setInt(m.reqId) }),
    fromProto: (p) => ({ reqId: intOrUnset(p.reqId) }),
  }),
});
