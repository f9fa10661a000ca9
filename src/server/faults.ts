import { IncomingMessageId, type IncomingMessageName } from "../protocol/message-ids.js";
import type { TimerHandle } from "./clock.js";
import { FARM_CODES, farmBrokenText, farmKindOf, farmOkText, TwsCode, TwsText } from "./errors-table.js";
import type { SimulatedHost } from "./server.js";
import { DepthCode, DepthText } from "./streams/depth.js";
import { streamsOf } from "./streams/service.js";

function checkName(name: string): IncomingMessageName {
  if (!(name in IncomingMessageId)) {
    throw new RangeError(`'${name}' is not a TWS reply name (use the catalogue's names, such as CURRENT_TIME)`);
  }
  return name as IncomingMessageName;
}

function checkMs(what: string, ms: number): number {
  if (!(ms >= 0) || !Number.isFinite(ms))
    throw new RangeError(`${what} must be a non-negative number of ms, got ${ms}`);
  return ms;
}

/**
 * Faults on demand, each deterministic on the host clock: drop clients, lose and restore IB connectivity
 * (1100, 1101 / 1102), the nightly restart, delayed or dropped replies of one type, a client whose output stalls,
 * and data farm flaps (2103 / 2104 style).
 */
export class HostFaults {
  private readonly delays = new Map<IncomingMessageName, number>();
  private readonly drops = new Set<IncomingMessageName>();
  private readonly timers = new Set<TimerHandle>();

  constructor(private readonly host: SimulatedHost) {}

  /** Closes one client's connection (by client id), or every connection. Returns how many were closed. */
  disconnect(clientId?: number): number {
    const sessions =
      clientId === undefined
        ? this.host.activeSessions()
        : [this.host.session(clientId)].filter((s) => s !== undefined);
    for (const s of sessions) s.close("destroy");
    return sessions.length;
  }

  /** TWS lost its connection to IB: every client hears 1100, and so does each client that connects until restored. */
  connectivityLost(): void {
    this.host.connectivityLost = true;
    this.host.broadcastNotice(TwsCode.CONNECTIVITY_LOST, TwsText.connectivityLost);
  }

  /** The connection to IB is back: 1101 when data was lost (clients must resubscribe), else 1102. */
  connectivityRestored({ dataLost = false }: { dataLost?: boolean } = {}): void {
    this.host.connectivityLost = false;
    if (dataLost)
      this.host.broadcastNotice(TwsCode.CONNECTIVITY_RESTORED_DATA_LOST, TwsText.connectivityRestoredDataLost);
    else
      this.host.broadcastNotice(
        TwsCode.CONNECTIVITY_RESTORED_DATA_MAINTAINED,
        TwsText.connectivityRestoredDataMaintained,
      );
  }

  /**
   * The nightly restart: every connection drops and the port refuses connections; `afterMs` later on the host
   * clock it listens again (`host.whenListening()` resolves then). Resolves once the host is down.
   */
  async restart({ afterMs }: { afterMs: number }): Promise<void> {
    checkMs("afterMs", afterMs);
    await this.host.goDown();
    this.later(afterMs, () => {
      if (this.host.isClosed) return;
      this.host.listen().catch((err: Error) => {
        this.host.options.log({ level: "error", message: `cannot listen again after the restart: ${err.message}` });
      });
    });
  }

  /** Holds every reply named `messageName` for `ms` on the host clock (0 removes the delay). */
  delay(messageName: IncomingMessageName, ms: number): void {
    const name = checkName(messageName);
    if (checkMs("ms", ms) === 0) this.delays.delete(name);
    else this.delays.set(name, ms);
  }

  /** Never sends replies named `messageName` (until {@link HostFaults.clear}). */
  drop(messageName: IncomingMessageName): void {
    this.drops.add(checkName(messageName));
  }

  /** Stops writing to one client: its output piles up (within the output limit) until {@link HostFaults.unstall}. */
  stall(clientId: number): void {
    this.sessionOf(clientId).stall(true);
  }

  /** Writes what a stalled client's output held. */
  unstall(clientId: number): void {
    this.sessionOf(clientId).stall(false);
  }

  /**
   * A data farm drops and comes back: every client hears the farm's "broken" notice (2103 market data, 2105 HMDS,
   * 2157 sec-def), then `downMs` later on the host clock its "OK" notice (2104, 2106, 2158).
   */
  farmFlap(farm: string, { downMs = 0 }: { downMs?: number } = {}): void {
    checkMs("downMs", downMs);
    const kind = farmKindOf(farm);
    this.host.broadcastNotice(FARM_CODES[kind].broken, farmBrokenText(kind, farm));
    const back = () => {
      this.host.broadcastNotice(FARM_CODES[kind].ok, farmOkText(kind, farm));
      // A market data farm that comes back resets the depth books it fed (317, then the book again).
      if (kind === "marketData") {
        streamsOf(this.host.state).resetDepth((clientId, reqId) =>
          this.host.session(clientId)?.sendError(reqId, DepthCode.DEPTH_RESET, DepthText.depthReset),
        );
      }
    };
    if (downMs === 0) back();
    else this.later(downMs, back);
  }

  /** Halts trading in `symbol`: its streams hear HALTED (49, or 90 delayed) and freeze until {@link resume}. */
  halt(symbol: string): void {
    this.host.state.marketData.engine.halt(symbol, this.host.clock.now());
    this.host.state.marketData.refresh();
  }

  /** Ends a halt: HALTED 0, and the streams follow the market again. */
  resume(symbol: string): void {
    this.host.state.marketData.engine.resume(symbol);
    this.host.state.marketData.refresh();
  }

  /** Removes every delay, drop and stall. */
  clear(): void {
    this.delays.clear();
    this.drops.clear();
    for (const s of this.host.activeSessions()) s.stall(false);
  }

  /** The fault on a reply, for sessions. */
  replyFault(name: IncomingMessageName): number | "drop" | undefined {
    if (this.drops.has(name)) return "drop";
    return this.delays.get(name);
  }

  /** Cancels pending fault timers (the host is closing). */
  dispose(): void {
    for (const t of this.timers) this.host.clock.clearTimer(t);
    this.timers.clear();
  }

  private sessionOf(clientId: number) {
    const s = this.host.session(clientId);
    if (!s) throw new RangeError(`no client ${clientId} is connected`);
    return s;
  }

  private later(ms: number, fn: () => void): void {
    const t = this.host.clock.setTimer(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }
}
