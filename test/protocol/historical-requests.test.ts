import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cancelHistoricalData, reqHistoricalData } from "../../src/protocol/messages/historical/bars-request.js";
import { cancelHeadTimestamp, reqHeadTimestamp } from "../../src/protocol/messages/historical/head-timestamp.js";
import { cancelHistogramData, reqHistogramData } from "../../src/protocol/messages/historical/histogram.js";
import { cancelHistoricalTicks, reqHistoricalTicks } from "../../src/protocol/messages/historical/ticks-request.js";
import {
  decodeMessage,
  encodeMessage,
  type MessageSpec,
  specRegistry,
  type WireForm,
} from "../../src/protocol/messages/index.js";
import type { ComboLeg, Contract, TagValue } from "../../src/protocol/models/contract.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { checkRoundTrip } from "../harness/roundtrip.js";

/** Property round trips of the historical requests, at every version and form they exist in. */

type Arb = (sv: number, form: WireForm) => fc.Arbitrary<unknown>;
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Request text: printable ASCII, all the official client lets through. */
const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });
/** Protobuf text: anything. */
const protoText = fc.string({ unit: "binary" });
const int32 = fc.integer();
const anyInt = fc.maxSafeInteger();
/** A double the "send max" fields carry: never the max double, which means unset. */
const settableDouble = fc.double({ noNaN: true }).filter((d) => d !== Number.MAX_VALUE);

// ---- request contracts -------------------------------------------------------------------------------------------
/**
 * Unique option tags, so the text form and the protobuf map carry the same list; not integer-like, since a JS
 * object (the generated map type) lists such keys first whatever the order.
 */
const tagValues = (value: fc.Arbitrary<string>): fc.Arbitrary<TagValue[]> =>
  fc.uniqueArray(fc.record({ tag: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/), value }), {
    selector: (t) => t.tag,
    maxLength: 3,
  });
const textOptions = tagValues(ascii.filter((s) => !s.includes(";")));
/** A protobuf map has no order: it goes out, and so reads back, in key order. */
const protoOptions = tagValues(protoText).map((list) => [...list].sort((a, b) => (a.tag < b.tag ? -1 : 1)));

/** A contract as the text decoder reads it back: every body field, legs only on a BAG. */
function textContract(sv: number): fc.Arbitrary<Contract> {
  const base = {
    conId: fc.nat({ max: 2 ** 31 - 1 }),
    symbol: ascii,
    lastTradeDateOrContractMonth: ascii,
    strike: opt(settableDouble),
    right: ascii,
    multiplier: ascii,
    exchange: ascii,
    primaryExchange: ascii,
    currency: ascii,
    localSymbol: ascii,
    includeExpired: fc.boolean(),
    ...(sv >= ServerVersion.TRADING_CLASS ? { tradingClass: ascii } : {}),
  };
  const leg: fc.Arbitrary<ComboLeg> = fc.record({ conId: int32, ratio: int32, action: ascii, exchange: ascii });
  return fc.oneof(
    fc.record({ ...base, secType: ascii.filter((s) => s !== "BAG") }),
    fc.record({ ...base, secType: fc.constant("BAG"), comboLegs: fc.array(leg, { maxLength: 3 }) }),
  );
}

/** A contract as the official protobuf builder sends it and `contractFromProto` reads it back. */
const protoContract: fc.Arbitrary<Contract> = (() => {
  const text = opt(protoText.filter((s) => s.length > 0));
  const validInt = fc.integer().filter((n) => n !== 2 ** 31 - 1);
  const leg: fc.Arbitrary<ComboLeg> = fc.record(
    {
      conId: validInt,
      ratio: validInt,
      action: text,
      exchange: text,
      openClose: validInt,
      shortSaleSlot: validInt,
      designatedLocation: text,
      exemptCode: validInt,
    },
    { requiredKeys: ["conId", "ratio", "openClose", "shortSaleSlot", "exemptCode"] },
  );
  return fc.record(
    {
      conId: validInt,
      symbol: text,
      secType: text,
      lastTradeDateOrContractMonth: text,
      strike: opt(settableDouble),
      right: text,
      multiplier: opt(fc.integer({ min: 1, max: 100_000 }).map(String)),
      exchange: text,
      primaryExchange: text,
      currency: text,
      localSymbol: text,
      tradingClass: text,
      secIdType: text,
      secId: text,
      description: text,
      issuerId: text,
      includeExpired: fc.constantFrom(true, undefined),
      comboLegsDescrip: text,
      comboLegs: opt(fc.array(leg, { minLength: 1, maxLength: 3 })),
      deltaNeutralContract: opt(fc.record({ conId: validInt, delta: settableDouble, price: settableDouble })),
    },
    { requiredKeys: ["conId"] },
  );
})();

