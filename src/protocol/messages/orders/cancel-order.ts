import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { OutgoingMessageId } from "../../message-ids.js";
import type { OrderCancel } from "../../models/order.js";
import { CancelOrderRequest, GlobalCancelRequest, type OrderCancel as OrderCancelProto } from "../../proto/index.js";
import { ServerVersion as V } from "../../server-versions.js";
import { UNSET_INTEGER } from "../../values.js";
import { requireVersion } from "../common/contract.js";
import { protobufForm, request } from "../spec.js";

/**
 * CANCEL_ORDER (official `cancelOrder(orderId, orderCancel)`) and REQ_GLOBAL_CANCEL (`reqGlobalCancel(orderCancel)`),
 * protobuf from MIN_SERVER_VER_PROTOBUF_PLACE_ORDER. Decoded values are canonical: the OrderCancel holds only the
 * fields that are set.
 */

export interface CancelOrderMessage {
  orderId: number;
  orderCancel: OrderCancel;
}

export interface ReqGlobalCancelMessage {
  orderCancel: OrderCancel;
}

/** The version field, sent only below MIN_SERVER_VER_CME_TAGGING_FIELDS. */
const VERSION = 1;

/** The official 503 for extOperator / manualOrderIndicator below MIN_SERVER_VER_CME_TAGGING_FIELDS. */
function refuseCmeTagging(c: OrderCancel, sv: number, method: string): void {
  const present = Boolean(c.extOperator) || c.manualOrderIndicator !== undefined;
  requireVersion(sv, V.CME_TAGGING_FIELDS, present, `${method} extOperator / manualOrderIndicator`);
}

/** extOperator, then manualOrderIndicator written verbatim (unset goes out as `2147483647`). */
function writeCmeTagging(w: FieldWriter, c: OrderCancel): void {
  w.string(c.extOperator).int(c.manualOrderIndicator ?? UNSET_INTEGER);
}

function readCmeTagging(r: FieldReader, c: OrderCancel): void {
  const extOperator = r.readString();
  if (extOperator) c.extOperator = extOperator;
  const indicator = r.readIntMax();
  if (indicator !== undefined) c.manualOrderIndicator = indicator;
}

/** `createOrderCancelProto`: each field only when set. */
function orderCancelToProto(c: OrderCancel): OrderCancelProto {
  return {
    manualOrderCancelTime: c.manualOrderCancelTime ? c.manualOrderCancelTime : undefined,
    extOperator: c.extOperator ? c.extOperator : undefined,
    manualOrderIndicator: c.manualOrderIndicator === UNSET_INTEGER ? undefined : c.manualOrderIndicator,
  };
}

function orderCancelFromProto(p: OrderCancelProto | undefined): OrderCancel {
  const c: OrderCancel = {};
  if (p?.manualOrderCancelTime) c.manualOrderCancelTime = p.manualOrderCancelTime;
  if (p?.extOperator) c.extOperator = p.extOperator;
  if (p?.manualOrderIndicator !== undefined) c.manualOrderIndicator = p.manualOrderIndicator;
  return c;
}

export const cancelOrder = request<CancelOrderMessage>({
  id: OutgoingMessageId.CANCEL_ORDER,
  name: "CANCEL_ORDER",
  text: {
    write(w, m, sv) {
      const c = m.orderCancel;
      requireVersion(sv, V.MANUAL_ORDER_TIME, Boolean(c.manualOrderCancelTime), "cancelOrder manualOrderCancelTime");
      refuseCmeTagging(c, sv, "cancelOrder");
      if (sv < V.CME_TAGGING_FIELDS) w.int(VERSION);
      w.int(m.orderId);
      if (sv >= V.MANUAL_ORDER_TIME) w.string(c.manualOrderCancelTime);
      // Three RFQ fields that lived from 187 to 189: two empty texts and an unset int.
      if (sv >= V.RFQ_FIELDS && sv < V.UNDO_RFQ_FIELDS) w.empty().empty().int(UNSET_INTEGER);
      if (sv >= V.CME_TAGGING_FIELDS) writeCmeTagging(w, c);
    },
    read(r, sv) {
      if (sv < V.CME_TAGGING_FIELDS) r.skip(); // version
      const orderId = r.readInt();
      const orderCancel: OrderCancel = {};
      if (sv >= V.MANUAL_ORDER_TIME) {
        const time = r.readString();
        if (time) orderCancel.manualOrderCancelTime = time;
      }
      if (sv >= V.RFQ_FIELDS && sv < V.UNDO_RFQ_FIELDS) for (let i = 0; i < 3; i++) r.skip();
      if (sv >= V.CME_TAGGING_FIELDS) readCmeTagging(r, orderCancel);
      return { orderId, orderCancel };
    },
  },
  protobuf: protobufForm(CancelOrderRequest, {
    toProto: (m) => ({
      orderId: m.orderId === UNSET_INTEGER ? undefined : m.orderId,
      orderCancel: orderCancelToProto(m.orderCancel),
    }),
    fromProto: (p) => ({ orderId: p.orderId ?? UNSET_INTEGER, orderCancel: orderCancelFromProto(p.orderCancel) }),
  }),
});

export const reqGlobalCancel = request<ReqGlobalCancelMessage>({
  id: OutgoingMessageId.REQ_GLOBAL_CANCEL,
  name: "REQ_GLOBAL_CANCEL",
  text: {
    // The manual cancel time is not part of a global cancel's text form (nor refused by the official client).
    write(w, m, sv) {
      refuseCmeTagging(m.orderCancel, sv, "reqGlobalCancel");
      if (sv < V.CME_TAGGING_FIELDS) w.int(VERSION);
      else writeCmeTagging(w, m.orderCancel);
    },
    read(r, sv) {
      const orderCancel: OrderCancel = {};
      if (sv < V.CME_TAGGING_FIELDS) r.skip();
      else readCmeTagging(r, orderCancel);
      return { orderCancel };
    },
  },
  protobuf: protobufForm(GlobalCancelRequest, {
    toProto: (m) => ({ orderCancel: orderCancelToProto(m.orderCancel) }),
    fromProto: (p) => ({ orderCancel: orderCancelFromProto(p.orderCancel) }),
  }),
});
