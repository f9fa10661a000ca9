import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeMessage,
  encodeMessage,
  type IncomingSpec,
  specRegistry,
  type WireForm,
} from "../../src/protocol/messages/index.js";
import { marketRule } from "../../src/protocol/messages/market-data/market-rules.js";
import {
  type TickOptionComputationMessage,
  tickOptionComputation,
} from "../../src/protocol/messages/market-data/option-computation.js";
import { rerouteMktDataReq, rerouteMktDepthReq } from "../../src/protocol/messages/market-data/reroute.js";
import { smartComponents } from "../../src/protocol/messages/market-data/smart-components.js";
import {
  marketDataType,
  type TickReqParamsMessage,
  tickReqParams,
  tickSnapshotEnd,
} from "../../src/protocol/messages/market-data/stream-status.js";
import { tickEfp, tickNews } from "../../src/protocol/messages/market-data/tick-extras.js";
import { tickGeneric, tickPrice, tickSize, tickString } from "../../src/protocol/messages/market-data/ticks.js";
import { TickType } from "../../src/protocol/models/tick-type.js";
import { ServerVersion as SV } from "../../src/protocol/server-versions.js";
import { pythonFloatText, UNSET_DOUBLE } from "../../src/protocol/values.js";
import { checkRoundTrip } from "../harness/roundtrip.js";

/** Reply text: any Unicode but NUL (hosts write replies as UTF-8). */
const text = fc.string({ unit: "grapheme", maxLength: 8 }).filter((s) => !s.includes("\0"));
/** int32 without UNSET_INTEGER. */
const int = fc.integer({ min: -2147483648, max: 2147483646 });
const double = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter((x) => x !== UNSET_DOUBLE && x !== -UNSET_DOUBLE && !Object.is(x, -0));
const decimal = fc.oneof(fc.constantFrom("0.0001", "100", "12.5", "1E+2"), fc.nat(99999).map(String));
const tickType = fc.integer({ min: 0, max: TickType.NOT_SET });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** Present in text, present or absent in protobuf. */
const field = <T>(form: WireForm, a: fc.Arbitrary<T>) => (form === "protobuf" ? opt(a) : a);

const optionTicks = fc.constantFrom(10, 11, 12, 13, 53, 80, 81, 82, 83);

/** TICK_OPTION_COMPUTATION in every layout: version-gated below 156, tickAttrib from 156, optional in protobuf. */
function optionComputationArb(sv: number, form: WireForm): fc.Arbitrary<TickOptionComputationMessage> {
  if (form === "protobuf") {
    return fc.record(
      {
        reqId: int,
        tickType: int,
        tickAttrib: int,
        impliedVol: double,
        delta: double,
        optPrice: double,
        pvDividend: double,
        gamma: double,
        vega: double,
        theta: double,
        undPrice: double,
      },
      { requiredKeys: ["reqId", "tickType"] },
    );
  }
  const version = sv < SV.PRICE_BASED_VOLATILITY ? fc.integer({ min: 1, max: 9 }) : fc.constant(sv);
  return fc
    .record({
      version,
      reqId: int,
      tickType: optionTicks,
      tickAttrib: int,
      values: fc.array(double, { minLength: 8, maxLength: 8 }),
    })
    .map(({ version, reqId, tickType, tickAttrib, values }) => {
      const [impliedVol, delta, optPrice, pvDividend, gamma, vega, theta, undPrice] = values;
      const m: TickOptionComputationMessage = { reqId, tickType, impliedVol, delta };
      if (sv < SV.PRICE_BASED_VOLATILITY) m.version = version;
      else m.tickAttrib = tickAttrib;
      const full = version >= 6;
      if (full || tickType === TickType.MODEL_OPTION || tickType === TickType.DELAYED_MODEL_OPTION) {
        Object.assign(m, { optPrice, pvDividend });
      }
      if (full) Object.assign(m, { gamma, vega, theta, undPrice });
      return m;
    });
}

