/**
 * Typed errors of the protocol layer. Each says what was wrong and, where it can, how to fix it; errors about
 * bytes carry the bytes, so a frame that cannot be decoded is reported, never swallowed.
 */

/** Base class of every error the protocol layer throws. */
export class ProtocolError extends Error {
  override name = "ProtocolError";
}

/** A frame header announced more bytes than a TWS message may have; the stream cannot be resynchronised. */
export class FrameTooLargeError extends ProtocolError {
  override name = "FrameTooLargeError";
  constructor(
    readonly length: number,
    readonly maxLength: number,
  ) {
    super(
      `frame length ${length} exceeds the maximum of ${maxLength} bytes: the peer is not speaking the TWS protocol ` +
        "or the stream is corrupt; the connection must be closed",
    );
  }
}

/** The decoder was used after a fatal framing error. */
export class FrameStreamBrokenError extends ProtocolError {
  override name = "FrameStreamBrokenError";
  constructor(readonly reason: ProtocolError) {
    super(`the frame stream is broken by an earlier error (${reason.message}); open a new connection`, {
      cause: reason,
    });
  }
}

/** The stream ended in the middle of a frame. */
export class TruncatedFrameError extends ProtocolError {
  override name = "TruncatedFrameError";
  constructor(
    readonly expected: number,
    readonly received: number,
  ) {
    super(`the stream ended inside a frame: ${received} of ${expected} bytes arrived`);
  }
}

/** The handshake bytes are not what a TWS client or host sends. */
export class HandshakeError extends ProtocolError {
  override name = "HandshakeError";
  constructor(
    message: string,
    readonly bytes?: Uint8Array,
  ) {
    super(message);
  }
}

/** Client and host have no server version in common. */
export class VersionNegotiationError extends ProtocolError {
  override name = "VersionNegotiationError";
  constructor(
    readonly clientMin: number,
    readonly clientMax: number,
    readonly hostMin: number,
    readonly hostMax: number,
  ) {
    super(`no common server version: the client speaks v${clientMin}..${clientMax}, the host v${hostMin}..${hostMax}`);
  }
}

/** A text field could not be read as the type its position requires. */
export class FieldError extends ProtocolError {
  override name = "FieldError";
  constructor(
    /** What the field should have held: `int`, `double`, `decimal`, ... or `field` when one was missing. */
    readonly expected: string,
    /** The text found, or undefined when the message ended before the field. */
    readonly text: string | undefined,
    /** Zero-based index of the field in its message (the message id is field 0 in the text form). */
    readonly index: number,
  ) {
    super(
      text === undefined
        ? `field ${index}: the message ended where a ${expected} was expected`
        : `field ${index}: ${JSON.stringify(text)} is not a valid ${expected}`,
    );
  }
}

/** A value cannot be written in the form the wire requires. */
export class EncodeError extends ProtocolError {
  override name = "EncodeError";
}

/** A string holds a character the official client refuses to send (its client error 579). */
export class InvalidCharacterError extends EncodeError {
  override name = "InvalidCharacterError";
  constructor(
    readonly text: string,
    readonly position: number,
  ) {
    super(
      `invalid character U+${text.codePointAt(position)?.toString(16).toUpperCase().padStart(4, "0")} at ` +
        `position ${position} of ${JSON.stringify(text)}: TWS accepts printable ASCII, tab, CR and LF only`,
    );
  }
}

/** A request or field needs a newer server version than the one negotiated (the client's error 503). */
export class ServerVersionError extends ProtocolError {
  override name = "ServerVersionError";
  constructor(
    readonly required: number,
    readonly actual: number,
    readonly feature: string,
  ) {
    super(
      `${feature} needs server version ${required} but the connection negotiated ${actual}: ` +
        "upgrade TWS / IB Gateway or leave the feature out",
    );
  }
}
