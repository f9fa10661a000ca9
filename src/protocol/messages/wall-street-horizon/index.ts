import type { MessageSpec } from "../spec.js";

/** Wall Street Horizon event calendar: meta data and event data. */
export const wallStreetHorizonSpecs: readonly MessageSpec[] = [];
