import { BinaryWriter } from "@bufbuild/protobuf/wire";
import { EncodeError, ProtocolError, ServerVersionError } from "../errors.js";
import { FieldReader } from "../field-reader.js";
import { FieldWriter } from "../field-writer.js";
import { incomingForms, type MessageForms, outgoingForms } from "../message-forms.js";
import { PROTOBUF_MSG_ID_OFFSET } from "../message-ids.js";
import { ServerVersion } from "../server-versions.js";
import type { IncomingSpec, MessageSpec, OutgoingSpec } from "./spec.js";

/** The two wire forms of a message body. */
export type WireForm = "text" | "protobuf";

/** Which end sent a frame: `client` frames are requests, `host` frames are replies. */
export type Sender = "client" | "host";

/** A message decoded from one frame. */
export interface DecodedMessage<M = unknown> {
  readonly spec: MessageSpec;
  /** The message id without the protobuf offset. */
  readonly id: number;
  /** The id as it was on the wire (id + 200 for protobuf). */
  readonly wireId: number;
  readonly form: WireForm;
  readonly value: M;
}

/** A frame that could not be decoded. It carries the raw payload; decoding can go on with the next frame. */
export class MessageDecodeError extends ProtocolError {
  override name = "MessageDecodeError";
  constructor(
    message: string,
    /** The message id without the protobuf offset, when it could be read. */
    readonly id: number | undefined,
    /** The message name, when the id is known. */
    readonly messageName: string | undefined,
    readonly form: WireForm | undefined,
    readonly serverVersion: number,
    /** The frame's payload (without the length prefix). */
    readonly raw: Uint8Array,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A message id that names no message in that direction. */
export class UnknownMessageIdError extends MessageDecodeError {
  override name = "UnknownMessageIdError";
}

/** The frame uses a form (text or protobuf) that does not exist for that message. */
export class MessageFormError extends MessageDecodeError {
  override name = "MessageFormError";
}

/** The id is known but no spec for it is registered yet. */
export class UnsupportedMessageError extends MessageDecodeError {
  override name = "UnsupportedMessageError";
}

/** Lookup of specs by id, one table per direction. */
export class SpecRegistry {
  readonly outgoing = new Map<number, OutgoingSpec>();
  readonly incoming = new Map<number, IncomingSpec>();

  constructor(specs: Iterable<MessageSpec> = []) {
    for (const s of specs) this.add(s);
  }

  add(spec: MessageSpec): this {
    const table: Map<number, MessageSpec> = spec.direction === "out" ? this.outgoing : this.incoming;
    if (table.has(spec.id)) throw new Error(`two specs for ${spec.direction} id ${spec.id} (${spec.name})`);
    table.set(spec.id, spec);
    return this;
  }
}

/** One (message, form, server version, operation) the codec performed; collected for protocol coverage. */
export interface CodecEvent {
  readonly direction: "out" | "in";
  readonly id: number;
  readonly form: WireForm;
  readonly serverVersion: number;
  readonly op: "encode" | "decode";
}

/**
 * Test instrumentation: when set, the codec reports every encode and decode here (`npm run coverage:protocol`).
 * The only mutable module state of the protocol layer; nothing in the library sets it.
 */
export const codecInstrumentation: { observer: ((event: CodecEvent) => void) | undefined } = { observer: undefined };

function formsOf(spec: MessageSpec): MessageForms {
  const forms = (spec.direction === "out" ? outgoingForms : incomingForms).get(spec.id);
  if (!forms) throw new Error(`${spec.name} (${spec.id}) is not in the message catalogue`);
  return forms;
}

/** The form a message takes at a server version under the catalogue's rule (reference section 7). */
export function formAt(spec: MessageSpec, serverVersion: number): WireForm {
  const forms = formsOf(spec);
  if (forms.protobufFrom !== null && serverVersion >= forms.protobufFrom) return "protobuf";
  if (forms.protobufOnly) {
    throw new ServerVersionError(forms.protobufFrom ?? Number.NaN, serverVersion, spec.name);
  }
  return "text";
}

/**
 * The protobuf writer every encode shares: `finish()` hands out a copy of the bytes and empties it, so it keeps
 * its buffer instead of growing a new one per message (encoding is synchronous and never nested).
 */
const protoWriter = new BinaryWriter();

/**
 * Encodes one message as a complete frame (length prefix included) into `writer`, in the form the catalogue
 * gives for `serverVersion` unless `form` forces one (tests, and hosts emulating peers). Returns the writer's
 * view of the frame: valid until the writer's next `begin()`.
 */
export function encodeMessage<M>(
  spec: OutgoingSpec<M> | IncomingSpec<M>,
  value: M,
  serverVersion: number,
  writer: FieldWriter = new FieldWriter(),
  form: WireForm = formAt(spec, serverVersion),
): Buffer {
  if (spec.minServerVersion !== undefined && serverVersion < spec.minServerVersion) {
    throw new ServerVersionError(spec.minServerVersion, serverVersion, spec.name);
  }
  writer.begin();
  if (form === "protobuf") {
    if (!spec.protobuf) throw new EncodeError(`${spec.name} has no protobuf form`);
    if (serverVersion < ServerVersion.PROTOBUF) {
      throw new ServerVersionError(ServerVersion.PROTOBUF, serverVersion, `${spec.name} as protobuf`);
    }
    const pb = spec.protobuf as {
      codec: { encode(p: unknown, w: BinaryWriter): { finish(): Uint8Array } };
      toProto(m: M, sv: number): unknown;
    };
    let body: Uint8Array;
    try {
      body = pb.codec.encode(pb.toProto(value, serverVersion), protoWriter).finish();
    } catch (err) {
      protoWriter.finish(); // leaves the shared writer empty for the next message
      throw err;
    }
    writer.messageId(spec.id, serverVersion, true).bytes(body);
  } else {
    if (!spec.text) throw new EncodeError(`${spec.name} exists only as protobuf`);
    writer.messageId(spec.id, serverVersion);
    spec.text.write(writer, value, serverVersion);
  }
  codecInstrumentation.observer?.({ direction: spec.direction, id: spec.id, form, serverVersion, op: "encode" });
  return writer.view();
}

/**
 * Decodes one frame payload (without the length prefix) sent by `sender`. Every failure is a
 * {@link MessageDecodeError} carrying the raw payload; the caller may go on with the next frame.
 */
export function decodeMessage(
  registry: SpecRegistry,
  sender: Sender,
  payload: Uint8Array,
  serverVersion: number,
  reader: FieldReader = new FieldReader(),
): DecodedMessage {
  return decodeFrame(registry, sender, payload, 0, payload.length, serverVersion, reader);
}

/** A copy of a frame's payload, for an error that outlives the buffer (no closure per frame for the rare error). */
function rawPayload(buf: Uint8Array, start: number, end: number): Uint8Array {
  return Uint8Array.prototype.slice.call(buf, start, end);
}

/**
 * Decodes the payload `buf[start, end)` in place (no copy, no view object on the way), for readers that hold a
 * frame inside a larger socket chunk. Errors carry a copy of the payload.
 */
export function decodeFrame(
  registry: SpecRegistry,
  sender: Sender,
  buf: Uint8Array,
  start: number,
  end: number,
  serverVersion: number,
  reader: FieldReader,
): DecodedMessage {
  const table: Map<number, MessageSpec> = sender === "client" ? registry.outgoing : registry.incoming;
  const forms = sender === "client" ? outgoingForms : incomingForms;
  let wireId: number;
  let bodyStart: number;
  if (serverVersion >= ServerVersion.PROTOBUF) {
    if (end - start < 4) {
      throw new MessageDecodeError(
        "frame too short for its 4-byte message id",
        undefined,
        undefined,
        undefined,
        serverVersion,
        rawPayload(buf, start, end),
      );
    }
    wireId = ((buf[start]! << 24) | (buf[start + 1]! << 16) | (buf[start + 2]! << 8) | buf[start + 3]!) >>> 0;
    bodyStart = start + 4;
  } else {
    reader.reset(buf, start, end);
    try {
      wireId = reader.readInt();
    } catch (cause) {
      throw new MessageDecodeError(
        "unreadable message id",
        undefined,
        undefined,
        "text",
        serverVersion,
        rawPayload(buf, start, end),
        {
          cause,
        },
      );
    }
    bodyStart = reader.offset;
  }
  const protobuf = wireId > PROTOBUF_MSG_ID_OFFSET;
  const id = protobuf ? wireId - PROTOBUF_MSG_ID_OFFSET : wireId;
  const form: WireForm = protobuf ? "protobuf" : "text";
  const catalogued = forms.get(id);
  if (!catalogued) {
    throw new UnknownMessageIdError(
      `unknown ${sender === "client" ? "request" : "reply"} id ${wireId}`,
      id,
      undefined,
      form,
      serverVersion,
      rawPayload(buf, start, end),
    );
  }
  const spec = table.get(id);
  const name = spec?.name;
  if (protobuf && (catalogued.protobufType === null || serverVersion < ServerVersion.PROTOBUF)) {
    throw new MessageFormError(
      `message id ${id} has no protobuf form`,
      id,
      name,
      form,
      serverVersion,
      rawPayload(buf, start, end),
    );
  }
  if (!protobuf && catalogued.protobufOnly) {
    throw new MessageFormError(
      `message id ${id} exists only as protobuf`,
      id,
      name,
      form,
      serverVersion,
      rawPayload(buf, start, end),
    );
  }
  if (!spec) {
    throw new UnsupportedMessageError(
      `no spec for message id ${id} yet`,
      id,
      undefined,
      form,
      serverVersion,
      rawPayload(buf, start, end),
    );
  }
  let value: unknown;
  try {
    if (protobuf) {
      const pb = spec.protobuf as {
        codec: { decode(b: Uint8Array): unknown };
        fromProto(p: unknown, sv: number): unknown;
      };
      value = pb.fromProto(pb.codec.decode(buf.subarray(bodyStart, end)), serverVersion);
    } else {
      reader.reset(buf, bodyStart, end, 1);
      value = spec.text!.read(reader, serverVersion);
      if (!reader.atEnd) {
        throw new ProtocolError(`${reader.remaining()} field(s) left over after the last field of ${spec.name}`);
      }
    }
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new MessageDecodeError(
      `cannot decode ${spec.name} (${form}): ${why}`,
      id,
      spec.name,
      form,
      serverVersion,
      rawPayload(buf, start, end),
      {
        cause,
      },
    );
  }
  codecInstrumentation.observer?.({ direction: spec.direction, id, form, serverVersion, op: "decode" });
  return { spec, id, wireId, form, value };
}
