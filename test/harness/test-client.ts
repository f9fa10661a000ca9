import { connect, type Socket } from "node:net";
import { encodeFrame, FrameDecoder } from "../../src/protocol/framing.js";
import { decodeServerHello, encodeClientHello, type ServerHello } from "../../src/protocol/handshake.js";
import {
  decodeMessage,
  encodeMessage,
  type OutgoingSpec,
  specByName,
  specRegistry,
  type WireForm,
} from "../../src/protocol/messages/index.js";

/**
 * A small TWS API client for host tests, built on the protocol specs only: the handshake, START_API, requests by
 * message name, and every reply decoded by the reply specs. Waiting is on socket events, never on a timer.
 */
export interface Received {
  readonly name: string;
  readonly form: WireForm;
  /** The frame's payload as received (no length prefix). */
  readonly payload: Buffer;
  // biome-ignore lint/suspicious/noExplicitAny: tests read the decoded fields by name
  readonly value: any;
}

export interface TestClientOptions {
  readonly port: number;
  readonly host?: string;
  /** The local address to connect from (127.0.0.2 to look remote to a host that trusts only 127.0.0.1). */
  readonly localAddress?: string;
  readonly min?: number;
  readonly max?: number;
  readonly connectOptions?: string;
  /** Send START_API after the hello (default true); undefined clientId skips it too. */
  readonly clientId?: number;
  readonly optionalCapabilities?: string;
  /** Write `API\0` and the version range on connect (default true). */
  readonly sendHello?: boolean;
}

/** An ERR_MSG as tests compare it. */
export interface ErrorNotice {
  readonly reqId: number;
  readonly code: number;
  readonly text: string;
}

export class TestClient {
  readonly socket: Socket;
  readonly received: Received[] = [];
  /** Resolves with the host's hello; rejects if the connection closes first. */
  readonly hello: Promise<ServerHello>;
  /** The raw chunks received (the first one holds the host's hello). */
  readonly chunks: Buffer[] = [];
  /** Resolves when the socket has closed. */
  readonly closed: Promise<void>;
  serverVersion = 0;
  isClosed = false;
  private readonly frames = new FrameDecoder();
  private consumed = new Set<number>();
  private waiters: (() => void)[] = [];

  private constructor(readonly options: TestClientOptions) {
    let helloResolve!: (h: ServerHello) => void;
    let helloReject!: (e: Error) => void;
    this.hello = new Promise((resolve, reject) => {
      helloResolve = resolve;
      helloReject = reject;
    });
    this.hello.catch(() => {});
    let gotHello = false;
    this.socket = connect({
      port: options.port,
      host: options.host ?? "127.0.0.1",
      ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    });
    this.socket.on("error", () => {});
    this.closed = new Promise((resolve) =>
      this.socket.on("close", () => {
        this.isClosed = true;
        if (!gotHello) helloReject(new Error("the host closed the connection before its hello"));
        this.notify();
        resolve();
      }),
    );
    this.socket.on("connect", () => {
      if (options.sendHello === false) return;
      this.socket.write(
        encodeClientHello({
          min: options.min ?? 100,
          max: options.max ?? 226,
          ...(options.connectOptions ? { connectOptions: options.connectOptions } : {}),
        }),
      );
    });
    this.socket.on("data", (chunk) => {
      this.chunks.push(chunk);
      this.frames.push(chunk, (buf, start, end) => {
        const payload = buf.slice(start, end);
        if (!gotHello) {
          gotHello = true;
          const hello = decodeServerHello(payload);
          this.serverVersion = hello.serverVersion;
          helloResolve(hello);
          if (options.clientId !== undefined) this.startApi(options.clientId, options.optionalCapabilities ?? "");
          return;
        }
        const m = decodeMessage(specRegistry, "host", payload, this.serverVersion);
        this.received.push({ name: m.spec.name, form: m.form, value: m.value, payload: Buffer.from(payload) });
        this.notify();
      });
    });
  }

  /** Connects and performs the handshake (START_API too when `clientId` is given). */
  static async connect(options: TestClientOptions): Promise<TestClient> {
    const client = new TestClient(options);
    await client.hello;
    return client;
  }

  /** Connects without waiting for anything. */
  static open(options: TestClientOptions): TestClient {
    return new TestClient(options);
  }

  startApi(clientId: number, optionalCapabilities = ""): void {
    this.send("START_API", { clientId, optionalCapabilities });
  }

  /** Sends a request by its catalogue name, in the form the negotiated version gives it (or `form`). */
  send(name: string, value: unknown, form?: WireForm): void {
    const spec = specByName("client", name) as OutgoingSpec | undefined;
    if (!spec) throw new Error(`no request spec named ${name}`);
    const frame = encodeMessage(spec, value, this.serverVersion, undefined, form);
    this.socket.write(Buffer.from(frame));
  }

  /** Sends one frame around `payload`. */
  sendPayload(payload: Uint8Array): void {
    this.socket.write(encodeFrame(payload));
  }

  /** The next message not yet taken that matches, waiting for it; rejects if the socket closes first. */
  async take(match: string | ((m: Received) => boolean)): Promise<Received> {
    const pred = typeof match === "string" ? (m: Received) => m.name === match : match;
    for (;;) {
      for (let i = 0; i < this.received.length; i++) {
        if (this.consumed.has(i)) continue;
        const m = this.received[i]!;
        if (pred(m)) {
          this.consumed.add(i);
          return m;
        }
      }
      if (this.isClosed) throw new Error(`connection closed before a matching message arrived (${String(match)})`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The next ERR_MSG not yet taken (with `code`, if given). */
  async takeError(code?: number): Promise<ErrorNotice> {
    const m = await this.take((r) => r.name === "ERR_MSG" && (code === undefined || r.value.errorCode === code));
    return { reqId: m.value.reqId, code: m.value.errorCode, text: m.value.errorString };
  }

  /** Waits until `count` messages have arrived in all. */
  async waitForCount(count: number): Promise<Received[]> {
    while (this.received.length < count) {
      if (this.isClosed) throw new Error(`closed after ${this.received.length} of ${count} messages`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    return this.received.slice(0, count);
  }

  /** Waits for the first `count` messages and marks them taken (a startup sequence, say). */
  async skip(count: number): Promise<Received[]> {
    const got = await this.waitForCount(count);
    for (let i = 0; i < count; i++) this.consumed.add(i);
    return got;
  }

  /** Messages not taken yet. */
  pending(): Received[] {
    return this.received.filter((_, i) => !this.consumed.has(i));
  }

  close(): void {
    this.socket.destroy();
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}

/** Closes every client of a test. */
export async function closeAll(clients: Iterable<TestClient>): Promise<void> {
  const list = [...clients];
  for (const c of list) c.close();
  await Promise.all(list.map((c) => c.closed));
}
