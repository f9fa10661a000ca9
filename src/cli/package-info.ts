import { readFileSync } from "node:fs";

/** The fields of package.json the command line shows. */
export interface PackageInfo {
  readonly name: string;
  readonly version: string;
}

let cached: PackageInfo | undefined;

/**
 * Reads package.json at run time. This file sits at the same depth in src/cli/ (run by tsx or vitest) and in
 * dist/cli/ (the published bin), so `../../package.json` is the package's own manifest in both.
 */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  const url = new URL("../../package.json", import.meta.url);
  const json: unknown = JSON.parse(readFileSync(url, "utf8"));
  const { name, version } = (json ?? {}) as { name?: unknown; version?: unknown };
  if (typeof name !== "string" || typeof version !== "string") {
    throw new Error(`${url.pathname} has no name or version`);
  }
  cached = { name, version };
  return cached;
}
