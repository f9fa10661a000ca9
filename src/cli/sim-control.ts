import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { SimulatedHost } from "../server/index.js";

/**
 * The loopback HTTP control endpoint of `tws sim --control-port`: the host's faults, by name, for tests and demos
 * that drive a host in another process.
 *
 *   POST /faults/<name>   JSON body with the fault's arguments   → {"ok":true,"result":…}
 *   GET  /status                                                 → {"ok":true,"port":…}
 *
 * Faults: disconnect {clientId?}, connectivityLost, connectivityRestored {dataLost?}, restart {afterMs},
 * delay {message, ms}, drop {message}, stall {clientId}, unstall {clientId}, farmFlap {farm, downMs?},
 * halt {symbol}, resume {symbol}, clear.
 */
type Handler = (host: SimulatedHost, body: Record<string, unknown>) => unknown;

const num = (body: Record<string, unknown>, key: string, optional = false): number | undefined => {
  const v = body[key];
  if (v === undefined && optional) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) throw new BadRequest(`"${key}" must be a number`);
  return v;
};
const str = (body: Record<string, unknown>, key: string): string => {
  const v = body[key];
  if (typeof v !== "string" || v === "") throw new BadRequest(`"${key}" must be a non-empty string`);
  return v;
};

class BadRequest extends Error {}

/** The largest request body the endpoint reads. */
const MAX_BODY = 65536;

class BodyTooLarge extends Error {
  constructor() {
    super(`the body is larger than ${MAX_BODY} bytes`);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: message names are checked by the host, which throws on unknown ones
type AnyName = any;

const faults: Record<string, Handler> = {
  disconnect: (h, b) => h.faults.disconnect(num(b, "clientId", true)),
  connectivityLost: (h) => h.faults.connectivityLost(),
  connectivityRestored: (h, b) => h.faults.connectivityRestored({ dataLost: b.dataLost === true }),
  restart: (h, b) => h.faults.restart({ afterMs: num(b, "afterMs")! }),
  delay: (h, b) => h.faults.delay(str(b, "message") as AnyName, num(b, "ms")!),
  drop: (h, b) => h.faults.drop(str(b, "message") as AnyName),
  stall: (h, b) => h.faults.stall(num(b, "clientId")!),
  unstall: (h, b) => h.faults.unstall(num(b, "clientId")!),
  farmFlap: (h, b) => h.faults.farmFlap(str(b, "farm"), { downMs: num(b, "downMs", true) ?? 0 }),
  halt: (h, b) => h.faults.halt(str(b, "symbol")),
  resume: (h, b) => h.faults.resume(str(b, "symbol")),
  clear: (h) => h.faults.clear(),
};

/** The fault names the endpoint accepts. */
export const CONTROL_FAULTS = Object.keys(faults);

export interface ControlServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Serves the control endpoint on 127.0.0.1 only (never reachable from another machine). */
export async function startControlServer(host: SimulatedHost, port: number): Promise<ControlServer> {
  const server: Server = createServer((req, res) => {
    handle(host, req, res).catch((err: Error) => reply(res, 500, { ok: false, error: err.message }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the control endpoint has no port");
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(host: SimulatedHost, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (req.method === "GET" && url.pathname === "/status") {
    return reply(res, 200, { ok: true, port: host.port, faults: CONTROL_FAULTS });
  }
  const m = /^\/faults\/(\w+)$/.exec(url.pathname);
  if (req.method !== "POST" || !m)
    return reply(res, 404, { ok: false, error: "use POST /faults/<name> or GET /status" });
  const fault = faults[m[1]!];
  if (!fault)
    return reply(res, 404, { ok: false, error: `unknown fault "${m[1]}"; known: ${CONTROL_FAULTS.join(", ")}` });
  let body: Record<string, unknown> = {};
  let text: string;
  try {
    text = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLarge) {
      res.setHeader("connection", "close");
      return reply(res, 413, { ok: false, error: err.message });
    }
    throw err;
  }
  if (text.trim()) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      body = parsed as Record<string, unknown>;
    } catch {
      return reply(res, 400, { ok: false, error: "the body must be a JSON object" });
    }
  }
  try {
    const result = await fault(host, body);
    reply(res, 200, { ok: true, result: result ?? null });
  } catch (err) {
    reply(res, err instanceof BadRequest ? 400 : 422, { ok: false, error: (err as Error).message });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      text += chunk;
      // Stop reading at once: a client that keeps sending must not make the host buffer without bound.
      if (text.length > MAX_BODY) {
        req.removeAllListeners("data");
        req.pause();
        reject(new BodyTooLarge());
      }
    });
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
