import { FieldError } from "./errors.js";
import { type Decimal, UNSET_DECIMAL_TEXT, UNSET_INTEGER, UNSET_LONG } from "./values.js";

const NUL = 0;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** 10^0 .. 10^22: every power here is an exact double, which the fast double path below relies on. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Decimal texts the official decoder maps to "unset" (exact spellings, as `utils.decode` compares them). */
const UNSET_DECIMAL_SPELLINGS = new Set([
  "2147483647",
  "9223372036854775807",
  "-9223372036854775808",
  "1.7976931348623157E308",
  UNSET_DECIMAL_TEXT,
]);
const UNSET_LONG_TEXT = UNSET_LONG.toString();
const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DOUBLE_RE = /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$/i;
const LONG_RE = /^[+-]?\d+$/;

/** Node's own slice decoders: what Buffer#toString calls after checking its arguments, which we have done. */
interface NodeSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

function latin1(buf: Buffer, start: number, end: number): string {
  return (buf as unknown as NodeSlices).latin1Slice(start, end);
}

function utf8(buf: Buffer, start: number, end: number): string {
  return (buf as unknown as NodeSlices).utf8Slice(start, end);
}

/**
 * The texts of the integers below 100,000 as they were read, kept: most sizes are such round numbers, and reading
 * one then makes no new string. Strings are immutable, so sharing them changes nothing for the caller.
 */
const SMALL_INTEGERS: (string | undefined)[] = [];
const SMALL_INTEGER_DIGITS = 5;

/** The kept text of a field of 1 to 5 digits without a leading zero (or `0`), else undefined. */
function smallInteger(buf: Uint8Array, start: number, stop: number): string | undefined {
  const n = stop - start;
  if (n > SMALL_INTEGER_DIGITS || (buf[start] === ZERO && n > 1)) return undefined;
  let v = 0;
  for (let i = start; i < stop; i++) {
    const c = buf[i]!;
    if (c < ZERO || c > NINE) return undefined;
    v = v * 10 + (c - ZERO);
  }
  let text = SMALL_INTEGERS[v];
  if (text === undefined) {
    text = String(v);
    SMALL_INTEGERS[v] = text;
  }
  return text;
}

/** True for `[-+]?digits[.digits]` with at least one digit: the common spelling of a Decimal. */
function plainDecimal(buf: Uint8Array, start: number, stop: number): boolean {
  let i = start;
  const c0 = buf[i];
  if (c0 === MINUS || c0 === PLUS) i++;
  let digits = 0;
  let dot = false;
  for (; i < stop; i++) {
    const c = buf[i]!;
    if (c >= ZERO && c <= NINE) digits++;
    else if (c === DOT && !dot) dot = true;
    else return false;
  }
  return digits > 0;
}

/**
 * Reads the NUL-terminated text fields of one message, walking offsets over the frame's bytes: no copy of the
 * frame and no array of strings. Numbers are parsed straight from the bytes; strings are made only when asked for.
 *
 * The read rules follow the official Python decoder (`utils.decode`): an empty int, double or bool reads as 0,
 * the `...Max` variants read empty and the sentinel values as `undefined`. Anything else that is not a number of
 * the asked type throws a {@link FieldError} naming the field.
 */
export class FieldReader {
  private buf: Uint8Array = new Uint8Array(0);
  private text: Buffer = Buffer.alloc(0);
  private pos = 0;
  private end = 0;
  /** Index of the next field within the message, for error reports. */
  index = 0;

