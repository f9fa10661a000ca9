import type { IncomingMessageName } from "../../protocol/message-ids.js";
import type { HostClock } from "../clock.js";
import type { MarketDataService } from "../market-data/service.js";
import type { ResolvedHostOptions } from "../options.js";
import type { HostRequest } from "../request.js";
import type { HostServices } from "../services.js";

/** The host-wide state handlers read and change. */
export interface HostState {
  readonly options: ResolvedHostOptions;
  readonly clock: HostClock;
  /** The next valid order id of a client id (TWS keeps one sequence per client id). */
  nextOrderId(clientId: number): number;
  /** Level-1 streams, market data lines and the market engine behind them (`marketData.engine`). */
  readonly marketData: MarketDataService;
  /** Services with per-client state (streams, history updates, scanners, news), told when a client leaves. */
  readonly services: HostServices;
  /** The log level last set by SET_SERVER_LOGLEVEL (1 system .. 5 detail; TWS's default 2 error). */
  serverLogLevel: number;
}

/** What a handler may do for the session its request came from. */
export interface RequestContext {
  readonly clientId: number;
  readonly serverVersion: number;
  readonly host: HostState;
  /** Sends one reply (in the form the negotiated version gives it; faults may delay or drop it). */
  reply(name: IncomingMessageName, value: unknown): void;
  /** Sends ERR_MSG: `reqId` -1 when the error belongs to no request. */
  error(reqId: number, code: number, text: string): void;
}

export interface RequestHandler {
  /**
   * False for handlers that read the frame themselves (`request.payload`), so they run while the message has no
   * spec yet. Default true: without a spec the request gets the "not served yet" error.
   */
  readonly needsSpec?: boolean;
  handle(ctx: RequestContext, request: HostRequest): void;
}
