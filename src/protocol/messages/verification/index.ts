import type { MessageSpec } from "../spec.js";

/** API verification and verify-and-auth messages. */
export const verificationSpecs: readonly MessageSpec[] = [];
