#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, type CommandUnknownOpts, Option } from "@commander-js/extra-typings";
import { COMMANDS } from "./commands/index.js";
import {
  type CliIo,
  type CommandContext,
  type CommandDefinition,
  DEFAULT_CLIENT_ID,
  type Example,
  type GlobalOptions,
} from "./context.js";
import { CliError, EXIT_CODES, type ExitCode, usageError } from "./exit-codes.js";
import { colorEnabled, createOutput, jsonLine } from "./output.js";
import { packageInfo } from "./package-info.js";
import { describeTarget, parsePort, resolveTarget } from "./target.js";

/** `tws`: argument parsing and error reporting only; the commands live in commands/ (see docs/cli.md). */

function createRoot(io: CliIo) {
  return new Command("tws")
    .description("The Interactive Brokers TWS API from the command line.")
    .version(packageInfo().version, "-V, --version", "print the package version")
    .option("--host <host>", "TWS / IB Gateway host (env TWS_HOST)")
    .option("--port <port>", "TWS / IB Gateway API port (env TWS_PORT)")
    .addOption(
      new Option("--client-id <n>", "API client id").default(String(DEFAULT_CLIENT_ID), String(DEFAULT_CLIENT_ID)),
    )
    .option("--json", "machine output: JSON lines, each with a type")
    .option("--no-color", "no colors (also with NO_COLOR or no terminal)")
    .option("--verbose", "diagnostics on stderr")
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // Errors are reported once, by report() below, in the CLI's own format.
      outputError: () => {},
    });
}

type Program = ReturnType<typeof createRoot>;

function parseClientId(text: string): number {
  const id = /^\d{1,10}$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(id >= 0 && id <= 2 ** 31 - 1))
    throw usageError(`--client-id must be a whole number from 0 to 2147483647, got '${text}'`);
  return id;
}

function globalOptions(program: Program): GlobalOptions {
  const opts = program.opts();
  return {
    host: opts.host,
    port: opts.port === undefined ? undefined : parsePort(opts.port, "--port"),
    clientId: parseClientId(opts.clientId),
    json: opts.json === true,
    color: opts.color,
    verbose: opts.verbose === true,
  };
}

function createContext(program: Program, io: CliIo): CommandContext {
  const ctx: CommandContext = {
    io,
    options: () => globalOptions(program),
    output: () => {
      const { json, verbose, color } = ctx.options();
      return createOutput({ ...io, json, verbose, color: colorEnabled({ color, env: io.env, isTTY: io.isTTY }) });
    },
    target: () => resolveTarget(ctx.options(), io.env),
  };
  return ctx;
}

function examplesText(examples: readonly Example[]): string {
  const width = Math.max(...examples.map((e) => e.command.length));
  return `\nExamples:\n${examples.map((e) => `  $ ${e.command.padEnd(width)}  ${e.description}`).join("\n")}\n`;
}

const ROOT_NOTES = `
Target:
  With no --host/--port and no TWS_HOST/TWS_PORT, commands that connect use an embedded simulated host.
  A real TWS or IB Gateway is reached only when named; a port alone means 127.0.0.1 (see tws ports).

Exit codes: 0 ok, 1 usage, 2 cannot connect, 3 not found or ambiguous, 4 rejected, 5 other error.
Environment: TWS_HOST, TWS_PORT, NO_COLOR.
`;

/** Builds the program with every command of `commands` registered. */
function createProgram(io: CliIo, commands: readonly CommandDefinition[]): Program {
  const program = createRoot(io);
  const ctx = createContext(program, io);
  const connecting = new Set<CommandUnknownOpts>();
  for (const definition of commands) {
    const command = definition.register(program, ctx).summary(definition.summary);
    if (definition.examples.length > 0) command.addHelpText("after", examplesText(definition.examples));
    if (definition.needsHost) {
      connecting.add(command);
      command.addHelpText(
        "after",
        "\nConnects to the embedded simulated host unless --host/--port or TWS_HOST/TWS_PORT name one.\n",
      );
    }
  }
  program.addHelpText("after", examplesText(commands.flatMap((c) => c.examples.slice(0, 1))) + ROOT_NOTES);
  program.hook("preAction", (_root, action) => {
    const out = ctx.output(); // validates the global options for every command
    if (connecting.has(action)) out.debug(`tws: target ${describeTarget(ctx.target())}`);
  });
  return program;
}

/** --json as parsed, or as written before `--` when parsing stopped early. */
function wantsJson(program: Program, argv: readonly string[]): boolean {
  if (program.opts().json === true) return true;
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).includes("--json");
}

/** Reports an error as one line on stderr (and a JSON line on stdout with --json); returns the exit code. */
function report(error: unknown, program: Program, argv: readonly string[], io: CliIo): ExitCode {
  let code: ExitCode;
  let message: string;
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return EXIT_CODES.ok; // --help or --version was shown
    code = EXIT_CODES.usage;
    const text = error.code === "commander.help" ? "no command given" : error.message.replace(/^error: /, "");
    message = `${text.replace(/\s*\n\s*/g, " ")}; see 'tws --help'`;
  } else if (error instanceof CliError) {
    code = error.exitCode;
    message = error.message;
  } else {
    code = EXIT_CODES.error;
    message = error instanceof Error ? error.message : String(error);
    if (program.opts().verbose === true && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  }
  io.stderr(`tws: ${message}\n`);
  if (wantsJson(program, argv)) io.stdout(`${jsonLine("error", { code, message })}\n`);
  return code;
}

/**
 * Runs `tws` with `argv` (the arguments after the script name) and returns the exit code; never exits the
 * process, so tests run it in-process. `commands` defaults to the registry.
 */
export async function main(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CommandDefinition[] = COMMANDS,
): Promise<ExitCode> {
  let program: Program | undefined;
  try {
    program = createProgram(io, commands);
    await program.parseAsync([...argv], { from: "user" });
    return EXIT_CODES.ok;
  } catch (error) {
    if (!program) throw error;
    return report(error, program, argv, io);
  }
}

/** True when this module is the script node was started with (directly, through the npm bin link, or by tsx). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // `tws ports --json | head -1` closes the pipe early: that is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(EXIT_CODES.ok);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  });
}
