import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { EXIT_CODES } from "../../src/cli/exit-codes.js";
import { TestClient } from "../harness/test-client.js";
import { jsonLines, run } from "./run.js";

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

const clients: TestClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

describe("tws sim", () => {
  it("prints where it listens, serves clients, and stops on SIGTERM", async () => {
    const port = await freePort();
    const running = run(["sim", "--port", String(port), "--server-version", "200", "--json"]);
    // Connect as soon as it listens: the first TestClient attempt may race the listener, so retry on refusal.
    let c: TestClient;
    for (;;) {
      c = TestClient.open({ port, clientId: 3 });
      clients.push(c);
      try {
        await c.hello;
        break;
      } catch {
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    expect(c.serverVersion).toBe(200);
    await c.take("NEXT_VALID_ID");
    process.emit("SIGTERM");
    const { code, stdout } = await running;
    expect(code).toBe(EXIT_CODES.ok);
    const lines = jsonLines(stdout);
    expect(lines[0]).toEqual({
      type: "listening",
      host: "127.0.0.1",
      bind: "127.0.0.1",
      port,
      serverVersion: 200,
      accounts: ["DU1234567"],
      readOnly: false,
      trustedIps: [],
    });
    expect(lines.some((l) => l.type === "log" && l.message === "client 3 connected at server version 200")).toBe(true);
    expect(lines.at(-1)).toEqual({ type: "stopped", reason: "SIGTERM" });
    await c.closed;
  });

  it("runs host time from --start at --speed times the wall clock", async () => {
    const port = await freePort();
    const start = Date.UTC(2026, 8, 28, 13, 25);
    const running = run(["sim", "--port", String(port), "--start", "2026-09-28T13:25:00Z", "--speed", "60"]);
    let c: TestClient;
    for (;;) {
      c = TestClient.open({ port, clientId: 4 });
      clients.push(c);
      try {
        await c.hello;
        break;
      } catch {
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    await c.take("NEXT_VALID_ID");
    c.send("REQ_CURRENT_TIME_IN_MILLIS", {});
    const { value } = await c.take("CURRENT_TIME_IN_MILLIS");
    const hostTime = Number(value.timeInMillis);
    expect(hostTime).toBeGreaterThanOrEqual(start);
    // Minutes of host time at most, not the machine's date.
    expect(hostTime - start).toBeLessThan(30 * 60_000);
    process.emit("SIGTERM");
    expect((await running).code).toBe(EXIT_CODES.ok);
    await c.closed;
  });

  it("stops after --duration and reports in text", async () => {
    const port = await freePort();
    const { code, stdout, stderr } = await run(["sim", "--port", String(port), "--read-only", "--duration", "0"]);
    expect({ code, stderr }).toEqual({ code: EXIT_CODES.ok, stderr: "" });
    expect(stdout).toContain(`tws sim listening on 127.0.0.1:${port}\n`);
    expect(stdout).toContain("server versions up to 226, accounts DU1234567, read-only\n");
    expect(stdout).toContain("tws sim stopped (duration)\n");
  });

  it.each([
    [["--server-version", "99"], /--server-version must be a whole number from 100 to 226/],
    [["--trusted-ips", "10.0.0.0/8"], /--trusted-ips takes IP addresses/],
    [["--bind", "example.com"], /--bind must be an IP address/],
    [["--pacing", "slow"], /--pacing must be 'reject' or 'pace'/],
    [["--speed", "0"], /--speed must be a factor above 0/],
    [["--start", "yesterday"], /--start must be a date and time/],
  ])("refuses %j", async (args, message) => {
    const { code, stderr } = await run(["sim", ...args, "--duration", "0"]);
    expect(code).toBe(EXIT_CODES.usage);
    expect(stderr).toMatch(message);
  });

  it("says when the port is taken", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const { code, stderr } = await run(["sim", "--port", String(port), "--duration", "0"]);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(code).toBe(EXIT_CODES.error);
    expect(stderr).toMatch(new RegExp(`127.0.0.1:${port} is in use`));
  });
});
