import type { CommandUnknownOpts } from "@commander-js/extra-typings";
import type { Output } from "./output.js";
import type { Target } from "./target.js";

/** The process around the CLI, injected so tests run it in-process. */
export interface CliIo {
  /** Writes raw text to standard output (callers add newlines). */
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal (color is off otherwise). */
  readonly isTTY: boolean;
  /** Whether standard error is a terminal (progress bars are drawn only then); false when absent. */
  readonly stderrIsTTY?: boolean;
}

/**
 * The default API client id. Applications most often use 0 (the official samples; 0 also receives orders placed
 * by hand in TWS) or 1 (ib_insync / ib_async), and TWS refuses a second connection with an id already in use
 * (error 326), so `tws` takes an id of its own and leaves 0 alone.
 */
export const DEFAULT_CLIENT_ID = 77;

/** The global options, validated. */
export interface GlobalOptions {
  readonly host: string | undefined;
  /** Validated to 1..65535 when given. */
  readonly port: number | undefined;
  readonly clientId: number;
  readonly json: boolean;
  /** False with --no-color; NO_COLOR and a non-TTY stdout are applied by the output, not here. */
  readonly color: boolean;
  readonly verbose: boolean;
}

/** What a command gets besides its own arguments. Valid inside an action, after the global options are parsed. */
export interface CommandContext {
  readonly io: CliIo;
  options(): GlobalOptions;
  output(): Output;
  /** Where to connect: throws a usage error for a host without a port. */
  target(): Target;
}

/** An example for the help: a full command line and what it does. */
export interface Example {
  readonly command: string;
  readonly description: string;
}

/** One `tws` command. Each lives in `commands/<name>.ts` and is listed in `commands/index.ts`. */
export interface CommandDefinition {
  readonly name: string;
  /** One line for the command list in `tws --help`. */
  readonly summary: string;
  readonly examples: readonly Example[];
  /** Whether it connects to a host; if so its target is resolved (and checked) before the action runs. */
  readonly needsHost: boolean;
  /** Adds the command to the program and returns it: `return program.command(name)...action(...)`. */
  register(program: CommandUnknownOpts, ctx: CommandContext): CommandUnknownOpts;
}
