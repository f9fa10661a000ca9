import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ServerVersionError } from "../../src/protocol/errors.js";
import {
  decodeMessage,
  encodeMessage,
  type OutgoingSpec,
  specRegistry,
  type WireForm,
} from "../../src/protocol/messages/index.js";
import {
  cancelMktData,
  type ReqMktDataMessage,
  reqMarketDataType,
  reqMktData,
} from "../../src/protocol/messages/market-data/market-data-requests.js";
import { reqMarketRule } from "../../src/protocol/messages/market-data/market-rules.js";
import {
  calculateImpliedVolatility,
  calculateOptionPrice,
  cancelCalculateImpliedVolatility,
  cancelCalculateOptionPrice,
} from "../../src/protocol/messages/market-data/option-calculations.js";
import { reqSmartComponents } from "../../src/protocol/messages/market-data/smart-components.js";
import type { Contract, TagValue } from "../../src/protocol/models/contract.js";
import { ServerVersion as SV } from "../../src/protocol/server-versions.js";
import { UNSET_DOUBLE } from "../../src/protocol/values.js";
import { checkRoundTrip } from "../harness/roundtrip.js";

/** Request text: printable ASCII (the official client refuses anything else). */
const ascii = fc.string({ maxLength: 10 });
/** A protobuf string the builders keep: never empty. */
const pbText = fc.string({ minLength: 1, maxLength: 8 });
/** int32 without UNSET_INTEGER, which the protobuf builders leave out. */
const int = fc.integer({ min: -2147483648, max: 2147483646 });
const double = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter((x) => x !== UNSET_DOUBLE && x !== -UNSET_DOUBLE && !Object.is(x, -0));
/** Tags that survive `tag=value;` text and a protobuf map (no integer-like keys, which objects reorder). */
const tagValues = fc.uniqueArray(
  fc.record({ tag: fc.stringMatching(/^t[a-zA-Z0-9]{0,6}$/), value: fc.stringMatching(/^[a-zA-Z0-9=.]{0,6}$/) }),
  { maxLength: 3, selector: (t) => t.tag },
);
/** Protobuf option maps go out in key order (as the official runtime writes them), so they decode sorted. */
const sortedTagValues = tagValues.map((list) => [...list].sort((x, y) => (x.tag < y.tag ? -1 : x.tag > y.tag ? 1 : 0)));
const optionsArb = (sv: number, form: WireForm): fc.Arbitrary<TagValue[]> =>
  form === "protobuf" ? sortedTagValues : sv < SV.LINKING ? fc.constant<TagValue[]>([]) : tagValues;
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** A contract as the text forms carry it: every body field, tradingClass, BAG legs and the hedge for REQ_MKT_DATA. */
const textContract = (sv: number, mktData: boolean): fc.Arbitrary<Contract> =>
  fc
    .record({
      conId: fc.nat(2147483646),
      symbol: ascii,
      secType: fc.constantFrom("STK", "OPT", "FUT", "BAG", "CASH"),
      lastTradeDateOrContractMonth: ascii,
      strike: opt(double),
      right: ascii,
      multiplier: ascii,
      exchange: ascii,
      primaryExchange: ascii,
      currency: ascii,
      localSymbol: ascii,
      tradingClass: ascii,
      comboLegs: fc.array(fc.record({ conId: int, ratio: int, action: ascii, exchange: ascii }), { maxLength: 3 }),
      deltaNeutralContract: opt(fc.record({ conId: int, delta: double, price: double })),
    })
    .map((c): Contract => {
      const out: Contract = { ...c };
      if (!mktData || c.secType !== "BAG") delete out.comboLegs;
      if (!mktData || sv < SV.DELTA_NEUTRAL) delete out.deltaNeutralContract;
      if (sv < SV.TRADING_CLASS) delete out.tradingClass;
      return out;
    });

/** A contract as `createContractProto` builds it and our decoder returns it. */
const pbContract: fc.Arbitrary<Contract> = fc.record(
  {
    conId: int,
    symbol: pbText,
    secType: pbText,
    lastTradeDateOrContractMonth: pbText,
    strike: double,
    right: pbText,
    multiplier: fc.integer({ min: 1, max: 10000 }).map(String),
    exchange: pbText,
    primaryExchange: pbText,
    currency: pbText,
    localSymbol: pbText,
    tradingClass: pbText,
    secIdType: pbText,
    secId: pbText,
    description: pbText,
    issuerId: pbText,
    includeExpired: fc.constant(true),
    comboLegsDescrip: pbText,
    comboLegs: fc.array(
      fc.record(
        {
          conId: int,
          ratio: int,
          action: pbText,
          exchange: pbText,
          openClose: int,
          shortSaleSlot: int,
          designatedLocation: pbText,
          exemptCode: int,
        },
        { requiredKeys: ["conId", "ratio", "openClose", "shortSaleSlot", "exemptCode"] },
      ),
      { minLength: 1, maxLength: 3 },
    ),
    deltaNeutralContract: fc.record({ conId: int, delta: double, price: double }),
  },
  { requiredKeys: ["conId"] },
);

const reqMktDataArb = (sv: number, form: WireForm): fc.Arbitrary<ReqMktDataMessage> =>
  fc.record({
    reqId: int,
    contract: form === "protobuf" ? pbContract : textContract(sv, true),
    genericTickList: form === "protobuf" ? fc.oneof(fc.constant(""), pbText) : ascii,
    snapshot: fc.boolean(),
    regulatorySnapshot: form === "text" && sv < SV.REQ_SMART_COMPONENTS ? fc.constant(false) : fc.boolean(),
    mktDataOptions: optionsArb(sv, form),
  });

