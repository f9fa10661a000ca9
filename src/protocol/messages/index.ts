import { accountSpecs } from "./accounts/index.js";
import { SpecRegistry } from "./codec.js";
import { configurationSpecs } from "./configuration/index.js";
import { contractSpecs } from "./contracts/index.js";
import { depthAndBarsSpecs } from "./depth-and-bars/index.js";
import { displayGroupSpecs } from "./display-groups/index.js";
import { financialAdvisorSpecs } from "./financial-advisor/index.js";
import { fundamentalsSpecs } from "./fundamentals/index.js";
import { historicalSpecs } from "./historical/index.js";
import { marketDataSpecs } from "./market-data/index.js";
import { newsAndScannerSpecs } from "./news-and-scanners/index.js";
import { orderReplySpecs } from "./order-replies/index.js";
import { orderRequestSpecs } from "./orders/index.js";
import { sessionSpecs } from "./session/index.js";
import type { MessageSpec } from "./spec.js";
import { verificationSpecs } from "./verification/index.js";
import { wallStreetHorizonSpecs } from "./wall-street-horizon/index.js";

/** Every message spec, both directions, family by family. */
export const allSpecs: readonly MessageSpec[] = [
  ...sessionSpecs,
  ...marketDataSpecs,
  ...depthAndBarsSpecs,
  ...contractSpecs,
  ...historicalSpecs,
  ...newsAndScannerSpecs,
  ...orderRequestSpecs,
  ...orderReplySpecs,
  ...accountSpecs,
  ...financialAdvisorSpecs,
  ...wallStreetHorizonSpecs,
  ...displayGroupSpecs,
  ...verificationSpecs,
  ...configurationSpecs,
  ...fundamentalsSpecs,
];

/** The registry of every spec, used by the client, the host and `tws decode`. */
export const specRegistry = new SpecRegistry(allSpecs);

/** The spec of a message by its catalogue name and sender. */
export function specByName(sender: "client" | "host", name: string): MessageSpec | undefined {
  const table = sender === "client" ? specRegistry.outgoing : specRegistry.incoming;
  for (const spec of table.values()) if (spec.name === name) return spec;
  return undefined;
}

export {
  type CodecEvent,
  codecInstrumentation,
  type DecodedMessage,
  decodeFrame,
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
