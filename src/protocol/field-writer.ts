import { EncodeError, InvalidCharacterError } from "./errors.js";
import { PROTOBUF_MSG_ID_OFFSET } from "./message-ids.js";
import { ServerVersion } from "./server-versions.js";
import {
  type DecimalInput,
  decimalTextOf,
  isDecimalText,
  pythonFloatText,
  UNSET_DECIMAL_TEXT,
  UNSET_INTEGER,
} from "./values.js";

const LENGTH_PREFIX = 4;

/**
 * Builds one length-prefixed frame at a time in a buffer that is reused across frames: `begin()`, the message id,
 * the fields, then `finish()` (a copy the caller may keep) or `view()` (no copy, valid until the next `begin()`).
 *
 * Fields are written as the official Python client 10.46.01 writes them (`comm.make_field` and
 * `make_field_handle_empty`): ints in decimal, doubles as Python's `str(float)`, bools as `1`/`0`, unset Decimals
 * as the 2^127-1 literal, and the "handle empty" variants leave unset ints and doubles empty and write +∞ as
 * `Infinity`.
 */
export class FieldWriter {
  private buf: Buffer;
  private len = LENGTH_PREFIX;

  constructor(initialCapacity = 1024) {
    this.buf = Buffer.allocUnsafe(Math.max(initialCapacity, 64));
  }

  /** Starts a new frame, discarding the previous one. */
  begin(): this {
    this.len = LENGTH_PREFIX;
    return this;
  }

  /** Bytes written to the current frame's payload so far. */
  get payloadLength(): number {
    return this.len - LENGTH_PREFIX;
  }

  private reserve(n: number): void {
    const need = this.len + n;
    if (need <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  private ascii(text: string): void {
    this.reserve(text.length + 1);
    this.len += this.buf.write(text, this.len, "latin1");
    this.buf[this.len++] = 0;
  }

  /**
   * The message id: a text field below MIN_SERVER_VER_PROTOBUF, a 4-byte big-endian int from there on.
   * `protobuf` adds the protobuf offset (200) to the id.
   */
  messageId(id: number, serverVersion: number, protobuf = false): this {
    if (protobuf || serverVersion >= ServerVersion.PROTOBUF) {
      if (protobuf && serverVersion < ServerVersion.PROTOBUF) {
        throw new EncodeError(`protobuf messages need server version ${ServerVersion.PROTOBUF}, not ${serverVersion}`);
      }
      this.reserve(4);
      this.buf.writeUInt32BE(protobuf ? id + PROTOBUF_MSG_ID_OFFSET : id, this.len);
      this.len += 4;
      return this;
    }
    return this.int(id);
  }

  /** Raw bytes (a protobuf body). */
  bytes(data: Uint8Array): this {
    this.reserve(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
    return this;
  }

  /** An int field. */
  int(value: number): this {
    if (!Number.isSafeInteger(value)) throw new EncodeError(`${value} is not an integer`);
    this.ascii(String(value));
    return this;
  }

  /** An int field that is left empty when unset (undefined or 2^31-1). */
  intMax(value: number | undefined): this {
    if (value === undefined || value === UNSET_INTEGER) return this.empty();
    return this.int(value);
  }

  /** A long field. */
  long(value: bigint): this {
    this.ascii(value.toString());
    return this;
  }

  /** A double field, spelled as Python's `str(float)`. */
  double(value: number): this {
    this.ascii(pythonFloatText(value));
    return this;
  }

  /** A double field that is left empty when unset (undefined or the max double); +∞ is written `Infinity`. */
  doubleMax(value: number | undefined): this {
    if (value === undefined || value === Number.MAX_VALUE) return this.empty();
    if (value === Number.POSITIVE_INFINITY) {
      this.ascii("Infinity");
      return this;
    }
    return this.double(value);
  }

  /** A bool field: `1` or `0`. */
  bool(value: boolean | undefined): this {
    this.ascii(value ? "1" : "0");
    return this;
  }

  /** A Decimal field; unset is written as the 2^127-1 literal, as the Python client does in plain fields. */
  decimal(value: DecimalInput | undefined): this {
    if (value === undefined) {
      this.ascii(UNSET_DECIMAL_TEXT);
      return this;
    }
    const text = decimalTextOf(value);
    if (!isDecimalText(text)) throw new EncodeError(`${JSON.stringify(text)} is not a decimal number`);
    this.ascii(text);
    return this;
  }

  /**
   * A Decimal field a host writes in a reply: unset is an empty field, which the official decoder reads as
   * UNSET_DECIMAL (the 2^127-1 literal is the Python client's request spelling, which TWS never sends).
   */
  decimalMax(value: DecimalInput | undefined): this {
    return value === undefined ? this.empty() : this.decimal(value);
  }

  /** An empty field. */
  empty(): this {
    this.reserve(1);
    this.buf[this.len++] = 0;
    return this;
  }

  /**
   * A string field. Like the official client, refuses anything but printable ASCII, tab, LF and CR
   * (the client's error 579), since TWS reads text fields as ASCII.
   */
  string(value: string | undefined): this {
    if (value === undefined || value.length === 0) return this.empty();
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if ((c < 32 || c > 126) && c !== 9 && c !== 10 && c !== 13) throw new InvalidCharacterError(value, i);
    }
    this.ascii(value);
    return this;
  }

  /** A string field written as UTF-8 without the ASCII check (host-side free text). */
  utf8(value: string): this {
    const n = Buffer.byteLength(value, "utf8");
    this.reserve(n + 1);
    this.len += this.buf.write(value, this.len, "utf8");
    this.buf[this.len++] = 0;
    return this;
  }

  private seal(): void {
    const payload = this.len - LENGTH_PREFIX;
    this.buf.writeUInt32BE(payload, 0);
  }

  /** The finished frame (length prefix included) as a new buffer the caller owns. */
  finish(): Buffer {
    this.seal();
    return Buffer.from(this.buf.subarray(0, this.len));
  }

  /** The finished frame without a copy; valid until the next `begin()`. */
  view(): Buffer {
    this.seal();
    return this.buf.subarray(0, this.len);
  }

  /** The payload (without length prefix) without a copy; valid until the next `begin()`. */
  payload(): Buffer {
    return this.buf.subarray(LENGTH_PREFIX, this.len);
  }
}
