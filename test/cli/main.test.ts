import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import type { CommandDefinition } from "../../src/cli/context.js";
import { CliError, EXIT_CODES } from "../../src/cli/exit-codes.js";
import { packageInfo } from "../../src/cli/package-info.js";
import { jsonLines, run } from "./run.js";

/** A command for tests only: throws what it is given, or reports the target it would connect to. */
function probe(behaviour: () => void, needsHost = true): CommandDefinition {
  return {
    name: "probe",
    summary: "test command",
    examples: [{ command: "tws probe", description: "probe" }],
    needsHost,
    register: (program, ctx) =>
      program.command("probe").action(() => {
        behaviour();
        ctx.output().record("target", { ...ctx.target() });
      }),
  };
}

describe("help", () => {
  it("lists every command with its summary and an Examples section", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(EXIT_CODES.ok);
    for (const command of COMMANDS) {
      // Commander shows a command's arguments between its name and its summary (`decode [options] [file]`).
      expect(stdout).toMatch(new RegExp(`^  ${command.name}(?: [[<][^\\]>]+[\\]>])* +${command.summary}$`, "m"));
      expect(stdout).toContain(command.examples[0]!.command);
    }
    expect(stdout).toContain("Examples:");
    expect(stdout).toMatch(/Exit codes: 0 ok, 1 usage/);
  });

  it.each(COMMANDS.map((c) => c.name))("tws %s --help shows its examples and the global options", async (name) => {
    const { code, stdout } = await run([name, "--help"]);
    expect(code).toBe(EXIT_CODES.ok);
    expect(stdout).toContain(`Usage: tws ${name}`);
    expect(stdout).toContain("Examples:");
    for (const example of COMMANDS.find((c) => c.name === name)!.examples) expect(stdout).toContain(example.command);
    expect(stdout).toContain("--json");
  });

  it("tws help <command> is the same as tws <command> --help", async () => {
    expect((await run(["help", "ports"])).stdout).toBe((await run(["ports", "--help"])).stdout);
  });

  it("says how connecting commands find their host", async () => {
    const { stdout } = await run(["probe", "--help"], { commands: [probe(() => {})] });
    expect(stdout).toContain("embedded simulated host");
  });
});

describe("--version", () => {
  it.each([["--version"], ["-V"]])("%s prints the package version", async (flag) => {
    expect(await run([flag])).toEqual({ code: 0, stdout: `${packageInfo().version}\n`, stderr: "" });
  });
});

describe("usage errors exit with 1", () => {
  it.each([
    [["--bogus", "ports"], "unknown option '--bogus'"],
    [["ports", "--bogus"], "unknown option '--bogus'"],
    [["nope"], "unknown command 'nope'"],
    [["prts"], "Did you mean ports?"],
    [[], "no command given"],
    [["--port"], "argument missing"],
    [["ports", "extra"], "too many arguments"],
    [["--port", "70000", "ports"], "--port must be a port number from 1 to 65535"],
    [["--client-id", "-1", "version"], "--client-id must be a whole number"],
  ])("tws %j", async (argv, message) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(EXIT_CODES.usage);
    expect(stderr.trimEnd().split("\n").at(-1)).toMatch(/^tws: /);
    expect(stderr).toContain(message);
  });

  it("with --json also writes one error line on stdout", async () => {
    const { code, stdout } = await run(["--json", "nope"]);
    expect(code).toBe(EXIT_CODES.usage);
    const [line, ...rest] = jsonLines(stdout);
    expect(rest).toEqual([]);
    expect(line).toMatchObject({ type: "error", code: EXIT_CODES.usage });
    expect(line!["message"]).toContain("unknown command 'nope'");
    expect(Object.keys(line!)[0]).toBe("type");
  });
});

describe("errors from commands", () => {
  it("a CliError leaves with its own code and message", async () => {
    const fail = probe(() => {
      throw new CliError("no contract matches XYZ", EXIT_CODES.notFound);
    });
    const { code, stdout, stderr } = await run(["probe", "--json"], { commands: [fail] });
    expect(code).toBe(EXIT_CODES.notFound);
    expect(stderr).toBe("tws: no contract matches XYZ\n");
    expect(jsonLines(stdout)).toEqual([
      { type: "error", code: EXIT_CODES.notFound, message: "no contract matches XYZ" },
    ]);
  });

  it("an unexpected error exits with 5, with its stack only under --verbose", async () => {
    const crash = probe(() => {
      throw new TypeError("boom");
    });
    const quiet = await run(["probe"], { commands: [crash] });
    expect(quiet).toEqual({ code: EXIT_CODES.error, stdout: "", stderr: "tws: boom\n" });
    const verbose = await run(["--verbose", "probe"], { commands: [crash] });
    expect(verbose.stderr).toContain("TypeError: boom\n    at ");
  });

  it("a connecting command gets its target checked before it runs", async () => {
    let ran = false;
    const command = probe(() => {
      ran = true;
    });
    const { code, stderr } = await run(["probe", "--host", "gw.example"], { commands: [command] });
    expect({ code, ran }).toEqual({ code: EXIT_CODES.usage, ran: false });
    expect(stderr).toContain("needs a port");
  });

  it("a connecting command reaches the host named by flags or environment, else the embedded one", async () => {
    const commands = [probe(() => {})];
    expect(jsonLines((await run(["--json", "probe"], { commands })).stdout)).toEqual([
      { type: "target", kind: "embedded" },
    ]);
    const env = { TWS_HOST: "gw.example", TWS_PORT: "4002" };
    expect(jsonLines((await run(["--json", "probe", "--port", "4001"], { commands, env })).stdout)).toEqual([
      { type: "target", kind: "remote", host: "gw.example", port: 4001 },
    ]);
  });

  it("--verbose names the target of a connecting command on stderr", async () => {
    const { stderr } = await run(["--verbose", "--port", "7497", "probe"], { commands: [probe(() => {})] });
    expect(stderr).toBe("tws: target 127.0.0.1:7497\n");
  });
});
