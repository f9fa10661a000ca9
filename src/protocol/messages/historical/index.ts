import type { MessageSpec } from "../spec.js";

/** Historical bars, ticks, histograms, head timestamps and schedules. */
export const historicalSpecs: readonly MessageSpec[] = [];
