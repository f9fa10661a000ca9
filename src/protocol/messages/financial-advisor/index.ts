import type { MessageSpec } from "../spec.js";

/** Financial-advisor configuration (FA groups) requests and replies. */
export const financialAdvisorSpecs: readonly MessageSpec[] = [];
