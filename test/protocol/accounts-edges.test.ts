import { describe, expect, it } from "vitest";
import { ServerVersionError } from "../../src/protocol/errors.js";
import { commissionAndFeesReport } from "../../src/protocol/messages/accounts/commission.js";
import { reqExecutions } from "../../src/protocol/messages/accounts/execution-request.js";
import { executionData } from "../../src/protocol/messages/accounts/executions.js";
import { pnl } from "../../src/protocol/messages/accounts/pnl.js";
import {
  decodeMessage,
  encodeMessage,
  MessageDecodeError,
  type OutgoingSpec,
  specByName,
  specRegistry,
} from "../../src/protocol/messages/index.js";
import { ALL_ACCOUNT_SUMMARY_TAGS, ledgerTag } from "../../src/protocol/models/account.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { notationToPayload } from "../harness/notation.js";
import { renderCalls } from "../harness/render.js";
import { readRecording } from "../harness/shared.js";
import { recordedMessageNames, requestAdapters } from "../vectors/accounts.js";

const filter = { clientId: 0, acctCode: "", time: "", symbol: "", secType: "", exchange: "", side: "" };

describe("client-side version refusals (the official client's 503)", () => {
  const whole: [string, number, unknown][] = [
    ["REQ_POSITIONS", ServerVersion.POSITIONS, {}],
    ["CANCEL_POSITIONS", ServerVersion.POSITIONS, {}],
    ["REQ_POSITIONS_MULTI", ServerVersion.MODELS_SUPPORT, { reqId: 1, account: "DU1", modelCode: "" }],
    ["CANCEL_POSITIONS_MULTI", ServerVersion.MODELS_SUPPORT, { reqId: 1 }],
    [
      "REQ_ACCOUNT_UPDATES_MULTI",
      ServerVersion.MODELS_SUPPORT,
      { reqId: 1, account: "DU1", modelCode: "", ledgerAndNLV: false },
    ],
    ["CANCEL_ACCOUNT_UPDATES_MULTI", ServerVersion.MODELS_SUPPORT, { reqId: 1 }],
    ["REQ_PNL", ServerVersion.PNL, { reqId: 1, account: "DU1", modelCode: "" }],
    ["CANCEL_PNL", ServerVersion.PNL, { reqId: 1 }],
    ["REQ_PNL_SINGLE", ServerVersion.PNL, { reqId: 1, account: "DU1", modelCode: "", conid: 265598 }],
    ["CANCEL_PNL_SINGLE", ServerVersion.PNL, { reqId: 1 }],
  ];
  it.each(whole)("%s is refused below server version %i", (name, min, value) => {
    const spec = specByName("client", name) as OutgoingSpec;
    expect(() => encodeMessage(spec, value, min - 1)).toThrow(ServerVersionError);
    expect(() => encodeMessage(spec, value, min)).not.toThrow();
  });

  it("REQ_EXECUTIONS refuses lastNDays and any specificDates list below PARAMETRIZED_DAYS_OF_EXECUTIONS", () => {
    const below = ServerVersion.PARAMETRIZED_DAYS_OF_EXECUTIONS - 1;
    for (const execFilter of [
      { ...filter, lastNDays: 3 },
      { ...filter, specificDates: [20260928] },
      { ...filter, specificDates: [] },
    ]) {
      expect(() => encodeMessage(reqExecutions, { reqId: 1, execFilter }, below)).toThrow(ServerVersionError);
      expect(() =>
        encodeMessage(reqExecutions, { reqId: 1, execFilter }, ServerVersion.PARAMETRIZED_DAYS_OF_EXECUTIONS),
      ).not.toThrow();
    }
    expect(() => encodeMessage(reqExecutions, { reqId: 1, execFilter: filter }, below)).not.toThrow();
  });

  it("REQ_EXECUTIONS leaves reqId out below EXECUTION_DATA_CHAIN, as the official client does", () => {
    const frame = encodeMessage(
      reqExecutions,
      { reqId: 9, execFilter: filter },
      ServerVersion.EXECUTION_DATA_CHAIN - 1,
    );
    expect(frame.subarray(4).toString("latin1")).toBe("7\x003\x000\x00\x00\x00\x00\x00\x00\x00");
  });
});

