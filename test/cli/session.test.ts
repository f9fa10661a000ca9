import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { EXIT_CODES } from "../../src/cli/exit-codes.js";
import { cliHost } from "./cli-host.js";
import { jsonLines, run } from "./run.js";

const fixture = cliHost();
const root = fileURLToPath(new URL("../../", import.meta.url));

/** A port nothing listens on: bound and closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
});

/** Runs `tws` (from source, through tsx) as a child process; resolves with its output once it exits. */
function spawnTws(args: readonly string[], onStdout?: (text: string, child: ChildProcess) => void) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", TWS_HOST: "", TWS_PORT: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    onStdout?.(stdout, child);
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

describe("connecting", () => {
  it("exits 2 for a refused connection, naming host:port and the API settings to check", async () => {
    const port = await closedPort();
    const { code, stdout, stderr } = await run(["quote", "AAPL", "--port", String(port), "--json"]);
    expect(code).toBe(EXIT_CODES.cannotConnect);
    expect(stderr).toContain(`tws: cannot connect to 127.0.0.1:${port}: connection refused`);
    expect(stderr).toContain("Enable ActiveX and Socket Clients");
    expect(stderr).toContain("Trusted IPs");
    expect(jsonLines(stdout)).toEqual([{ type: "error", code: EXIT_CODES.cannotConnect, message: expect.any(String) }]);
  });

  it("exits 2 when the client id is in use (TWS error 326)", async () => {
    const { host, port } = await fixture.start();
    await fixture.ready(host, 5);
    const { code, stderr } = await run(["contract", "AAPL", "--port", port, "--client-id", "5"]);
    expect(code).toBe(EXIT_CODES.cannotConnect);
    expect(stderr).toMatch(
      /client id is already in use.*\(TWS error 326\); another application uses this client id: pick another with --client-id/,
    );
  });

  it("ends cleanly on SIGINT in a child process: cancels, disconnects, closes the embedded host, exits 0", async () => {
    const { code, signal, stdout } = await spawnTws(["quote", "AAPL", "--json"], (out, child) => {
      if (out.includes("\n")) child.kill("SIGINT");
    });
    expect({ code, signal }).toEqual({ code: EXIT_CODES.ok, signal: null });
    expect(jsonLines(stdout)[0]).toMatchObject({ type: "quote", symbol: "AAPL" });
  }, 45_000);

  it("npm start -- --duration 3 shows the demo board and exits 0", async () => {
    const child = spawn("npm", ["start", "--silent", "--", "--duration", "3"], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1", TWS_HOST: "", TWS_PORT: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let stdout = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(EXIT_CODES.ok);
    expect(stdout).toMatch(/tws-ts live data from the embedded simulated host \(127\.0\.0\.1:\d+\)/);
    expect(stdout).toMatch(/^SYMBOL\s+BID\s+ASK\s+LAST\s+CHANGE\s+VOLUME\s+TREND/m);
    for (const symbol of ["AAPL", "MSFT", "SPY", "EUR.USD", "ES"])
      expect(stdout).toMatch(new RegExp(`^${symbol.replace(".", "\\.")}`, "m"));
  }, 45_000);
});
