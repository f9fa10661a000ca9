import type { MessageSpec } from "../spec.js";

/** TWS display groups: query, subscribe, update, unsubscribe. */
export const displayGroupSpecs: readonly MessageSpec[] = [];
