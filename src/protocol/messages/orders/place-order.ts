import { OutgoingMessageId } from "../../message-ids.js";
import { PlaceOrderRequest } from "../../proto/index.js";
import { UNSET_INTEGER } from "../../values.js";
import { contractFromProto, contractToRequestProto, legPricesFromProto } from "../common/contract.js";
import { protobufForm, request } from "../spec.js";
import { canonicalContract } from "./canonical.js";
import { orderFromRequestProto, orderToRequestProto } from "./order-proto.js";
import { refuseProtobufPlaceOrder, refuseTextPlaceOrder } from "./place-order-refusals.js";
import { readPlaceOrderText } from "./place-order-text-read.js";
import { writePlaceOrderText } from "./place-order-text-write.js";
import type { PlaceOrderMessage } from "./place-order-types.js";

export type { PlaceOrderMessage } from "./place-order-types.js";

/**
 * PLACE_ORDER (official `placeOrder`): text below MIN_SERVER_VER_PROTOBUF_PLACE_ORDER (203), protobuf
 * `PlaceOrderRequest` from there on. Text layout: place-order-text-write.ts; protobuf: order-proto.ts; the
 * official client's refusals: place-order-refusals.ts.
 */
export const placeOrder = request<PlaceOrderMessage>({
  id: OutgoingMessageId.PLACE_ORDER,
  name: "PLACE_ORDER",
  text: {
    write(w, m, sv) {
      refuseTextPlaceOrder(m.order, sv);
      writePlaceOrderText(w, m, sv);
    },
    read: readPlaceOrderText,
  },
  protobuf: protobufForm(PlaceOrderRequest, {
    // createPlaceOrderRequestProto: the attached-orders message is always there, empty when none is set.
    toProto: (m, sv) => {
      refuseProtobufPlaceOrder(m.order, sv);
      const o = m.order;
      const legPrices = (o.orderComboLegs ?? []).map((l) => l.price);
      return {
        orderId: m.orderId === UNSET_INTEGER ? undefined : m.orderId,
        contract: contractToRequestProto(m.contract, legPrices),
        order: orderToRequestProto(o),
        attachedOrders: {
          slOrderId: o.slOrderId === UNSET_INTEGER ? undefined : o.slOrderId,
          slOrderType: o.slOrderType ? o.slOrderType : undefined,
          ptOrderId: o.ptOrderId === UNSET_INTEGER ? undefined : o.ptOrderId,
          ptOrderType: o.ptOrderType ? o.ptOrderType : undefined,
        },
      };
    },
    fromProto: (p) => {
      const order = orderFromRequestProto(p.order);
      const a = p.attachedOrders;
      if (a?.slOrderId !== undefined) order.slOrderId = a.slOrderId;
      if (a?.slOrderType) order.slOrderType = a.slOrderType;
      if (a?.ptOrderId !== undefined) order.ptOrderId = a.ptOrderId;
      if (a?.ptOrderType) order.ptOrderType = a.ptOrderType;
      // Per-leg prices travel in the contract's legs; without any price there is nothing to tell.
      const prices = legPricesFromProto(p.contract);
      if (prices.some((x) => x !== undefined))
        order.orderComboLegs = prices.map((price) => (price === undefined ? {} : { price }));
      return { orderId: p.orderId ?? UNSET_INTEGER, contract: canonicalContract(contractFromProto(p.contract)), order };
    },
  }),
});
