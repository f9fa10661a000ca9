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
  options: { env?: CliIo["env"]; isTTY?: boolean; commands?: readonly CommandDefinition[] } = {},
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
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

/** Parses JSON-lines output, one object per non-empty line. */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
