import pc from "picocolors";
import { describe, expect, it } from "vitest";
import { colorEnabled, createOutput, formatTable, jsonLine } from "../../src/cli/output.js";

describe("jsonLine", () => {
  it("puts type first and writes bigint as a string", () => {
    const line = jsonLine("execution", { orderId: 7, permId: 2n ** 63n, side: "BOT" });
    expect(line).toBe('{"type":"execution","orderId":7,"permId":"9223372036854775808","side":"BOT"}');
    expect(line).not.toContain("\n");
  });

  it("writes nested bigints too", () => {
    expect(jsonLine("x", { list: [1n], nested: { id: -5n } })).toBe('{"type":"x","list":["1"],"nested":{"id":"-5"}}');
  });
});

describe("colorEnabled", () => {
  it.each([
    [true, {}, true, true],
    [false, {}, true, false],
    [true, { NO_COLOR: "1" }, true, false],
    [true, { NO_COLOR: "" }, true, true],
    [true, {}, false, false],
  ])("color=%s env=%j tty=%s -> %s", (color, env, isTTY, expected) => {
    expect(colorEnabled({ color, env, isTTY })).toBe(expected);
  });
});

describe("formatTable and createOutput", () => {
  it("aligns columns and bolds only the header", () => {
    const colors = pc.createColors(true);
    const [header, ...rows] = formatTable(
      ["A", "BB"],
      [
        ["long", "x"],
        ["s", ""],
      ],
      colors,
    );
    expect(header).toBe(colors.bold("A     BB"));
    expect(rows).toEqual(["long  x", "s"]);
  });

  it("debug writes to stderr only when verbose", () => {
    const written: string[] = [];
    const make = (verbose: boolean) =>
      createOutput({ stdout: () => {}, stderr: (t) => written.push(t), json: false, verbose, color: false });
    make(false).debug("hidden");
    make(true).debug("shown");
    expect(written).toEqual(["shown\n"]);
  });
});
