import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalTextOf, isDecimalText, pythonFloatText } from "./values.js";

describe("pythonFloatText", () => {
  // Source: CPython 3.11 `str(float)` run on each value (the spelling the official Python client 10.46.01 writes).
  const python: [number, string][] = [
    [0.0, "0.0"],
    [1.0, "1.0"],
    [100.0, "100.0"],
    [0.5, "0.5"],
    [1e-5, "1e-05"],
    [0.0001, "0.0001"],
    [1e16, "1e+16"],
    [1000000000000000.0, "1000000000000000.0"],
    [1.2345678901234568e17, "1.2345678901234568e+17"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [5e-324, "5e-324"],
    [0.1, "0.1"],
    [0.30000000000000004, "0.30000000000000004"],
    [-2.5, "-2.5"],
    [768.27, "768.27"],
    [12345.678, "12345.678"],
    [1.5e-7, "1.5e-07"],
    [-0.0, "-0.0"],
    [9007199254740992.0, "9007199254740992.0"],
    [1e22, "1e+22"],
    [0.00012345, "0.00012345"],
    [Number.POSITIVE_INFINITY, "inf"],
    [Number.NaN, "nan"],
  ];
  it.each(python)("writes %s as Python does (%s)", (value, text) => {
    expect(pythonFloatText(value)).toBe(text);
  });

  it("property: the text parses back to the same double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(Object.is(Number(pythonFloatText(v)), v)).toBe(true);
      }),
    );
  });
});

describe("decimal text", () => {
  it("accepts plain and exponent forms, refuses the rest", () => {
    for (const t of ["100", "0.0001", "1E+2", "-5", ".5", "5."]) expect(isDecimalText(t)).toBe(true);
    for (const t of ["", "abc", "1,5", "0x10", "Infinity", "1e"]) expect(isDecimalText(t)).toBe(false);
  });

  it("turns numbers into plain decimal text without exponent", () => {
    expect(decimalTextOf(100)).toBe("100");
    expect(decimalTextOf(1e-7)).toBe("0.0000001");
    expect(decimalTextOf(1.5e21)).toBe("1500000000000000000000");
    expect(decimalTextOf(12345678901234567890n)).toBe("12345678901234567890");
    expect(decimalTextOf("1E+2")).toBe("1E+2");
    expect(() => decimalTextOf(Number.NaN)).toThrow(RangeError);
  });

  it("property: plain decimal text of a number parses back to it", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const text = decimalTextOf(v);
        expect(text).not.toMatch(/e/i);
        expect(Number(text)).toBe(v === 0 ? 0 : v);
      }),
    );
  });
});
