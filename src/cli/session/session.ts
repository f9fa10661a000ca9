import type { EWrapper } from "../../client/ewrapper.js";
import { ConnectError, EClient } from "../../client/index.js";
import { type HostClock, type SimulatedHost, startSimulatedHost } from "../../server/index.js";
import { CliError, EXIT_CODES } from "../exit-codes.js";
import { describeTarget, type Target } from "../target.js";
import { connectFailure, lostConnection } from "./connect-messages.js";
import { type StopReason, StopSignal } from "./stop.js";
import { isConnectionError, isNotice, type TwsError, twsCliError } from "./tws-errors.js";

/**
 * The command line's connection: it starts the embedded simulated host when no host is named, connects our
 * EClient, and routes the EWrapper callbacks to the request they answer (by reqId), so commands see promises for
 * one-shot requests and callbacks for streams. Internal to the CLI: the public high-level API lives in src/api.
 */

/** Any subset of the EWrapper's callbacks. */
export type Callbacks = Partial<EWrapper>;

/** The EWrapper callbacks whose first argument is the request id they answer. */
const KEYED: ReadonlySet<string> = new Set([
  "tickPrice",
  "tickSize",
  "tickString",
  "tickGeneric",
  "tickEFP",
  "tickOptionComputation",
  "tickSnapshotEnd",
  "tickReqParams",
  "tickNews",
  "marketDataType",
  "updateMktDepth",
  "updateMktDepthL2",
  "realtimeBar",
  "tickByTickAllLast",
  "tickByTickBidAsk",
  "tickByTickMidPoint",
  "contractDetails",
  "bondContractDetails",
  "contractDetailsEnd",
  "symbolSamples",
  "securityDefinitionOptionParameter",
  "securityDefinitionOptionParameterEnd",
  "historicalData",
  "historicalDataEnd",
  "historicalDataUpdate",
  "headTimestamp",
  "newsArticle",
  "historicalNews",
  "historicalNewsEnd",
  "scannerData",
  "scannerDataEnd",
]);

/** One request's callbacks and what to do with its errors. */
interface Registration {
  readonly about: string;
  readonly callbacks: Callbacks;
  readonly fail: (error: CliError) => void;
  /** True when the error is only a warning for this request (the request goes on). */
  readonly tolerate?: (error: TwsError) => boolean;
  /** Sent when the session closes while the request is open (a stream's cancel). */
  readonly cancel?: () => void;
}

/** What {@link Session.open} needs. */
export interface SessionOptions {
  readonly target: Target;
  readonly clientId: number;
  /** Diagnostics (--verbose). */
  readonly debug: (text: string) => void;
  /** Warnings shown to the user on stderr. */
  readonly warn: (text: string) => void;
  /** How long to wait for the handshake and the first nextValidId (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** The embedded host's clock (default: real time). */
  readonly hostClock?: HostClock;
}

/** Options of a stream (see {@link Session.stream}). */
export interface StreamOptions {
  /** Sent at close while the stream is open. */
  readonly cancel?: (reqId: number) => void;
  /** Errors that are only warnings for this stream. */
  readonly tolerate?: (error: TwsError) => boolean;
}

export class Session {
  /** Where the session is connected, for messages: `127.0.0.1:7497` or `embedded simulated host (127.0.0.1:…)`. */
  readonly where: string;
  private readonly registrations = new Map<number, Registration>();
  private readonly listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  /** Requests without an id waiting for their answer: an error naming no request refuses them. */
  private readonly unattributed = new Set<(error: TwsError) => void>();
  private nextReqId = 1;
  private closing: Promise<void> | undefined;
  private failWith: (error: CliError) => void = () => {};
  /** Rejects when the session fails (connection lost, a stream refused, a callback threw). */
  readonly failed: Promise<never>;
  readonly client: EClient;

  private constructor(
    private readonly options: SessionOptions,
    readonly stop: StopSignal,
    readonly host: SimulatedHost | undefined,
    where: string,
  ) {
    this.where = where;
    this.failed = new Promise<never>((_, reject) => {
      this.failWith = reject;
    });
    this.failed.catch(() => {});
    this.client = new EClient(this.wrapper(), {
      pacing: true,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      onCallbackError: (name, error) =>
        this.fail(new CliError(`internal error in ${name}: ${(error as Error).message ?? error}`, EXIT_CODES.error)),
    });
  }

