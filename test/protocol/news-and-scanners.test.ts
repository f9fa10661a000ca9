import fc from "fast-check";
import { describe, it } from "vitest";
import type { WireForm } from "../../src/protocol/messages/index.js";
import {
  historicalNews,
  historicalNewsEnd,
  newsArticle,
  newsBulletins,
  newsProviders,
} from "../../src/protocol/messages/news-and-scanners/news-replies.js";
import {
  cancelNewsBulletins,
  reqHistoricalNews,
  reqNewsArticle,
  reqNewsBulletins,
  reqNewsProviders,
} from "../../src/protocol/messages/news-and-scanners/news-requests.js";
import { scannerData, scannerParameters } from "../../src/protocol/messages/news-and-scanners/scanner-replies.js";
import {
  cancelScannerSubscription,
  reqScannerParameters,
  reqScannerSubscription,
} from "../../src/protocol/messages/news-and-scanners/scanner-requests.js";
import type { TagValue } from "../../src/protocol/models/contract.js";
import type { ScanData, ScannerSubscription } from "../../src/protocol/models/scanner.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { UNSET_INTEGER } from "../../src/protocol/values.js";
import { checkRoundTrip } from "../harness/roundtrip.js";

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** In text replies every field is present; in protobuf any may be absent. */
const field = <T>(arb: fc.Arbitrary<T>, form: WireForm) => (form === "text" ? arb : maybe(arb));
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
/** Ints a "handle empty" field or an optional protobuf field can carry (UNSET_INTEGER means "not set"). */
const setInt32 = fc.integer({ min: -(2 ** 31), max: UNSET_INTEGER - 1 });
/** Finite doubles; -0 reads back as 0 from text, so it is left out. */
const double = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
/** What a client may put in a request string: printable ASCII (the official client refuses the rest). */
const ascii = fc.string({ unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)), maxLength: 12 });
const nonEmptyAscii = ascii.filter((s) => s.length > 0);
/** Free text as TWS may send it (UTF-8 in both forms). */
const text = fc.string({ unit: "grapheme", maxLength: 8 });
const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const alnum = fc.string({ unit: fc.constantFrom(...`${letters}0123456789`), minLength: 1, maxLength: 8 });
/**
 * Option tags start with a letter: JavaScript puts integer-like object keys ("3") before the others, so a
 * protobuf map cannot follow the official runtime's sorted order for them.
 */
const tag = fc.tuple(fc.constantFrom(...letters), alnum).map(([a, b]) => a + b);

/**
 * A non-empty option list, or none. Tags are unique (protobuf carries a map) and, in protobuf, sorted as the
 * official runtime writes them; neither tag nor value holds `=` or `;` (the text form has no escaping).
 */
function options(form: WireForm): fc.Arbitrary<TagValue[] | undefined> {
  const list = fc
    .uniqueArray(fc.record({ tag, value: alnum }), { selector: (t) => t.tag, minLength: 1, maxLength: 4 })
    .map((l) => (form === "protobuf" ? [...l].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)) : l));
  return maybe(list);
}

describe("news requests: property round trips", () => {
  it("REQ_NEWS_PROVIDERS", () => checkRoundTrip(reqNewsProviders, () => fc.constant({})));

  it("REQ_NEWS_ARTICLE", () => {
    checkRoundTrip(reqNewsArticle, (sv, form) =>
      fc.record({
        reqId: int32,
        providerCode: ascii,
        articleId: ascii,
        newsArticleOptions: sv >= ServerVersion.NEWS_QUERY_ORIGINS ? options(form) : fc.constant(undefined),
      }),
    );
  });

  it("REQ_HISTORICAL_NEWS", () => {
    checkRoundTrip(reqHistoricalNews, (sv, form) =>
      fc.record({
        reqId: int32,
        conId: int32,
        providerCodes: ascii,
        startDateTime: ascii,
        endDateTime: ascii,
        totalResults: int32,
        historicalNewsOptions: sv >= ServerVersion.NEWS_QUERY_ORIGINS ? options(form) : fc.constant(undefined),
      }),
    );
  });

  it("REQ_NEWS_BULLETINS", () => checkRoundTrip(reqNewsBulletins, () => fc.record({ allMsgs: fc.boolean() })));
  it("CANCEL_NEWS_BULLETINS", () => checkRoundTrip(cancelNewsBulletins, () => fc.constant({})));
});

