import type { TextForm } from "../spec.js";

/** The value of a request that carries no arguments. */
export type NoArguments = Record<string, never>;

/**
 * The text form of a request with no arguments whose official encoder still writes a version field (REQ_POSITIONS,
 * REQ_OPEN_ORDERS, ...): the version, nothing else; reading skips it.
 */
export function versionOnlyText(version: number): TextForm<NoArguments> {
  return {
    write(w) {
      w.int(version);
    },
    read(r) {
      r.skip();
      return {};
    },
  };
}
