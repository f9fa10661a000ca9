import { describe, expect, it } from "vitest";
import { ServerVersionError } from "../../src/protocol/errors.js";
import { reqHistoricalData } from "../../src/protocol/messages/historical/bars-request.js";
import { cancelHeadTimestamp, reqHeadTimestamp } from "../../src/protocol/messages/historical/head-timestamp.js";
import { cancelHistogramData, reqHistogramData } from "../../src/protocol/messages/historical/histogram.js";
import { cancelHistoricalTicks, reqHistoricalTicks } from "../../src/protocol/messages/historical/ticks-request.js";
import {
  decodeMessage,
  encodeMessage,
  MessageDecodeError,
  type OutgoingSpec,
  specRegistry,
} from "../../src/protocol/messages/index.js";
import type { Contract } from "../../src/protocol/models/contract.js";
import { HistoricalTicksLast } from "../../src/protocol/proto/index.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { notationToPayload } from "../harness/notation.js";

const aapl: Contract = { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
const bars = {
  reqId: 1,
  contract: aapl,
  endDateTime: "",
  durationStr: "1 D",
  barSizeSetting: "1 hour",
  whatToShow: "TRADES",
  useRTH: 1,
  formatDate: 1,
  keepUpToDate: false,
  chartOptions: [],
};
const ticks = {
  reqId: 1,
  contract: aapl,
  startDateTime: "20240102 09:30:00",
  endDateTime: "",
  numberOfTicks: 10,
  whatToShow: "TRADES",
  useRth: 1,
  ignoreSize: false,
  miscOptions: [],
};

describe("client-side version refusals (the official client's 503)", () => {
  const whole: [OutgoingSpec, number, unknown][] = [
    [
      reqHeadTimestamp,
      ServerVersion.REQ_HEAD_TIMESTAMP,
      { reqId: 1, contract: aapl, whatToShow: "TRADES", useRTH: 1, formatDate: 1 },
    ],
    [cancelHeadTimestamp, ServerVersion.CANCEL_HEADTIMESTAMP, { reqId: 1 }],
    [
      reqHistogramData,
      ServerVersion.REQ_HISTOGRAM,
      { tickerId: 1, contract: aapl, useRTH: true, timePeriod: "3 days" },
    ],
    [cancelHistogramData, ServerVersion.REQ_HISTOGRAM, { tickerId: 1 }],
    [reqHistoricalTicks, ServerVersion.HISTORICAL_TICKS, ticks],
    [cancelHistoricalTicks, ServerVersion.CANCEL_CONTRACT_DATA, { reqId: 1 }],
  ];
  it.each(whole.map(([spec, min, value]) => [spec.name, min, spec, value] as const))(
    "%s below %i",
    (_, min, spec, value) => {
      expect(() => encodeMessage(spec, value, min - 1)).toThrow(ServerVersionError);
      expect(() => encodeMessage(spec, value, min)).not.toThrow();
    },
  );

  const fields: [string, number, object][] = [
    ["whatToShow SCHEDULE", ServerVersion.HISTORICAL_SCHEDULE, { whatToShow: "SCHEDULE" }],
    ["a conId", ServerVersion.TRADING_CLASS, { contract: { ...aapl, conId: 265598 } }],
    ["a tradingClass", ServerVersion.TRADING_CLASS, { contract: { ...aapl, tradingClass: "NMS" } }],
    // The official client drops these two silently; a field the version cannot carry is refused here.
    ["keepUpToDate", ServerVersion.SYNT_REALTIME_BARS, { keepUpToDate: true }],
    ["chartOptions", ServerVersion.LINKING, { chartOptions: [{ tag: "a", value: "b" }] }],
  ];
  it.each(fields)("REQ_HISTORICAL_DATA with %s below %i", (_, min, change) => {
    const value = { ...bars, ...change };
    expect(() => encodeMessage(reqHistoricalData, value, min - 1)).toThrow(ServerVersionError);
    expect(() => encodeMessage(reqHistoricalData, value, min)).not.toThrow();
  });
});

describe("malformed replies", () => {
  const bar = "20240102|187.15|188.44|186.81|187.72|4162000|187.6125";
  const bad: [name: string, sv: number, frame: string][] = [
    ["HISTORICAL_DATA", 176, `17|9540|s|e|1|${bar}|`], // no barCount
    ["HISTORICAL_DATA", 176, `17|9540|s|e|2|${bar}|21000|`], // one bar short
    ["HISTORICAL_DATA", 196, `17|9540|1|20240102|187.15|high|186.81|187.72|4162000|187.6125|21000|`],
    ["HISTORICAL_DATA", 196, `17|9540|1|${bar}|21000.5|`],
    ["HISTORICAL_DATA", 123, `17|3|9540|s|e|1|${bar}|21000|`], // no hasGaps
    ["HISTORICAL_DATA", 196, `17|9540|one|`],
    ["HISTORICAL_DATA_UPDATE", 176, "90|9540|8|20240102|187.1|187.3|187.45|186.9|187.2|"],
    ["HISTORICAL_DATA_UPDATE", 176, "90|9540|8|20240102|187.1|187.3|187.45|186.9|wap|1200|"],
    ["HISTORICAL_TICKS_LAST", 176, "98|9702|1|1704205800|0|187.5|100|NASDAQ||"], // no done
    ["HISTORICAL_TICKS_LAST", 176, "98|9702|1|1704205800|0|187.5|100|NASDAQ|"],
    ["HISTORICAL_TICKS_LAST", 176, "98|9702|1|1704205800|mask|187.5|100|NASDAQ||1|"],
    ["HISTORICAL_TICKS_LAST", 176, "98|9702|1|1704205800|0|187.5|1x|NASDAQ||1|"],
    ["HISTORICAL_TICKS_BID_ASK", 176, "97|9701|1|1704205800|0|187.49|187.51|300|1|"],
    ["HISTORICAL_SCHEDULE", 176, "106|9540|s|e|US/Eastern|2|a|b|c|"],
  ];
  it.each(bad)("%s sv%i %s throws MessageDecodeError naming it", (name, sv, frame) => {
    const decode = () => decodeMessage(specRegistry, "host", notationToPayload(frame, sv), sv);
    expect(decode).toThrow(MessageDecodeError);
    expect(decode).toThrow(name);
    try {
      decode();
    } catch (e) {
      expect((e as MessageDecodeError).messageName).toBe(name);
    }
  });

  it("refuses a protobuf tick time beyond 2^53 rather than rounding it", () => {
    const body = HistoricalTicksLast.encode({ reqId: 1, historicalTicksLast: [{ time: 2n ** 60n }] }).finish();
    const frame = `298#${Buffer.from(body).toString("hex")}`;
    expect(() => decodeMessage(specRegistry, "host", notationToPayload(frame, 214), 214)).toThrow(
      /HISTORICAL_TICKS_LAST/,
    );
  });
});
