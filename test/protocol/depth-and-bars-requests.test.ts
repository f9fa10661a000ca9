import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EncodeError, ServerVersionError } from "../../src/protocol/errors.js";
import { encodeMessage, type WireForm } from "../../src/protocol/messages/codec.js";
import { mktDepthExchanges, reqMktDepthExchanges } from "../../src/protocol/messages/depth-and-bars/depth-exchanges.js";
import { cancelMktDepth, reqMktDepth } from "../../src/protocol/messages/depth-and-bars/market-depth-requests.js";
import { cancelRealTimeBars, reqRealTimeBars } from "../../src/protocol/messages/depth-and-bars/real-time-bars.js";
import {
  cancelTickByTickData,
  reqTickByTickData,
} from "../../src/protocol/messages/depth-and-bars/tick-by-tick-requests.js";
import type { ComboLeg, Contract, TagValue } from "../../src/protocol/models/contract.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { checkRoundTrip } from "../harness/roundtrip.js";

/** Printable ASCII, the only text the official client sends in request fields. */
const ascii = (maxLength = 8) => fc.string({ unit: "grapheme-ascii", maxLength });
const nonEmpty = (maxLength = 8) => fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
/** A set id: UNSET_INTEGER (2^31-1) would leave the protobuf field out. */
const id = fc.nat({ max: 2 ** 31 - 2 });
const price = fc
  .double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })
  .map((x) => (Object.is(x, -0) ? 0 : x));
/** Tags and values that survive the `tag=value;` text form. */
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,5}$/);

/** A contract as the text form reads it back: every text field present (empty or not). */
function textContract(withPrimaryExchange: boolean): fc.Arbitrary<Contract> {
  return fc.record({
    conId: id,
    symbol: ascii(),
    secType: ascii(4),
    lastTradeDateOrContractMonth: ascii(),
    strike: maybe(price),
    right: ascii(1),
    multiplier: ascii(4),
    exchange: ascii(),
    ...(withPrimaryExchange ? { primaryExchange: ascii() } : {}),
    currency: ascii(3),
    localSymbol: ascii(),
    tradingClass: ascii(),
  });
}

const leg: fc.Arbitrary<ComboLeg> = fc.record({
  conId: id,
  ratio: fc.nat({ max: 100 }),
  action: maybe(fc.constantFrom("BUY", "SELL")),
  exchange: maybe(nonEmpty()),
  openClose: fc.nat({ max: 3 }),
  shortSaleSlot: fc.nat({ max: 2 }),
  designatedLocation: maybe(nonEmpty()),
  exemptCode: fc.integer({ min: -1, max: 5 }),
});

/** A contract as the protobuf form reads it back: conId always, the other fields only when set. */
const protoContract: fc.Arbitrary<Contract> = fc.record(
  {
    conId: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 2 }),
    symbol: nonEmpty(),
    secType: nonEmpty(4),
    lastTradeDateOrContractMonth: nonEmpty(),
    strike: price,
    right: nonEmpty(1),
    multiplier: fc.constantFrom("100", "50", "0.5", "1000"),
    exchange: nonEmpty(),
    primaryExchange: nonEmpty(),
    currency: nonEmpty(3),
    localSymbol: nonEmpty(),
    tradingClass: nonEmpty(),
    secIdType: nonEmpty(),
    secId: nonEmpty(),
    description: nonEmpty(),
    issuerId: nonEmpty(),
    includeExpired: fc.constant(true),
    comboLegs: fc.array(leg, { minLength: 1, maxLength: 2 }),
    deltaNeutralContract: fc.record({ conId: id, delta: price, price }),
  },
  { requiredKeys: ["conId"] },
);

/**
 * Options: any list in text (one `tag=value;` field), unique tags in protobuf (a map, which the official runtime
 * writes in key order, so it reads back sorted).
 */
