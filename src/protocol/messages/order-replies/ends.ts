import { IncomingMessageId } from "../../message-ids.js";
import { CompletedOrdersEnd, OpenOrdersEnd } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { protobufForm, reply } from "../spec.js";

/**
 * The end markers of the open-order and completed-order lists. Neither carries anything but its id (and, in
 * text OPEN_ORDER_END, a version), so their message value is an empty object.
 */
export type OrderListEndMessage = Record<string, never>;

/** The version TWS writes in text OPEN_ORDER_END. */
export const OPEN_ORDER_END_VERSION = 1;

/**
 * OPEN_ORDER_END: the open orders are all sent. Text is "wrapper-style" (reference §3): the official decoder
 * skips the version and calls `openOrderEnd()` only when nothing else follows. Protobuf (OpenOrdersEnd, no
 * fields) from MIN_SERVER_VER_PROTOBUF_PLACE_ORDER (203).
 */
export const openOrderEnd = reply<OrderListEndMessage>({
  id: IncomingMessageId.OPEN_ORDER_END,
  name: "OPEN_ORDER_END",
  text: {
    write(w) {
      w.int(OPEN_ORDER_END_VERSION);
    },
    read(r) {
      r.skip(); // version
      return {};
    },
  },
  protobuf: protobufForm(OpenOrdersEnd, { toProto: () => ({}), fromProto: () => ({}) }),
  callbacks: () => [["openOrderEnd"]],
});

/**
 * COMPLETED_ORDERS_END: the completed orders are all sent. Text has no field at all (the official decoder reads
 * none). Protobuf (CompletedOrdersEnd, no fields) from MIN_SERVER_VER_PROTOBUF_COMPLETED_ORDER (204).
 */
export const completedOrdersEnd = reply<OrderListEndMessage>({
  id: IncomingMessageId.COMPLETED_ORDERS_END,
  name: "COMPLETED_ORDERS_END",
  minServerVersion: ServerVersion.COMPLETED_ORDERS,
  text: { write() {}, read: () => ({}) },
  protobuf: protobufForm(CompletedOrdersEnd, { toProto: () => ({}), fromProto: () => ({}) }),
  callbacks: () => [["completedOrdersEnd"]],
});
