import { createServer, type Server, type Socket } from "node:net";
import type { IncomingMessageName } from "../protocol/message-ids.js";
import type { HostClock } from "./clock.js";
import { MarketEngine, universeResolver } from "./engine/market/index.js";
import { HostFaults } from "./faults.js";
import type { HostState } from "./handlers/index.js";
import { MarketDataService } from "./market-data/service.js";
import { type HostLogEntry, type ResolvedHostOptions, resolveOptions, type SimulatedHostOptions } from "./options.js";
import { checkRequiredReplies } from "./replies.js";
import { HostServices } from "./services.js";
import { Session, type SessionHost } from "./session.js";

/** One connected client, as `host.sessions()` lists them. */
export interface SessionInfo {
  readonly conn: number;
  readonly clientId: number;
  readonly serverVersion: number;
  readonly remoteAddress: string | undefined;
  readonly connectedAt: number;
}

/**
 * The simulated TWS / IB Gateway: a TCP listener and its sessions. Client ids are claimed at START_API (up to
 * `maxClients`, each id once); connections still in the handshake are limited to as many again.
 */
export class SimulatedHost implements SessionHost {
  readonly options: ResolvedHostOptions;
  readonly clock: HostClock;
  readonly faults: HostFaults;
  readonly state: HostState;
  /** The address clients connect to. */
  readonly host: string;
  port = 0;
  connectivityLost = false;
  private server: Server | undefined;
  private readonly connections = new Set<Session>();
  /** Every open socket, sessions that are ending included (a refused client may never read our FIN). */
  private readonly sockets = new Set<Socket>();
  private readonly clients = new Map<number, Session>();
  private readonly orderIds = new Map<number, number>();
  private conns = 0;
  private down = false;
  private closing = false;
  private listening: Promise<void> | undefined;

  constructor(options: SimulatedHostOptions = {}) {
    checkRequiredReplies();
    this.options = resolveOptions(options);
    this.clock = this.options.clock;
    this.host = this.options.bind === "0.0.0.0" || this.options.bind === "::" ? "127.0.0.1" : this.options.bind;
    const orderIds = this.orderIds;
    this.state = {
      options: this.options,
      clock: this.clock,
      marketData: new MarketDataService(
        new MarketEngine({
          seed: this.options.seed,
          resolve: this.options.market.resolve ?? universeResolver(() => this.clock.now()),
        }),
        this.clock,
        this.options.marketDataLines,
        this.options.market,
      ),
      services: new HostServices(),
      serverLogLevel: 2,
      nextOrderId: (clientId) => orderIds.get(clientId) ?? 1,
    };
    this.faults = new HostFaults(this);
  }

  /** Starts listening (on the same port again after a restart). */
  listen(port = this.port || this.options.port): Promise<void> {
    const server = createServer((socket) => this.accept(socket));
    server.on("error", (err) => this.log("error", `listener error: ${err.message}`));
    this.server = server;
    this.listening = new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      server.once("error", onError);
      server.listen(port, this.options.bind, () => {
        server.off("error", onError);
        const address = server.address();
        if (address !== null && typeof address !== "string") this.port = address.port;
        this.down = false;
        resolve();
      });
    });
    return this.listening;
  }

  /** Resolves once the host accepts connections (again, after a restart). */
  whenListening(): Promise<void> {
    return this.listening ?? Promise.reject(new Error("the host was never started"));
  }

  /** The clients that completed START_API. */
  sessions(): SessionInfo[] {
    return [...this.clients.values()].map((s) => ({
      conn: s.conn,
      clientId: s.clientId,
      serverVersion: s.serverVersion,
      remoteAddress: s.socket.remoteAddress,
      connectedAt: s.connectedAt,
    }));
  }

  /** The session of a client id. */
  session(clientId: number): Session | undefined {
    return this.clients.get(clientId);
  }

  /** Every session that completed START_API. */
  activeSessions(): Session[] {
    return [...this.clients.values()];
  }

  /** Sends an ERR_MSG notice (`id` -1) to every client. */
  broadcastNotice(code: number, text: string): void {
    for (const s of this.activeSessions()) {
      try {
        s.sendError(-1, code, text);
      } catch (err) {
        s.log("error", `cannot send notice ${code}: ${(err as Error).message}`);
      }
    }
  }

  /** Drops every connection and stops listening until {@link SimulatedHost.listen} (restart). */
  async goDown(): Promise<void> {
    this.down = true;
    for (const s of [...this.connections]) s.close("destroy");
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Stops listening and drops every connection. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.faults.dispose();
    this.state.marketData.dispose();
    this.state.services.dispose();
    await this.goDown();
  }

  get isClosed(): boolean {
    return this.closing;
  }

  register(session: Session): "ok" | "duplicate" | "full" {
    if (this.clients.has(session.clientId)) return "duplicate";
    if (this.clients.size >= this.options.maxClients) return "full";
    this.clients.set(session.clientId, session);
    return "ok";
  }

  unregister(session: Session): void {
    this.connections.delete(session);
    if (this.clients.get(session.clientId) === session) {
      this.clients.delete(session.clientId);
      this.state.marketData.dropClient(session.clientId);
      this.state.services.dropClient(session.clientId);
      this.log("info", `client ${session.clientId} disconnected`, session.conn, session.clientId);
    }
  }

  replyFault(name: IncomingMessageName): number | "drop" | undefined {
    return this.faults.replyFault(name);
  }

  private accept(socket: Socket): void {
    const conn = ++this.conns;
    const peer = socket.remoteAddress;
    socket.on("error", () => {});
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    if (this.down || this.closing) {
      socket.destroy();
      return;
    }
    if (!this.options.access.allows(peer)) {
      this.log("warn", `refused ${peer ?? "an unknown peer"}: not this machine and not a trusted IP`, conn);
      socket.destroy();
      return;
    }
    if (this.connections.size - this.clients.size >= this.options.maxClients) {
      this.log("warn", `refused ${peer}: too many connections are still in the handshake`, conn);
      socket.destroy();
      return;
    }
    this.connections.add(new Session(conn, socket, this));
  }

  private log(level: HostLogEntry["level"], message: string, conn?: number, clientId?: number): void {
    this.options.log({
      level,
      message,
      ...(conn === undefined ? {} : { conn }),
      ...(clientId === undefined ? {} : { clientId }),
    });
  }
}

/**
 * Starts a simulated TWS / IB Gateway and resolves once it listens: `{ host, port, clock, faults, close() }` and
 * more (see {@link SimulatedHost}).
 */
export async function startSimulatedHost(options: SimulatedHostOptions = {}): Promise<SimulatedHost> {
  const host = new SimulatedHost(options);
  await host.listen();
  return host;
}
