import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeAscii7, unescapeAscii7 } from "./ascii7.js";

/**
 * Expected values are CPython 3.11's `bytes.decode("unicode-escape", errors)` and `str.encode("unicode-escape")`
 * for the same inputs (source `cpython-3.11`).
 */
const bytes = (s: string) => Buffer.from(s, "latin1");

describe("unescapeAscii7 (backslashreplace)", () => {
  it.each([
    ["\\x41", "A"],
    ["\\u00e9", "é"],
    ["a\\u00eb", "aë"],
    ["\\U0001F600", "😀"],
    ["\\a\\b\\f\\v\\'\\\"\\\\\\n\\r\\t", "\x07\b\f\v'\"\\\n\r\t"],
    ["\\101\\8\\0\\777\\1234", "A\\8\x00ǿS4"],
    ["a\\\nb", "ab"],
    ["\\q", "\\q"],
    ["\xc3\xa9", "Ã©"],
    ["\\ud800", "\ud800"],
    ["a\\x4", "a\\x5c\\x78\\x34"],
    ["a\\x4zb", "a\\x5c\\x78\\x34zb"],
    ["a\\xzzb", "a\\x5c\\x78zzb"],
    ["a\\u00ez1", "a\\x5c\\x75\\x30\\x30\\x65z1"],
    ["a\\U00110000b", "a\\x5c\\x55\\x30\\x30\\x31\\x31\\x30\\x30\\x30\\x30b"],
    ["a\\U0011000", "a\\x5c\\x55\\x30\\x30\\x31\\x31\\x30\\x30\\x30"],
    ["a\\N{FOO}b", "a\\x5c\\x4e\\x7b\\x46\\x4f\\x4f\\x7db"],
    ["a\\Nb", "a\\x5c\\x4eb"],
    ["a\\N{abc", "a\\x5c\\x4e\\x7b\\x61\\x62\\x63"],
    ["a\\", "a\\x5c"],
    ["\\x", "\\x5c\\x78"],
  ])("%j → %j", (input, want) => {
    expect(unescapeAscii7(bytes(input), "backslashreplace")).toBe(want);
  });

  it("gives up on a malformed escape in strict mode", () => {
    for (const input of ["a\\x4", "a\\", "\\N{FOO}", "\\U00110000"]) {
      expect(unescapeAscii7(bytes(input), "strict")).toBeUndefined();
    }
    expect(unescapeAscii7(bytes("\\q\\x41"), "strict")).toBe("\\qA");
  });
});

describe("escapeAscii7", () => {
  it("writes Python's unicode-escape spelling, with \\u for every code point below U+10000 (as TWS does)", () => {
    expect(escapeAscii7("a\\b\tc\nd\re\x00\x7f\xe9\u20ac\u{1F600}'\"\ud800")).toBe(
      "a\\\\b\\tc\\nd\\re\\u0000\\u007f\\u00e9\\u20ac\\U0001f600'\"\\ud800",
    );
    expect(escapeAscii7("plain text, 100%")).toBe("plain text, 100%");
  });

  it("is undone by unescapeAscii7 for every string, lone surrogates included", () => {
    const units = fc.array(fc.integer({ min: 0, max: 0xffff })).map((u) => String.fromCharCode(...u));
    const escapes = fc.string({ unit: fc.constantFrom("\\", "x", "u", "U", "N", "{", "}", "0", "7", "\n", "é") });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), units, escapes), (text) => {
        const escaped = escapeAscii7(text);
        expect(escaped).toMatch(/^[\x20-\x7e]*$/);
        expect(unescapeAscii7(bytes(escaped), "strict")).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
