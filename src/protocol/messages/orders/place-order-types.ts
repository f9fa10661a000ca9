import type { Contract } from "../../models/contract.js";
import type { Order } from "../../models/order.js";

/**
 * PLACE_ORDER: the arguments of the official `placeOrder(orderId, contract, order)`. A decoded request is
 * canonical: contract and order hold only the fields that differ from the official defaults.
 */
export interface PlaceOrderMessage {
  orderId: number;
  contract: Contract;
  order: Order;
}