/** Round trips at versions below the harness's list too (TICK_OPTION_COMPUTATION changes layout at 156). */
function checkTextAt<M>(spec: IncomingSpec<M>, arb: (sv: number, form: WireForm) => fc.Arbitrary<M>, svs: number[]) {
  for (const sv of svs) {
    fc.assert(
      fc.property(arb(sv, "text"), (value) => {
        const frame = encodeMessage(spec, value, sv, undefined, "text");
        expect(decodeMessage(specRegistry, "host", frame.subarray(4), sv).value).toEqual(value);
      }),
      { numRuns: 60 },
    );
  }
}

describe("market-data replies round-trip", () => {
  it("TICK_PRICE", () =>
    checkRoundTrip(tickPrice, (_sv, form) =>
      fc.record({ reqId: int, tickType, price: field(form, double), size: opt(decimal), attrMask: int }),
    ));
  it("TICK_SIZE", () => checkRoundTrip(tickSize, () => fc.record({ reqId: int, tickType, size: opt(decimal) })));
  it("TICK_STRING", () => checkRoundTrip(tickString, () => fc.record({ reqId: int, tickType, value: text })));
  it("TICK_GENERIC", () =>
    checkRoundTrip(tickGeneric, (_sv, form) => fc.record({ reqId: int, tickType, value: field(form, double) })));
  it("TICK_OPTION_COMPUTATION", () => {
    checkRoundTrip(tickOptionComputation, optionComputationArb);
    checkTextAt(tickOptionComputation, optionComputationArb, [100, 155, 156]);
  });
  it("TICK_EFP", () =>
    checkRoundTrip(tickEfp, () =>
      fc.record({
        reqId: int,
        tickType,
        basisPoints: double,
        formattedBasisPoints: text,
        totalDividends: double,
        holdDays: int,
        futureLastTradeDate: text,
        dividendImpact: double,
        dividendsToLastTradeDate: double,
      }),
    ));
  it("TICK_SNAPSHOT_END", () => checkRoundTrip(tickSnapshotEnd, () => fc.record({ reqId: int })));
  it("MARKET_DATA_TYPE", () =>
    checkRoundTrip(marketDataType, (_sv, form) => fc.record({ reqId: int, marketDataType: field(form, int) })));
  it("TICK_REQ_PARAMS", () =>
    checkRoundTrip(tickReqParams, (_sv, form): fc.Arbitrary<TickReqParamsMessage> => {
      const minTick = fc.oneof(double.map(pythonFloatText), fc.constantFrom("0.01", "1E-5", "0.00001"));
      if (form === "text") return fc.record({ tickerId: int, minTick, bboExchange: text, snapshotPermissions: int });
      // The precision fields exist only in protobuf.
      return fc.record(
        {
          tickerId: int,
          minTick,
          bboExchange: text,
          snapshotPermissions: int,
          lastPricePrecision: decimal,
          lastSizePrecision: decimal,
        },
        { requiredKeys: ["tickerId"] },
      );
    }));
  it("TICK_NEWS", () =>
    checkRoundTrip(tickNews, (_sv, form) =>
      fc.record({
        tickerId: int,
        timeStamp: field(form, fc.nat(Number.MAX_SAFE_INTEGER)),
        providerCode: field(form, text),
        articleId: field(form, text),
        headline: field(form, text),
        extraData: field(form, text),
      }),
    ));
  it("SMART_COMPONENTS", () =>
    checkRoundTrip(smartComponents, (_sv, form) =>
      fc.record({
        reqId: int,
        smartComponents: fc.array(
          fc.record(
            { bitNumber: int, exchange: text, exchangeLetter: text },
            { requiredKeys: form === "text" ? ["bitNumber", "exchange", "exchangeLetter"] : [] },
          ),
          { maxLength: 4 },
        ),
      }),
    ));
  it("MARKET_RULE", () =>
    checkRoundTrip(marketRule, (_sv, form) =>
      fc.record({
        marketRuleId: field(form, int),
        priceIncrements: fc.array(
          fc.record(
            { lowEdge: double, increment: double },
            { requiredKeys: form === "text" ? ["lowEdge", "increment"] : [] },
          ),
          { maxLength: 4 },
        ),
      }),
    ));
  for (const spec of [rerouteMktDataReq, rerouteMktDepthReq]) {
    it(spec.name, () =>
      checkRoundTrip(spec, (_sv, form) =>
        fc.record({ reqId: int, conId: field(form, int), exchange: field(form, text) }),
      ),
    );
  }
});