function options(form: WireForm): fc.Arbitrary<TagValue[]> {
  const pair = fc.record({ tag: word, value: word });
  return form === "text"
    ? fc.array(pair, { maxLength: 3 })
    : fc
        .uniqueArray(pair, { maxLength: 3, selector: (t) => t.tag })
        .map((list) => [...list].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)));
}

describe("depth-and-bars requests: property round trips", () => {
  it("REQ_MKT_DEPTH", () => {
    checkRoundTrip(reqMktDepth, (sv, form) =>
      fc.record({
        reqId: int32,
        contract: form === "text" ? textContract(sv >= ServerVersion.MKT_DEPTH_PRIM_EXCHANGE) : protoContract,
        numRows: int32,
        isSmartDepth: sv >= ServerVersion.SMART_DEPTH ? fc.boolean() : fc.constant(false),
        // The official text form always sends an empty options field.
        mktDepthOptions: form === "text" ? fc.constant([]) : options(form),
      }),
    );
  });

  it("CANCEL_MKT_DEPTH", () => {
    checkRoundTrip(cancelMktDepth, (sv) =>
      fc.record({
        reqId: int32,
        isSmartDepth: sv >= ServerVersion.SMART_DEPTH ? fc.boolean() : fc.constant(false),
      }),
    );
  });

  it("REQ_MKT_DEPTH_EXCHANGES", () => {
    checkRoundTrip(reqMktDepthExchanges, () => fc.constant({}));
  });

  it("REQ_TICK_BY_TICK_DATA", () => {
    checkRoundTrip(reqTickByTickData, (_sv, form) =>
      fc.record({
        reqId: int32,
        contract: form === "text" ? textContract(true) : protoContract,
        tickType: fc.constantFrom("Last", "AllLast", "BidAsk", "MidPoint", ""),
        numberOfTicks: int32,
        ignoreSize: fc.boolean(),
      }),
    );
  });

  it("CANCEL_TICK_BY_TICK_DATA", () => {
    checkRoundTrip(cancelTickByTickData, () => fc.record({ reqId: int32 }));
  });

  it("REQ_REAL_TIME_BARS", () => {
    checkRoundTrip(reqRealTimeBars, (_sv, form) =>
      fc.record({
        reqId: int32,
        contract: form === "text" ? textContract(true) : protoContract,
        barSize: int32,
        whatToShow: fc.constantFrom("TRADES", "BID", "ASK", "MIDPOINT", ""),
        useRTH: fc.boolean(),
        realTimeBarsOptions: options(form),
      }),
    );
  });

  it("CANCEL_REAL_TIME_BARS", () => {
    checkRoundTrip(cancelRealTimeBars, () => fc.record({ reqId: int32 }));
  });
});

