import type { MessageSpec } from "../spec.js";

/** Fundamental data (present up to API 10.46, removed in 10.50). */
export const fundamentalsSpecs: readonly MessageSpec[] = [];
