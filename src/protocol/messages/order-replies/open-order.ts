import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { IncomingMessageId } from "../../message-ids.js";
import type { Contract } from "../../models/contract.js";
import type { Order } from "../../models/order.js";
import type { OrderState } from "../../models/order-state.js";
import { OpenOrder } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
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
import { whatIfFields } from "./order-text-state.js";
import * as tail from "./order-text-tail.js";
import { type FieldGroup, type OrderTextContext, readGroups, writeGroups } from "./text-fields.js";

/**
 * OPEN_ORDER (official `processOpenOrder`, `processOpenOrderMsgProtoBuf`): one of this client's orders (or, for
 * client 0 and REQ_ALL_OPEN_ORDERS, any order) with its contract and state, answering REQ_OPEN_ORDERS and kin,
 * after PLACE_ORDER, and for every what-if order. Protobuf from MIN_SERVER_VER_PROTOBUF_PLACE_ORDER (203).
 *
 * Text: below MIN_SERVER_VER_ORDER_CONTAINER (145) a version field leads (TWS writes 34) and the decoder gates the
 * oldest fields on it (20 to 34); from 145 there is none and the server version stands in for it. The fields
 * follow `OrderDecoder` reader by reader (order-text-*.ts); the server-version gates within them are 102, 103,
 * 106, 111, 141, 142, 145, 148, 151, 158, 160, 162, 170, 177 (faProfile dropped), 183, 184, 185, 189, 193, 195,
 * 198 and 199. A text reply is read into canonical models (official-models.ts), its orderId into `orderId`.
 *
 * Protobuf: an OpenOrder with orderId, contract, order and orderState, kept as the wire has them; the official
 * client makes no callback when the contract, the order or the state is missing.
 */
export interface OpenOrderMessage extends OrderReplyParts {
  /** Text below MIN_SERVER_VER_ORDER_CONTAINER only: the message version (written as 34 when undefined). */
  version?: number;
  /** Undefined only when a protobuf reply leaves it out (the official client then uses 0). */
  orderId: number | undefined;
}

/** The version TWS writes below MIN_SERVER_VER_ORDER_CONTAINER. */
export const OPEN_ORDER_VERSION = 34;

/** The fields after orderId, in the official order. */
const openOrderLayout: readonly FieldGroup[] = [
  ...head.contractFields,
  ...head.mainFields,
  ...head.extendedFields,
  head.clientId,
  ...head.permIdToGoodAfterTime,
  head.sharesAllocation,
  ...head.faAndModelFields,
  ...head.goodTillDateToShortSale,
  head.auctionStrategy,
  ...head.boxToDisplaySize,
  head.blockOrder,
  ...head.sweepToOcaType,
  ...head.retiredFlagsAndParentId,
  head.triggerMethod,
  ...body.volatilityFields,
  ...body.trailFields,
  ...body.basisPointsFields,
  ...body.comboFields,
  ...body.scaleFields,
  body.hedgeFields,
  body.optOutSmartRouting,
  ...body.clearingAndNotHeld,
  body.deltaNeutralContract,
  ...body.algoAndSolicited,
  ...whatIfFields,
  tail.randomizeFlags,
  tail.peggedToBenchmark,
  tail.conditions,
  tail.adjustedOrderFields,
  tail.softDollarTier,
  ...tail.cashQtyToOmsContainer,
  ...tail.openOrderTail,
];

function textContext(sv: number, version: number, m?: OrderReplyParts): OrderTextContext {
  return {
    sv,
    version,
    open: true,
    contract: m?.contract ?? {},
    order: m?.order ?? {},
    state: m?.orderState ?? {},
  };
}

function readOpenOrder(r: FieldReader, sv: number): OpenOrderMessage {
  const version = sv < ServerVersion.ORDER_CONTAINER ? r.readInt() : undefined;
  const orderId = r.readInt();
  const c = textContext(sv, version ?? sv);
  readGroups(r, c, openOrderLayout);
  const m: OpenOrderMessage = {
    orderId,
    contract: canonicalContract(c.contract),
    order: canonicalOrder(c.order),
    orderState: canonicalOrderState(c.state),
  };
  if (version !== undefined) m.version = version;
  return m;
}

function writeOpenOrder(w: FieldWriter, m: OpenOrderMessage, sv: number): void {
  let version = sv;
  if (sv < ServerVersion.ORDER_CONTAINER) {
    version = m.version ?? OPEN_ORDER_VERSION;
    w.int(version);
  }
  w.int(m.orderId ?? 0);
  writeGroups(w, textContext(sv, version, m), openOrderLayout);
}

/** The `openOrder` call: orderId, then the contract, order and state as the official decoder builds them. */
function openOrderCalls(m: OpenOrderMessage, form: "text" | "protobuf"): WrapperCall[] {
  if (form === "text") {
    const order: Order = { ...m.order, orderId: m.orderId };
    const contract: Contract = canonicalContract({ ...m.contract });
    const state: OrderState = canonicalOrderState({ ...m.orderState });
    return [["openOrder", m.orderId, contract, callbackOrder(order), state]];
  }
  if (!m.contract || !m.order || !m.orderState) return [];
  const orderId = m.orderId ?? 0;
  const order = orderFromProtoReply(orderId, m.order);
  return [["openOrder", orderId, contractFromProtoReply(m.contract), order, canonicalOrderState({ ...m.orderState })]];
}

export const openOrder = reply<OpenOrderMessage>({
  id: IncomingMessageId.OPEN_ORDER,
  name: "OPEN_ORDER",
  text: { read: readOpenOrder, write: writeOpenOrder },
  protobuf: protobufForm(OpenOrder, {
    toProto: (m) => ({ orderId: m.orderId, ...orderReplyToProto(m) }),
    fromProto: (p) => ({ orderId: p.orderId, ...orderRepliesFromProto(p) }),
  }),
  callbacks: (m, _sv, form) => openOrderCalls(m, form),
});
