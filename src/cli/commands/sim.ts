import { isIP } from "node:net";
import { TWS_PORTS } from "../../protocol/ports.js";
import { MAX_CLIENT_VERSION, MIN_CLIENT_VERSION } from "../../protocol/server-versions.js";
import {
  acceleratedClock,
  type HostLogEntry,
  type PacingMode,
  type SimulatedHost,
  startSimulatedHost,
} from "../../server/index.js";
import type { CommandDefinition } from "../context.js";
import { CliError, EXIT_CODES, usageError } from "../exit-codes.js";
import type { Output } from "../output.js";
import { type ControlServer, startControlServer } from "../sim-control.js";

function parseServerVersion(text: string): number {
  const v = /^\d{1,4}$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(v >= MIN_CLIENT_VERSION && v <= MAX_CLIENT_VERSION)) {
    throw usageError(
      `--server-version must be a whole number from ${MIN_CLIENT_VERSION} to ${MAX_CLIENT_VERSION}, got '${text}' ` +
        "(200 makes a modern client speak text, 176 emulates an older TWS)",
    );
  }
  return v;
}

function parseSeed(text: string): number {
  const v = /^-?\d{1,15}$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(v)) throw usageError(`--seed must be a whole number, got '${text}'`);
  return v;
}

function parseDuration(text: string): number {
  const v = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(v >= 0)) throw usageError(`--duration must be a number of seconds (0 or more), got '${text}'`);
  return v;
}

function parseSpeed(text: string): number {
  const v = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(v > 0 && v <= 10_000)) throw usageError(`--speed must be a factor above 0 and at most 10000, got '${text}'`);
  return v;
}

function parseStart(text: string): number {
  const v = Date.parse(text);
  if (Number.isNaN(v)) throw usageError(`--start must be a date and time such as 2026-09-28T13:30:00Z, got '${text}'`);
  return v;
}

function parseBind(text: string): string {
  const t = text.trim();
  if (t !== "localhost" && isIP(t) === 0) {
    throw usageError(`--bind must be an IP address of this machine (such as 127.0.0.1 or 0.0.0.0), got '${text}'`);
  }
  return t === "localhost" ? "127.0.0.1" : t;
}

function parseTrustedIps(text: string): string[] {
  const list = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const ip of list) {
    if (isIP(ip) === 0)
      throw usageError(`--trusted-ips takes IP addresses separated by commas (no subnets), got '${ip}'`);
  }
  return list;
}

function parsePacing(text: string): PacingMode {
  if (text !== "reject" && text !== "pace") throw usageError(`--pacing must be 'reject' or 'pace', got '${text}'`);
  return text;
}

function logger(out: Output, stderr: (text: string) => void, verbose: boolean) {
  return (entry: HostLogEntry): void => {
    if (entry.level === "debug" && !verbose) return;
    if (out.json) {
      out.record("log", { ...entry });
      return;
    }
    const who =
      entry.clientId !== undefined
        ? `client ${entry.clientId}`
        : entry.conn !== undefined
          ? `conn ${entry.conn}`
          : "host";
    stderr(`${entry.level === "info" || entry.level === "debug" ? "" : `${entry.level}: `}[${who}] ${entry.message}\n`);
  };
}

/** Waits for SIGINT, SIGTERM or the end of `seconds` (wall-clock), whichever comes first. */
function untilStopped(seconds: number | undefined): Promise<string> {
  return new Promise((resolve) => {
    const stop = (reason: string) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      if (timer) clearTimeout(timer);
      resolve(reason);
    };
    const onInt = () => stop("SIGINT");
    const onTerm = () => stop("SIGTERM");
    process.once("SIGINT", onInt);
    process.once("SIGTERM", onTerm);
    const timer = seconds === undefined ? undefined : setTimeout(() => stop("duration"), seconds * 1000);
  });
}

