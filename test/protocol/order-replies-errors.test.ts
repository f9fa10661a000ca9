import { describe, expect, it } from "vitest";
import { ServerVersionError } from "../../src/protocol/errors.js";
import { decodeMessage, encodeMessage, MessageDecodeError, specRegistry } from "../../src/protocol/messages/index.js";
import { completedOrder } from "../../src/protocol/messages/order-replies/completed-order.js";
import { completedOrdersEnd } from "../../src/protocol/messages/order-replies/ends.js";
import { OpenOrder } from "../../src/protocol/proto/index.js";
import { notationToPayload } from "../harness/notation.js";
import { officialRenderVectors, vectors } from "../vectors/order-replies.js";

/** Malformed order replies: each is a MessageDecodeError naming the message, never a wrong value. */

function frameOf(message: string, sv: number, source = "hand"): string {
  const v = [...vectors, ...officialRenderVectors].find(
    (x) => x.message === message && x.sv === sv && x.source.startsWith(source),
  );
  if (!v) throw new Error(`no ${source} vector for ${message} at ${sv}`);
  return v.frame;
}

/** Replaces field `index` (0 = the message id) of a text notation. */
function withField(notation: string, index: number, value: string): string {
  const fields = notation.slice(0, -1).split("|");
  fields[index] = value;
  return `${fields.join("|")}|`;
}

/** Drops the last field of a text notation. */
function cut(notation: string): string {
  return `${notation.slice(0, -1).split("|").slice(0, -1).join("|")}|`;
}

function decodeError(notation: string, sv: number): MessageDecodeError {
  try {
    decodeMessage(specRegistry, "host", notationToPayload(notation, sv), sv);
  } catch (e) {
    if (e instanceof MessageDecodeError) return e;
    throw e;
  }
  throw new Error(`${notation} decoded`);
}

describe("order replies: malformed frames", () => {
  // [message, sv, index of a numeric field: OPEN_ORDER's conId, COMPLETED_ORDER's conId, ORDER_STATUS's filled]
  it.each([
    ["OPEN_ORDER", 176, 2],
    ["OPEN_ORDER", 200, 2],
    ["COMPLETED_ORDER", 176, 1],
    ["ORDER_STATUS", 176, 3],
  ] as const)("%s sv%d: a missing field and a non-numeric number are decode errors naming it", (name, sv, index) => {
    const frame = frameOf(name, sv);
    expect(decodeMessage(specRegistry, "host", notationToPayload(frame, sv), sv).spec.name).toBe(name);
    for (const bad of [cut(frame), withField(frame, index, "AAPL")]) {
      const e = decodeError(bad, sv);
      expect(e.messageName).toBe(name);
      expect(e.message).toContain(name);
    }
  });

  it("OPEN_ORDER: a field left over, a non-numeric retired flag and a non-numeric condition value fail too", () => {
    const frame = frameOf("OPEN_ORDER", 200);
    expect(decodeError(`${frame}extra|`, 200).messageName).toBe("OPEN_ORDER");
    // eTradeOnly: ignored by the decoder, but still read as a number (the official decoder fails on it too).
    const fields = frame.slice(0, -1).split("|");
    const eTradeOnly = fields.indexOf("20250110 16:00:00 US/Eastern") + 19;
    expect(fields[eTradeOnly]).toBe("0");
    expect(decodeError(withField(frame, eTradeOnly, "x"), 200).messageName).toBe("OPEN_ORDER");
    const price = fields.indexOf("101.5");
    expect(decodeError(withField(frame, price, "cheap"), 200).messageName).toBe("OPEN_ORDER");
    // An unknown condition type: the official decoder has no class for it and cannot read on.
    expect(decodeError(withField(frame, price - 3, "2"), 200).messageName).toBe("OPEN_ORDER");
  });

  it("protobuf OPEN_ORDER: a body that does not parse and an unknown condition type fail", () => {
    expect(decodeError("205#0aff", 203).messageName).toBe("OPEN_ORDER");
    const body = Buffer.from(OpenOrder.encode({ orderId: 1, order: { conditions: [{ type: 2 }] } }).finish());
    expect(decodeError(`205#${body.toString("hex")}`, 203).messageName).toBe("OPEN_ORDER");
  });

  it("COMPLETED_ORDER and its end marker do not exist before MIN_SERVER_VER_COMPLETED_ORDERS", () => {
    const empty = { contract: {}, order: {}, orderState: {} };
    expect(() => encodeMessage(completedOrder, empty, 149)).toThrow(ServerVersionError);
    expect(() => encodeMessage(completedOrdersEnd, {}, 149)).toThrow(ServerVersionError);
    expect(encodeMessage(completedOrder, empty, 150).length).toBeGreaterThan(4);
  });
});
