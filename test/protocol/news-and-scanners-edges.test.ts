import { describe, expect, it } from "vitest";
import { ServerVersionError } from "../../src/protocol/errors.js";
import { decodeMessage, encodeMessage, MessageDecodeError, specRegistry } from "../../src/protocol/messages/index.js";
import { newsProviders } from "../../src/protocol/messages/news-and-scanners/news-replies.js";
import {
  reqHistoricalNews,
  reqNewsArticle,
  reqNewsProviders,
} from "../../src/protocol/messages/news-and-scanners/news-requests.js";
import { scannerData } from "../../src/protocol/messages/news-and-scanners/scanner-replies.js";
import { reqScannerSubscription } from "../../src/protocol/messages/news-and-scanners/scanner-requests.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { UNSET_INTEGER } from "../../src/protocol/values.js";
import { notationToPayload, payloadToNotation } from "../harness/notation.js";
import { readRecording } from "../harness/shared.js";
import { requestAdapters } from "../vectors/news-and-scanners.js";

const decodeHost = (notation: string, sv: number) =>
  decodeMessage(specRegistry, "host", notationToPayload(notation, sv), sv);

function expectDecodeError(notation: string, sv: number, name: string): void {
  let error: unknown;
  try {
    decodeHost(notation, sv);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(MessageDecodeError);
  expect((error as MessageDecodeError).messageName).toBe(name);
  expect((error as Error).message).toContain(name);
}

const row = "0|714365297|AAPL|OPT|20261016|255.0|C|SMART|USD|AAPL  261016C00255000|AAPL|AAPL|||||";

describe("news and scanner replies: bad input", () => {
  it("SCANNER_DATA with a row cut short", () => {
    expectDecodeError(`20|3|9007|2|${row}1|714365310|AAPL|`, 176, scannerData.name);
  });

  it("SCANNER_DATA with a non-numeric strike or rank", () => {
    expectDecodeError(`20|3|9007|1|${row.replace("255.0", "2x5")}`, 176, scannerData.name);
    expectDecodeError(`20|3|9007|1|${row.replace(/^0/, "first")}`, 193, scannerData.name);
  });

  it("SCANNER_DATA as a protobuf body that does not parse", () => {
    expectDecodeError("220#0a", 225, scannerData.name);
  });

  it("NEWS_PROVIDERS announcing more providers than it carries", () => {
    expectDecodeError("85|2|BRFG|Briefing.com|", 176, newsProviders.name);
  });

  it("NEWS_PROVIDERS with a non-numeric count", () => {
    expectDecodeError("85|two|BRFG|Briefing.com|DJNL|Dow Jones|", 193, newsProviders.name);
  });
});

describe("news and scanner requests: version refusals (the official client's 503)", () => {
  const article = { reqId: 7, providerCode: "BRFG", articleId: "BRFG$1", newsArticleOptions: undefined };
  const history = {
    reqId: 12,
    conId: 265598,
    providerCodes: "BRFG",
    startDateTime: "",
    endDateTime: "",
    totalResults: 10,
    historicalNewsOptions: undefined,
  };
  const subscription = { numberOfRows: 10, instrument: "STK", locationCode: "STK.US.MAJOR", scanCode: "HOT_BY_VOLUME" };

  it("news-service requests below the versions that brought them", () => {
    expect(() => encodeMessage(reqNewsProviders, {}, ServerVersion.REQ_NEWS_PROVIDERS - 1)).toThrow(ServerVersionError);
    expect(() => encodeMessage(reqNewsArticle, article, ServerVersion.REQ_NEWS_ARTICLE - 1)).toThrow(
      ServerVersionError,
    );
    expect(() => encodeMessage(reqHistoricalNews, history, ServerVersion.REQ_HISTORICAL_NEWS - 1)).toThrow(
      ServerVersionError,
    );
  });

  it("scanner filter options below MIN_SERVER_VER_SCANNER_GENERIC_OPTS, even an empty list", () => {
    const sv = ServerVersion.SCANNER_GENERIC_OPTS - 1;
    for (const scannerSubscriptionFilterOptions of [[], [{ tag: "priceAbove", value: "10" }]]) {
      const m = { reqId: 1, subscription, scannerSubscriptionOptions: undefined, scannerSubscriptionFilterOptions };
      expect(() => encodeMessage(reqScannerSubscription, m, sv)).toThrow(ServerVersionError);
    }
    const without = {
      reqId: 1,
      subscription,
      scannerSubscriptionOptions: undefined,
      scannerSubscriptionFilterOptions: undefined,
    };
    expect(payloadToNotation(encodeMessage(reqScannerSubscription, without, sv).subarray(4), sv)).toBe(
      "22|4|1|10|STK|STK.US.MAJOR|HOT_BY_VOLUME||||||||||||||0|||||",
    );
  });

  it("news options below MIN_SERVER_VER_NEWS_QUERY_ORIGINS (the official client drops them silently)", () => {
    const sv = ServerVersion.NEWS_QUERY_ORIGINS - 1;
    const newsArticleOptions = [{ tag: "a", value: "1" }];
    expect(() => encodeMessage(reqNewsArticle, { ...article, newsArticleOptions }, sv)).toThrow(ServerVersionError);
    const historicalNewsOptions = [{ tag: "a", value: "1" }];
    expect(() => encodeMessage(reqHistoricalNews, { ...history, historicalNewsOptions }, sv)).toThrow(
      ServerVersionError,
    );
  });
});

describe("news and scanner requests: protobuf option maps", () => {
  const hex = (frame: Buffer) => frame.subarray(4).toString("hex");

  // Expected bytes: the official client 10.46.01 (harness) for the same unsorted lists.
  it("are written sorted by tag, as the official runtime writes them", () => {
    const options = [
      { tag: "c", value: "1" },
      { tag: "a", value: "2" },
      { tag: "b", value: "3" },
    ];
    const m = { reqId: 1, providerCode: "B", articleId: "A", newsArticleOptions: options };
    expect(hex(encodeMessage(reqNewsArticle, m, 225))).toBe(
      "0000011c08011201421a014122060a016112013222060a016212013322060a0163120131",
    );
    const scan = {
      reqId: UNSET_INTEGER,
      subscription: {},
      scannerSubscriptionOptions: [
        { tag: "b", value: "1" },
        { tag: "a", value: "2" },
      ],
      scannerSubscriptionFilterOptions: undefined,
    };
    expect(hex(encodeMessage(reqScannerSubscription, scan, 225))).toBe(
      "000000de1212ba01060a0161120132ba01060a0162120131",
    );
  });
});

describe("gw1040 scanner_two", () => {
  it("the recorded scanner requests re-encode, through the adapter, to the official bytes", () => {
    const { records } = readRecording<{ leg: string; msg_name?: string; request?: Record<string, unknown> }>(
      "gw1040/scenarios/20260926/scanner_two.api.jsonl",
    );
    const requests = records.filter((r) => r.msg_name === "REQ_SCANNER_SUBSCRIPTION");
    expect(requests).toHaveLength(2);
    const adapt = requestAdapters.REQ_SCANNER_SUBSCRIPTION!;
    const frame = encodeMessage(reqScannerSubscription, adapt(requests[0]!.request!) as never, 214);
    // The official client's bytes for reqId 9005, 10 rows of STK / STK.US.MAJOR / TOP_PERC_GAIN.
    expect(payloadToNotation(frame.subarray(4), 214)).toBe(
      "222#08ad461224080a120353544b1a0c53544b2e55532e4d414a4f52220d544f505f504552435f4741494e",
    );
  });
});