  /**
   * Starts the embedded host if the target asks for it, connects and waits for START_API to be accepted
   * (`nextValidId`). Ctrl-C (SIGINT) and SIGTERM are caught from here on: they end the session cleanly.
   */
  static async open(options: SessionOptions): Promise<Session> {
    let host: SimulatedHost | undefined;
    let address: { host: string; port: number };
    let where: string;
    if (options.target.kind === "embedded") {
      host = await startSimulatedHost({
        port: 0,
        bind: "127.0.0.1",
        ...(options.hostClock ? { clock: options.hostClock } : {}),
        log: (e) => options.debug(`host: ${e.message}`),
      });
      address = { host: host.host, port: host.port };
      where = `the embedded simulated host (127.0.0.1:${host.port})`;
    } else {
      address = options.target;
      where = describeTarget(options.target);
    }
    const session = new Session(options, new StopSignal(), host, where);
    try {
      await session.connect(address.host, address.port);
    } catch (error) {
      await session.close();
      throw error;
    }
    return session;
  }

  private async connect(host: string, port: number): Promise<void> {
    const { clientId } = this.options;
    const ready = new Promise<void>((resolve) => this.once("nextValidId", () => resolve()));
    try {
      await this.client.connect(host, port, clientId);
    } catch (error) {
      if (error instanceof ConnectError) throw connectFailure(this.where, error);
      throw error;
    }
    const timeoutMs = this.options.connectTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new CliError(
              `${this.where} accepted the connection but sent no nextValidId within ${timeoutMs / 1000} s: ` +
                "is TWS showing a dialog (accept incoming connection) or still logging in?",
              EXIT_CODES.cannotConnect,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      await Promise.race([ready, this.failed, timeout, this.stop.interrupted()]);
    } finally {
      clearTimeout(timer);
    }
    this.options.debug(`tws: connected to ${this.where} at server version ${this.client.serverVersion()}`);
  }

  /** A fresh request id. */
  nextId(): number {
    return this.nextReqId++;
  }

  /** Listens to a callback that carries no request id (`newsProviders`, `scannerParameters`, ...). */
  on<K extends keyof EWrapper>(name: K, listener: NonNullable<EWrapper[K]>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    const fn = listener as (...args: unknown[]) => void;
    set.add(fn);
    return () => set.delete(fn);
  }

  private once<K extends keyof EWrapper>(name: K, listener: () => void): void {
    const off = this.on(name, (() => {
      off();
      listener();
    }) as NonNullable<EWrapper[K]>);
  }

  /**
   * A request whose answer carries no request id (`currentTime`, `newsProviders`, `scannerParameters`): sends it
   * and resolves with the arguments of the next `name` callback.
   */
  reply<K extends keyof EWrapper>(
    name: K,
    send: () => void,
    about: string = name,
  ): Promise<Parameters<NonNullable<EWrapper[K]>>> {
    type Args = Parameters<NonNullable<EWrapper[K]>>;
    let off = () => {};
    let refuse: (error: TwsError) => void = () => {};
    const answer = new Promise<Args>((resolve, reject) => {
      off = this.on(name, ((...args: Args) => {
        off();
        resolve(args);
      }) as unknown as NonNullable<EWrapper[K]>);
      // Such a request has no id: an error that names no request is taken as its refusal.
      refuse = (error) => reject(twsCliError(error, about));
      this.unattributed.add(refuse);
    });
    send();
    return Promise.race([answer, this.failed, this.stop.interrupted()]).finally(() => {
      off();
      this.unattributed.delete(refuse);
    });
  }

  /**
   * A one-shot request: `send` issues it with a fresh id, `build` gives its callbacks, which call `done` with the
   * answer. Rejects with the request's TWS error (as a CliError with its exit code), the session's failure, or
   * when the user interrupts.
   */
  request<T>(
    about: string,
    send: (reqId: number) => void,
    build: (done: (value: T) => void, reqId: number) => Callbacks,
  ): Promise<T> {
    const reqId = this.nextId();
    const answer = new Promise<T>((resolve, reject) => {
      this.registrations.set(reqId, {
        about,
        callbacks: build((value) => {
          this.registrations.delete(reqId);
          resolve(value);
        }, reqId),
        fail: (error) => {
          this.registrations.delete(reqId);
          reject(error);
        },
      });
    });
    send(reqId);
    return Promise.race([answer, this.failed, this.stop.interrupted()]).finally(() => this.registrations.delete(reqId));
  }

