import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  historicalData,
  historicalDataEnd,
  historicalDataUpdate,
} from "../../src/protocol/messages/historical/bars.js";
import { headTimestamp } from "../../src/protocol/messages/historical/head-timestamp.js";
import { histogramData } from "../../src/protocol/messages/historical/histogram.js";
import { historicalSchedule } from "../../src/protocol/messages/historical/schedule.js";
import {
  historicalTicks,
  historicalTicksBidAsk,
  historicalTicksLast,
} from "../../src/protocol/messages/historical/ticks.js";
import {
  decodeMessage,
  encodeMessage,
  type MessageSpec,
  specRegistry,
  type WireForm,
} from "../../src/protocol/messages/index.js";
import type { Bar } from "../../src/protocol/models/bar.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { UNSET_DECIMAL_TEXT } from "../../src/protocol/values.js";
import { checkRoundTrip } from "../harness/roundtrip.js";

/** Property round trips of the historical replies, at every version and form they exist in. */

type Arb = (sv: number, form: WireForm) => fc.Arbitrary<unknown>;
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Reply text in a text frame: any Unicode but NUL. */
const replyText = fc.string({ unit: "binary" }).filter((s) => !s.includes("\0"));
/** Protobuf text: anything. */
const protoText = fc.string({ unit: "binary" });
const int32 = fc.integer();
const anyInt = fc.maxSafeInteger();
const time = fc.maxSafeInteger();
const price = fc.double({ noNaN: true });
const unsetDecimalSpellings = new Set([
  "2147483647",
  "9223372036854775807",
  "-9223372036854775808",
  UNSET_DECIMAL_TEXT,
]);
const decimal = fc
  .oneof(
    fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
    fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => `${a}.${b}`),
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -30, max: 30 })).map(([m, e]) => `${m}E${e}`),
  )
  .filter((s) => !unsetDecimalSpellings.has(s));
const optDecimal = opt(decimal);

// ---- replies -------------------------------------------------------------------------------------------------------
const str = (form: WireForm) => (form === "text" ? replyText : protoText);
const bar = (form: WireForm): fc.Arbitrary<Bar> =>
  fc.record({
    date: str(form),
    open: price,
    high: price,
    low: price,
    close: price,
    volume: optDecimal,
    wap: optDecimal,
    barCount: form === "text" ? anyInt : int32,
  });
const bars = (form: WireForm) => fc.array(bar(form), { maxLength: 4 });
const replyReqId = (form: WireForm) => (form === "text" ? anyInt : int32);

const historicalDataArb: Arb = (sv, form) => {
  const dates = form === "text" && sv < ServerVersion.HISTORICAL_DATA_END;
  return fc.record({
    reqId: replyReqId(form),
    startDateStr: dates ? replyText : fc.constant(undefined),
    endDateStr: dates ? replyText : fc.constant(undefined),
    bars: bars(form),
  });
};

const historicalDataEndArb: Arb = (_, form) =>
  fc.record({ reqId: replyReqId(form), startDateStr: str(form), endDateStr: str(form) });

const historicalDataUpdateArb: Arb = (_, form) =>
  fc.record({ reqId: replyReqId(form), bar: form === "text" ? bar(form) : opt(bar(form)) });

const headTimestampArb: Arb = (_, form) => fc.record({ reqId: replyReqId(form), headTimestamp: str(form) });

const histogramDataArb: Arb = (_, form) =>
  fc.record({
    reqId: replyReqId(form),
    histogram: fc.array(fc.record({ price, size: optDecimal }), { maxLength: 4 }),
  });

const ticksOf = <T>(tick: fc.Arbitrary<T>, form: WireForm) =>
  fc.record({ reqId: replyReqId(form), ticks: fc.array(tick, { maxLength: 4 }), done: fc.boolean() });

const historicalTicksArb: Arb = (_, form) => ticksOf(fc.record({ time, price, size: optDecimal }), form);

const historicalTicksBidAskArb: Arb = (_, form) =>
  ticksOf(
    fc.record({
      time,
      tickAttribBidAsk: fc.record({ bidPastLow: fc.boolean(), askPastHigh: fc.boolean() }),
      priceBid: price,
      priceAsk: price,
      sizeBid: optDecimal,
      sizeAsk: optDecimal,
    }),
    form,
  );

const historicalTicksLastArb: Arb = (_, form) =>
  ticksOf(
    fc.record({
      time,
      tickAttribLast: fc.record({ pastLimit: fc.boolean(), unreported: fc.boolean() }),
      price,
      size: optDecimal,
      exchange: str(form),
      specialConditions: str(form),
    }),
    form,
  );

const historicalScheduleArb: Arb = (_, form) =>
  fc.record({
    reqId: replyReqId(form),
    startDateTime: str(form),
    endDateTime: str(form),
    timeZone: str(form),
    sessions: fc.array(fc.record({ startDateTime: str(form), endDateTime: str(form), refDate: str(form) }), {
      maxLength: 3,
    }),
  });

const cases: [MessageSpec, Arb][] = [
  [historicalData, historicalDataArb],
  [historicalDataEnd, historicalDataEndArb],
  [historicalDataUpdate, historicalDataUpdateArb],
  [headTimestamp, headTimestampArb],
  [histogramData, histogramDataArb],
  [historicalTicks, historicalTicksArb],
  [historicalTicksBidAsk, historicalTicksBidAskArb],
  [historicalTicksLast, historicalTicksLastArb],
  [historicalSchedule, historicalScheduleArb],
];

describe("historical replies round-trip", () => {
  it.each(cases.map(([spec, arb]) => [spec.name, spec, arb] as const))("%s", (_, spec, arb) => {
    checkRoundTrip(spec, arb);
  });

  // HISTORICAL_DATA's three text layouts meet at 124 and 196; checkRoundTrip starts at 157 and skips 196.
  it.each([100, 123, 124, 195, 196])("HISTORICAL_DATA text at %i", (sv) => {
    fc.assert(
      fc.property(historicalDataArb(sv, "text"), (value) => {
        const frame = encodeMessage(historicalData, value, sv);
        expect(decodeMessage(specRegistry, "host", frame.subarray(4), sv).value).toEqual(value);
      }),
      { numRuns: 40 },
    );
  });
});
