import { TWS_PORTS } from "../protocol/ports.js";
import { usageError } from "./exit-codes.js";

/**
 * Where a command connects. `embedded` is the simulated host started inside the process: a real TWS or IB Gateway
 * is reached only when a host or port is named, by flag or by environment.
 */
export type Target =
  | { readonly kind: "embedded" }
  | { readonly kind: "remote"; readonly host: string; readonly port: number };

/** The host and port flags, as given on the command line. */
export interface TargetOptions {
  readonly host?: string | undefined;
  readonly port?: string | number | undefined;
}

/** The environment variables read (any object with these keys, `process.env` included). */
export interface TargetEnv {
  readonly TWS_HOST?: string | undefined;
  readonly TWS_PORT?: string | undefined;
}

/** The host used when only a port is given. */
export const DEFAULT_HOST = "127.0.0.1";

/** `7497 (TWS paper), 7496 (TWS live), 4002 (IB Gateway paper) or 4001 (IB Gateway live)`. */
export const USUAL_PORTS_TEXT = `${TWS_PORTS.twsPaper} (TWS paper), ${TWS_PORTS.twsLive} (TWS live), ${TWS_PORTS.gatewayPaper} (IB Gateway paper) or ${TWS_PORTS.gatewayLive} (IB Gateway live)`;

/** Parses a TCP port (1..65535, decimal digits only); `source` names where it came from, for the message. */
export function parsePort(value: string | number, source: string): number {
  const text = String(value).trim();
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw usageError(`${source} must be a port number from 1 to 65535, got '${value}'; usually ${USUAL_PORTS_TEXT}`);
  }
  return port;
}

/** An empty or blank environment variable counts as unset. */
function fromEnv(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/**
 * Resolves the target field by field: a flag wins over its environment variable. Neither host nor port given means
 * the embedded host; a port alone means {@link DEFAULT_HOST}; a host without any port is a usage error.
 */
export function resolveTarget(options: TargetOptions, env: TargetEnv): Target {
  if (options.host !== undefined && options.host.trim() === "") throw usageError("--host must not be empty");
  const hostSource = options.host !== undefined ? "--host" : "TWS_HOST";
  const host = options.host?.trim() ?? fromEnv(env.TWS_HOST);
  const portSource = options.port !== undefined ? "--port" : "TWS_PORT";
  const portText = options.port ?? fromEnv(env.TWS_PORT);
  if (host === undefined && portText === undefined) return { kind: "embedded" };
  if (portText === undefined) {
    throw usageError(`${hostSource} ${host} needs a port: add --port (or set TWS_PORT), usually ${USUAL_PORTS_TEXT}`);
  }
  const port = parsePort(portText, portSource);
  return { kind: "remote", host: host ?? DEFAULT_HOST, port };
}

/** `embedded simulated host` or `host:port` (IPv6 in brackets), for messages. */
export function describeTarget(target: Target): string {
  if (target.kind === "embedded") return "embedded simulated host";
  return target.host.includes(":") ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
}