  /**
   * A stream: registers `callbacks` under a fresh id, sends the request, and keeps it until the session closes
   * (then `cancel` is sent). An error for it fails the session (see {@link failed}). Returns the request id.
   */
  stream(about: string, send: (reqId: number) => void, callbacks: Callbacks, options: StreamOptions = {}): number {
    const reqId = this.nextId();
    const { cancel, tolerate } = options;
    this.registrations.set(reqId, {
      about,
      callbacks,
      fail: (error) => this.fail(error),
      ...(tolerate ? { tolerate } : {}),
      ...(cancel ? { cancel: () => cancel(reqId) } : {}),
    });
    send(reqId);
    return reqId;
  }

  /** Ends a stream early (its cancel is sent). */
  endStream(reqId: number): void {
    const r = this.registrations.get(reqId);
    this.registrations.delete(reqId);
    if (r?.cancel && this.client.isConnected()) r.cancel();
  }

  /**
   * Waits until the user stops (Ctrl-C, SIGTERM) or `seconds` pass; rejects when the session fails first. Resolves
   * with why it stopped.
   */
  async until(seconds: number | undefined): Promise<StopReason> {
    return Promise.race([this.stop.wait(seconds), this.failed]);
  }

  /** Fails the session: every pending request and {@link until} reject with `error`. */
  fail(error: CliError): void {
    this.failWith(error);
  }

  /** Cancels open streams, disconnects and closes the embedded host. Safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.client.isConnected()) {
        for (const r of this.registrations.values()) r.cancel?.();
      }
      this.registrations.clear();
      await this.client.disconnect();
      await this.host?.close();
      this.stop.dispose();
    })();
    return this.closing;
  }

  /** The EWrapper given to EClient: every callback routed to its request or to the listeners of its name. */
  private wrapper(): EWrapper {
    const routed = new Map<string, (...args: unknown[]) => void>();
    const route = (name: string): ((...args: unknown[]) => void) => {
      if (KEYED.has(name)) {
        return (...args) => {
          const fn = this.registrations.get(args[0] as number)?.callbacks[name as keyof EWrapper];
          if (typeof fn === "function") (fn as (...a: unknown[]) => void)(...args);
        };
      }
      return (...args) => {
        for (const fn of this.listeners.get(name) ?? []) fn(...args);
      };
    };
    const base: Record<string, unknown> = {
      error: (reqId: number, _time: number, code: number, text: string) => this.onError({ reqId, code, text }),
      connectionClosed: () => {
        if (!this.closing) this.fail(lostConnection(this.where));
        for (const fn of this.listeners.get("connectionClosed") ?? []) fn();
      },
    };
    return new Proxy(base, {
      get: (target, prop) => {
        if (typeof prop !== "string") return undefined;
        if (prop in target) return target[prop];
        let fn = routed.get(prop);
        if (!fn) {
          fn = route(prop);
          routed.set(prop, fn);
        }
        return fn;
      },
    }) as EWrapper;
  }

  private onError(error: TwsError): void {
    const { reqId, code, text } = error;
    if (isNotice(code)) {
      this.options.debug(`tws: TWS notice ${code}: ${text}`);
      return;
    }
    const registration = reqId >= 0 ? this.registrations.get(reqId) : undefined;
    if (registration) {
      if (registration.tolerate?.(error)) {
        this.options.debug(`tws: TWS ${code} for ${registration.about}: ${text}`);
        return;
      }
      registration.fail(twsCliError(error, registration.about));
      return;
    }
    if (this.closing) return;
    if (isConnectionError(code)) {
      this.fail(twsCliError(error, `${this.where}`));
      return;
    }
    if (this.unattributed.size > 0 && code !== 1100) {
      for (const refuse of [...this.unattributed]) refuse(error);
      return;
    }
    this.options.warn(`tws: TWS ${code === 1100 ? "notice" : "error"} ${code}: ${text}`);
  }
}

/** Opens a session for a command, runs `body`, and always closes the session (and the embedded host) after. */
export async function withSession<T>(options: SessionOptions, body: (session: Session) => Promise<T>): Promise<T> {
  const session = await Session.open(options);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}
