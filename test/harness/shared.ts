import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * `../shared` beside the project: always present in CI. A test that needs it fails (never skips) without it.
 */
export function sharedPath(...parts: string[]): string {
  const base = resolve(projectRoot, "..", "shared");
  if (!existsSync(base)) {
    throw new Error(`../shared is missing beside the project (looked in ${base}); tests that read it cannot run`);
  }
  const path = join(base, ...parts);
  if (!existsSync(path)) throw new Error(`${path} is missing from ../shared`);
  return path;
}

/** A JSON Lines file under ../shared/recordings: the header, then the records. */
export function readRecording<T = RecordingRecord>(
  relative: string,
): { header: Record<string, unknown>; records: T[] } {
  const lines = readFileSync(sharedPath("recordings", relative), "utf8").split("\n").filter(Boolean);
  const [head, ...rest] = lines.map((l) => JSON.parse(l));
  return { header: head, records: rest as T[] };
}

/** One record of a gw1040 codec slice or four-leg capture. */
export interface RecordingRecord {
  seq: number;
  leg: "api_out" | "api_in" | "fix_out" | "fix_in";
  conn?: string;
  msg_name?: string;
  raw_b64?: string;
  request?: Record<string, unknown>;
  callbacks?: unknown[][];
}