describe("malformed replies throw MessageDecodeError naming the message", () => {
  const cases: [string, number, string][] = [
    // EXECUTION_DATA: the submitter is missing; then the permId is not a number.
    [
      "EXECUTION_DATA",
      200,
      "11|9010|15|265598|AAPL|STK||0.0|||MEMX|USD|AAPL|NMS|0000e0d5.6ab9ea82.01.01|20260928 05:04:56 US/Eastern|DUXXXXXXX|MEMX|BOT|1|340.52|1183455398|261|0|1|340.52|c0928||0.0||2|0|",
    ],
    [
      "EXECUTION_DATA",
      200,
      "11|9010|15|265598|AAPL|STK||0.0|||MEMX|USD|AAPL|NMS|0000e0d5.6ab9ea82.01.01|20260928 05:04:56 US/Eastern|DUXXXXXXX|MEMX|BOT|1|340.52|perm|261|0|1|340.52|c0928||0.0||2|0||",
    ],
    ["EXECUTION_DATA", 130, "11|10|9010|15|265598|AAPL|STK||0.0|||MEMX|USD|AAPL|NMS|"], // cut after the contract
    // PORTFOLIO_VALUE: accountName missing; then a marketPrice that is not a number.
    ["PORTFOLIO_VALUE", 176, "7|8|272093|MSFT|STK||0.0|||NASDAQ|USD|MSFT|NMS|-10|517.88|-5178.8|397.54|-1203.38|0.0|"],
    [
      "PORTFOLIO_VALUE",
      176,
      "7|8|272093|MSFT|STK||0.0|||NASDAQ|USD|MSFT|NMS|-10|n/a|-5178.8|397.54|-1203.38|0.0|DUXXXXXXX|",
    ],
    [
      "PORTFOLIO_VALUE",
      176,
      "7|8|272093|MSFT|STK||0.0|||NASDAQ|USD|MSFT|NMS|1.5.0|517.88|-5178.8|397.54|-1203.38|0.0|DU1|",
    ],
    // POSITION_DATA: avgCost missing; then a conId that is not a number.
    ["POSITION_DATA", 176, "61|3|DU1|265598|AAPL|STK||0.0|||NASDAQ|USD|AAPL|NMS|100|"],
    ["POSITION_DATA", 176, "61|3|DU1|AAPL|AAPL|STK||0.0|||NASDAQ|USD|AAPL|NMS|100|185.25|"],
    // COMMISSION_AND_FEES_REPORT: the yieldRedemptionDate missing; then a commission that is not a number.
    ["COMMISSION_AND_FEES_REPORT", 176, "59|1|e1|1.0|USD|0.0|0.0|"],
    ["COMMISSION_AND_FEES_REPORT", 176, "59|1|e1|one|USD|0.0|0.0|0|"],
    // Wrapper-style replies take exactly their fields, and a bare int() of the reqId (empty is an error there).
    ["ACCOUNT_SUMMARY", 176, "63|1|9002|DU1|NetLiquidation|100.0|USD|extra|"],
    ["ACCOUNT_SUMMARY_END", 176, "64|1||"],
    ["PNL", 176, "94|9003|1.5|x|2.5|"],
  ];
  it.each(cases)("%s sv%i %s", (name, sv, frame) => {
    const decode = () => decodeMessage(specRegistry, "host", notationToPayload(frame, sv), sv);
    expect(decode).toThrow(MessageDecodeError);
    try {
      decode();
    } catch (e) {
      expect((e as MessageDecodeError).messageName).toBe(name);
    }
  });

  it("a protobuf yieldRedemptionDate that is not an int", () => {
    // CommissionAndFeesReport { execId: "e1", yieldRedemptionDate: "2030-01-15" }
    const body = Buffer.concat([Buffer.from("0a026531", "hex"), Buffer.from([0x32, 10]), Buffer.from("2030-01-15")]);
    const payload = Buffer.concat([Buffer.from([0, 0, 1, 3]), body]);
    expect(() => decodeMessage(specRegistry, "host", payload, 225)).toThrow(/COMMISSION_AND_FEES_REPORT/);
  });
});

