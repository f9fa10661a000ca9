import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FieldError } from "./errors.js";
import { FieldReader } from "./field-reader.js";
import { FieldWriter } from "./field-writer.js";

/** Fields in the readable notation: `|` ends each field. */
function reader(notation: string): FieldReader {
  return new FieldReader().reset(Buffer.from(notation.replaceAll("|", "\0"), "utf8"));
}

function errorOf(fn: () => unknown): FieldError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FieldError) return e;
    throw e;
  }
  throw new Error("expected a FieldError");
}

describe("FieldReader (rules of the official Python decoder, utils.decode)", () => {
  it("reads ints, with empty as 0 and the show-unset variant mapping empty and 2^31-1 to undefined", () => {
    const r = reader("42|-7||2147483647||+3|");
    expect(r.readInt()).toBe(42);
    expect(r.readInt()).toBe(-7);
    expect(r.readInt()).toBe(0);
    expect(r.readIntMax()).toBeUndefined();
    expect(r.readIntMax()).toBeUndefined();
    expect(r.readInt()).toBe(3);
    expect(r.atEnd).toBe(true);
  });

  it("reads doubles in plain and exponent form, Infinity, and show-unset max double", () => {
    const r = reader("768.27|1e-05|1.0E-5|Infinity|inf||1.7976931348623157E308|1.7976931348623157e+308|-0.5|5.|.25|");
    expect(r.readDouble()).toBe(768.27);
    expect(r.readDouble()).toBe(1e-5);
    expect(r.readDouble()).toBe(1e-5);
    expect(r.readDouble()).toBe(Number.POSITIVE_INFINITY);
    expect(r.readDouble()).toBe(Number.POSITIVE_INFINITY);
    expect(r.readDoubleMax()).toBeUndefined();
    expect(r.readDoubleMax()).toBeUndefined();
    expect(r.readDoubleMax()).toBeUndefined();
    expect(r.readDouble()).toBe(-0.5);
    expect(r.readDouble()).toBe(5);
    expect(r.readDouble()).toBe(0.25);
  });

  it("reads Decimals as exact text and maps the official unset spellings to undefined", () => {
    const r = reader(
      "80|0.0001|1E+2||2147483647|9223372036854775807|-9223372036854775808|1.7976931348623157E308|170141183460469231731687303715884105727|",
    );
    expect(r.readDecimal()).toBe("80");
    expect(r.readDecimal()).toBe("0.0001");
    expect(r.readDecimal()).toBe("1E+2");
    for (let i = 0; i < 6; i++) expect(r.readDecimal()).toBeUndefined();
  });

  it("keeps every Decimal's spelling, round small integers (served from a cache) included", () => {
    const texts = ["0", "7", "100", "99999", "100000", "007", "00", "100.0", "-5", "+5", "12345678"];
    for (const pass of [1, 2]) {
      const r = reader(`${texts.join("|")}|`);
      for (const t of texts) expect(r.readDecimal(), `${t} (pass ${pass})`).toBe(t);
    }
  });

  it("reads longs as bigint without losing digits", () => {
    const r = reader("9007199254740993|9223372036854775807||-1|");
    expect(r.readLong()).toBe(9007199254740993n);
    expect(r.readLongMax()).toBeUndefined();
    expect(r.readLongMax()).toBeUndefined();
    expect(r.readLong()).toBe(-1n);
  });

  it("reads bools as ints (non-zero is true, empty is false)", () => {
    const r = reader("1|0||2|");
    expect([r.readBool(), r.readBool(), r.readBool(), r.readBool()]).toEqual([true, false, false, true]);
  });

  it("reads strings as UTF-8, empty as empty", () => {
    const r = reader("Market data farm connection is OK:usfarm||Zürich|");
    expect(r.readString()).toBe("Market data farm connection is OK:usfarm");
    expect(r.readString()).toBe("");
    expect(r.readString()).toBe("Zürich");
  });

  it("names the field and the text when a number is malformed", () => {
    const e = errorOf(() => {
      const r = reader("4|abc|");
      r.readInt();
      r.readInt();
    });
    expect(e.index).toBe(1);
    expect(e.text).toBe("abc");
    expect(e.expected).toBe("int");
    expect(errorOf(() => reader("1.5|").readInt()).expected).toBe("int");
    expect(errorOf(() => reader("0x10|").readDouble()).expected).toBe("double");
    expect(errorOf(() => reader("12a|").readDecimal()).expected).toBe("decimal");
    expect(errorOf(() => reader("1.0|").readLong()).expected).toBe("long");
    expect(errorOf(() => reader("-|").readInt()).text).toBe("-");
  });

  it("reports a message that ends early, and a last field without its terminator", () => {
    const r = reader("1|");
    r.readInt();
    const missing = errorOf(() => r.readInt());
    expect(missing.text).toBeUndefined();
    expect(missing.index).toBe(1);
    const cut = errorOf(() => new FieldReader().reset(Buffer.from("12")).readInt());
    expect(cut.text).toBe("12");
  });

  it("counts the fields left, for messages decoded by field count", () => {
    const r = reader("9|1|5|");
    expect(r.remaining()).toBe(3);
    r.skip();
    expect(r.remaining()).toBe(2);
  });

  it("reads a window of a larger buffer", () => {
    const buf = Buffer.from("xx7\0yy", "latin1");
    expect(new FieldReader().reset(buf, 2, 4).readInt()).toBe(7);
  });
});

describe("FieldReader and FieldWriter together", () => {
  const ascii = fc.string({ unit: fc.constantFrom(..."abcXYZ 019:.,;=-_/\t") });

  it("property: random values round-trip", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 2 }),
        fc.double({ noNaN: true }),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 2n }),
        ascii,
        fc.boolean(),
        fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), { nil: undefined }),
        (i, d, l, s, b, dm) => {
          const w = new FieldWriter().begin();
          w.int(i).double(d).long(l).string(s).bool(b).doubleMax(dm).intMax(undefined).decimal("0.0001");
          const r = new FieldReader().reset(w.payload());
          expect(r.readInt()).toBe(i);
          expect(Object.is(r.readDouble(), d)).toBe(true);
          expect(r.readLong()).toBe(l);
          expect(r.readString()).toBe(s);
          expect(r.readBool()).toBe(b);
          expect(r.readDoubleMax()).toBe(dm === Number.MAX_VALUE ? undefined : dm);
          expect(r.readIntMax()).toBeUndefined();
          expect(r.readDecimal()).toBe("0.0001");
          expect(r.atEnd).toBe(true);
        },
      ),
    );
  });

  it("property: the fast double path agrees with a full parse", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), fc.integer({ min: 0, max: 15 }), (m, k) => {
        const digits = Math.abs(m)
          .toString()
          .padStart(k + 1, "0");
        const text = `${m < 0 ? "-" : ""}${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`;
        expect(new FieldReader().reset(Buffer.from(`${text}\0`)).readDouble()).toBe(Number(text));
      }),
    );
  });
});
