import type { MessageSpec } from "../spec.js";

/** Market depth, tick-by-tick data and real-time bars. */
export const depthAndBarsSpecs: readonly MessageSpec[] = [];
