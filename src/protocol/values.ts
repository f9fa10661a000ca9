/**
 * Wire values: the official unset sentinels and the text spellings the official Python client 10.46.01 writes.
 * See docs/decisions/0001-wire-values.md for how values look at each layer.
 */

/** 2^31 - 1: an int field that was never set. */
export const UNSET_INTEGER = 2147483647;
/** 2^63 - 1: a long field that was never set. */
export const UNSET_LONG = 9223372036854775807n;
/** Number.MAX_VALUE: a double field that was never set. */
export const UNSET_DOUBLE = Number.MAX_VALUE;
/** 2^127 - 1, as the Python client writes an unset Decimal in a plain field. */
export const UNSET_DECIMAL_TEXT = "170141183460469231731687303715884105727";
/** An id that names no request (`NO_VALID_ID`). */
export const NO_VALID_ID = -1;

/**
 * An exact decimal quantity (sizes, positions, order quantities), held as its decimal text so nothing is lost
 * between the wire and the user: `"100"`, `"0.0001"`, `"1E+2"`. Convert with `Number()` for display or with a
 * decimal library for arithmetic; never add quantities as floats.
 */
export type Decimal = string;

/** What a caller may pass where the wire wants a Decimal. */
export type DecimalInput = Decimal | number | bigint;

const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True when `text` is a finite decimal number in plain or exponent form. */
export function isDecimalText(text: string): boolean {
  return DECIMAL_RE.test(text);
}

/**
 * The decimal text for a number without exponent notation and without losing the digits JavaScript prints:
 * `1e-7` → `"0.0000001"`, `1e21` → `"1000000000000000000000"`.
 */
export function decimalTextOf(value: DecimalInput): Decimal {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return value.toString();
  if (!Number.isFinite(value)) throw new RangeError(`a quantity must be finite, got ${value}`);
  const s = String(value);
  return s.includes("e") ? expandExponent(s) : s;
}

function expandExponent(s: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = "", expText] = m;
  const digits = `${lead}${frac}`;
  const point = 1 + Number(expText);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A double as Python's `str(float)` spells it, which is what the official Python client writes:
 * `100.0`, `0.5`, `1e-05`, `1e+16`, `1.7976931348623157e+308`, `inf`, `nan`.
 * Python and JavaScript pick the same shortest digits; they differ only in where exponent form starts
 * (Python: exponent < -4 or >= 16) and in how it is written.
 */
export function pythonFloatText(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (value === Number.POSITIVE_INFINITY) return "inf";
  if (value === Number.NEGATIVE_INFINITY) return "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  const [mantissa = "", expText = "0"] = value.toExponential().split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const e = Math.abs(exp);
    return `${mantissa}e${exp < 0 ? "-" : "+"}${e < 10 ? `0${e}` : e}`;
  }
  const plain = String(value);
  return plain.includes("e") ? expandExponent(plain) : plain;
}
