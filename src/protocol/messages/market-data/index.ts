import type { MessageSpec } from "../spec.js";
import { tickGeneric, tickPrice, tickSize, tickString } from "./ticks.js";

/** Level-1 market data: requests, ticks and the messages around them. */
export const marketDataSpecs: readonly MessageSpec[] = [tickPrice, tickSize, tickString, tickGeneric];
