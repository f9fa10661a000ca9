import type { MessageSpec } from "../spec.js";

/** Executions, commissions, account updates and summaries, positions and P&L. */
export const accountSpecs: readonly MessageSpec[] = [];