describe("what the official client hands on", () => {
  it("execDetails: a permId beyond 2^53 keeps every digit, text and protobuf", () => {
    const permId = 9007199254740993n;
    const value = {
      reqId: 1,
      contract: { conId: 1, symbol: "X", secType: "STK" },
      execution: { orderId: 2, execId: "e", permId, liquidation: 0 },
    };
    const pb = encodeMessage(executionData, value, 225);
    expect(decodeMessage(specRegistry, "host", pb.subarray(4), 225).value).toMatchObject({ execution: { permId } });
    const text = encodeMessage(executionData, value, 200, undefined, "text");
    expect(text.subarray(4).toString("latin1")).toContain("\x009007199254740993\x00");
  });

  it("execDetails: exercise type -1 and unknown codes are the default and left out", () => {
    for (const [code, kept] of [
      [-1, undefined],
      [7, undefined],
      [101, 101],
    ] as const) {
      const value = { reqId: 1, contract: { conId: 1 }, execution: { orderId: 2, optExerciseOrLapseType: code } };
      const calls = executionData.callbacks(value, 225, "protobuf");
      expect((calls[0]![3] as { optExerciseOrLapseType?: number }).optExerciseOrLapseType).toBe(kept);
    }
  });

  it("commissionAndFeesReport: protobuf defaults absent values, a max double is unset", () => {
    const calls = commissionAndFeesReport.callbacks({ execId: "e", realizedPNL: Number.MAX_VALUE }, 225, "protobuf");
    expect(calls).toEqual([
      [
        "commissionAndFeesReport",
        {
          execId: "e",
          commissionAndFees: 0,
          currency: "",
          realizedPNL: undefined,
          yield: 0,
          yieldRedemptionDate: 0,
        },
      ],
    ]);
  });

  it("pnl: before UNREALIZED_PNL / REALIZED_PNL the text form passes None (null)", () => {
    const m = { reqId: 1, dailyPnL: 2, unrealizedPnL: undefined, realizedPnL: undefined };
    expect(pnl.callbacks(m, ServerVersion.PNL, "text")).toEqual([["pnl", 1, 2, null, null]]);
    expect(renderCalls(pnl.callbacks(m, ServerVersion.REALIZED_PNL, "text"))).toEqual([["pnl", 1, 2, "MAX", "MAX"]]);
  });

  it("account summary tags are the official AllTags, and the $LEDGER forms", () => {
    expect(ALL_ACCOUNT_SUMMARY_TAGS.split(",")).toHaveLength(29);
    expect(ALL_ACCOUNT_SUMMARY_TAGS.startsWith("AccountType,NetLiquidation,")).toBe(true);
    expect([ledgerTag(), ledgerTag("ALL"), ledgerTag("USD")]).toEqual(["$LEDGER", "$LEDGER:ALL", "$LEDGER:USD"]);
  });
});

/**
 * Recorded gw1040 frames test/protocol/recordings.test.ts cannot pair with a spec yet: COMMISSION_REPORT is the
 * recordings' name for COMMISSION_AND_FEES_REPORT. (Its EXECUTION_DATA frames are paired there; their contract's
 * recorded `strike: 0.0` is a value our renderer treats as a default, so it is compared here without it.)
 */
describe("gw1040 recordings under their recorded names", () => {
  const files = ["orders_rth_order_types.jsonl", "orders_premarket_order_types.jsonl"];
  const records = files.flatMap((f) =>
    readRecording(`gw1040/codec/${f}`).records.filter(
      (r) => r.leg === "api_in" && r.raw_b64 && (r.msg_name === "COMMISSION_REPORT" || r.msg_name === "EXECUTION_DATA"),
    ),
  );

  it("has the recorded commission reports and fills", () => {
    expect(records.filter((r) => r.msg_name === "COMMISSION_REPORT")).toHaveLength(4);
    expect(records.filter((r) => r.msg_name === "EXECUTION_DATA")).toHaveLength(4);
  });

  it.each(records.map((r) => [`#${r.seq} ${r.msg_name}`, r] as const))("%s", (_, rec) => {
    const raw = Buffer.from(rec.raw_b64!, "base64");
    const d = decodeMessage(specRegistry, "host", raw, 214);
    expect(d.spec.name).toBe(recordedMessageNames[rec.msg_name!] ?? rec.msg_name);
    if (d.spec.direction !== "in") throw new Error("not a reply");
    const calls = renderCalls(d.spec.callbacks(d.value, 214, d.form));
    const want = JSON.parse(JSON.stringify(rec.callbacks)) as unknown[][];
    for (const call of want) {
      for (const arg of call) {
        if (arg && typeof arg === "object" && (arg as { strike?: number }).strike === 0) {
          delete (arg as { strike?: number }).strike;
        }
      }
    }
    expect(calls).toEqual(want);
    expect(encodeMessage(d.spec, d.value, 214, undefined, d.form).subarray(4).toString("hex")).toBe(
      raw.toString("hex"),
    );
  });
});

describe("requests of the decoded scenarios (account_updates, pnl, account_summary)", () => {
  const scenarios = [
    "scenarios/20260926/account_updates.api.jsonl",
    "scenarios/20260926/pnl.api.jsonl",
    "scenarios/20260926/account_summary.api.jsonl",
  ];
  const requests = scenarios.flatMap((s) =>
    readRecording(`gw1040/${s}`).records.filter((r) => r.leg === "api_out" && requestAdapters[r.msg_name ?? ""]),
  );

  it("finds them", () => expect(requests.length).toBeGreaterThanOrEqual(6));

  it.each(requests.map((r) => [`#${r.seq} ${r.msg_name}`, r] as const))("%s encodes and decodes back", (_, rec) => {
    const spec = specByName("client", rec.msg_name!) as OutgoingSpec;
    const value = requestAdapters[rec.msg_name!]!(rec.request ?? {});
    for (const sv of [176, 214]) {
      const frame = encodeMessage(spec, value, sv);
      expect(decodeMessage(specRegistry, "client", frame.subarray(4), sv).value).toEqual(value);
    }
  });
});
