/**
 * The 7-bit text encoding of TWS text replies from MIN_SERVER_VER_ENCODE_MSG_ASCII7 (153): TWS writes non-ASCII
 * and control characters as backslash escapes, and the official Python decoder reads such fields with the
 * `unicode-escape` codec (ERR_MSG's texts, and every field of the "wrapper-style" replies).
 *
 * That codec is not "UTF-8 plus escapes": a byte outside an escape stands for the Latin-1 character of the same
 * value, so raw UTF-8 bytes come out as mojibake (`Ã¶` for `ö`) exactly as in the official client. The escapes it
 * knows are `\\ \' \" \a \b \f \n \r \t \v`, a backslash-newline (dropped), octal `\o` .. `\ooo`, `\xhh`,
 * `\uhhhh`, `\Uhhhhhhhh` and `\N{name}`; any other backslash pair is kept as it is.
 *
 * One deliberate gap: `\N{name}` would need the Unicode name table, which JavaScript does not carry, so every
 * named escape is treated as an unknown name (a malformed escape below). TWS writes `\u` escapes, never names.
 */

const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const LAST_CODE_POINT = 0x10ffff;

/** Single-character escapes and what they stand for. */
const SIMPLE_ESCAPES = new Map<number, string>([
  [0x5c, "\\"],
  [0x27, "'"],
  [0x22, '"'],
  [0x61, "\x07"], // \a
  [0x62, "\b"],
  [0x66, "\f"],
  [0x6e, "\n"],
  [0x72, "\r"],
  [0x74, "\t"],
  [0x76, "\v"],
]);

/** The hex escapes and their digit counts: `\x`, `\u`, `\U`. */
const HEX_ESCAPE_DIGITS = new Map<number, number>([
  [0x78, 2],
  [0x75, 4],
  [0x55, 8],
]);

const LETTER_N = 0x4e;

/** What to do with a malformed escape (a cut `\x4`, `\U00110000`, a trailing backslash, a `\N`). */
export type MalformedEscapes =
  /** Replace each byte of the malformed escape by the text `\xhh` (Python's `errors="backslashreplace"`). */
  | "backslashreplace"
  /** Give up: {@link unescapeAscii7} returns undefined (Python's strict mode raises). */
  | "strict";

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x41 + 10;
  return -1;
}

function isOctal(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x37;
}

function byteEscapes(bytes: Buffer, start: number, end: number): string {
  let out = "";
  for (let i = start; i < end; i++) out += `\\x${bytes[i]!.toString(16).padStart(2, "0")}`;
  return out;
}

/** Reads the hex digits of a `\x`, `\u` or `\U` escape from `at`; `end` is where a malformed one stops. */
function hexEscape(bytes: Buffer, at: number, digits: number): { value: number; end: number; ok: boolean } {
  let value = 0;
  let i = at;
  for (let k = 0; k < digits; k++, i++) {
    const d = i < bytes.length ? hexValue(bytes[i]!) : -1;
    if (d < 0) return { value, end: i, ok: false };
    value = value * 16 + d;
  }
  return { value, end: i, ok: value <= LAST_CODE_POINT };
}

/** Where a `\N` escape starting at `at` (just after the `N`) ends; such an escape is always malformed here. */
function namedEscapeEnd(bytes: Buffer, at: number): number {
  if (at >= bytes.length || bytes[at] !== OPEN_BRACE) return at;
  const nameStart = at + 1;
  let i = nameStart;
  while (i < bytes.length && bytes[i] !== CLOSE_BRACE) i++;
  if (i >= bytes.length) return i;
  return i > nameStart ? i + 1 : i;
}

/**
 * Decodes the bytes of one text field as Python's `bytes.decode("unicode-escape", errors)` does. Returns
 * undefined for a malformed escape when `malformed` is `"strict"`.
 */
export function unescapeAscii7(bytes: Buffer, malformed: MalformedEscapes): string | undefined {
  const n = bytes.length;
  let out = "";
  let runStart = 0;
  let i = 0;
  while (i < n) {
    if (bytes[i] !== BACKSLASH) {
      i++;
      continue;
    }
    out += bytes.toString("latin1", runStart, i);
    const start = i;
    const kind = bytes[i + 1];
    i += 2;
    let badEnd = -1;
    if (kind === undefined) {
      badEnd = n; // a backslash at the end of the field
    } else if (kind === NEWLINE) {
      // a line continuation: both bytes vanish
    } else if (SIMPLE_ESCAPES.has(kind)) {
      out += SIMPLE_ESCAPES.get(kind);
    } else if (isOctal(kind)) {
      let value = kind - 0x30;
      for (let k = 0; k < 2 && isOctal(bytes[i]); k++, i++) value = value * 8 + (bytes[i]! - 0x30);
      out += String.fromCodePoint(value);
    } else if (HEX_ESCAPE_DIGITS.has(kind)) {
      const hex = hexEscape(bytes, i, HEX_ESCAPE_DIGITS.get(kind)!);
      if (hex.ok) {
        out += String.fromCodePoint(hex.value);
        i = hex.end;
      } else {
        badEnd = hex.end;
      }
    } else if (kind === LETTER_N) {
      badEnd = namedEscapeEnd(bytes, i);
    } else {
      out += `\\${String.fromCharCode(kind)}`; // an unknown escape stays as written
    }
    if (badEnd >= 0) {
      if (malformed === "strict") return undefined;
      out += byteEscapes(bytes, start, badEnd);
      i = badEnd;
    }
    runStart = i;
  }
  return out + bytes.toString("latin1", runStart, n);
}

/** True when `text` has nothing the escaping would change: printable ASCII without a backslash. */
export function isPlainAscii7(text: string): boolean {
  return /^[\x20-\x5b\x5d-\x7e]*$/.test(text);
}

/**
 * The inverse of {@link unescapeAscii7}, as Python's `str.encode("unicode-escape")` writes it: a backslash as
 * `\\`, tab, LF and CR as `\t \n \r`, other control and non-ASCII characters as `\xhh`, `\uhhhh` or
 * `\Uhhhhhhhh`; printable ASCII as it is. The result is printable ASCII.
 */
export function escapeAscii7(text: string): string {
  if (isPlainAscii7(text)) return text;
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === BACKSLASH) out += "\\\\";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    // \u for everything below U+10000: what TWS writes, and the only escape decoders ported from the Java
    // client understand (Python's unicode-escape reads it as well as its own \x spelling).
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += `\\U${cp.toString(16).padStart(8, "0")}`;
  }
  return out;
}
