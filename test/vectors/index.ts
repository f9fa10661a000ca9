/// <reference types="vite/client" />
import type { GoldenVector, RequestAdapter } from "./types.js";

/**
 * Every vector module of this folder: each exports `vectors`, and may export `requestAdapters` (how a recorded
 * gw1040 request maps to the message value, where the names differ).
 */
const modules = import.meta.glob<{ vectors?: GoldenVector[]; requestAdapters?: Record<string, RequestAdapter> }>(
  ["./*.ts", "!./index.ts", "!./types.ts"],
  { eager: true },
);

export const allVectors: GoldenVector[] = Object.values(modules).flatMap((m) => m.vectors ?? []);

export const requestAdapters: Record<string, RequestAdapter> = Object.assign(
  {},
  ...Object.values(modules).map((m) => m.requestAdapters ?? {}),
);
