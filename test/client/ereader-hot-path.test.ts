import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EReader } from "../../src/client/ereader.js";
import { encodeFrame } from "../../src/protocol/framing.js";
import { decodeMessage, specRegistry } from "../../src/protocol/messages/index.js";

/** Runs frames through an EReader and returns the callbacks it made, as [name, ...args]. */
function viaReader(frames: Buffer[], sv: number): unknown[][] {
  const calls: unknown[][] = [];
  const wrapper = new Proxy(
    {},
    {
      get:
        (_t, n) =>
        (...a: unknown[]) =>
          calls.push([n, ...a]),
    },
  );
  const events = {
    badFrame: (e: Error) => calls.push(["badFrame", e.message]),
    unhandled: () => {},
    callbackError: () => {},
    backpressure: () => {},
  };
  const reader = new EReader(wrapper, sv, events, { schedule: () => {} });
  reader.push(Buffer.concat(frames.map((f) => encodeFrame(f))));
  reader.flush();
  return calls;
}

/** The callbacks the generic spec path gives for the same frames. */
function viaSpecs(frames: Buffer[], sv: number): unknown[][] {
  return frames.flatMap((f) => {
    try {
      const d = decodeMessage(specRegistry, "host", f, sv);
      if (d.spec.direction !== "in") return [];
      return d.spec.callbacks(d.value, sv, d.form).map((c) => [...c]);
    } catch (e) {
      return [["badFrame", (e as Error).message]];
    }
  });
}

const field = fc.oneof(
  fc.integer({ min: -5, max: 120 }).map(String),
  fc.constantFrom("", "1.5", "100", "0.0001", "Infinity", "abc", "2147483647", "1.7976931348623157E308", "-1"),
);

describe("the EReader's tick hot path", () => {
  it("property: gives exactly the callbacks of the generic spec path, malformed frames included", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(100, 108, 109, 131, 132, 176, 193, 200, 201, 205),
        fc.array(fc.tuple(fc.constantFrom(1, 2, 45, 46), fc.array(field, { minLength: 3, maxLength: 7 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (sv, specs) => {
          const frames = specs.map(([id, fields]) => {
            const text = `${fields.map((f) => `${f}\0`).join("")}`;
            if (sv >= 201) {
              const head = Buffer.alloc(4);
              head.writeUInt32BE(id);
              return Buffer.concat([head, Buffer.from(text, "latin1")]);
            }
            return Buffer.from(`${id}\0${text}`, "latin1");
          });
          expect(viaReader(frames, sv)).toEqual(viaSpecs(frames, sv));
        },
      ),
      { numRuns: 400 },
    );
  });
});
