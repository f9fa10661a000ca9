import { connect as netConnect, type Socket } from "node:net";
import { EncodeError, FrameTooLargeError, InvalidCharacterError, ServerVersionError } from "../protocol/errors.js";
import { FieldWriter } from "../protocol/field-writer.js";
import {
  DEFAULT_CLIENT_RANGE,
  decodeServerHello,
  encodeClientHello,
  type VersionRange,
} from "../protocol/handshake.js";
import type { OutgoingMessageName } from "../protocol/message-ids.js";
import { encodeMessage, type OutgoingSpec, specByName } from "../protocol/messages/index.js";
import { NO_VALID_ID } from "../protocol/values.js";
import { ClientError, sendErrorCode } from "./client-errors.js";
import { EReader } from "./ereader.js";
import { Pacer, type PacerOptions } from "./pacer.js";

/** One entry of the API message log. */
export interface MessageLogEntry {
  direction: "out" | "in";
  /** Epoch milliseconds. */
  time: number;
  /** Request name (out) or callback name (in). */
  name: string;
  /** The request's arguments (out) or the callback's arguments (in). */
  data: unknown;
}

export interface EClientOptions {
  /** Server versions offered in the handshake; default v100..226. */
  versionRange?: VersionRange;
  /** Connect options sent after the version range (e.g. `+PACEAPI`). */
  connectOptions?: string;
  /** Sent in START_API. */
  optionalCapabilities?: string;
  /** How long to wait for the host's handshake reply before giving up with error 502; default 10 s. */
  connectTimeoutMs?: number;
  /** Hold requests back to stay under TWS's rate (true: 45 per second). Off by default, as in the official API. */
  pacing?: boolean | PacerOptions;
  /** API message log, like TWS's: every request and every callback, with account ids redacted if asked. */
  messageLog?: (entry: MessageLogEntry) => void;
  redactAccounts?: boolean;
  /** Where callbacks the wrapper does not implement go (default: nothing). */
  onUnhandled?: (name: string, args: readonly unknown[]) => void;
  /** Where exceptions thrown by wrapper callbacks go (default: console.error); reading always goes on. */
  onCallbackError?: (name: string, error: unknown) => void;
  /** Frames dispatched per event-loop turn. */
  dispatchBatchSize?: number;
}

