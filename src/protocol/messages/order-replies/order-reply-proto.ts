import type { Contract } from "../../models/contract.js";
import type { Order } from "../../models/order.js";
import type { OrderState } from "../../models/order-state.js";
import type {
  Contract as ContractProto,
  Order as OrderProto,
  OrderState as OrderStateProto,
} from "../../proto/index.js";
import { contractFromProto, contractToProto } from "../common/contract.js";
import { legPricesOf, orderFromProto, orderStateFromProto, orderStateToProto, orderToProto } from "./order-proto.js";

/**
 * The three parts OPEN_ORDER and COMPLETED_ORDER share, and their protobuf mapping (the OpenOrder and
 * CompletedOrder messages differ only in OpenOrder's leading orderId).
 */
export interface OrderReplyParts {
  /** Undefined only when a protobuf reply leaves it out: the official client then makes no callback. */
  contract: Contract | undefined;
  /** Undefined only when a protobuf reply leaves it out: the official client then makes no callback. */
  order: Order | undefined;
  /** Undefined only when a protobuf reply leaves it out: the official client then makes no callback. */
  orderState: OrderState | undefined;
}

interface PartsProto {
  contract?: ContractProto | undefined;
  order?: OrderProto | undefined;
  orderState?: OrderStateProto | undefined;
}

/** The parts as the wire has them; the per-leg prices of the contract's legs go to the order. */
export function orderRepliesFromProto(p: PartsProto): OrderReplyParts {
  return {
    contract: p.contract ? contractFromProto(p.contract) : undefined,
    order: p.order ? orderFromProto(p.order, p.contract?.comboLegs) : undefined,
    orderState: p.orderState ? orderStateFromProto(p.orderState) : undefined,
  };
}

/** The parts back to protobuf: what {@link orderRepliesFromProto} read, field for field. */
export function orderReplyToProto(m: OrderReplyParts): PartsProto {
  return {
    contract: m.contract ? contractToProto(m.contract, legPricesOf(m.order)) : undefined,
    order: m.order ? orderToProto(m.order) : undefined,
    orderState: m.orderState ? orderStateToProto(m.orderState) : undefined,
  };
}
