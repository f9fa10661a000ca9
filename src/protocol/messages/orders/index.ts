import type { MessageSpec } from "../spec.js";

/** Order requests: place, cancel, global cancel, open and completed order requests, option exercise. */
export const orderRequestSpecs: readonly MessageSpec[] = [];
