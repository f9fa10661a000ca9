import type { MessageSpec } from "../spec.js";

/** News and market scanners. */
export const newsAndScannerSpecs: readonly MessageSpec[] = [];
