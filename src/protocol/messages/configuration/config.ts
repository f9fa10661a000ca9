import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type {
  ConfigRequestMessage,
  ConfigResponseMessage,
  TwsConfig,
  UpdateConfigRequestMessage,
  UpdateConfigResponseMessage,
  UpdateConfigResult,
} from "../../models/config.js";
import { ConfigRequest, ConfigResponse, UpdateConfigRequest, UpdateConfigResponse } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID } from "../../values.js";
import { protobufForm, reply, request } from "../spec.js";

/**
 * TWS configuration: REQ_CONFIG / CONFIG_RESPONSE (MIN_SERVER_VER_CONFIG, 219) and UPDATE_CONFIG /
 * UPDATE_CONFIG_RESPONSE (MIN_SERVER_VER_UPDATE_CONFIG, 221), protobuf only; they never had a text form.
 *
 * The official Python 10.46 client has no classic methods or callbacks for these: it sends the protobuf
 * message it is given (`reqConfigProtoBuf`, `updateConfigProtoBuf`) and hands replies, unread, to
 * `configResponseProtoBuf` / `updateConfigResponseProtoBuf`. So the values here are the protobuf messages'
 * fields (sent as given: there is no official builder to leave anything out), and the callbacks
 * `configResponse(reqId, config)` and `updateConfigResponse(reqId, response)` are ours, shaped like the other
 * replies: an absent reqId becomes NO_VALID_ID.
 */

/**
 * A decoded protobuf message as a plain value: keys whose field was absent are dropped, and so are empty lists
 * (protobuf cannot tell an empty repeated field from an absent one). Nested messages keep their presence.
 */
export function presentFields<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => presentFields(v)) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = presentFields(v);
  }
  return out as T;
}

/** The configuration sections of a response or update, present ones only. */
function sectionsOf(m: TwsConfig): TwsConfig {
  return presentFields({ lockAndExit: m.lockAndExit, messages: m.messages, api: m.api, orders: m.orders });
}

/** REQ_CONFIG: asks for the current configuration, answered by CONFIG_RESPONSE. */
export const reqConfig = request<ConfigRequestMessage>({
  id: OutgoingMessageId.REQ_CONFIG,
  name: "REQ_CONFIG",
  minServerVersion: ServerVersion.CONFIG,
  protobuf: protobufForm(ConfigRequest, {
    toProto: (m) => ({ reqId: m.reqId }),
    fromProto: (p) => presentFields({ reqId: p.reqId }),
  }),
});

/**
 * CONFIG_RESPONSE: the configuration. Callback (ours; the official 10.46 client only hands over the protobuf
 * message): `configResponse(reqId, config)`.
 */
export const configResponse = reply<ConfigResponseMessage>({
  id: IncomingMessageId.CONFIG_RESPONSE,
  name: "CONFIG_RESPONSE",
  minServerVersion: ServerVersion.CONFIG,
  protobuf: protobufForm(ConfigResponse, {
    toProto: (m) => ({ reqId: m.reqId, ...sectionsOf(m) }),
    fromProto: (p) => presentFields(p),
  }),
  callbacks: (m) => [["configResponse", m.reqId ?? NO_VALID_ID, sectionsOf(m)]],
});

/** UPDATE_CONFIG: changes the configuration, answered by UPDATE_CONFIG_RESPONSE. */
export const updateConfig = request<UpdateConfigRequestMessage>({
  id: OutgoingMessageId.UPDATE_CONFIG,
  name: "UPDATE_CONFIG",
  minServerVersion: ServerVersion.UPDATE_CONFIG,
  protobuf: protobufForm(UpdateConfigRequest, {
    toProto: (m) => ({
      reqId: m.reqId,
      ...sectionsOf(m),
      acceptedWarnings: m.acceptedWarnings,
      resetAPIOrderSequence: m.resetAPIOrderSequence,
    }),
    fromProto: (p) => presentFields(p),
  }),
});

/** The result part of an UPDATE_CONFIG_RESPONSE, present fields only. */
function resultOf(m: UpdateConfigResponseMessage): UpdateConfigResult {
  return presentFields({
    status: m.status,
    message: m.message,
    changedFields: m.changedFields,
    errors: m.errors,
    warnings: m.warnings,
  });
}

/**
 * UPDATE_CONFIG_RESPONSE: what became of an update (status, message, changed fields, errors, and warnings to
 * accept). Callback (ours; the official 10.46 client only hands over the protobuf message):
 * `updateConfigResponse(reqId, response)`.
 */
export const updateConfigResponse = reply<UpdateConfigResponseMessage>({
  id: IncomingMessageId.UPDATE_CONFIG_RESPONSE,
  name: "UPDATE_CONFIG_RESPONSE",
  minServerVersion: ServerVersion.UPDATE_CONFIG,
  protobuf: protobufForm(UpdateConfigResponse, {
    toProto: (m) => ({ reqId: m.reqId, ...resultOf(m) }),
    fromProto: (p) => presentFields(p),
  }),
  callbacks: (m) => [["updateConfigResponse", m.reqId ?? NO_VALID_ID, resultOf(m)]],
});
