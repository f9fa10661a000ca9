import { FieldReader } from "../protocol/field-reader.js";
import { PROTOBUF_MSG_ID_OFFSET } from "../protocol/message-ids.js";
import type { WireForm } from "../protocol/messages/index.js";
import { BinaryReader } from "../protocol/proto/index.js";
import { ServerVersion } from "../protocol/server-versions.js";
import { requestClass } from "./request-classes.js";

/** One request as a handler sees it. */
export interface HostRequest {
  readonly name: string;
  /** The message id without the protobuf offset. */
  readonly id: number;
  readonly form: WireForm | undefined;
  /** The decoded value, or undefined when the message has no spec yet. */
  readonly value: unknown;
  /** The frame's payload (message id included), for handlers that read a message without a spec. */
  readonly payload: Uint8Array;
  /** The request's id (reqId, tickerId or orderId) for errors, or -1. */
  readonly reqId: number;
}

const ID_FIELDS = ["reqId", "tickerId", "orderId", "requestId"] as const;

/** The request id inside a decoded value, when it has one. */
export function reqIdOfValue(value: unknown): number | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  for (const key of ID_FIELDS) {
    const v = record[key];
    if (typeof v === "number" && Number.isSafeInteger(v)) return v;
  }
  return undefined;
}

/** The offset of the body (after the message id) and whether it is protobuf. */
function body(payload: Uint8Array, serverVersion: number, reader: FieldReader): { start: number; protobuf: boolean } {
  if (serverVersion >= ServerVersion.PROTOBUF) {
    const b = payload;
    const wireId = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
    return { start: 4, protobuf: wireId > PROTOBUF_MSG_ID_OFFSET };
  }
  reader.reset(payload);
  reader.skip();
  return { start: reader.offset, protobuf: false };
}

/**
 * The request id of a frame that could not be decoded (no spec yet, or a bad field elsewhere), read from where the
 * official client writes it; -1 when it has none or it cannot be read.
 */
export function reqIdOfFrame(name: string | undefined, payload: Uint8Array, serverVersion: number): number {
  if (name === undefined || payload.length < 4) return -1;
  const cls = requestClass(name);
  const reader = new FieldReader();
  try {
    const { start, protobuf } = body(payload, serverVersion, reader);
    if (protobuf) {
      if (!cls.protobufId) return -1;
      const r = new BinaryReader(payload.subarray(start));
      if (r.pos >= r.len) return -1;
      const [field, wireType] = r.tag();
      return field === 1 && wireType === 0 ? r.int32() : -1;
    }
    if (cls.textId === undefined) return -1;
    reader.reset(payload, start, payload.length);
    if (cls.textId === 1) reader.skip();
    return reader.readInt();
  } catch {
    return -1;
  }
}
