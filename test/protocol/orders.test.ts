import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ServerVersionError } from "../../src/protocol/errors.js";
import {
  decodeMessage,
  encodeMessage,
  MessageDecodeError,
  specRegistry,
  type WireForm,
} from "../../src/protocol/messages/index.js";
import { cancelOrder, reqGlobalCancel } from "../../src/protocol/messages/orders/cancel-order.js";
import { exerciseOptions } from "../../src/protocol/messages/orders/exercise-options.js";
import {
  reqAllOpenOrders,
  reqAutoOpenOrders,
  reqCompletedOrders,
  reqOpenOrders,
} from "../../src/protocol/messages/orders/open-order-requests.js";
import { decimalFixedText } from "../../src/protocol/messages/orders/order-proto.js";
import { placeOrder } from "../../src/protocol/messages/orders/place-order.js";
import type { MessageSpec } from "../../src/protocol/messages/spec.js";
import type { OrderCancel } from "../../src/protocol/models/order.js";
import { ServerVersion as V } from "../../src/protocol/server-versions.js";
import { notationToPayload } from "../harness/notation.js";
import { checkRoundTrip } from "../harness/roundtrip.js";
import { exerciseContractArb, placeOrderArb, words } from "./orders-arbitraries.js";
import { officialRefusals } from "./orders-refusals.js";

const { text, int } = words;

