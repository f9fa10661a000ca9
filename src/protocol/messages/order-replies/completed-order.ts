import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { IncomingMessageId } from "../../message-ids.js";
import { CompletedOrder } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { UNSET_INTEGER } from "../../values.js";
import { protobufForm, reply, type WrapperCall } from "../spec.js";
import {
  callbackOrder,
  canonicalContract,
  canonicalOrder,
  canonicalOrderState,
  contractFromProtoReply,
  orderFromProtoReply,
} from "./official-models.js";
import { type OrderReplyParts, orderRepliesFromProto, orderReplyToProto } from "./order-reply-proto.js";
import * as body from "./order-text-body.js";
import * as head from "./order-text-head.js";
import { status } from "./order-text-state.js";
import * as tail from "./order-text-tail.js";
import { type FieldGroup, type OrderTextContext, readGroups, writeGroups } from "./text-fields.js";

/**
 * COMPLETED_ORDER (official `processCompletedOrderMsg`, `processCompletedOrderMsgProtoBuf`): one filled or
 * cancelled order, answering REQ_COMPLETED_ORDERS (MIN_SERVER_VER_COMPLETED_ORDERS, 150). Protobuf from
 * MIN_SERVER_VER_PROTOBUF_COMPLETED_ORDER (204).
 *
 * Text has its own layout: no version field (the decoder passes UNSET_INTEGER as the version, so every old
 * version gate is open), no orderId, clientId, auction strategy, block order, parentId, basis points, what-if
 * block, soft-dollar tier or the OPEN_ORDER-only flags; instead the status, then after the conditions only
 * trailStopPrice and lmtPriceOffset, and at the end the completion fields (autoCancelDate, filledQuantity,
 * refFuturesConId, autoCancelParent, shareholder, imbalanceOnly, routeMarketableToBbo, parentPermId,
 * completedTime, completedStatus). Server-version gates within it: 170, 177, 183, 184, 198.
 *
 * Protobuf: a CompletedOrder with contract, order and orderState; no callback when one of them is missing.
 */
export type CompletedOrderMessage = OrderReplyParts;

/** The fields of a text COMPLETED_ORDER, in the official order. */
const completedOrderLayout: readonly FieldGroup[] = [
  ...head.contractFields,
  ...head.mainFields,
  ...head.extendedFields,
  ...head.permIdToGoodAfterTime,
  ...head.faAndModelFields,
  ...head.goodTillDateToShortSale,
  ...head.boxToDisplaySize,
  ...head.sweepToOcaType,
  head.triggerMethod,
  ...body.volatilityFields,
  ...body.trailFields,
  ...body.comboFields,
  ...body.scaleFields,
  body.hedgeFields,
  ...body.clearingAndNotHeld,
  body.deltaNeutralContract,
  ...body.algoAndSolicited,
  status,
  tail.randomizeFlags,
  tail.peggedToBenchmark,
  tail.conditions,
  ...tail.stopPriceAndLmtPriceOffset,
  ...tail.cashQtyToOmsContainer,
  ...tail.completedOrderTail,
];

function textContext(sv: number, m?: OrderReplyParts): OrderTextContext {
  return {
    sv,
    version: UNSET_INTEGER,
    open: false,
    contract: m?.contract ?? {},
    order: m?.order ?? {},
    state: m?.orderState ?? {},
  };
}

function readCompletedOrder(r: FieldReader, sv: number): CompletedOrderMessage {
  const c = textContext(sv);
  readGroups(r, c, completedOrderLayout);
  return {
    contract: canonicalContract(c.contract),
    order: canonicalOrder(c.order),
    orderState: canonicalOrderState(c.state),
  };
}

function writeCompletedOrder(w: FieldWriter, m: CompletedOrderMessage, sv: number): void {
  writeGroups(w, textContext(sv, m), completedOrderLayout);
}

/** The `completedOrder` call: contract, order and state as the official decoder builds them. */
function completedOrderCalls(m: CompletedOrderMessage, form: "text" | "protobuf"): WrapperCall[] {
  if (form === "text") {
    const contract = canonicalContract({ ...m.contract });
    return [["completedOrder", contract, callbackOrder({ ...m.order }), canonicalOrderState({ ...m.orderState })]];
  }
  if (!m.contract || !m.order || !m.orderState) return [];
  // The protobuf reader is given no orderId (unset): the order keeps its own, if it has one.
  const order = orderFromProtoReply(UNSET_INTEGER, m.order);
  return [["completedOrder", contractFromProtoReply(m.contract), order, canonicalOrderState({ ...m.orderState })]];
}

export const completedOrder = reply<CompletedOrderMessage>({
  id: IncomingMessageId.COMPLETED_ORDER,
  name: "COMPLETED_ORDER",
  minServerVersion: ServerVersion.COMPLETED_ORDERS,
  text: { read: readCompletedOrder, write: writeCompletedOrder },
  protobuf: protobufForm(CompletedOrder, {
    toProto: (m) => orderReplyToProto(m),
    fromProto: (p) => orderRepliesFromProto(p),
  }),
  callbacks: (m, _sv, form) => completedOrderCalls(m, form),
});
