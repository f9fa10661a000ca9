import { ProtocolError } from "../../errors.js";

/**
 * Python's `unicode-escape` codec, which the official decoder applies to CONTRACT_DATA's longName from
 * MIN_SERVER_VER_ENCODE_MSG_ASCII7 (TWS then sends non-ASCII names as escapes such as `\u00e9`).
 *
 * Decoding works on the UTF-8 bytes of the text, as `text.encode().decode("unicode-escape")` does: escapes are
 * resolved and every other byte becomes the Latin-1 character of that byte (so raw non-ASCII arrives
 * garbled, exactly as in the official client).
 */

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\n": "",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** Decodes `text` as Python's `text.encode().decode("unicode-escape")`; a malformed escape throws. */
export function decodeUnicodeEscape(text: string): string {
  if (!text.includes("\\") && isAscii(text)) return text;
  const bytes = Buffer.from(text, "utf8");
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i++]!;
    if (b !== 0x5c) {
      out += String.fromCharCode(b);
      continue;
    }
    if (i >= bytes.length) throw new ProtocolError("unicode-escape: \\ at end of string");
    const c = String.fromCharCode(bytes[i++]!);
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      out += simple;
    } else if (c >= "0" && c <= "7") {
      let digits = c;
      while (digits.length < 3 && i < bytes.length && bytes[i]! >= 0x30 && bytes[i]! <= 0x37) {
        digits += String.fromCharCode(bytes[i++]!);
      }
      out += String.fromCharCode(Number.parseInt(digits, 8));
    } else if (HEX_DIGITS[c] !== undefined) {
      const n = HEX_DIGITS[c];
      const hex = String.fromCharCode(...bytes.subarray(i, i + n));
      if (hex.length < n || !/^[0-9a-fA-F]+$/.test(hex)) {
        throw new ProtocolError(`unicode-escape: truncated \\${c} escape`);
      }
      const code = Number.parseInt(hex, 16);
      if (code > 0x10ffff) throw new ProtocolError(`unicode-escape: illegal Unicode character \\${c}${hex}`);
      out += String.fromCodePoint(code);
      i += n;
    } else if (c === "N") {
      // Named escapes need Python's Unicode name table; TWS writes \uXXXX.
      throw new ProtocolError("unicode-escape: \\N{...} escapes are not supported");
    } else {
      out += `\\${c}`; // Python keeps an unknown escape as it is (with a DeprecationWarning)
    }
  }
  return out;
}

/**
 * Encodes `text` as Python's `text.encode("unicode-escape")` does: printable ASCII stays, the backslash
 * doubles, controls become `\t`, `\n`, `\r` or `\xNN`, other characters `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
 * For hosts that must send a longName the way an ASCII7 server does.
 */
export function encodeUnicodeEscape(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp < 0x100) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += `\\U${cp.toString(16).padStart(8, "0")}`;
  }
  return out;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
