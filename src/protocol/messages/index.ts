import { SpecRegistry } from "./codec.js";
import { tickGeneric, tickPrice, tickSize, tickString } from "./market-data/ticks.js";
import { startApi } from "./session/start-api.js";
import type { MessageSpec } from "./spec.js";

/** Every message spec, both directions. Families add theirs here. */
export const allSpecs: readonly MessageSpec[] = [startApi, tickPrice, tickSize, tickString, tickGeneric];

/** The registry of every spec, used by the client, the host and `tws decode`. */
export const specRegistry = new SpecRegistry(allSpecs);

export {
  type CodecEvent,
  codecInstrumentation,
  type DecodedMessage,
  decodeMessage,
  encodeMessage,
  formAt,
  MessageDecodeError,
  MessageFormError,
  type Sender,
  SpecRegistry,
  UnknownMessageIdError,
  UnsupportedMessageError,
  type WireForm,
} from "./codec.js";
export type { IncomingSpec, MessageSpec, OutgoingSpec, WrapperCall } from "./spec.js";