/** Raised by `connect()` when no session could be set up; the wrapper also gets the error callback. */
export class ConnectError extends Error {
  override name = "ConnectError";
  constructor(
    readonly code: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

type Wrapper = object;

const ACCOUNT_RE = /\b(?:DU|DF|U|F)\d{4,}\b/g;

/**
 * The connection half of EClient: handshake, START_API, the socket, the reader, sending with the official
 * client-side errors (501–593), optional pacing and the message log. Request methods are added by the subclasses.
 */
export class EClientCore {
  protected socket: Socket | undefined;
  private reader: EReader | undefined;
  private sv = 0;
  private connTime = "";
  private clientIdValue = -1;
  private connected = false;
  private closing: Promise<void> | undefined;
  private readonly writer = new FieldWriter();
  private readonly pacer: Pacer | undefined;
  private accounts: string[] = [];

  constructor(
    protected readonly wrapper: Wrapper,
    protected readonly options: EClientOptions = {},
  ) {
    const pacing = options.pacing;
    if (pacing) this.pacer = new Pacer(pacing === true ? {} : pacing);
  }

  /** The negotiated server version (0 before the handshake). */
  serverVersion(): number {
    return this.sv;
  }

  /** The host's connection time text from the handshake. */
  twsConnectionTime(): string {
    return this.connTime;
  }

  isConnected(): boolean {
    return this.connected;
  }

  /** The client id of the current connection. */
  clientId(): number {
    return this.clientIdValue;
  }

  /**
   * Opens the socket, performs the handshake and sends START_API. Resolves when START_API is sent, so
   * `serverVersion()` is known; nextValidId and managedAccounts then arrive through the wrapper. On failure the
   * wrapper gets the error (502 cannot connect, 506 unsupported version, 501 already connected) and the promise
   * rejects with a {@link ConnectError}.
   */
  connect(host: string, port: number, clientId: number): Promise<void> {
    if (this.connected || this.socket) {
      this.raise(NO_VALID_ID, ClientError.ALREADY_CONNECTED.code, ClientError.ALREADY_CONNECTED.message);
      return Promise.reject(
        new ConnectError(ClientError.ALREADY_CONNECTED.code, ClientError.ALREADY_CONNECTED.message),
      );
    }
    const range = this.options.versionRange ?? DEFAULT_CLIENT_RANGE;
    this.clientIdValue = clientId;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      let pending: Buffer = Buffer.alloc(0);
      const socket = netConnect({ host, port, noDelay: true });
      this.socket = socket;
      const fail = (code: number, message: string, cause?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.raise(NO_VALID_ID, code, message);
        socket.destroy();
        this.socket = undefined;
        reject(new ConnectError(code, message, { cause }));
      };
      const timer = setTimeout(
        () =>
          fail(
            ClientError.CONNECT_FAIL.code,
            `${ClientError.CONNECT_FAIL.message} (no handshake reply from ${host}:${port})`,
          ),
        this.options.connectTimeoutMs ?? 10_000,
      );
      socket.once("connect", () => {
        socket.write(encodeClientHello({ ...range, connectOptions: this.options.connectOptions ?? "" }));
      });
      socket.on("error", (err) => {
        if (!settled) fail(ClientError.CONNECT_FAIL.code, `${ClientError.CONNECT_FAIL.message} (${err.message})`, err);
        else
          this.raise(
            NO_VALID_ID,
            ClientError.SOCKET_EXCEPTION.code,
            `${ClientError.SOCKET_EXCEPTION.message}${err.message}`,
          );
      });
      socket.on("close", () => {
        if (!settled)
          fail(ClientError.CONNECT_FAIL.code, `${ClientError.CONNECT_FAIL.message} (the host closed the connection)`);
        else this.closed();
      });
      const onHandshakeData = (chunk: Buffer) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        if (pending.length < 4) return;
        const length = pending.readUInt32BE(0);
        if (length > 4096)
          return fail(
            ClientError.BAD_LENGTH.code,
            `${ClientError.BAD_LENGTH.message}: ${length} in the handshake reply`,
          );
        if (pending.length < 4 + length) return;
        socket.off("data", onHandshakeData);
        let sv: number;
        try {
          const hello = decodeServerHello(pending.subarray(4, 4 + length));
          sv = hello.serverVersion;
          this.connTime = hello.connectionTime;
        } catch (err) {
          return fail(
            ClientError.CONNECT_FAIL.code,
            `${ClientError.CONNECT_FAIL.message} (${(err as Error).message})`,
            err,
          );
        }
        if (sv < range.min || sv > range.max) {
          return fail(
            ClientError.UNSUPPORTED_VERSION.code,
            `${ClientError.UNSUPPORTED_VERSION.message}: the host chose server version ${sv}, outside v${range.min}..${range.max}`,
          );
        }
        settled = true;
        clearTimeout(timer);
        this.sv = sv;
        this.connected = true;
        this.startReader(socket, pending.subarray(4 + length));
        this.sendRequest("START_API", { clientId, optionalCapabilities: this.options.optionalCapabilities ?? "" });
        this.invoke("connectAck");
        resolve();
      };
      socket.on("data", onHandshakeData);
    });
  }

  /** Closes the connection; resolves once the socket is closed. Queued (paced) requests are discarded, never resent. */
  disconnect(): Promise<void> {
    const socket = this.socket;
    if (!socket) return Promise.resolve();
    this.closing ??= new Promise<void>((resolve) => {
      socket.once("close", () => resolve());
      this.pacer?.clear();
      socket.end(() => socket.destroy());
      setTimeout(() => socket.destroy(), 1000).unref();
    });
    return this.closing;
  }

  private startReader(socket: Socket, rest: Buffer): void {
    const log = this.options.messageLog;
    const reader = new EReader(
      log ? this.loggingWrapper(log) : this.wrapper,
      this.sv,
      {
        badFrame: (err) => {
          const known = err.messageName !== undefined || err.name !== "UnknownMessageIdError";
          const e = known ? ClientError.BAD_MESSAGE : ClientError.UNKNOWN_ID;
          this.raise(NO_VALID_ID, e.code, `${e.message}: ${err.message}`);
        },
        unhandled: (name, args) => this.options.onUnhandled?.(name, args),
        callbackError: (name, error) =>
          (this.options.onCallbackError ?? ((n, e) => console.error(`tws-ts: the ${n} callback threw`, e)))(
            name,
            error,
          ),
        backpressure: (paused) => (paused ? socket.pause() : socket.resume()),
      },
      { batchSize: this.options.dispatchBatchSize },
    );
    this.reader = reader;
    socket.on("data", (chunk: Buffer) => this.feed(chunk));
    socket.on("end", () => socket.end());
    if (rest.length > 0) this.feed(rest);
  }

  private feed(chunk: Buffer): void {
    try {
      this.reader?.push(chunk);
    } catch (err) {
      const e = err instanceof FrameTooLargeError ? ClientError.BAD_LENGTH : ClientError.BAD_MESSAGE;
      this.raise(NO_VALID_ID, e.code, `${e.message}: ${(err as Error).message}`);
      this.socket?.destroy();
    }
  }

  private closed(): void {
    const reader = this.reader;
    this.reader = undefined;
    if (reader) {
      reader.flush();
      try {
        reader.end();
      } catch (err) {
        this.raise(
          NO_VALID_ID,
          ClientError.BAD_LENGTH.code,
          `${ClientError.BAD_LENGTH.message}: ${(err as Error).message}`,
        );
      }
    }
    const was = this.connected;
    this.connected = false;
    this.socket = undefined;
    this.closing = undefined;
    this.pacer?.clear();
    if (was) this.invoke("connectionClosed");
  }

  /** The wrapper seen through a Proxy that logs every callback before it runs. */
  private loggingWrapper(log: (entry: MessageLogEntry) => void): object {
    const target = this.wrapper as Record<string, unknown>;
    return new Proxy(target, {
      get: (t, prop, receiver) => {
        const v = Reflect.get(t, prop, receiver);
        if (typeof prop !== "string") return v;
        return (...args: unknown[]) => {
          if (prop === "managedAccounts" && typeof args[0] === "string")
            this.accounts = args[0].split(",").filter(Boolean);
          log({ direction: "in", time: Date.now(), name: prop, data: this.redact(args) });
          if (typeof v === "function") return v.apply(t, args);
          this.options.onUnhandled?.(prop, args);
        };
      },
    });
  }

  private redact(data: unknown): unknown {
    if (!this.options.redactAccounts) return data;
    const text = JSON.stringify(data, (_k, v) => (typeof v === "bigint" ? v.toString() : v)) ?? "null";
    let out = text.replace(ACCOUNT_RE, "XXXXXXX");
    for (const a of this.accounts) if (a) out = out.split(a).join("XXXXXXX");
    return JSON.parse(out);
  }

  /** Calls a wrapper callback if it exists. */
  protected invoke(name: string, ...args: unknown[]): void {
    const fn = (this.wrapper as Record<string, unknown>)[name];
    if (typeof fn === "function") fn.apply(this.wrapper, args);
    else this.options.onUnhandled?.(name, args);
  }

  /** Reports an error through the wrapper as TWS errors arrive: (reqId, errorTime, code, text, advancedJson). */
  protected raise(reqId: number, code: number, message: string): void {
    this.invoke("error", reqId, Date.now(), code, message, "");
  }

  /** Sends one request by its spec (typed by the spec's message value); see {@link sendRequest}. */
  protected send<M>(spec: OutgoingSpec<M>, value: M, reqId: number = NO_VALID_ID): boolean {
    return this.sendRequest(spec.name, value, reqId);
  }

  /**
   * Encodes and sends one request in the form the negotiated version takes. A request the version cannot carry
   * is refused locally (503, naming the feature) and never sent; characters TWS cannot read give 579; not
   * connected gives 504.
   */
  protected sendRequest(name: OutgoingMessageName, value: unknown, reqId: number = NO_VALID_ID): boolean {
    if (!this.connected || !this.socket) {
      this.raise(reqId, ClientError.NOT_CONNECTED.code, ClientError.NOT_CONNECTED.message);
      return false;
    }
    const spec = specByName("client", name) as OutgoingSpec | undefined;
    const sendCode = sendErrorCode[name] ?? ClientError.BAD_MESSAGE.code;
    if (!spec) {
      this.raise(reqId, sendCode, `${name} is not supported by this version of tws-ts`);
      return false;
    }
    let frame: Buffer;
    try {
      frame = Buffer.from(encodeMessage(spec, value, this.sv, this.writer));
    } catch (err) {
      if (err instanceof ServerVersionError) {
        this.raise(reqId, ClientError.UPDATE_TWS.code, `${ClientError.UPDATE_TWS.message} ${err.message}`);
      } else if (err instanceof InvalidCharacterError) {
        this.raise(reqId, ClientError.INVALID_SYMBOL.code, `${ClientError.INVALID_SYMBOL.message}${err.text}`);
      } else {
        const why = err instanceof EncodeError || err instanceof Error ? err.message : String(err);
        this.raise(reqId, sendCode, `${name} could not be encoded: ${why}`);
      }
      return false;
    }
    this.options.messageLog?.({ direction: "out", time: Date.now(), name, data: this.redact(value) });
    const socket = this.socket;
    if (!this.pacer) {
      socket.write(frame);
      return true;
    }
    const cancel = name.startsWith("CANCEL_") || name === "REQ_GLOBAL_CANCEL";
    const accepted = this.pacer.submit(() => socket.write(frame), cancel ? "cancel" : "normal");
    if (!accepted) this.raise(reqId, sendCode, `${name} refused: the pacing queue is full`);
    return accepted;
  }
}
