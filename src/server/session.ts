import type { Socket } from "node:net";
import { HandshakeError, ProtocolError, VersionNegotiationError } from "../protocol/errors.js";
import { FieldReader } from "../protocol/field-reader.js";
import { FieldWriter } from "../protocol/field-writer.js";
import { FrameDecoder } from "../protocol/framing.js";
import {
  ApiPrefixReader,
  decodeClientHello,
  encodeServerHello,
  formatConnectionTime,
  negotiateServerVersion,
} from "../protocol/handshake.js";
import { type IncomingMessageName, outgoingMessageName } from "../protocol/message-ids.js";
import { decodeFrame, encodeMessage, MessageDecodeError, specRegistry } from "../protocol/messages/index.js";
import { MIN_CLIENT_VERSION } from "../protocol/server-versions.js";
import { FARM_CODES, farmKindOf, farmOkText, TwsCode, TwsText } from "./errors-table.js";
import type { HostState } from "./handlers/index.js";
import type { HostLogEntry, ResolvedHostOptions } from "./options.js";
import { SessionOutput } from "./output.js";
import { replySpec, replyValues } from "./replies.js";
import { RequestRouter } from "./router.js";

/** What a session needs from its host. */
export interface SessionHost {
  readonly options: ResolvedHostOptions;
  readonly state: HostState;
  /** Claims a client id at START_API. */
  register(session: Session): "ok" | "duplicate" | "full";
  /** Called once when the session ends. */
  unregister(session: Session): void;
  /** Faults on replies: a delay in ms, "drop", or undefined. */
  replyFault(name: IncomingMessageName): number | "drop" | undefined;
  /** Whether connectivity to IB is down (a session starting then hears 1100). */
  readonly connectivityLost: boolean;
}

export type SessionState = "handshake" | "awaiting-start-api" | "active" | "closed";

const PACE_CAPABILITY = /\+PACEAPI\b/i;

/**
 * One API connection, from `API\0` to close: the handshake, START_API, the startup sequence, then requests (through
 * the {@link RequestRouter}) and replies. Nothing a client sends can throw out of here: a bad frame is answered
 * with an error or ends this connection only.
 */
export class Session {
  state: SessionState = "handshake";
  clientId = -1;
  serverVersion = 0;
  /** The connect options of the hello and START_API's optional capabilities. */
  capabilities = "";
  readonly connectedAt: number;
  private readonly prefix = new ApiPrefixReader();
  private readonly frames: FrameDecoder;
  private readonly reader = new FieldReader();
  private readonly writer = new FieldWriter();
  private readonly output: SessionOutput;
  private router: RequestRouter | undefined;

  constructor(
    readonly conn: number,
    readonly socket: Socket,
    private readonly host: SessionHost,
  ) {
    this.connectedAt = host.state.clock.now();
    this.frames = new FrameDecoder({ maxLength: host.options.maxRequestBytes });
    this.output = new SessionOutput(socket, host.options.maxOutputBytes, (waiting) => {
      this.log(
        "warn",
        `not reading: ${waiting} bytes of output waiting (limit ${host.options.maxOutputBytes}); dropped`,
      );
      this.close("destroy");
    });
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", (err) => this.log("info", `socket error: ${err.message}`));
    socket.on("close", () => this.closed());
    // A client that ends its side has left (TWS has no half-open API sessions): free its ids and market data
    // lines now, not a turn later when the socket has finished closing.
    socket.on("end", () => this.closed());
  }

  get isActive(): boolean {
    return this.state === "active";
  }

  /** Paces the socket: stop reading while too many paced requests wait. */
  throttle(paused: boolean): void {
    if (paused) this.socket.pause();
    else if (this.state !== "closed") this.socket.resume();
  }

  /** Stalls (or releases) this session's output, as a client whose pipe is stuck. */
  stall(on: boolean): void {
    if (on) this.output.stall();
    else this.output.release();
  }

  get outputStalled(): boolean {
    return this.output.isStalled;
  }

  log(level: HostLogEntry["level"], message: string): void {
    this.host.options.log({
      level,
      message,
      conn: this.conn,
      ...(this.clientId >= 0 ? { clientId: this.clientId } : {}),
    });
  }

  /** Ends the session: `end` flushes what was written first, `destroy` drops it at once. */
  close(how: "end" | "destroy"): void {
    if (this.state === "closed") return;
    this.closed();
    if (how === "end") {
      this.output.flush();
      this.socket.end(() => this.socket.destroy());
    } else this.socket.destroy();
  }

  private closed(): void {
    if (this.state === "closed") return;
    this.state = "closed";
    this.router?.dispose();
    this.host.unregister(this);
  }

  /**
   * Sends a reply unless a fault delays or drops it. Throws when the reply cannot be encoded at this session's
   * version (a handler's request then gets 322).
   */
  send(name: IncomingMessageName, value: unknown): void {
    if (this.state === "closed") return;
    const fault = this.host.replyFault(name);
    if (fault === "drop") return;
    if (fault !== undefined && fault > 0) {
      this.host.state.clock.setTimer(() => {
        try {
          this.write(name, value);
        } catch (err) {
          this.log("error", `cannot send the delayed ${name}: ${(err as Error).message}`);
        }
      }, fault);
      return;
    }
    this.write(name, value);
  }

