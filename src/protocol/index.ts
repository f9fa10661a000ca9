/**
 * `tws-ts/protocol`: the TWS API wire protocol with no I/O — handshake, framing, text fields, message ids,
 * server versions. Shared by the client and the simulated host.
 */
export {
  EncodeError,
  FieldError,
  FrameStreamBrokenError,
  FrameTooLargeError,
  HandshakeError,
  InvalidCharacterError,
  ProtocolError,
  ServerVersionError,
  TruncatedFrameError,
  VersionNegotiationError,
} from "./errors.js";
export { FieldReader } from "./field-reader.js";
export { FieldWriter } from "./field-writer.js";
export { encodeFrame, FrameDecoder, type FrameHandler, MAX_FRAME_LENGTH } from "./framing.js";
export {
  API_PREFIX,
  ApiPrefixReader,
  type ClientHello,
  clientHelloText,
  DEFAULT_CLIENT_RANGE,
  decodeClientHello,
  decodeServerHello,
  encodeClientHello,
  encodeServerHello,
  formatConnectionTime,
  negotiateServerVersion,
  type ServerHello,
  type VersionRange,
} from "./handshake.js";
export { incomingForms, type MessageForms, outgoingForms, sendsProtobuf } from "./message-forms.js";
export {
  IncomingMessageId,
  type IncomingMessageName,
  incomingMessageName,
  OutgoingMessageId,
  type OutgoingMessageName,
  outgoingMessageName,
  PROTOBUF_MSG_ID_OFFSET,
} from "./message-ids.js";
export { TWS_PORTS } from "./ports.js";
export {
  MAX_CLIENT_VERSION,
  MAX_CLIENT_VERSION_PYTHON_10_46,
  MIN_CLIENT_VERSION,
  ServerVersion,
  type ServerVersionName,
} from "./server-versions.js";
export {
  type Decimal,
  type DecimalInput,
  decimalTextOf,
  NO_VALID_ID,
  pythonFloatText,
  UNSET_DECIMAL_TEXT,
  UNSET_DOUBLE,
  UNSET_INTEGER,
  UNSET_LONG,
} from "./values.js";
