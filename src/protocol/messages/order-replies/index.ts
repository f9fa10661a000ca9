import type { MessageSpec } from "../spec.js";
import { completedOrder } from "./completed-order.js";
import { completedOrdersEnd, openOrderEnd } from "./ends.js";
import { openOrder } from "./open-order.js";
import { orderBound } from "./order-bound.js";
import { orderStatus } from "./order-status.js";

/** Order replies: open orders, completed orders, order status, order bound and the end markers. */
export const orderReplySpecs: readonly MessageSpec[] = [
  orderStatus,
  openOrder,
  openOrderEnd,
  orderBound,
  completedOrder,
  completedOrdersEnd,
];
