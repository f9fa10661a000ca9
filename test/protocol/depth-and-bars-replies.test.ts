import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EncodeError } from "../../src/protocol/errors.js";
import {
  type DepthMktDataDescriptionEntry,
  mktDepthExchanges,
} from "../../src/protocol/messages/depth-and-bars/depth-exchanges.js";
import { marketDepth, marketDepthL2 } from "../../src/protocol/messages/depth-and-bars/market-depth.js";
import { realTimeBars } from "../../src/protocol/messages/depth-and-bars/real-time-bars.js";
import {
  kindForTickType,
  type TickByTickFields,
  type TickByTickMessage,
  tickByTick,
} from "../../src/protocol/messages/depth-and-bars/tick-by-tick.js";
import {
  decodeMessage,
  encodeMessage,
  MessageDecodeError,
  specRegistry,
  type WireForm,
} from "../../src/protocol/messages/index.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { UNSET_INTEGER } from "../../src/protocol/values.js";
import { notationToPayload } from "../harness/notation.js";
import { checkRoundTrip } from "../harness/roundtrip.js";

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** In text every field is present; in protobuf any may be absent. */
const field = <T>(arb: fc.Arbitrary<T>, form: WireForm) => (form === "text" ? arb : maybe(arb));
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
/** Finite doubles; -0 reads back as 0 from text, so it is left out. */
const double = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const epochSeconds = fc.integer({ min: 0, max: 4_000_000_000 });
/** Free text as TWS may send it (UTF-8 in both forms). */
const text = fc.string({ unit: "grapheme", maxLength: 8 });
/** Decimal texts that are not one of the unset spellings. */
const decimal = fc.oneof(
  fc.nat({ max: 1_000_000_000 }).map(String),
  fc.tuple(fc.nat({ max: 100_000 }), fc.nat({ max: 9999 })).map(([a, b]) => `${a}.${b}`),
);

describe("depth-and-bars replies: property round trips", () => {
  it("MARKET_DEPTH", () => {
    checkRoundTrip(marketDepth, (_sv, form) => {
      const row = fc.record({
        reqId: int32,
        position: field(int32, form),
        operation: field(fc.integer({ min: 0, max: 2 }), form),
        side: field(fc.integer({ min: 0, max: 1 }), form),
        price: field(double, form),
        size: maybe(decimal),
      });
      if (form === "text") return row;
      return fc.oneof(row, fc.record({ reqId: int32, noMarketDepthData: fc.constant(true) }));
    });
  });

  it("MARKET_DEPTH_L2", () => {
    checkRoundTrip(marketDepthL2, (sv, form) => {
      const row = fc.record({
        reqId: int32,
        position: field(int32, form),
        marketMaker: field(text, form),
        operation: field(fc.integer({ min: 0, max: 2 }), form),
        side: field(fc.integer({ min: 0, max: 1 }), form),
        price: field(double, form),
        size: maybe(decimal),
        isSmartDepth:
          form === "text" && sv < ServerVersion.SMART_DEPTH ? fc.constant(false) : field(fc.boolean(), form),
      });
      if (form === "text") return row;
      return fc.oneof(row, fc.record({ reqId: int32, noMarketDepthData: fc.constant(true) }));
    });
  });

  it("MKT_DEPTH_EXCHANGES", () => {
    checkRoundTrip(mktDepthExchanges, (sv, form) => {
      const aggGroup = fc.integer({ min: -(2 ** 31), max: UNSET_INTEGER - 1 });
      let entry: fc.Arbitrary<DepthMktDataDescriptionEntry>;
      if (form === "protobuf") {
        entry = fc.record(
          { exchange: text, secType: text, listingExch: text, serviceDataType: text, aggGroup: int32 },
          { requiredKeys: [] },
        );
      } else if (sv >= ServerVersion.SERVICE_DATA_TYPE) {
        entry = fc.record({
          exchange: text,
          secType: text,
          listingExch: text,
          serviceDataType: fc.constantFrom("Deep", "Deep2", ""),
          aggGroup: maybe(aggGroup),
        });
      } else {
        entry = fc.record({ exchange: text, secType: text, notSuppIsL2: fc.boolean() });
      }
      return fc.record({ depthMktDataDescriptions: fc.array(entry, { maxLength: 4 }) });
    });
  });

  it("TICK_BY_TICK", () => {
    checkRoundTrip(tickByTick, (_sv, form) => tickByTickArb(form));
  });

  it("REAL_TIME_BARS", () => {
    checkRoundTrip(realTimeBars, (_sv, form) =>
      fc.record({
        reqId: int32,
        time: field(epochSeconds, form),
        open: field(double, form),
        high: field(double, form),
        low: field(double, form),
        close: field(double, form),
        volume: maybe(decimal),
        wap: maybe(decimal),
        count: field(fc.nat(), form),
      }),
    );
  });
});

