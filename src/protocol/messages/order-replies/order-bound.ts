import { IncomingMessageId } from "../../message-ids.js";
import { OrderBound } from "../../proto/index.js";
import { UNSET_INTEGER, UNSET_LONG } from "../../values.js";
import { protobufForm, reply } from "../spec.js";
import { unsetInt } from "./text-fields.js";

/**
 * ORDER_BOUND (official `processOrderBoundMsg`, `processOrderBoundMsgProtoBuf`): an order placed outside this
 * API client (in TWS, or by another client) was bound to an API order id, after REQ_AUTO_OPEN_ORDERS or
 * REQ_OPEN_ORDERS from client 0. Protobuf from MIN_SERVER_VER_PROTOBUF_COMPLETED_ORDER (204).
 *
 * Text: permId, clientId, orderId, no version. Read plainly (empty is 0); the unset sentinels read as undefined
 * and unset is written so. permId is a long. Every field is undefined when a protobuf reply leaves it out (the
 * official client then reports unset).
 */
export interface OrderBoundMessage {
  permId: bigint | undefined;
  clientId: number | undefined;
  orderId: number | undefined;
}

export const orderBound = reply<OrderBoundMessage>({
  id: IncomingMessageId.ORDER_BOUND,
  name: "ORDER_BOUND",
  text: {
    write(w, m) {
      w.long(m.permId ?? UNSET_LONG)
        .int(m.clientId ?? UNSET_INTEGER)
        .int(m.orderId ?? UNSET_INTEGER);
    },
    read(r) {
      const permId = r.readLong();
      return {
        permId: permId === UNSET_LONG ? undefined : permId,
        clientId: unsetInt(r.readInt()),
        orderId: unsetInt(r.readInt()),
      };
    },
  },
  protobuf: protobufForm(OrderBound, {
    toProto: (m) => ({ permId: m.permId, clientId: m.clientId, orderId: m.orderId }),
    fromProto: (p) => ({ permId: p.permId, clientId: p.clientId, orderId: p.orderId }),
  }),
  callbacks: (m) => [["orderBound", m.permId, m.clientId, m.orderId]],
});
