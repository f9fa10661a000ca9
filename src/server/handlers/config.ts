import { PROTOBUF_MSG_ID_OFFSET } from "../../protocol/message-ids.js";
import { UpdateConfigRequest } from "../../protocol/proto/index.js";
import { requestError } from "../errors-table.js";
import type { HostRequest } from "../request.js";
import type { RequestHandler } from "./types.js";

/**
 * The API settings no client may change: TWS keeps them out of the API's reach, and so does the host, whatever the
 * read-only setting says (a client that could lift read-only or trust itself would defeat both).
 */
export const SECURITY_SETTINGS = ["readOnlyApi", "allowLocalhostOnly", "trustedIPs", "socketPort"] as const;

/** The security settings an UPDATE_CONFIG body tries to set. */
export function securitySettingsIn(body: Uint8Array): string[] {
  const settings = UpdateConfigRequest.decode(body).api?.settings;
  if (!settings) return [];
  return SECURITY_SETTINGS.filter((key) => {
    const v = settings[key];
    return Array.isArray(v) ? v.length > 0 : v !== undefined;
  });
}

function protobufBody(request: HostRequest): Uint8Array | undefined {
  const p = request.payload;
  if (request.form !== "protobuf" || p.length < 4) return undefined;
  const wireId = ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0;
  return wireId > PROTOBUF_MSG_ID_OFFSET ? p.subarray(4) : undefined;
}

/**
 * UPDATE_CONFIG (read-only mode never gets here: the session refuses it first). Its reply spec belongs to a later
 * issue, so every update is refused for now: one that touches a security setting says so, any other names the
 * feature as not served yet.
 */
export const configHandlers: Record<string, RequestHandler> = {
  UPDATE_CONFIG: {
    needsSpec: false,
    handle(ctx, request) {
      const body = protobufBody(request);
      let touched: string[];
      try {
        touched = body ? securitySettingsIn(body) : [];
      } catch (cause) {
        const why = cause instanceof Error ? cause.message : String(cause);
        const e = requestError("read", request.name, `the UpdateConfigRequest body cannot be read: ${why}`);
        ctx.error(request.reqId, e.code, e.text);
        return;
      }
      const e =
        touched.length > 0
          ? requestError(
              "validate",
              request.name,
              `the security settings ${touched.join(", ")} cannot be changed through the API`,
            )
          : requestError(
              "validate",
              request.name,
              "API configuration updates are not served by the simulated host yet",
            );
      ctx.error(request.reqId, e.code, e.text);
    },
  },
};
