import type { MessageSpec } from "../spec.js";
import { startApi } from "./start-api.js";

/** Session and error messages. */
export const sessionSpecs: readonly MessageSpec[] = [startApi];
