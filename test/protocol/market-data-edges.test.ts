import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeMessage,
  encodeMessage,
  MessageDecodeError,
  specRegistry,
  type WrapperCall,
} from "../../src/protocol/messages/index.js";
import { type TickPriceMessage, tickAttribOf, tickPrice } from "../../src/protocol/messages/market-data/ticks.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { UNSET_DOUBLE } from "../../src/protocol/values.js";
import { notationToPayload } from "../harness/notation.js";

/**
 * The official text decoder's TICK_PRICE rules, written out independently of the spec: below 109
 * (MIN_SERVER_VER_PAST_LIMIT) only a mask of exactly 1 means canAutoExecute; from 109 bits 0 and 1 are
 * canAutoExecute and pastLimit; from 132 (MIN_SERVER_VER_PRE_OPEN_BID_ASK) bit 2 is preOpen. BID, ASK, LAST and
 * their delayed kinds are followed by a tickSize of the matching size type.
 */
function officialTickPriceCalls(m: TickPriceMessage, sv: number): WrapperCall[] {
  const attrib = { canAutoExecute: m.attrMask === 1, pastLimit: false, preOpen: false };
  if (sv >= 109) {
    attrib.canAutoExecute = (m.attrMask & 1) !== 0;
    attrib.pastLimit = (m.attrMask & 2) !== 0;
    if (sv >= 132) attrib.preOpen = (m.attrMask & 4) !== 0;
  }
  const sizeTypes: Record<number, number> = { 1: 0, 2: 3, 4: 5, 66: 69, 67: 70, 68: 71 };
  const calls: WrapperCall[] = [["tickPrice", m.reqId, m.tickType, m.price, attrib]];
  const sizeType = sizeTypes[m.tickType];
  if (sizeType !== undefined) calls.push(["tickSize", m.reqId, sizeType, m.size]);
  return calls;
}

const double = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter((x) => x !== UNSET_DOUBLE && !Object.is(x, -0));

describe("TICK_PRICE text at every server version gives the official callbacks", () => {
  it("for random ticks and attribute masks", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 226 }),
        fc.record({
          reqId: fc.integer({ min: -1, max: 2147483646 }),
          tickType: fc.oneof(fc.constantFrom(1, 2, 4, 6, 9, 66, 67, 68, 75), fc.integer({ min: 0, max: 111 })),
          price: double,
          size: fc.option(fc.nat(1000000).map(String), { nil: undefined }),
          attrMask: fc.oneof(fc.integer({ min: 0, max: 7 }), fc.integer({ min: -2147483648, max: 2147483646 })),
        }),
        (sv, m) => {
          const frame = encodeMessage(tickPrice, m, sv, undefined, "text");
          const decoded = decodeMessage(specRegistry, "host", frame.subarray(4), sv);
          expect(decoded.form).toBe("text");
          expect(tickPrice.callbacks(decoded.value as TickPriceMessage, sv, "text")).toEqual(
            officialTickPriceCalls(m, sv),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** Decodes a reply frame in notation and returns the MessageDecodeError it must raise. */
function decodeError(notation: string, sv: number): MessageDecodeError {
  try {
    decodeMessage(specRegistry, "host", notationToPayload(notation, sv), sv);
  } catch (e) {
    expect(e).toBeInstanceOf(MessageDecodeError);
    return e as MessageDecodeError;
  }
  throw new Error(`${notation} decoded without an error`);
}

describe("malformed market-data replies are reported, naming the message", () => {
  const cases: [name: string, sv: number, missing: string, nonNumeric: string][] = [
    [
      "TICK_OPTION_COMPUTATION",
      176,
      "21|1|13|0|0.25|0.5|1.5|0.0|0.1|0.2|-0.05|",
      "21|1|13|0|0.25|abc|1.5|0.0|0.1|0.2|-0.05|100.0|",
    ],
    ["TICK_OPTION_COMPUTATION", 155, "21|6|1|13|0.25|0.5|1.5|0.0|", "21|x|1|13|0.25|0.5|1.5|0.0|0.1|0.2|-0.05|100.0|"],
    ["SMART_COMPONENTS", 176, "82|9490|2|0|AMEX|A|", "82|9490|1|zero|AMEX|A|"],
    ["MARKET_RULE", 176, "93|26|2|0.0|0.01|1.0|", "93|26|1|0.0|one cent|"],
    ["TICK_REQ_PARAMS", 176, "81|9001|0.01|9c0001|", "81|9001|0.0x1|9c0001|3|"],
    [
      "TICK_EFP",
      176,
      "47|1|5|38|12.5|12.50|0.75|30|20261218|0.1|",
      "47|1|5|38|12.5|12.50|0.75|thirty|20261218|0.1|0.2|",
    ],
  ];
  it.each(cases)("%s (sv %i)", (name, sv, missing, nonNumeric) => {
    for (const notation of [missing, nonNumeric]) {
      const e = decodeError(notation, sv);
      expect(e.messageName).toBe(name);
      expect(e.message).toContain(name);
      expect(e.form).toBe("text");
    }
  });

  it("a protobuf TICK_REQ_PARAMS whose minTick is not a number", () => {
    // reqId 1, minTick "abc"
    const e = decodeError("281#08011203616263", 225);
    expect(e.messageName).toBe("TICK_REQ_PARAMS");
    expect(e.form).toBe("protobuf");
  });

  it("a protobuf TICK_OPTION_COMPUTATION cut inside a double", () => {
    const e = decodeError("221#0801210000", 225);
    expect(e.messageName).toBe("TICK_OPTION_COMPUTATION");
  });
});

describe("tick attributes", () => {
  it("unpack every mask as the official decoders do, as shared frozen values", () => {
    for (let mask = 0; mask < 8; mask++) {
      const pb = tickAttribOf(mask);
      expect(pb).toEqual({ canAutoExecute: (mask & 1) !== 0, pastLimit: (mask & 2) !== 0, preOpen: (mask & 4) !== 0 });
      expect(Object.isFrozen(pb)).toBe(true);
      expect(tickAttribOf(mask)).toBe(pb);
      // Text below PRE_OPEN_BID_ASK knows no preOpen bit; below PAST_LIMIT only a mask of exactly 1 counts.
      expect(tickAttribOf(mask, ServerVersion.PRE_OPEN_BID_ASK - 1).preOpen).toBe(false);
      expect(tickAttribOf(mask, ServerVersion.PAST_LIMIT - 1)).toEqual({
        canAutoExecute: mask === 1,
        pastLimit: false,
        preOpen: false,
      });
    }
  });
});