/** Request strings: any ASCII in text; in protobuf, the builders drop empty ones, which read back as "". */
const reqText = (form: WireForm) => (form === "text" ? ascii : fc.oneof(fc.constant(""), protoText));
const reqInt = (form: WireForm) => (form === "text" ? anyInt : int32);
const useRth = (form: WireForm) => (form === "text" ? anyInt : fc.constantFrom(0, 1));
const contractFor = (sv: number, form: WireForm) => (form === "text" ? textContract(sv) : protoContract);

// ---- requests ------------------------------------------------------------------------------------------------------
const reqHistoricalDataArb: Arb = (sv, form) =>
  fc.record({
    reqId: reqInt(form),
    contract: contractFor(sv, form),
    endDateTime: reqText(form),
    durationStr: reqText(form),
    barSizeSetting: reqText(form),
    whatToShow: reqText(form).filter((s) => sv >= ServerVersion.HISTORICAL_SCHEDULE || s !== "SCHEDULE"),
    useRTH: useRth(form),
    formatDate: reqInt(form),
    keepUpToDate: form === "protobuf" || sv >= ServerVersion.SYNT_REALTIME_BARS ? fc.boolean() : fc.constant(false),
    chartOptions: form === "text" ? textOptions : protoOptions,
  });

const reqHeadTimestampArb: Arb = (sv, form) =>
  fc.record({
    reqId: reqInt(form),
    contract: contractFor(sv, form).filter((c) => form === "protobuf" || c.secType !== "BAG"),
    whatToShow: reqText(form),
    useRTH: useRth(form),
    formatDate: reqInt(form),
  });

const reqHistogramDataArb: Arb = (sv, form) =>
  fc.record({
    tickerId: reqInt(form),
    contract: contractFor(sv, form).filter((c) => form === "protobuf" || c.secType !== "BAG"),
    useRTH: fc.boolean(),
    timePeriod: reqText(form),
  });

const reqHistoricalTicksArb: Arb = (sv, form) =>
  fc.record({
    reqId: reqInt(form),
    contract: contractFor(sv, form).filter((c) => form === "protobuf" || c.secType !== "BAG"),
    startDateTime: reqText(form),
    endDateTime: reqText(form),
    numberOfTicks: reqInt(form),
    whatToShow: reqText(form),
    useRth: useRth(form),
    ignoreSize: fc.boolean(),
    miscOptions: form === "text" ? textOptions : protoOptions,
  });

const reqIdOnly: Arb = (_, form) => fc.record({ reqId: reqInt(form) });
const tickerIdOnly: Arb = (_, form) => fc.record({ tickerId: reqInt(form) });

const cases: [MessageSpec, Arb][] = [
  [reqHistoricalData, reqHistoricalDataArb],
  [cancelHistoricalData, reqIdOnly],
  [reqHeadTimestamp, reqHeadTimestampArb],
  [cancelHeadTimestamp, reqIdOnly],
  [reqHistogramData, reqHistogramDataArb],
  [cancelHistogramData, tickerIdOnly],
  [reqHistoricalTicks, reqHistoricalTicksArb],
  [cancelHistoricalTicks, reqIdOnly],
];

describe("historical requests round-trip", () => {
  it.each(cases.map(([spec, arb]) => [spec.name, spec, arb] as const))("%s", (_, spec, arb) => {
    checkRoundTrip(spec, arb);
  });

  // Below MIN_SERVER_VER_SYNT_REALTIME_BARS the text form has a version field and no keepUpToDate; SCHEDULE
  // comes at 165. checkRoundTrip starts at 157.
  it.each([100, 123, 124, 164, 165])("REQ_HISTORICAL_DATA text at %i", (sv) => {
    fc.assert(
      fc.property(reqHistoricalDataArb(sv, "text"), (value) => {
        const frame = encodeMessage(reqHistoricalData, value, sv);
        expect(decodeMessage(specRegistry, "client", frame.subarray(4), sv).value).toEqual(value);
      }),
      { numRuns: 40 },
    );
  });
});
