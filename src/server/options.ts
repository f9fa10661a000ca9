import type { IncomingMessageName } from "../protocol/message-ids.js";
import { MAX_CLIENT_VERSION, MIN_CLIENT_VERSION } from "../protocol/server-versions.js";
import { type AccessRule, accessRule, isLoopbackAddress } from "./access.js";
import { type HostClock, realClock } from "./clock.js";
import type { InstrumentResolver } from "./engine/market/index.js";
import { DEFAULT_HISTORICAL_PACING, type HistoricalPacingLimits } from "./history/pacing.js";
import type { MarketDataOptions } from "./market-data/service.js";
import type { PacingMode } from "./pacing.js";

/**
 * Told of every frame a session sends after its handshake: the client id (-1 before START_API), the message name
 * and the frame's length in bytes, length prefix included. For benchmarks and tracing.
 */
export type FrameObserver = (clientId: number, name: IncomingMessageName, bytes: number) => void;

/** One line of the host's log. */
export interface HostLogEntry {
  readonly level: "debug" | "info" | "warn" | "error";
  readonly message: string;
  /** The connection number (1, 2, ... in accept order), when the line is about one. */
  readonly conn?: number;
  readonly clientId?: number;
}

export type HostLog = (entry: HostLogEntry) => void;

/** Options of {@link startSimulatedHost}; every one has a default. */
export interface SimulatedHostOptions {
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Address to listen on; loopback (`127.0.0.1`) by default. */
  readonly bind?: string;
  /** The newest server version the host speaks (a cap, default 226): 200 makes a modern client speak text. */
  readonly serverVersion?: number;
  /** Seed of the host's random choices (market simulation, later issues). */
  readonly seed?: number;
  /** The host's clock (default: wall-clock time); pass `steppedClock()` in tests. */
  readonly clock?: HostClock;
  /** Read-only API: refuses orders, binding and configuration updates. */
  readonly readOnly?: boolean;
  /** Addresses besides this machine's that may connect (single addresses, as TWS's Trusted IPs). */
  readonly trustedIps?: readonly string[];
  /** Market data lines (default 100). */
  readonly marketDataLines?: number;
  /** Requests per second per client (default: market data lines ÷ 2, so 50). */
  readonly requestsPerSecond?: number;
  /** `reject` (default: error 100, third violation closes) or `pace` (excess requests wait). */
  readonly pacing?: PacingMode;
  /** Managed accounts (default one paper account). */
  readonly accounts?: readonly string[];
  /** The host's time zone, for the connection time (default `US/Eastern`). */
  readonly timeZone?: string;
  /** Simultaneous API clients (default 32, as TWS). */
  readonly maxClients?: number;
  /** Output a client may leave unread before it is dropped (default 8 MiB). */
  readonly maxOutputBytes?: number;
  /** The largest request frame accepted (default 4 MiB); a larger one closes the connection. */
  readonly maxRequestBytes?: number;
  /** Data farms reported at connect, in order (default `usfarm`, `ushmds`, `secdefil`, as recorded). */
  readonly farms?: readonly string[];
  /** Which peers count as this machine (default: loopback). Tests narrow it to make 127.0.0.2 "remote". */
  readonly isLocalPeer?: (address: string) => boolean;
  /** Where log lines go (default: nowhere; `tws sim` prints them). */
  readonly log?: HostLog;
  /**
   * The market: how contracts resolve to instruments (default: the host's instrument universe), which have live
   * data, the delay of delayed data and the update interval.
   */
  readonly market?: MarketDataOptions & { readonly resolve?: InstrumentResolver };
  /** Historical data pacing (default TWS's: 15 s identical, 6 in 2 s, 60 in 10 minutes); raise them to benchmark. */
  readonly historicalPacing?: Partial<HistoricalPacingLimits>;
  /** Observes every frame sent (default none, and then the write path does no extra work). */
  readonly onFrameSent?: FrameObserver;
}

/** The options with their defaults applied and checked. */
export interface ResolvedHostOptions {
  readonly port: number;
  readonly bind: string;
  readonly serverVersion: number;
  readonly seed: number;
  readonly clock: HostClock;
  readonly readOnly: boolean;
  readonly access: AccessRule;
  readonly marketDataLines: number;
  readonly requestsPerSecond: number;
  readonly pacing: PacingMode;
  readonly accounts: readonly string[];
  readonly timeZone: string;
  readonly maxClients: number;
  readonly maxOutputBytes: number;
  readonly maxRequestBytes: number;
  readonly farms: readonly string[];
  readonly log: HostLog;
  readonly market: MarketDataOptions & { readonly resolve?: InstrumentResolver };
  readonly historicalPacing: HistoricalPacingLimits;
  readonly onFrameSent: FrameObserver | undefined;
}

export const DEFAULT_ACCOUNT = "DU1234567";
export const DEFAULT_FARMS: readonly string[] = ["usfarm", "ushmds", "secdefil"];

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

export function resolveOptions(options: SimulatedHostOptions = {}): ResolvedHostOptions {
  const serverVersion = options.serverVersion ?? MAX_CLIENT_VERSION;
  if (!Number.isInteger(serverVersion) || serverVersion < MIN_CLIENT_VERSION || serverVersion > MAX_CLIENT_VERSION) {
    throw new RangeError(
      `serverVersion must be from ${MIN_CLIENT_VERSION} to ${MAX_CLIENT_VERSION} (the versions this host knows), got ${serverVersion}`,
    );
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be 0..65535, got ${port}`);
  const timeZone = options.timeZone ?? "US/Eastern";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    throw new RangeError(`unknown time zone '${timeZone}' (use an IANA name such as US/Eastern or Europe/Zurich)`);
  }
  const accounts = options.accounts ?? [DEFAULT_ACCOUNT];
  if (accounts.length === 0 || accounts.some((a) => !/^[A-Za-z0-9]+$/.test(a))) {
    throw new RangeError(
      `accounts must be one or more account ids of letters and digits, got ${JSON.stringify(accounts)}`,
    );
  }
  const marketDataLines = positiveInteger("marketDataLines", options.marketDataLines ?? 100);
  const isLocal = options.isLocalPeer ?? isLoopbackAddress;
  return {
    port,
    bind: options.bind ?? "127.0.0.1",
    serverVersion,
    seed: options.seed ?? 1,
    clock: options.clock ?? realClock(),
    readOnly: options.readOnly ?? false,
    access: accessRule(options.trustedIps ?? [], isLocal),
    marketDataLines,
    requestsPerSecond: positiveInteger(
      "requestsPerSecond",
      options.requestsPerSecond ?? Math.max(1, Math.floor(marketDataLines / 2)),
    ),
    pacing: options.pacing ?? "reject",
    accounts: [...accounts],
    timeZone,
    maxClients: positiveInteger("maxClients", options.maxClients ?? 32),
    maxOutputBytes: positiveInteger("maxOutputBytes", options.maxOutputBytes ?? 8 * 1024 * 1024),
    maxRequestBytes: positiveInteger("maxRequestBytes", options.maxRequestBytes ?? 4 * 1024 * 1024),
    farms: [...(options.farms ?? DEFAULT_FARMS)],
    log: options.log ?? (() => {}),
    market: options.market ?? {},
    historicalPacing: { ...DEFAULT_HISTORICAL_PACING, ...options.historicalPacing },
    onFrameSent: options.onFrameSent,
  };
}