describe("depth-and-bars requests: the official client's refusals", () => {
  const aapl: Contract = { symbol: "AAPL", secType: "STK", exchange: "ISLAND", currency: "USD" };
  const depth = { reqId: 3, contract: aapl, numRows: 10, isSmartDepth: false, mktDepthOptions: [] };

  it("REQ_MKT_DEPTH refuses SMART depth below SMART_DEPTH", () => {
    const smart = { ...depth, isSmartDepth: true };
    expect(() => encodeMessage(reqMktDepth, smart, ServerVersion.SMART_DEPTH - 1)).toThrow(ServerVersionError);
    expect(() => encodeMessage(reqMktDepth, smart, ServerVersion.SMART_DEPTH)).not.toThrow();
  });

  it("REQ_MKT_DEPTH refuses primaryExchange below MKT_DEPTH_PRIM_EXCHANGE", () => {
    const withPrimary = { ...depth, contract: { ...aapl, primaryExchange: "NASDAQ" } };
    const below = ServerVersion.MKT_DEPTH_PRIM_EXCHANGE - 1;
    expect(() => encodeMessage(reqMktDepth, withPrimary, below)).toThrow(ServerVersionError);
    expect(() => encodeMessage(reqMktDepth, depth, below)).not.toThrow();
  });

  it("REQ_MKT_DEPTH refuses a conId or tradingClass below TRADING_CLASS, and a conId of 0 goes silently", () => {
    const below = ServerVersion.TRADING_CLASS - 1;
    expect(() => encodeMessage(reqMktDepth, { ...depth, contract: { ...aapl, conId: 1 } }, below)).toThrow(
      ServerVersionError,
    );
    expect(() => encodeMessage(reqMktDepth, { ...depth, contract: { ...aapl, tradingClass: "X" } }, below)).toThrow(
      ServerVersionError,
    );
    expect(() => encodeMessage(reqMktDepth, { ...depth, contract: { ...aapl, conId: 0 } }, below)).not.toThrow();
  });

  it("REQ_MKT_DEPTH refuses options in the text form (the official client's error 519)", () => {
    const withOptions = { ...depth, mktDepthOptions: [{ tag: "a", value: "1" }] };
    expect(() => encodeMessage(reqMktDepth, withOptions, 176)).toThrow(EncodeError);
    expect(() => encodeMessage(reqMktDepth, withOptions, ServerVersion.PROTOBUF_MARKET_DATA)).not.toThrow();
  });

  it("CANCEL_MKT_DEPTH refuses SMART depth below SMART_DEPTH", () => {
    const below = ServerVersion.SMART_DEPTH - 1;
    expect(() => encodeMessage(cancelMktDepth, { reqId: 3, isSmartDepth: true }, below)).toThrow(ServerVersionError);
    expect(() => encodeMessage(cancelMktDepth, { reqId: 3, isSmartDepth: false }, below)).not.toThrow();
  });

  it("REQ_MKT_DEPTH_EXCHANGES and its reply need REQ_MKT_DEPTH_EXCHANGES", () => {
    const below = ServerVersion.REQ_MKT_DEPTH_EXCHANGES - 1;
    expect(() => encodeMessage(reqMktDepthExchanges, {}, below)).toThrow(ServerVersionError);
    expect(() => encodeMessage(mktDepthExchanges, { depthMktDataDescriptions: [] }, below)).toThrow(ServerVersionError);
  });

  it("REQ_TICK_BY_TICK_DATA is refused below TICK_BY_TICK_IGNORE_SIZE whatever its values", () => {
    const tbt = { reqId: 9, contract: aapl, tickType: "Last", numberOfTicks: 0, ignoreSize: false };
    for (const sv of [ServerVersion.TICK_BY_TICK - 1, ServerVersion.TICK_BY_TICK_IGNORE_SIZE - 1]) {
      expect(() => encodeMessage(reqTickByTickData, tbt, sv)).toThrow(ServerVersionError);
    }
    expect(() => encodeMessage(reqTickByTickData, tbt, ServerVersion.TICK_BY_TICK_IGNORE_SIZE)).not.toThrow();
  });

  it("CANCEL_TICK_BY_TICK_DATA is refused below TICK_BY_TICK", () => {
    const below = ServerVersion.TICK_BY_TICK - 1;
    expect(() => encodeMessage(cancelTickByTickData, { reqId: 9 }, below)).toThrow(ServerVersionError);
    expect(() => encodeMessage(cancelTickByTickData, { reqId: 9 }, ServerVersion.TICK_BY_TICK)).not.toThrow();
  });

  it("REQ_REAL_TIME_BARS refuses tradingClass (not conId) below TRADING_CLASS", () => {
    const below = ServerVersion.TRADING_CLASS - 1;
    const bars = { reqId: 4, contract: aapl, barSize: 5, whatToShow: "TRADES", useRTH: true, realTimeBarsOptions: [] };
    expect(() =>
      encodeMessage(reqRealTimeBars, { ...bars, contract: { ...aapl, tradingClass: "NMS" } }, below),
    ).toThrow(ServerVersionError);
    expect(() =>
      encodeMessage(reqRealTimeBars, { ...bars, contract: { ...aapl, conId: 265598 } }, below),
    ).not.toThrow();
  });
});
