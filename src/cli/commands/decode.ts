import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { CommandDefinition } from "../context.js";
import { CaptureDecoder, type CaptureLine, isCapture } from "../decode/capture.js";
import { type ConnectionState, type DecodeRecord, type Side, SideDecoder } from "../decode/side-decoder.js";
import { CliError, EXIT_CODES, usageError } from "../exit-codes.js";
import { jsonLine } from "../output.js";

/** `tws decode`: bytes of a TWS API connection (one side, or a `tws record` capture) as one JSON line per frame. */
export const decodeCommand: CommandDefinition = {
  name: "decode",
  summary: "decode captured TWS API bytes into JSON lines",
  examples: [
    { command: "tws decode session.jsonl", description: "a capture made by tws record (both sides)" },
    { command: "tws decode --from host reply.bin", description: "bytes a host sent, handshake reply included" },
    {
      command: "tws decode --from client --server-version 176 requests.bin",
      description: "a client's bytes alone need the server version the host chose",
    },
    { command: "cat capture.jsonl | tws decode", description: "read standard input" },
  ],
  needsHost: false,
  register(program, ctx) {
    return program
      .command("decode")
      .description(
        "Decode the bytes one side of a connection sent (with or without the handshake) or a capture made by " +
          "`tws record`, and print exactly one JSON line per frame: handshake frames as type handshake, messages " +
          "as type message with their fields (Decimal and long values as strings, unset values as null), and " +
          "undecodable frames as type error, after which decoding goes on. Reads standard input without FILE.",
      )
      .argument("[file]", "the bytes or capture to decode (standard input when absent)")
      .option("--from <side>", "which side sent raw bytes: client or host (default: client if they start with API\\0)")
      .option("--server-version <n>", "the negotiated server version, when the bytes do not include the host's reply")
      .action(async (file, opts) => {
        const from = opts.from as string | undefined;
        if (from !== undefined && from !== "client" && from !== "host") {
          throw usageError(`--from must be client or host, not ${JSON.stringify(from)}`);
        }
        let serverVersion: number | undefined;
        if (opts.serverVersion !== undefined) {
          serverVersion = Number(opts.serverVersion);
          if (!Number.isInteger(serverVersion) || serverVersion < 100 || serverVersion > 300) {
            throw usageError(`--server-version must be a server version such as 176 or 226, not ${opts.serverVersion}`);
          }
        }
        if (file !== undefined && !existsSync(file)) throw new CliError(`no such file: ${file}`, EXIT_CODES.notFound);
        const input = file === undefined ? process.stdin : createReadStream(file);
        const emit = (r: DecodeRecord) => {
          const { type, ...rest } = r;
          ctx.io.stdout(`${jsonLine(type, rest)}\n`);
        };
        await decodeStream(input, { from: from as Side | undefined, serverVersion }, emit);
      });
  },
};

/** Decodes a stream of bytes or capture lines, calling `emit` once per frame. */
export async function decodeStream(
  input: Readable,
  options: { from?: Side | undefined; serverVersion?: number | undefined },
  emit: (r: DecodeRecord) => void,
): Promise<void> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = Buffer.from(first.value as Uint8Array);
  const rest = Readable.from(
    (async function* () {
      yield head;
      for (;;) {
        const n = await iterator.next();
        if (n.done) return;
        yield n.value as Uint8Array;
      }
    })(),
  );
  if (isCapture(head)) {
    const capture = new CaptureDecoder(options.serverVersion);
    let lineNo = 0;
    for await (const line of createInterface({ input: rest, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNo++;
      if (!line.trim()) continue;
      let parsed: CaptureLine;
      try {
        parsed = JSON.parse(line) as CaptureLine;
      } catch {
        emit({ type: "error", conn: 0, from: "client", message: `line ${lineNo} is not JSON` });
        continue;
      }
      capture.line(parsed, emit);
    }
    capture.end(emit);
    return;
  }
  const side: Side = options.from ?? (head.subarray(0, 4).toString("latin1") === "API\0" ? "client" : "host");
  const state: ConnectionState = { serverVersion: options.serverVersion };
  const decoder = new SideDecoder(side, 1, state);
  for await (const chunk of rest) decoder.push(chunk as Uint8Array, emit);
  decoder.end(emit);
}