const calcArb = (first: "optionPrice" | "volatility", options: "implVolOptions" | "optPrcOptions") =>
  function arb(sv: number, form: WireForm) {
    return fc.record({
      reqId: int,
      contract: form === "protobuf" ? pbContract : textContract(sv, false),
      [first]: opt(double),
      underPrice: opt(double),
      [options]: optionsArb(sv, form),
    });
  };

/** Also round-trips below the harness's versions, where REQ_MKT_DATA's layout changes. */
function checkTextAt<M>(spec: OutgoingSpec<M>, arb: (sv: number, form: WireForm) => fc.Arbitrary<M>, svs: number[]) {
  for (const sv of svs) {
    fc.assert(
      fc.property(arb(sv, "text"), (value) => {
        const frame = encodeMessage(spec, value, sv, undefined, "text");
        expect(decodeMessage(specRegistry, "client", frame.subarray(4), sv).value).toEqual(value);
      }),
      { numRuns: 40 },
    );
  }
}

describe("market-data requests round-trip", () => {
  it("REQ_MKT_DATA", () => {
    checkRoundTrip(reqMktData, reqMktDataArb);
    checkTextAt(reqMktData, reqMktDataArb, [100, 113, 114]);
  });
  it("CANCEL_MKT_DATA", () => checkRoundTrip(cancelMktData, () => fc.record({ reqId: int })));
  it("REQ_MARKET_DATA_TYPE", () => checkRoundTrip(reqMarketDataType, () => fc.record({ marketDataType: int })));
  it("REQ_CALC_IMPLIED_VOLAT", () =>
    checkRoundTrip(calculateImpliedVolatility, calcArb("optionPrice", "implVolOptions")));
  it("REQ_CALC_OPTION_PRICE", () => checkRoundTrip(calculateOptionPrice, calcArb("volatility", "optPrcOptions")));
  it("CANCEL_CALC_IMPLIED_VOLAT", () =>
    checkRoundTrip(cancelCalculateImpliedVolatility, () => fc.record({ reqId: int })));
  it("CANCEL_CALC_OPTION_PRICE", () => checkRoundTrip(cancelCalculateOptionPrice, () => fc.record({ reqId: int })));
  it("REQ_SMART_COMPONENTS", () =>
    checkRoundTrip(reqSmartComponents, (_sv, form) =>
      fc.record({ reqId: int, bboExchange: form === "protobuf" ? fc.oneof(fc.constant(""), pbText) : ascii }),
    ));
  it("REQ_MARKET_RULE", () => checkRoundTrip(reqMarketRule, () => fc.record({ marketRuleId: int })));
});

describe("market-data requests the official client refuses (its 503)", () => {
  const stock: Contract = { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
  const mkt = (contract: Contract, extra: Partial<ReqMktDataMessage> = {}): ReqMktDataMessage => ({
    reqId: 1,
    contract,
    genericTickList: "",
    snapshot: false,
    regulatorySnapshot: false,
    mktDataOptions: [],
    ...extra,
  });
  const refused = (spec: OutgoingSpec, value: unknown, below: number) => {
    expect(() => encodeMessage(spec, value, below - 1)).toThrow(ServerVersionError);
    expect(() => encodeMessage(spec, value, below)).not.toThrow();
  };

  it("REQ_SMART_COMPONENTS below MIN_SERVER_VER_REQ_SMART_COMPONENTS", () =>
    refused(reqSmartComponents, { reqId: 1, bboExchange: "9c0001" }, SV.REQ_SMART_COMPONENTS));
  it("REQ_MARKET_RULE below MIN_SERVER_VER_MARKET_RULES", () =>
    refused(reqMarketRule, { marketRuleId: 26 }, SV.MARKET_RULES));
  it("REQ_MARKET_DATA_TYPE below MIN_SERVER_VER_REQ_MARKET_DATA_TYPE", () =>
    refused(reqMarketDataType, { marketDataType: 3 }, SV.REQ_MARKET_DATA_TYPE));
  it("the option calculations and their cancels below MIN_SERVER_VER_REQ_CALC_IMPLIED_VOLAT", () => {
    const calc = { reqId: 1, contract: stock, optionPrice: 1, underPrice: 2, implVolOptions: [] };
    refused(calculateImpliedVolatility, calc, SV.REQ_CALC_IMPLIED_VOLAT);
    refused(cancelCalculateImpliedVolatility, { reqId: 1 }, SV.REQ_CALC_IMPLIED_VOLAT);
    refused(cancelCalculateOptionPrice, { reqId: 1 }, SV.REQ_CALC_IMPLIED_VOLAT);
    const price = { reqId: 1, contract: stock, volatility: 0.2, underPrice: 2, optPrcOptions: [] };
    refused(calculateOptionPrice, price, SV.REQ_CALC_IMPLIED_VOLAT);
    refused(calculateOptionPrice, { ...price, contract: { ...stock, tradingClass: "X" } }, SV.TRADING_CLASS);
  });
  it("REQ_MKT_DATA fields the version cannot carry", () => {
    refused(reqMktData, mkt({ ...stock, deltaNeutralContract: { conId: 1 } }), SV.DELTA_NEUTRAL);
    refused(reqMktData, mkt({ ...stock, conId: 265598 }), SV.REQ_MKT_DATA_CONID);
    refused(reqMktData, mkt({ ...stock, tradingClass: "NMS" }), SV.TRADING_CLASS);
    refused(reqMktData, mkt(stock, { regulatorySnapshot: true }), SV.REQ_SMART_COMPONENTS);
    refused(reqMktData, mkt(stock, { mktDataOptions: [{ tag: "a", value: "1" }] }), SV.LINKING);
    // Below the gates the defaults are simply not written.
    expect(() => encodeMessage(reqMktData, mkt(stock), SV.DELTA_NEUTRAL - 1)).not.toThrow();
  });
});