  /** ERR_MSG: `reqId` -1 when it belongs to no request. */
  sendError(reqId: number, code: number, text: string): void {
    this.send("ERR_MSG", replyValues.error(reqId, code, text, this.host.state.clock.now()));
  }

  private write(name: IncomingMessageName, value: unknown): void {
    if (this.state === "closed") return;
    const spec = replySpec(name);
    if (!spec) throw new Error(`no message spec is registered for ${name}`);
    // The output copies the frame, so the writer's buffer serves the next one.
    const frame = encodeMessage(spec, value, this.serverVersion, this.writer);
    this.output.write(frame);
    this.host.options.onFrameSent?.(this.clientId, name, frame.length);
  }

  private onData(chunk: Buffer): void {
    if (this.state === "closed") return;
    try {
      let data: Uint8Array = chunk;
      if (!this.prefix.done) {
        const rest = this.prefix.push(chunk);
        if (rest === undefined) return;
        data = rest;
      }
      this.frames.push(data, (buf, start, end) => this.onFrame(buf, start, end));
    } catch (err) {
      // Only the stream itself can fail here (a wrong prefix, a frame over the limit): this connection ends.
      this.log("warn", `closed: ${err instanceof Error ? err.message : String(err)}`);
      this.close("destroy");
    }
  }

  private onFrame(buf: Uint8Array, start: number, end: number): void {
    if (this.state === "handshake") this.onHello(buf.slice(start, end));
    else if (this.state === "awaiting-start-api") this.onStartApi(buf, start, end);
    else if (this.state === "active") this.router!.onFrame(buf.subarray(start, end));
  }

  private onHello(payload: Uint8Array): void {
    const { options, state } = this.host;
    const hostRange = { min: MIN_CLIENT_VERSION, max: options.serverVersion };
    const connectionTime = formatConnectionTime(state.clock.now(), options.timeZone);
    try {
      const hello = decodeClientHello(payload);
      this.capabilities = hello.connectOptions;
      this.serverVersion = negotiateServerVersion(hello, hostRange);
    } catch (err) {
      if (err instanceof VersionNegotiationError) {
        // Answer with our newest version, so the client can say "unsupported version" itself, then hang up.
        this.socket.write(encodeServerHello({ serverVersion: options.serverVersion, connectionTime }));
        this.log("warn", `closed: ${err.message}`);
        this.close("end");
        return;
      }
      throw err instanceof ProtocolError ? err : new HandshakeError(String(err));
    }
    this.state = "awaiting-start-api";
    // Nothing follows the reply until START_API: the official client drops bytes that arrive with it.
    this.socket.write(encodeServerHello({ serverVersion: this.serverVersion, connectionTime }));
  }

  private onStartApi(buf: Uint8Array, start: number, end: number): void {
    let clientId: number;
    try {
      const decoded = decodeFrame(specRegistry, "client", buf, start, end, this.serverVersion, this.reader);
      if (decoded.spec.name !== "START_API") throw new Error(`expected START_API, got ${decoded.spec.name}`);
      const value = decoded.value as { clientId: number; optionalCapabilities: string };
      clientId = value.clientId;
      if (value.optionalCapabilities) this.capabilities = `${this.capabilities} ${value.optionalCapabilities}`.trim();
    } catch (err) {
      const what =
        err instanceof MessageDecodeError && err.id !== undefined ? (outgoingMessageName(err.id) ?? err.id) : "";
      this.log(
        "warn",
        `closed: the first message must be START_API ${what ? `(got ${what}) ` : ""}: ${(err as Error).message}`,
      );
      this.close("destroy");
      return;
    }
    this.clientId = clientId;
    const outcome = this.host.register(this);
    if (outcome === "duplicate") {
      this.log("warn", `refused: client id ${clientId} is already in use`);
      this.sendError(-1, TwsCode.CLIENT_ID_IN_USE, TwsText.clientIdInUse);
      this.close("end");
      return;
    }
    if (outcome === "full") {
      this.log("warn", `refused: ${this.host.options.maxClients} clients are already connected`);
      this.sendError(-1, TwsCode.TOO_MANY_CLIENTS, TwsText.tooManyClients(this.host.options.maxClients));
      this.close("end");
      return;
    }
    this.state = "active";
    const pace = this.host.options.pacing === "pace" || PACE_CAPABILITY.test(this.capabilities);
    this.router = new RequestRouter(this, this.host, pace ? "pace" : "reject");
    this.log("info", `client ${clientId} connected at server version ${this.serverVersion}`);
    this.startup();
  }

  /** The startup sequence of the recorded IB Gateway: accounts, next order id, one notice per data farm. */
  private startup(): void {
    const { options, state } = this.host;
    this.send("MANAGED_ACCTS", replyValues.managedAccounts(options.accounts));
    this.send("NEXT_VALID_ID", replyValues.nextValidId(state.nextOrderId(this.clientId)));
    for (const farm of options.farms) {
      const kind = farmKindOf(farm);
      this.sendError(-1, FARM_CODES[kind].ok, farmOkText(kind, farm));
    }
    if (this.host.connectivityLost) this.sendError(-1, TwsCode.CONNECTIVITY_LOST, TwsText.connectivityLost);
  }
}
