import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { GoldenVector, RequestAdapter } from "./types.js";

/**
 * Every vector module of this folder: each exports `vectors`, and may export `requestAdapters` (how a recorded
 * gw1040 request maps to the message value, where the names differ). Found by listing the folder, so a family
 * adds its vectors without touching this file.
 */
interface VectorModule {
  vectors?: GoldenVector[];
  requestAdapters?: Record<string, RequestAdapter>;
  /** Names the gw1040 recordings use for a message, mapped to the catalogue's (e.g. COMMISSION_REPORT). */
  recordedMessageNames?: Record<string, string>;
}

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "index.ts" && f !== "types.ts")
  .sort();
const modules: VectorModule[] = await Promise.all(
  files.map((f) => import(pathToFileURL(`${here}/${f}`).href) as Promise<VectorModule>),
);

export const allVectors: GoldenVector[] = modules.flatMap((m) => m.vectors ?? []);

export const requestAdapters: Record<string, RequestAdapter> = Object.assign(
  {},
  ...modules.map((m) => m.requestAdapters ?? {}),
);

export const recordedMessageNames: Record<string, string> = Object.assign(
  {},
  ...modules.map((m) => m.recordedMessageNames ?? {}),
);
