import type { MessageSpec } from "../spec.js";

/** Contracts and reference data. */
export const contractSpecs: readonly MessageSpec[] = [];
