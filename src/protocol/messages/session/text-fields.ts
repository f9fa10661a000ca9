import { FieldError, ProtocolError } from "../../errors.js";
import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { ServerVersion } from "../../server-versions.js";
import { escapeAscii7, isPlainAscii7, unescapeAscii7 } from "./ascii7.js";

/**
 * How the official decoder reads the fields of the session replies beyond plain `decode()`: escaped free text
 * (ERR_MSG) and "wrapper-style" replies (reference §3: NEXT_VALID_ID, MANAGED_ACCTS, CURRENT_TIME), which skip
 * the version field and convert each remaining field by the callback's parameter type.
 *
 * The reader hands out fields as UTF-8 strings; the un-escaping works on the field's bytes, so it re-encodes
 * them. That is exact for any field that is valid UTF-8 (all TWS writes from ENCODE_MSG_ASCII7 on is ASCII).
 */

function fieldBytes(text: string): Buffer {
  return Buffer.from(text, "utf8");
}

/**
 * A free-text field the official decoder un-escapes with `errors="backslashreplace"` (ERR_MSG's errorString from
 * ENCODE_MSG_ASCII7, its advancedOrderRejectJson always): a malformed escape is kept as `\xhh` text per byte.
 */
export function readEscapedText(r: FieldReader): string {
  const text = r.readString();
  return isPlainAscii7(text) ? text : unescapeAscii7(fieldBytes(text), "backslashreplace")!;
}

/** Writes free text as TWS does from ENCODE_MSG_ASCII7: escaped to printable ASCII. */
export function writeEscapedText(w: FieldWriter, text: string): void {
  w.string(escapeAscii7(text));
}

/**
 * A string argument of a wrapper-style reply: from ENCODE_MSG_ASCII7 un-escaped, and when an escape is
 * malformed the whole field is taken as Latin-1 instead (the decoder's fallback on a strict decode error);
 * below it plain UTF-8.
 */
export function readWrapperText(r: FieldReader, serverVersion: number): string {
  const text = r.readString();
  if (serverVersion < ServerVersion.ENCODE_MSG_ASCII7 || isPlainAscii7(text)) return text;
  const bytes = fieldBytes(text);
  return unescapeAscii7(bytes, "strict") ?? bytes.toString("latin1");
}

/** Writes a string argument of a wrapper-style reply so that {@link readWrapperText} reads it back. */
export function writeWrapperText(w: FieldWriter, text: string, serverVersion: number): void {
  if (serverVersion >= ServerVersion.ENCODE_MSG_ASCII7) writeEscapedText(w, text);
  else w.utf8(text);
}

/** Python's `int()` of a text: surrounding whitespace and digit-separating underscores allowed. */
const PYTHON_INT_RE = /^[+-]?\d+(?:_\d+)*$/;

/**
 * An int argument of a wrapper-style reply. Unlike `decode(int)`, the decoder converts it with a bare `int()`,
 * so an empty field is an error there (it ends the official client's reader), not 0.
 */
export function readWrapperInt(r: FieldReader, serverVersion: number): number {
  const text = readWrapperText(r, serverVersion);
  const trimmed = text.trim();
  const value = PYTHON_INT_RE.test(trimmed) ? Number(trimmed.replaceAll("_", "")) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw new FieldError("int", text, r.index - 1);
  return value === 0 ? 0 : value; // no -0
}

/**
 * A protobuf int64 holding a time (epoch seconds or milliseconds) as a number, which holds every such time
 * exactly (docs/decisions/0001-wire-values.md); anything beyond 2^53 is refused rather than rounded.
 */
export function timeFromProto(value: bigint | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new ProtocolError(`${field} ${value} is beyond 2^53, not a time`);
  return n;
}

/** The inverse of {@link timeFromProto}. */
export function timeToProto(value: number | undefined): bigint | undefined {
  return value === undefined ? undefined : BigInt(value);
}
