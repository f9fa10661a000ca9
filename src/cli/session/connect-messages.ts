import type { ConnectError } from "../../client/index.js";
import { CliError, EXIT_CODES } from "../exit-codes.js";
import { USUAL_PORTS_TEXT } from "../target.js";

/** The API settings a refused connection should make the user check (TWS: File > Global Configuration > API > Settings). */
export const API_SETTINGS_TEXT =
  "in TWS or IB Gateway, Global Configuration > API > Settings: tick 'Enable ActiveX and Socket Clients', " +
  "check 'Socket port', and allow this machine ('Allow connections from localhost only' or 'Trusted IPs' with 127.0.0.1)";

/** Why `connect()` failed, in words, from the socket error behind it. */
function reason(error: ConnectError): string {
  const code = (error.cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ECONNREFUSED") return "connection refused (nothing listens there)";
  if (code === "ETIMEDOUT" || code === "EHOSTUNREACH") return "the host does not answer";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "unknown host name";
  if (/closed the connection/.test(error.message)) {
    return "the host closed the connection during the handshake (not an allowed IP, too many clients, or not TWS)";
  }
  return error.message;
}

/** The message for a connection that could not be set up: where, why, and what to check. */
export function connectFailure(where: string, error: ConnectError): CliError {
  return new CliError(
    `cannot connect to ${where}: ${reason(error)}. Is TWS or IB Gateway running? Check the port (usually ` +
      `${USUAL_PORTS_TEXT}) and ${API_SETTINGS_TEXT}`,
    EXIT_CODES.cannotConnect,
    { cause: error },
  );
}

/** The message when an established connection goes away. */
export function lostConnection(where: string): CliError {
  return new CliError(
    `lost the connection to ${where} (TWS closed it: a restart, a duplicate client id, or too many messages)`,
    EXIT_CODES.cannotConnect,
  );
}
