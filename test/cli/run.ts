import type { CliIo, CommandDefinition } from "../../src/cli/context.js";
import { main } from "../../src/cli/main.js";

/** What one in-process run of `tws` wrote and returned. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tws` in-process with a captured stdout/stderr, an empty environment unless given, and no terminal. */
export async function run(
  argv: readonly string[],
  options: {
    env?: CliIo["env"];
    isTTY?: boolean;
    commands?: readonly CommandDefinition[];
    /** Stops a long-running command (as SIGTERM would) once its stdout so far satisfies this. */
    stopWhen?: (stdout: string) => boolean;
  } = {},
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  let stopped = false;
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
      if (!stopped && options.stopWhen?.(stdout)) {
        stopped = true;
        // A signal handler runs outside the write that triggered it.
        setImmediate(() => process.emit("SIGTERM"));
      }
    },
    stderr: (text) => {
      stderr += text;
    },
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
  };
  const code = await main(argv, io, options.commands);
  return { code, stdout, stderr };
}

/** Whether the JSON lines so far (complete lines only) include one that satisfies `test`. */
export function hasLine(stdout: string, test: (line: Record<string, unknown>) => boolean): boolean {
  return jsonLines(stdout.slice(0, stdout.lastIndexOf("\n") + 1)).some(test);
}

/** Parses JSON-lines output, one object per non-empty line. */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
