import type { MessageSpec } from "../spec.js";

/** TWS configuration requests and replies (protobuf only). */
export const configurationSpecs: readonly MessageSpec[] = [];
