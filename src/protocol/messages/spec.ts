import type { BinaryWriter } from "@bufbuild/protobuf/wire";
import type { FieldReader } from "../field-reader.js";
import type { FieldWriter } from "../field-writer.js";
import type { IncomingMessageName, OutgoingMessageName } from "../message-ids.js";

/**
 * How every message is specified: one spec per message id and direction, holding both halves of its text form
 * and both halves of its protobuf form. The client writes requests and reads replies with these specs; the
 * simulated host reads requests and writes replies with the same specs, so a field-order mistake shows on both
 * ends at once — and golden vectors from outside our encoder pin each spec to the official bytes.
 *
 * `M` is the message's value: for a request, the arguments of the official `EClient` method by name; for a reply,
 * the fields the official decoder reads, by their official names. Unset values are `undefined`.
 */

/** A generated protobuf codec (ts-proto's `MessageFns` fits this shape). */
export interface ProtoCodec<P> {
  /** Encodes into `writer` (a fresh one when left out) and returns it; `finish()` takes the bytes. */
  encode(message: P, writer?: BinaryWriter): { finish(): Uint8Array };
  decode(input: Uint8Array): P;
}

/** The text form of a message: the fields after the message id. */
export interface TextForm<M> {
  /** Writes the fields after the id, as the official client (request) or TWS (reply) writes them at `sv`. */
  write(w: FieldWriter, message: M, serverVersion: number): void;
  /** Reads the fields after the id. */
  read(r: FieldReader, serverVersion: number): M;
}

/** The protobuf form of a message: a mapping to and from its generated protobuf type. */
export interface ProtobufForm<M, P = unknown> {
  readonly codec: ProtoCodec<P>;
  toProto(message: M, serverVersion: number): P;
  fromProto(proto: P, serverVersion: number): M;
}

interface SpecBase<M, P> {
  /** The message id without the protobuf offset. */
  readonly id: number;
  /** First server version at which the message exists at all (`undefined`: from the start of v100). */
  readonly minServerVersion?: number;
  /** Present unless the message exists only as protobuf. */
  readonly text?: TextForm<M>;
  /** Present when the message has a protobuf form. */
  readonly protobuf?: ProtobufForm<M, P>;
}

/** A request: client → TWS. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds specs of every message type
export interface OutgoingSpec<M = any, P = any> extends SpecBase<M, P> {
  readonly direction: "out";
  readonly name: OutgoingMessageName;
}

/** One EWrapper call: the callback's name, then its arguments in the official order. */
export type WrapperCall = readonly [name: string, ...args: unknown[]];

/** A reply or event: TWS → client. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds specs of every message type
export interface IncomingSpec<M = any, P = any> extends SpecBase<M, P> {
  readonly direction: "in";
  readonly name: IncomingMessageName;
  /**
   * The EWrapper calls the official client makes for this message, in order (a TICK_PRICE, for example, also
   * yields a synthesised `tickSize`).
   */
  callbacks(message: M, serverVersion: number, form: "text" | "protobuf"): WrapperCall[];
}

export type MessageSpec = OutgoingSpec | IncomingSpec;

interface SpecInput<M, P> {
  readonly id: number;
  readonly minServerVersion?: number;
  readonly text?: TextForm<M>;
  readonly protobuf?: ProtobufForm<M, P>;
}

/**
 * Declares the protobuf form of a message: `P` comes from the generated codec, `M` from the spec it sits in.
 */
export function protobufForm<M, P>(
  codec: ProtoCodec<P>,
  mapping: { toProto(message: M, serverVersion: number): P; fromProto(proto: P, serverVersion: number): M },
): ProtobufForm<M, P> {
  return { codec, toProto: mapping.toProto, fromProto: mapping.fromProto };
}

/** Declares a request spec. */
// biome-ignore lint/suspicious/noExplicitAny: the protobuf type is checked where protobufForm() builds the form
export function request<M, P = any>(
  spec: SpecInput<M, P> & { readonly name: OutgoingMessageName },
): OutgoingSpec<M, P> {
  return { direction: "out", ...spec };
}

/** Declares a reply spec. */
// biome-ignore lint/suspicious/noExplicitAny: the protobuf type is checked where protobufForm() builds the form
export function reply<M, P = any>(
  spec: SpecInput<M, P> & {
    readonly name: IncomingMessageName;
    callbacks(message: M, serverVersion: number, form: "text" | "protobuf"): WrapperCall[];
  },
): IncomingSpec<M, P> {
  return { direction: "in", ...spec };
}