  /** Points the reader at `buf[start, end)`; `firstIndex` is the index of the first field there. */
  reset(buf: Uint8Array, start = 0, end = buf.length, firstIndex = 0): this {
    if (buf !== this.buf) {
      this.buf = buf;
      this.text = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    this.pos = start;
    this.end = end;
    this.index = firstIndex;
    return this;
  }

  /** True when every field has been read. */
  get atEnd(): boolean {
    return this.pos >= this.end;
  }

  /** Byte offset of the next field. */
  get offset(): number {
    return this.pos;
  }

  /** Number of fields left, counting terminators (a trailing unterminated remainder counts as one). */
  remaining(): number {
    let n = 0;
    const { buf, end } = this;
    for (let i = this.pos; i < end; i++) if (buf[i] === NUL) n++;
    const last = end > this.pos ? buf[end - 1] : NUL;
    return last === NUL ? n : n + 1;
  }

  /** Skips one field. */
  skip(): void {
    this.fieldEnd("field");
    this.pos = this.nextStart;
    this.index++;
  }

  private nextStart = 0;

  /** Finds the terminator of the next field and remembers where the field after it starts. */
  private fieldEnd(expected: string): number {
    const { buf, end } = this;
    let i = this.pos;
    while (i < end && buf[i] !== NUL) i++;
    if (i >= end) {
      if (this.pos >= end) throw new FieldError(expected, undefined, this.index);
      // A last field without its terminator: the official clients always send one, so this is a cut message.
      throw new FieldError(expected, this.text.toString("latin1", this.pos, end), this.index);
    }
    this.nextStart = i + 1;
    return i;
  }

  private fail(expected: string, start: number, stop: number): never {
    throw new FieldError(expected, this.text.toString("utf8", start, stop), this.index);
  }

  /** A string field (UTF-8). */
  readString(): string {
    const start = this.pos;
    const stop = this.fieldEnd("string");
    this.pos = this.nextStart;
    this.index++;
    if (stop === start) return "";
    return utf8(this.text, start, stop);
  }

  /** An int field; empty reads as 0. */
  readInt(): number {
    const start = this.pos;
    const stop = this.fieldEnd("int");
    const v = stop === start ? 0 : this.parseInt(start, stop, "int");
    this.pos = this.nextStart;
    this.index++;
    return v;
  }

  /** An int field read "show unset": empty and 2^31-1 read as undefined. */
  readIntMax(): number | undefined {
    const start = this.pos;
    const stop = this.fieldEnd("int");
    const v = stop === start ? undefined : this.parseInt(start, stop, "int");
    this.pos = this.nextStart;
    this.index++;
    return v === UNSET_INTEGER ? undefined : v;
  }

  /** A bool field written as an int: any value but 0 is true; empty is false. */
  readBool(): boolean {
    return this.readInt() !== 0;
  }

  /** A long field as a bigint, so ids beyond 2^53 keep every digit; empty reads as 0. */
  readLong(): bigint {
    const start = this.pos;
    const stop = this.fieldEnd("long");
    let v = 0n;
    if (stop !== start) {
      const s = this.text.toString("latin1", start, stop);
      if (!LONG_RE.test(s)) this.fail("long", start, stop);
      v = BigInt(s);
    }
    this.pos = this.nextStart;
    this.index++;
    return v;
  }

  /** A long field read "show unset": empty and 2^63-1 read as undefined. */
  readLongMax(): bigint | undefined {
    const start = this.pos;
    const stop = this.fieldEnd("long");
    let v: bigint | undefined;
    if (stop !== start) {
      const s = this.text.toString("latin1", start, stop);
      if (s === UNSET_LONG_TEXT) v = undefined;
      else if (!LONG_RE.test(s)) this.fail("long", start, stop);
      else v = BigInt(s);
    }
    this.pos = this.nextStart;
    this.index++;
    return v;
  }

  /** A double field; empty reads as 0, `Infinity`/`inf` as +∞. */
  readDouble(): number {
    const start = this.pos;
    const stop = this.fieldEnd("double");
    const v = stop === start ? 0 : this.parseDouble(start, stop);
    this.pos = this.nextStart;
    this.index++;
    return v;
  }

  /** A double field read "show unset": empty and the max double read as undefined. */
  readDoubleMax(): number | undefined {
    const start = this.pos;
    const stop = this.fieldEnd("double");
    const v = stop === start ? undefined : this.parseDouble(start, stop);
    this.pos = this.nextStart;
    this.index++;
    return v === Number.MAX_VALUE ? undefined : v;
  }

  /** A Decimal field as its exact text; empty and the sentinel spellings read as undefined. */
  readDecimal(): Decimal | undefined {
    const start = this.pos;
    const stop = this.fieldEnd("decimal");
    let v: string | undefined;
    if (stop !== start) {
      v = smallInteger(this.buf, start, stop) ?? latin1(this.text, start, stop);
      // Sizes are nearly always plain digits with at most one point: check those bytes without a regex.
      if (!plainDecimal(this.buf, start, stop) && !DECIMAL_RE.test(v)) this.fail("decimal", start, stop);
      if (stop - start >= 10 && UNSET_DECIMAL_SPELLINGS.has(v)) v = undefined;
    }
    this.pos = this.nextStart;
    this.index++;
    return v;
  }

  private parseInt(start: number, stop: number, expected: string): number {
    const buf = this.buf;
    let i = start;
    let neg = false;
    const c0 = buf[i];
    if (c0 === MINUS || c0 === PLUS) {
      neg = c0 === MINUS;
      i++;
      if (i === stop) this.fail(expected, start, stop);
    }
    let v = 0;
    for (; i < stop; i++) {
      const c = buf[i]!;
      if (c < ZERO || c > NINE) this.fail(expected, start, stop);
      v = v * 10 + (c - ZERO);
    }
    if (v > Number.MAX_SAFE_INTEGER) this.fail(expected, start, stop);
    return neg ? -v : v;
  }

  /**
   * Plain decimals of up to 15 significant digits (nearly every price on the wire) are exact integers divided
   * by an exact power of ten: one correctly rounded division gives the same double as a full parse. Everything
   * else (exponents, long mantissas, `Infinity`) goes through `Number()` after a syntax check.
   */
  private parseDouble(start: number, stop: number): number {
    const buf = this.buf;
    let i = start;
    let neg = false;
    const c0 = buf[i];
    if (c0 === MINUS || c0 === PLUS) {
      neg = c0 === MINUS;
      i++;
    }
    let mantissa = 0;
    let digits = 0; // significant digits: those from the first non-zero one on
    let seen = 0; // digit characters
    let frac = -1; // digits after the point, -1 before a point
    let ok = true;
    for (; i < stop; i++) {
      const c = buf[i]!;
      if (c >= ZERO && c <= NINE) {
        mantissa = mantissa * 10 + (c - ZERO);
        seen++;
        if (mantissa !== 0) digits++;
        if (frac >= 0) frac++;
      } else if (c === DOT && frac < 0) {
        frac = 0;
      } else {
        ok = false;
        break;
      }
    }
    if (ok && seen > 0 && digits <= 15 && frac <= 22) {
      const v = frac > 0 ? mantissa / POW10[frac]! : mantissa;
      return neg ? -v : v;
    }
    return this.parseDoubleSlow(start, stop);
  }

  private parseDoubleSlow(start: number, stop: number): number {
    const s = this.text.toString("latin1", start, stop);
    if (!DOUBLE_RE.test(s)) this.fail("double", start, stop);
    const lower = s.toLowerCase();
    if (lower.endsWith("inf") || lower.endsWith("infinity")) {
      return s.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    }
    if (lower.endsWith("nan")) return Number.NaN;
    return Number(s);
  }
}
