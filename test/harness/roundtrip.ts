import fc from "fast-check";
import { expect } from "vitest";
import { incomingForms, outgoingForms } from "../../src/protocol/message-forms.js";
import {
  decodeMessage,
  encodeMessage,
  type MessageSpec,
  specRegistry,
  type WireForm,
} from "../../src/protocol/messages/index.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";

/** The server versions every spec is round-tripped at (plus the spec's own minimum). */
export const ROUND_TRIP_VERSIONS = [157, 176, 193, 200, 201, 213, 226] as const;

/** The forms a message may take at a server version: text wherever it has one, protobuf from 201 where it has one. */
export function formsAt(spec: MessageSpec, sv: number): WireForm[] {
  const forms = (spec.direction === "out" ? outgoingForms : incomingForms).get(spec.id)!;
  const out: WireForm[] = [];
  if (!forms.protobufOnly) out.push("text");
  if (
    forms.protobufType !== null &&
    sv >= ServerVersion.PROTOBUF &&
    (!forms.protobufOnly || sv >= forms.protobufFrom!)
  ) {
    out.push("protobuf");
  }
  return out;
}

/**
 * Property round trip: for every version of {@link ROUND_TRIP_VERSIONS} (and the spec's minimum) at which the
 * message exists, and every form it may take there, random values from `arb(sv, form)` encode and decode back to
 * themselves. `arb` must only produce values the version and form can carry.
 */
export function checkRoundTrip<M>(
  spec: MessageSpec,
  arb: (sv: number, form: WireForm) => fc.Arbitrary<M>,
  options: { numRuns?: number } = {},
): void {
  const versions = new Set<number>([...ROUND_TRIP_VERSIONS, spec.minServerVersion ?? 100]);
  const sender = spec.direction === "out" ? "client" : "host";
  let checked = 0;
  for (const sv of [...versions].sort((a, b) => a - b)) {
    if (spec.minServerVersion !== undefined && sv < spec.minServerVersion) continue;
    for (const form of formsAt(spec, sv)) {
      fc.assert(
        fc.property(arb(sv, form), (value) => {
          const frame = encodeMessage(spec, value, sv, undefined, form);
          const decoded = decodeMessage(specRegistry, sender, frame.subarray(4), sv);
          expect(decoded.form).toBe(form);
          expect(decoded.value).toEqual(value);
        }),
        { numRuns: options.numRuns ?? 40 },
      );
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
}
