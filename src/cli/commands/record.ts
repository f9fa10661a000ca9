import { createWriteStream } from "node:fs";
import type { CommandDefinition } from "../context.js";
import { CliError, EXIT_CODES, usageError } from "../exit-codes.js";
import { startRecordingProxy } from "../record/proxy.js";

function parsePort(text: string, flag: string): number {
  const v = /^\d{1,5}$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(v >= 0 && v <= 65535)) throw usageError(`${flag} must be a port from 0 to 65535, got '${text}'`);
  return v;
}

function parseTarget(text: string): { host: string; port: number } {
  const m = /^(.*):(\d{1,5})$/.exec(text.trim());
  if (!m?.[1]) throw usageError(`--to must be HOST:PORT (for example 127.0.0.1:7497), got '${text}'`);
  const port = parsePort(m[2]!, "--to");
  if (port === 0) throw usageError("--to needs a real port, not 0");
  return { host: m[1].replace(/^\[(.*)\]$/, "$1"), port };
}

/** `tws record`: a transparent loopback proxy that captures both directions of every session. */
export const recordCommand: CommandDefinition = {
  name: "record",
  summary: "capture TWS API traffic through a loopback proxy",
  examples: [
    {
      command: "tws record --listen 7496 --to 127.0.0.1:7497 --out session.jsonl",
      description: "clients connect to 7496; TWS listens on 7497",
    },
    {
      command: "tws record --listen 4003 --to 127.0.0.1:4002 --out gw.jsonl --redact",
      description: "mask account ids",
    },
    { command: "tws decode session.jsonl", description: "read the capture back, one JSON line per frame" },
  ],
  needsHost: false,
  register(program, ctx) {
    return program
      .command("record")
      .description(
        "Listen on a loopback port and forward every connection to TWS / IB Gateway, writing both directions of " +
          'each session (handshake included) as JSON lines {"t":…,"conn":1,"from":"client"|"host","hex":"…"}. ' +
          "Runs until Ctrl-C or --duration.",
      )
      .requiredOption("--listen <port>", "loopback port the clients connect to")
      .requiredOption("--to <host:port>", "the TWS or IB Gateway to forward to")
      .requiredOption("--out <file>", "the capture file (JSON lines; appended)")
      .option("--redact", "mask account ids (DU1234567 → DUXXXXXXX) in the capture")
      .option("--duration <seconds>", "stop after this many seconds")
      .action(async (opts) => {
        const listenPort = parsePort(opts.listen, "--listen");
        const target = parseTarget(opts.to);
        const duration = opts.duration === undefined ? undefined : Number(opts.duration);
        if (duration !== undefined && !(duration >= 0)) throw usageError("--duration must be a number of seconds");
        const out = createWriteStream(opts.out, { flags: "a" });
        let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
        try {
          proxy = await startRecordingProxy({
            listenPort,
            target,
            redact: opts.redact === true,
            write: (r) => out.write(`${JSON.stringify(r)}\n`),
          });
        } catch (err) {
          throw new CliError(
            `cannot listen on 127.0.0.1:${listenPort}: ${(err as Error).message}`,
            EXIT_CODES.cannotConnect,
          );
        }
        const output = ctx.output();
        if (output.json)
          output.record("listening", { port: proxy.port, to: `${target.host}:${target.port}`, out: opts.out });
        else
          output.line(
            `recording 127.0.0.1:${proxy.port} → ${target.host}:${target.port} into ${opts.out} (Ctrl-C to stop)`,
          );
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
          if (duration !== undefined) setTimeout(stop, duration * 1000).unref();
        });
        await proxy.close();
        await new Promise<void>((resolve) => out.end(() => resolve()));
        if (output.json) output.record("stopped", { connections: proxy.connections });
        else output.line(`stopped after ${proxy.connections} connection(s)`);
      });
  },
};
