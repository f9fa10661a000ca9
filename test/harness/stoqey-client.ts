import { EventName, IBApi } from "@stoqey/ib";
import type { SimulatedHost } from "../../src/server/index.js";

/** Bookkeeping events @stoqey/ib emits beside the decoded ones; left out of the log. */
const BOOKKEEPING = new Set<string>([EventName.received, EventName.sent, EventName.all, EventName.result]);

/** One event @stoqey/ib emitted: its name and arguments. */
export type StoqeyEvent = readonly [name: string, ...args: unknown[]];

/**
 * @stoqey/ib 1.6.10 (a TWS client nobody here wrote) connected to a simulated host over TCP, every event it emits
 * kept in order. `connect()` resolves once the client has its next valid id (@stoqey/ib holds requests until
 * then); `refused()` resolves once the host has hung up on a client it would not take.
 */
export class StoqeyClient {
  readonly api: IBApi;
  readonly events: StoqeyEvent[] = [];
  private waiters: (() => void)[] = [];
  private disconnected = false;

  private constructor(
    host: SimulatedHost,
    readonly clientId: number,
  ) {
    this.api = new IBApi({ host: host.host, port: host.port, clientId });
    this.api.on(EventName.all, (name: string, args: unknown[]) => {
      if (BOOKKEEPING.has(name)) return;
      if (name === EventName.disconnected) this.disconnected = true;
      this.events.push([name, ...args]);
      for (const w of this.waiters.splice(0)) w();
    });
    // Without a listener, an `error` event would throw out of the socket's handler.
    this.api.on(EventName.error, () => {});
  }

  /** Connects and resolves after nextValidId; rejects if the host hangs up first. */
  static async connect(host: SimulatedHost, clientId: number, open: StoqeyClient[]): Promise<StoqeyClient> {
    const c = new StoqeyClient(host, clientId);
    open.push(c);
    c.api.connect();
    const at = await c.waitFor((e) => e[0] === EventName.nextValidId || e[0] === EventName.disconnected);
    if (c.events[at]![0] === EventName.disconnected) {
      throw new Error(`client ${clientId} was refused: ${JSON.stringify(c.events)}`);
    }
    return c;
  }

  /** Connects a client the host should refuse; resolves with its events once it is disconnected. */
  static async refused(host: SimulatedHost, clientId: number, open: StoqeyClient[]): Promise<StoqeyEvent[]> {
    const c = new StoqeyClient(host, clientId);
    open.push(c);
    c.api.connect();
    await c.waitFor((e) => e[0] === EventName.disconnected);
    return c.events;
  }

  /** Resolves with the index of the first event at or after `from` that `match` accepts, once it has arrived. */
  async waitFor(match: (e: StoqeyEvent) => boolean, from = 0): Promise<number> {
    for (let i = from; ; ) {
      for (; i < this.events.length; i++) if (match(this.events[i]!)) return i;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /**
   * Asks for the current time and resolves with it: the host answers requests in order on one socket, so
   * everything it sent before (the ticks of a clock step, say) has arrived by then.
   */
  async barrier(): Promise<number> {
    const from = this.events.length;
    this.api.reqCurrentTime();
    const at = await this.waitFor((e) => e[0] === EventName.currentTime, from);
    return this.events[at]![1] as number;
  }

  /** The arguments of every `name` event (after the name), optionally only those of one request id. */
  of(name: EventName, reqId?: number): unknown[][] {
    return this.events
      .filter((e) => e[0] === name && (reqId === undefined || e[1] === reqId))
      .map(([, ...args]) => args);
  }

  /** Disconnects (stoqey's own disconnect) and resolves once the socket has closed. */
  async close(): Promise<void> {
    if (this.disconnected) return;
    const from = this.events.length;
    this.api.disconnect();
    await this.waitFor((e) => e[0] === EventName.disconnected, from);
  }
}

/** Closes every client in `open` (tests call it after each test, before the host closes). */
export async function closeStoqeyClients(open: StoqeyClient[]): Promise<void> {
  await Promise.all(open.splice(0).map((c) => c.close()));
}
