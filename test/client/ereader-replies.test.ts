import { describe, expect, it } from "vitest";
import { EReader } from "../../src/client/ereader.js";
import { encodeFrame } from "../../src/protocol/framing.js";
import { decodeMessage, specRegistry } from "../../src/protocol/messages/index.js";
import { notationToPayload } from "../harness/notation.js";
import { allVectors } from "../vectors/index.js";

/**
 * Every reply vector of every message family, fed to an EReader as socket bytes: the wrapper receives exactly
 * the callbacks the spec gives (which the golden tests pin to the official client's), in order, and nothing is
 * reported as a bad frame.
 */
const replies = allVectors.filter((v) => v.sender === "host");
const versions = [...new Set(replies.map((v) => v.sv))].sort((a, b) => a - b);

describe("EReader delivers every reply to its callback", () => {
  it.each(versions)("at server version %i", (sv) => {
    const frames = replies.filter((v) => v.sv === sv).map((v) => notationToPayload(v.frame, sv));
    const got: unknown[][] = [];
    const bad: string[] = [];
    const wrapper = new Proxy(
      {},
      {
        get:
          (_t, name) =>
          (...args: unknown[]) =>
            got.push([name, ...args]),
      },
    );
    const reader = new EReader(
      wrapper,
      sv,
      {
        badFrame: (e) => bad.push(e.message),
        unhandled: () => {},
        callbackError: (n, e) => bad.push(`${n}: ${String(e)}`),
        backpressure: () => {},
      },
      { schedule: () => {} },
    );
    reader.push(Buffer.concat(frames.map((f) => encodeFrame(f))));
    reader.flush();
    const want = frames.flatMap((f) => {
      const d = decodeMessage(specRegistry, "host", f, sv);
      return d.spec.direction === "in" ? d.spec.callbacks(d.value, sv, d.form).map((c) => [...c]) : [];
    });
    expect(bad).toEqual([]);
    expect(got).toEqual(want);
    expect(got.length).toBeGreaterThan(0);
  });
});