function tickFieldsArb(kind: TickByTickFields["kind"], form: WireForm): fc.Arbitrary<TickByTickFields> {
  // Text carries both attribute flags (as a mask); protobuf may leave out the attributes or either flag.
  const flags = <K extends string>(a: K, b: K) =>
    form === "text"
      ? fc.record({ [a]: fc.boolean(), [b]: fc.boolean() } as Record<K, fc.Arbitrary<boolean>>)
      : maybe(
          fc.record({ [a]: fc.boolean(), [b]: fc.boolean() } as Record<K, fc.Arbitrary<boolean>>, { requiredKeys: [] }),
        );
  switch (kind) {
    case "last":
      return fc.record({
        kind: fc.constant(kind),
        price: field(double, form),
        size: maybe(decimal),
        tickAttribLast: flags("pastLimit", "unreported"),
        exchange: field(text, form),
        specialConditions: field(text, form),
      });
    case "bidAsk":
      return fc.record({
        kind: fc.constant(kind),
        bidPrice: field(double, form),
        askPrice: field(double, form),
        bidSize: maybe(decimal),
        askSize: maybe(decimal),
        tickAttribBidAsk: flags("bidPastLow", "askPastHigh"),
      });
    case "midPoint":
      // The mid-point's size exists only in the protobuf HistoricalTick.
      return form === "text"
        ? fc.record({ kind: fc.constant(kind), midPoint: double })
        : fc.record({ kind: fc.constant(kind), midPoint: maybe(double), size: maybe(decimal) });
  }
}

function tickByTickArb(form: WireForm): fc.Arbitrary<TickByTickMessage> {
  const kinds = ["last", "bidAsk", "midPoint"] as const;
  if (form === "text") {
    // The tick type alone decides the layout: types 0 and 5+ carry the time only.
    return fc.record({ reqId: int32, tickType: fc.integer({ min: 0, max: 6 }), time: epochSeconds }).chain((head) => {
      const kind = kindForTickType(head.tickType);
      return (kind ? tickFieldsArb(kind, form) : fc.constant(undefined)).map((tick) => ({ ...head, tick }));
    });
  }
  // Protobuf: the oneof is independent of the tick type, and the time lives inside it.
  return fc
    .record({
      reqId: int32,
      tickType: fc.integer({ min: 0, max: 6 }),
      withTick: maybe(fc.tuple(fc.constantFrom(...kinds), maybe(epochSeconds))),
    })
    .chain(
      ({ withTick, ...head }): fc.Arbitrary<TickByTickMessage> =>
        withTick
          ? tickFieldsArb(withTick[0], form).map((tick) => ({ ...head, time: withTick[1], tick }))
          : fc.constant({ ...head, time: undefined, tick: undefined }),
    );
}

describe("depth-and-bars replies: bad input", () => {
  const cases: [name: string, sv: number, frame: string][] = [
    ["TICK_BY_TICK", 176, "99|9|3|1700000002|185.2|185.3|100|200|"], // attribute mask missing
    ["TICK_BY_TICK", 176, "99|9|1|17000x0000|185.25|100|1|ISLAND||"], // time not a number
    ["TICK_BY_TICK", 176, "99|9|1|1700000000|185.25|1e|1|ISLAND||"], // size not a decimal
    ["MKT_DEPTH_EXCHANGES", 176, "80|2|NYSE|STK|NYSE|Deep|1|ISLAND|STK||Deep2|"], // aggGroup missing
    ["MKT_DEPTH_EXCHANGES", 176, "80|1|NYSE|STK|NYSE|Deep|one|"], // aggGroup not a number
    ["MKT_DEPTH_EXCHANGES", 119, "80|x|"], // count not a number
    ["MARKET_DEPTH_L2", 176, "13|1|8|0|NSDQ|0|1|185.25|300|"], // isSmartDepth missing from 146
    ["MARKET_DEPTH_L2", 176, "13|1|8|0|NSDQ|0|1|abc|300|0|"], // price not a number
    ["REAL_TIME_BARS", 176, "50|3|4|1700000000|185.0|185.5|184.75|185.25|1200|185.125|"], // count missing
  ];
  it.each(cases)("%s sv%i %s throws MessageDecodeError naming the message", (name, sv, frame) => {
    const decode = () => decodeMessage(specRegistry, "host", notationToPayload(frame, sv), sv);
    expect(decode).toThrow(MessageDecodeError);
    expect(decode).toThrow(new RegExp(name));
    try {
      decode();
    } catch (e) {
      expect((e as MessageDecodeError).messageName).toBe(name);
    }
  });

  it("a protobuf frame that does not parse throws MessageDecodeError naming the message", () => {
    const payload = notationToPayload("299#0809100322ff", 225);
    expect(() => decodeMessage(specRegistry, "host", payload, 225)).toThrow(/TICK_BY_TICK/);
  });
});

describe("depth-and-bars replies: values the text form cannot carry", () => {
  it("TICK_BY_TICK refuses a tick whose fields do not match its type", () => {
    const m: TickByTickMessage = { reqId: 1, tickType: 1, time: 0, tick: { kind: "midPoint", midPoint: 1 } };
    expect(() => encodeMessage(tickByTick, m, 176)).toThrow(EncodeError);
    expect(() => encodeMessage(tickByTick, m, 225)).not.toThrow();
  });

  it("MARKET_DEPTH without marketDepthData exists only as protobuf, and makes no callback", () => {
    const m = {
      reqId: 7,
      position: undefined,
      operation: undefined,
      side: undefined,
      price: undefined,
      size: undefined,
      noMarketDepthData: true,
    };
    expect(() => encodeMessage(marketDepth, m, 176)).toThrow(EncodeError);
    expect(marketDepth.callbacks(m, 225, "protobuf")).toEqual([]);
  });
});