function orderCancelArb(sv: number, form: WireForm, global: boolean): fc.Arbitrary<OrderCancel> {
  const timeCarried = form === "protobuf" || (!global && sv >= V.MANUAL_ORDER_TIME);
  const cmeCarried = form === "protobuf" || sv >= V.CME_TAGGING_FIELDS;
  return fc.record(
    {
      ...(timeCarried ? { manualOrderCancelTime: text } : {}),
      ...(cmeCarried ? { extOperator: text, manualOrderIndicator: fc.nat(1) } : {}),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<OrderCancel>;
}

describe("order request specs round-trip", () => {
  const cases: [MessageSpec, (sv: number, form: WireForm) => fc.Arbitrary<unknown>][] = [
    [placeOrder, placeOrderArb],
    [cancelOrder, (sv, f) => fc.record({ orderId: int, orderCancel: orderCancelArb(sv, f, false) })],
    [reqGlobalCancel, (sv, f) => fc.record({ orderCancel: orderCancelArb(sv, f, true) })],
    [reqOpenOrders, () => fc.constant({})],
    [reqAllOpenOrders, () => fc.constant({})],
    [reqAutoOpenOrders, () => fc.record({ bAutoBind: fc.boolean() })],
    [reqCompletedOrders, () => fc.record({ apiOnly: fc.boolean() })],
    [
      exerciseOptions,
      (sv, f) =>
        fc.record({
          reqId: int,
          contract: exerciseContractArb(f),
          exerciseAction: fc.integer({ min: 1, max: 2 }),
          exerciseQuantity: int,
          account: f === "text" ? fc.oneof(text, fc.constant("")) : fc.oneof(text, fc.constant("")),
          override: fc.nat(1),
          manualOrderTime: f === "protobuf" || sv >= V.MANUAL_ORDER_TIME_EXERCISE_OPTIONS ? text : fc.constant(""),
          customerAccount: f === "protobuf" || sv >= V.CUSTOMER_ACCOUNT ? text : fc.constant(""),
          professionalCustomer: f === "protobuf" || sv >= V.PROFESSIONAL_CUSTOMER ? fc.boolean() : fc.constant(false),
        }),
    ],
  ];
  it.each(cases.map(([spec, arb]) => [spec.name, spec, arb] as const))("%s", (_, spec, arb) => {
    checkRoundTrip(spec, arb, { numRuns: spec === placeOrder ? 150 : 40 });
  });
});

describe("the official client's refusals (503) as ServerVersionError", () => {
  it.each(officialRefusals.map(([name, sv, value]) => [`${name} sv${sv}`, name, sv, value] as const))(
    "%s",
    (_, name, sv, value) => {
      const spec = [...specRegistry.outgoing.values()].find((s) => s.name === name)!;
      expect(() => encodeMessage(spec, value, sv)).toThrow(ServerVersionError);
    },
  );

  const order = { action: "BUY", totalQuantity: "1", orderType: "LMT", lmtPrice: 1.5 };
  const aapl = { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
  it("refuses conditionsIncludeOvernight below 226 (API 10.50) and sends it from 226", () => {
    const m = { orderId: 1, contract: aapl, order: { ...order, conditionsIncludeOvernight: true } };
    expect(() => encodeMessage(placeOrder, m, 225)).toThrow(ServerVersionError);
    expect(() => encodeMessage(placeOrder, m, 199)).toThrow(ServerVersionError);
    expect(decodeMessage(specRegistry, "client", encodeMessage(placeOrder, m, 226).subarray(4), 226).value).toEqual(m);
  });
  it("sends conditionsIncludeOvernight: false as nothing at any version", () => {
    const m = { orderId: 1, contract: aapl, order: { ...order, conditionsIncludeOvernight: false } };
    const at225 = encodeMessage(placeOrder, m, 225).toString("hex");
    expect(at225).toBe(encodeMessage(placeOrder, { ...m, order }, 225).toString("hex"));
  });
  it("refuses the protobuf-only order parameters in the text form instead of dropping them", () => {
    for (const extra of [{ postOnly: true }, { seekPriceImprovement: false }, { hedgeMaxSize: 5 }, { slOrderId: 3 }]) {
      const m = { orderId: 1, contract: aapl, order: { ...order, ...extra } };
      expect(() => encodeMessage(placeOrder, m, 200)).toThrow(ServerVersionError);
    }
  });
  it("refuses every text order below 111 unless cashQty is exactly 0, as the official client does", () => {
    const m = { orderId: 1, contract: aapl, order };
    expect(() => encodeMessage(placeOrder, m, 110)).toThrow(ServerVersionError);
    const ok = { ...m, order: { ...order, cashQty: 0 } };
    expect(decodeMessage(specRegistry, "client", encodeMessage(placeOrder, ok, 110).subarray(4), 110).value).toEqual(
      ok,
    );
  });
});

describe("PLACE_ORDER text edges", () => {
  const frame176 = (fields: string) => notationToPayload(fields, 176);
  it("a frame cut short is a MessageDecodeError naming PLACE_ORDER", () => {
    const payload = frame176("3|11|0|AAPL|STK|||||SMART||USD|||||BUY|100|LMT|101.25||GTC|");
    expect(() => decodeMessage(specRegistry, "client", payload, 176)).toThrow(MessageDecodeError);
    try {
      decodeMessage(specRegistry, "client", payload, 176);
    } catch (e) {
      expect((e as MessageDecodeError).messageName).toBe("PLACE_ORDER");
    }
  });
  it("a non-numeric number is a MessageDecodeError naming PLACE_ORDER", () => {
    const good = encodeMessage(placeOrder, { orderId: 11, contract: {}, order: { action: "BUY", cashQty: 0 } }, 176);
    const bad = Buffer.from(
      good.subarray(4).toString("latin1").replace("3\u000011\u0000", "3\u0000x1\u0000"),
      "latin1",
    );
    expect(() => decodeMessage(specRegistry, "client", bad, 176)).toThrow(/PLACE_ORDER/);
  });
  it("writes an unknown condition kind nowhere", () => {
    const m = {
      orderId: 1,
      contract: {},
      order: { conditions: [{ condType: 2 } as never] },
    };
    expect(() => encodeMessage(placeOrder, m, 176)).toThrow();
    expect(() => encodeMessage(placeOrder, m, 225)).toThrow();
  });
  it("spells a Decimal as Python's format(d, 'f') in protobuf", () => {
    expect(decimalFixedText("1E+2")).toBe("100");
    expect(decimalFixedText("1.50")).toBe("1.50");
    expect(decimalFixedText("1E-7")).toBe("0.0000001");
    expect(decimalFixedText("-2.5E+1")).toBe("-25");
    expect(decimalFixedText("007")).toBe("7");
  });
});
