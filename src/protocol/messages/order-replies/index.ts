import type { MessageSpec } from "../spec.js";

/** Order replies: open orders, completed orders, order status, order bound and the end markers. */
export const orderReplySpecs: readonly MessageSpec[] = [];
