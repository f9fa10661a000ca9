import type { MessageSpec } from "../spec.js";
import { cancelOrder, reqGlobalCancel } from "./cancel-order.js";
import { exerciseOptions } from "./exercise-options.js";
import { reqAllOpenOrders, reqAutoOpenOrders, reqCompletedOrders, reqOpenOrders } from "./open-order-requests.js";
import { placeOrder } from "./place-order.js";

/** Order requests: place, cancel, global cancel, open and completed order requests, option exercise. */
export const orderRequestSpecs: readonly MessageSpec[] = [
  placeOrder,
  cancelOrder,
  reqGlobalCancel,
  reqOpenOrders,
  reqAllOpenOrders,
  reqAutoOpenOrders,
  reqCompletedOrders,
  exerciseOptions,
];
