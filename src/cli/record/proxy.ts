import { createServer, connect as netConnect, type Server, type Socket } from "node:net";

/** One line of a capture: a chunk of bytes one side of a connection sent. `tws decode` reads the same lines. */
export interface CaptureRecord {
  /** Epoch milliseconds when the chunk arrived. */
  t: number;
  /** Connection number, from 1, in accept order. */
  conn: number;
  from: "client" | "host";
  hex: string;
}

export interface RecordingProxyOptions {
  /** Port to listen on (0 for any free port); always on loopback. */
  listenPort: number;
  target: { host: string; port: number };
  /** Receives every record as it happens, in order. */
  write: (record: CaptureRecord) => void;
  /** Replace account ids (DU1234567 → DUXXXXXXX, same length so frame and protobuf lengths stay right). */
  redact?: boolean;
  now?: () => number;
}

export interface RecordingProxy {
  readonly port: number;
  /** Connections seen so far. */
  readonly connections: number;
  close(): Promise<void>;
}

const ACCOUNT_RE = /\b(DU|DF|U|F)(\d{4,})\b/g;

/**
 * Masks account ids in a chunk without changing its length. An id cut by a chunk boundary is not recognised;
 * TWS sends each message in one write, so that is rare, but a capture meant for sharing should be checked.
 */
export function redactAccounts(chunk: Buffer): Buffer {
  const text = chunk.toString("latin1");
  const masked = text.replace(ACCOUNT_RE, (_m, prefix: string, digits: string) => prefix + "X".repeat(digits.length));
  return masked === text ? chunk : Buffer.from(masked, "latin1");
}

/**
 * A transparent loopback proxy between TWS API clients and a host, recording both directions of every session,
 * handshake included. Bytes are forwarded unchanged as they arrive; only the record is redacted.
 */
export async function startRecordingProxy(options: RecordingProxyOptions): Promise<RecordingProxy> {
  const now = options.now ?? Date.now;
  const sockets = new Set<Socket>();
  let connections = 0;
  const record = (conn: number, from: CaptureRecord["from"], chunk: Buffer) => {
    const bytes = options.redact ? redactAccounts(chunk) : chunk;
    options.write({ t: now(), conn, from, hex: bytes.toString("hex") });
  };
  const server: Server = createServer((client) => {
    const conn = ++connections;
    const upstream = netConnect({ host: options.target.host, port: options.target.port, noDelay: true });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {});
    }
    client.setNoDelay(true);
    client.on("data", (chunk: Buffer) => {
      record(conn, "client", chunk);
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      record(conn, "host", chunk);
      client.write(chunk);
    });
    // A close on either side closes the other: the proxy never keeps half a session alive.
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.listenPort, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the proxy has no port");
  return {
    port: address.port,
    get connections() {
      return connections;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