/** `tws sim`: runs the simulated TWS / IB Gateway in the foreground. */
export const simCommand: CommandDefinition = {
  name: "sim",
  summary: "run a simulated TWS / IB Gateway",
  examples: [
    { command: "tws sim", description: "listen on 127.0.0.1:7497 (TWS paper) until Ctrl-C" },
    { command: "tws sim --port 4002 --server-version 200", description: "an IB Gateway port, text messages only" },
    { command: "tws sim --read-only --duration 60 --json", description: "read-only for a minute, JSON lines" },
    {
      command: "tws sim --start 2026-09-28T13:25:00Z --speed 60",
      description: "the US open five minutes away, a market minute every second",
    },
  ],
  needsHost: false,
  register(program, ctx) {
    return program
      .command("sim")
      .description(
        "Run a simulated TWS / IB Gateway in the foreground and print where it listens. TWS API clients (the " +
          "official ones, @stoqey/ib, ib_async, ...) connect to it unchanged. --port (global) picks the port " +
          `(default ${TWS_PORTS.twsPaper}). Stops on Ctrl-C, SIGTERM or after --duration.`,
      )
      .option(
        "--bind <address>",
        "address to listen on; other than loopback, only this machine and --trusted-ips get in",
        "127.0.0.1",
      )
      .option("--server-version <n>", `newest server version to speak (${MIN_CLIENT_VERSION}..${MAX_CLIENT_VERSION})`)
      .option("--seed <n>", "seed of the simulation")
      .option("--speed <factor>", "host time runs this many times faster than the wall clock (default 1)")
      .option("--start <time>", "host time to start at (ISO 8601, default now)")
      .option("--read-only", "read-only API: refuse orders and configuration updates")
      .option("--trusted-ips <list>", "comma-separated addresses allowed besides this machine")
      .option("--pacing <mode>", "over 50 requests/s: 'reject' (error 100) or 'pace' (delay)", "reject")
      .option("--duration <seconds>", "stop after this many seconds")
      .option("--control-port <port>", "serve the faults over HTTP on 127.0.0.1:<port> (POST /faults/<name>)")
      .action(async (opts) => {
        const out = ctx.output();
        const { port, verbose } = ctx.options();
        const bind = parseBind(opts.bind);
        let host: SimulatedHost;
        try {
          host = await startSimulatedHost({
            port: port ?? TWS_PORTS.twsPaper,
            bind,
            ...(opts.serverVersion !== undefined ? { serverVersion: parseServerVersion(opts.serverVersion) } : {}),
            ...(opts.seed !== undefined ? { seed: parseSeed(opts.seed) } : {}),
            ...(opts.speed !== undefined || opts.start !== undefined
              ? {
                  clock: acceleratedClock(
                    opts.speed !== undefined ? parseSpeed(opts.speed) : 1,
                    opts.start !== undefined ? parseStart(opts.start) : Date.now(),
                  ),
                }
              : {}),
            readOnly: opts.readOnly === true,
            trustedIps: opts.trustedIps !== undefined ? parseTrustedIps(opts.trustedIps) : [],
            pacing: parsePacing(opts.pacing),
            log: logger(out, ctx.io.stderr, verbose),
          });
        } catch (error) {
          if (error instanceof CliError) throw error;
          const code = (error as NodeJS.ErrnoException).code;
          const where = `${bind}:${port ?? TWS_PORTS.twsPaper}`;
          if (code === "EADDRINUSE") {
            throw new CliError(
              `${where} is in use (is TWS or another tws sim running?): pick another --port`,
              EXIT_CODES.error,
            );
          }
          if (code === "EADDRNOTAVAIL") {
            throw new CliError(
              `cannot listen on ${where}: --bind must be an address of this machine`,
              EXIT_CODES.error,
            );
          }
          throw error;
        }
        const duration = opts.duration !== undefined ? parseDuration(opts.duration) : undefined;
        let control: ControlServer | undefined;
        if (opts.controlPort !== undefined) {
          const controlPort = /^\d{1,5}$/.test(opts.controlPort) ? Number(opts.controlPort) : Number.NaN;
          if (!(controlPort >= 0 && controlPort <= 65535)) {
            await host.close();
            throw usageError(`--control-port must be a port from 0 to 65535, got '${opts.controlPort}'`);
          }
          control = await startControlServer(host, controlPort);
        }
        const { serverVersion, accounts, readOnly, access } = host.options;
        if (out.json) {
          out.record("listening", {
            host: host.host,
            bind,
            port: host.port,
            serverVersion,
            accounts,
            readOnly,
            trustedIps: access.trustedIps,
          });
        } else {
          const { bold, dim } = out.colors;
          out.line(`${bold("tws sim")} listening on ${bold(`${bind}:${host.port}`)}`);
          out.line(
            dim(
              `server versions up to ${serverVersion}, accounts ${accounts.join(",")}` +
                `${readOnly ? ", read-only" : ""}${access.trustedIps.length ? `, trusted ${access.trustedIps.join(",")}` : ""}`,
            ),
          );
          out.line(dim(duration === undefined ? "Ctrl-C to stop" : `stopping after ${duration} s (or Ctrl-C)`));
        }
        if (control) {
          if (out.json) out.record("control", { url: `http://127.0.0.1:${control.port}` });
          else out.line(out.colors.dim(`faults at http://127.0.0.1:${control.port}/faults/<name>`));
        }
        const reason = await untilStopped(duration);
        await control?.close();
        await host.close();
        if (out.json) out.record("stopped", { reason });
        else out.line(`tws sim stopped (${reason})`);
      });
  },
};