describe("scanner requests: property round trips", () => {
  it("REQ_SCANNER_PARAMETERS", () => checkRoundTrip(reqScannerParameters, () => fc.constant({})));
  it("CANCEL_SCANNER_SUBSCRIPTION", () => checkRoundTrip(cancelScannerSubscription, () => fc.record({ reqId: int32 })));

  it("REQ_SCANNER_SUBSCRIPTION", () => {
    // "Handle empty" doubles also carry +∞ (written `Infinity`); the max double is their "unset".
    const price = fc.oneof(
      double.filter((x) => x !== Number.MAX_VALUE),
      fc.constant(Number.POSITIVE_INFINITY),
    );
    const subscription: fc.Arbitrary<ScannerSubscription> = fc.record(
      {
        numberOfRows: setInt32,
        instrument: nonEmptyAscii,
        locationCode: nonEmptyAscii,
        scanCode: nonEmptyAscii,
        abovePrice: price,
        belowPrice: price,
        aboveVolume: setInt32,
        marketCapAbove: price,
        marketCapBelow: price,
        moodyRatingAbove: nonEmptyAscii,
        moodyRatingBelow: nonEmptyAscii,
        spRatingAbove: nonEmptyAscii,
        spRatingBelow: nonEmptyAscii,
        maturityDateAbove: nonEmptyAscii,
        maturityDateBelow: nonEmptyAscii,
        couponRateAbove: price,
        couponRateBelow: price,
        excludeConvertible: fc.constant(true),
        averageOptionVolumeAbove: setInt32,
        scannerSettingPairs: nonEmptyAscii,
        stockTypeFilter: nonEmptyAscii,
      },
      { requiredKeys: [] },
    );
    checkRoundTrip(
      reqScannerSubscription,
      (sv, form) =>
        fc.record({
          reqId: int32,
          subscription,
          scannerSubscriptionOptions: options(form),
          scannerSubscriptionFilterOptions:
            sv >= ServerVersion.SCANNER_GENERIC_OPTS ? options(form) : fc.constant(undefined),
        }),
      { numRuns: 60 },
    );
  });
});

describe("news replies: property round trips", () => {
  it("NEWS_PROVIDERS", () => {
    checkRoundTrip(newsProviders, (_sv, form) =>
      fc.record({
        newsProviders: fc.array(fc.record({ code: field(text, form), name: field(text, form) }), { maxLength: 4 }),
      }),
    );
  });

  it("NEWS_ARTICLE", () => {
    checkRoundTrip(newsArticle, (_sv, form) =>
      fc.record({ reqId: field(int32, form), articleType: field(int32, form), articleText: field(text, form) }),
    );
  });

  it("HISTORICAL_NEWS", () => {
    checkRoundTrip(historicalNews, (_sv, form) =>
      fc.record({
        requestId: field(int32, form),
        time: field(text, form),
        providerCode: field(text, form),
        articleId: field(text, form),
        headline: field(text, form),
      }),
    );
  });

  it("HISTORICAL_NEWS_END", () => {
    checkRoundTrip(historicalNewsEnd, (_sv, form) =>
      fc.record({ reqId: field(int32, form), hasMore: field(fc.boolean(), form) }),
    );
  });

  it("NEWS_BULLETINS", () => {
    checkRoundTrip(newsBulletins, (_sv, form) =>
      fc.record({
        msgId: field(int32, form),
        msgType: field(int32, form),
        newsMessage: field(text, form),
        originExch: field(text, form),
      }),
    );
  });
});

describe("scanner replies: property round trips", () => {
  it("SCANNER_PARAMETERS", () => {
    checkRoundTrip(scannerParameters, (_sv, form) => fc.record({ xml: field(text, form) }));
  });

  it("SCANNER_DATA", () => {
    // Text carries ten contract fields, always; protobuf a whole Contract (a subset is enough here) or none.
    const textRow: fc.Arbitrary<ScanData> = fc.record({
      rank: int32,
      contract: fc.record({
        conId: int32,
        symbol: text,
        secType: text,
        lastTradeDateOrContractMonth: text,
        strike: double,
        right: text,
        exchange: text,
        currency: text,
        localSymbol: text,
        tradingClass: text,
      }),
      marketName: text,
      distance: text,
      benchmark: text,
      projection: text,
      legsStr: text,
    });
    const protoContract = fc.record(
      {
        conId: int32,
        symbol: text,
        secType: text,
        strike: double,
        exchange: text,
        primaryExchange: text,
        currency: text,
        localSymbol: text,
        tradingClass: text,
        secIdType: text,
        secId: text,
      },
      { requiredKeys: [] },
    );
    const protoRow: fc.Arbitrary<ScanData> = fc.record({
      rank: maybe(int32),
      contract: maybe(protoContract),
      marketName: maybe(text),
      distance: maybe(text),
      benchmark: maybe(text),
      projection: maybe(text),
      legsStr: maybe(text),
    });
    checkRoundTrip(scannerData, (_sv, form) =>
      fc.record({
        reqId: field(int32, form),
        elements: fc.array(form === "text" ? textRow : protoRow, { maxLength: 4 }),
      }),
    );
  });
});
