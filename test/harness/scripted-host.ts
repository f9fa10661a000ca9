import { createServer, type Server, type Socket } from "node:net";
import { FrameDecoder } from "../../src/protocol/framing.js";
import {
  ApiPrefixReader,
  type ClientHello,
  decodeClientHello,
  encodeServerHello,
  negotiateServerVersion,
} from "../../src/protocol/handshake.js";

/**
 * A minimal TWS stand-in for tests: performs the handshake with the protocol core, then records every frame the
 * client sends (payload without the length prefix) and hands it to `onFrame`, which may answer through `send`.
 * Listens on 127.0.0.1, port 0; `close()` destroys every socket.
 */
export interface ScriptedConnection {
  readonly socket: Socket;
  readonly hello: ClientHello;
  readonly serverVersion: number;
  /** Every byte the client sent, handshake included. */
  readonly received: Buffer[];
  /** Frame payloads after the handshake. */
  readonly frames: Buffer[];
  send(frame: Uint8Array): void;
}

export interface ScriptedHost {
  readonly port: number;
  readonly connections: ScriptedConnection[];
  /** Resolves with the next connection's first `count` frames after the handshake. */
  waitForFrames(count: number, connection?: number): Promise<Buffer[]>;
  close(): Promise<void>;
}

export async function startScriptedHost(options: {
  maxVersion: number;
  minVersion?: number;
  connectionTime?: string;
  /** Answer this version whatever the client asked for (to test a client's own range check). */
  forceVersion?: number;
  onFrame?: (conn: ScriptedConnection, payload: Buffer) => void;
}): Promise<ScriptedHost> {
  const connections: ScriptedConnection[] = [];
  const sockets = new Set<Socket>();
  const waiters: (() => void)[] = [];
  const notify = () => {
    for (const w of waiters.splice(0)) w();
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    const prefix = new ApiPrefixReader();
    const frames = new FrameDecoder();
    const received: Buffer[] = [];
    let conn: ScriptedConnection | undefined;
    socket.on("data", (chunk) => {
      received.push(Buffer.from(chunk));
      let data: Uint8Array = chunk;
      if (!prefix.done) {
        const rest = prefix.push(chunk);
        if (rest === undefined) return;
        data = rest;
      }
      frames.push(data, (buf, s, e) => {
        const payload = Buffer.from(buf.subarray(s, e));
        if (!conn) {
          const hello = decodeClientHello(payload);
          const serverVersion =
            options.forceVersion ??
            negotiateServerVersion(hello, { min: options.minVersion ?? 100, max: options.maxVersion });
          conn = {
            socket,
            hello,
            serverVersion,
            received,
            frames: [],
            send: (frame) => socket.write(frame),
          };
          connections.push(conn);
          socket.write(
            encodeServerHello({ serverVersion, connectionTime: options.connectionTime ?? "20261124 09:30:00 EST" }),
          );
        } else {
          conn.frames.push(payload);
          options.onFrame?.(conn, payload);
        }
        notify();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    port: address.port,
    connections,
    async waitForFrames(count, index = 0) {
      for (;;) {
        const c = connections[index];
        if (c && c.frames.length >= count) return c.frames.slice(0, count);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
