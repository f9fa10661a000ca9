import type { CommandContext } from "../context.js";
import type { SessionOptions } from "./session.js";

/** The session options of a command: its target and client id, diagnostics with --verbose, warnings on stderr. */
export function sessionOptions(ctx: CommandContext): SessionOptions {
  const out = ctx.output();
  return {
    target: ctx.target(),
    clientId: ctx.options().clientId,
    debug: (text) => out.debug(text),
    warn: (text) => ctx.io.stderr(`${text}\n`),
  };
}
