import { OutgoingMessageId } from "../../message-ids.js";
import {
  AllOpenOrdersRequest,
  AutoOpenOrdersRequest,
  CompletedOrdersRequest,
  OpenOrdersRequest,
} from "../../proto/index.js";
import { type NoArguments, versionOnlyText } from "../common/no-arguments.js";
import { protobufForm, request } from "../spec.js";

/**
 * Requests for open and completed orders (official `reqOpenOrders`, `reqAllOpenOrders`, `reqAutoOpenOrders`,
 * `reqCompletedOrders`), protobuf from MIN_SERVER_VER_PROTOBUF_COMPLETED_ORDER (204). The protobuf builders set a
 * flag only when it is true.
 */

/** REQ_AUTO_OPEN_ORDERS: bind orders placed in TWS to this client (client id 0 only). */
export interface ReqAutoOpenOrdersMessage {
  bAutoBind: boolean;
}

/** REQ_COMPLETED_ORDERS: `apiOnly` limits the list to orders placed through the API. */
export interface ReqCompletedOrdersMessage {
  apiOnly: boolean;
}

/** The version field of the open-order requests' text form. */
const VERSION = 1;

export const reqOpenOrders = request<NoArguments>({
  id: OutgoingMessageId.REQ_OPEN_ORDERS,
  name: "REQ_OPEN_ORDERS",
  text: versionOnlyText(VERSION),
  protobuf: protobufForm(OpenOrdersRequest, { toProto: () => ({}), fromProto: () => ({}) }),
});

export const reqAllOpenOrders = request<NoArguments>({
  id: OutgoingMessageId.REQ_ALL_OPEN_ORDERS,
  name: "REQ_ALL_OPEN_ORDERS",
  text: versionOnlyText(VERSION),
  protobuf: protobufForm(AllOpenOrdersRequest, { toProto: () => ({}), fromProto: () => ({}) }),
});

export const reqAutoOpenOrders = request<ReqAutoOpenOrdersMessage>({
  id: OutgoingMessageId.REQ_AUTO_OPEN_ORDERS,
  name: "REQ_AUTO_OPEN_ORDERS",
  text: {
    write(w, m) {
      w.int(VERSION).bool(m.bAutoBind);
    },
    read(r) {
      r.skip();
      return { bAutoBind: r.readBool() };
    },
  },
  protobuf: protobufForm(AutoOpenOrdersRequest, {
    toProto: (m) => ({ autoBind: m.bAutoBind ? true : undefined }),
    fromProto: (p) => ({ bAutoBind: p.autoBind ?? false }),
  }),
});

export const reqCompletedOrders = request<ReqCompletedOrdersMessage>({
  id: OutgoingMessageId.REQ_COMPLETED_ORDERS,
  name: "REQ_COMPLETED_ORDERS",
  // No version field; the official client sends it at any version (TWS knows it from MIN_SERVER_VER_COMPLETED_ORDERS).
  text: {
    write(w, m) {
      w.bool(m.apiOnly);
    },
    read(r) {
      return { apiOnly: r.readBool() };
    },
  },
  protobuf: protobufForm(CompletedOrdersRequest, {
    toProto: (m) => ({ apiOnly: m.apiOnly ? true : undefined }),
    fromProto: (p) => ({ apiOnly: p.apiOnly ?? false }),
  }),
});
