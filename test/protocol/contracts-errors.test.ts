import { describe, expect, it } from "vitest";
import { ServerVersionError } from "../../src/protocol/errors.js";
import { bondContractData } from "../../src/protocol/messages/contracts/bond-contract-data.js";
import { contractData } from "../../src/protocol/messages/contracts/contract-data.js";
import { cancelContractData, reqContractData } from "../../src/protocol/messages/contracts/contract-requests.js";
import { reqSecDefOptParams } from "../../src/protocol/messages/contracts/option-chains.js";
import { reqFamilyCodes } from "../../src/protocol/messages/contracts/reference-data.js";
import { reqMatchingSymbols } from "../../src/protocol/messages/contracts/symbol-samples.js";
import {
  decodeMessage,
  encodeMessage,
  MessageDecodeError,
  type OutgoingSpec,
  specRegistry,
} from "../../src/protocol/messages/index.js";
import { ContractData } from "../../src/protocol/proto/index.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { notationToPayload } from "../harness/notation.js";

/** CONTRACT_DATA at sv 193 (no version field), compact AAPL. */
const CONTRACT_DATA_193 =
  "10|9001|AAPL|STK|||0.0||SMART|USD|AAPL|NMS|NMS|265598|0.01||LMT,MKT|SMART,NASDAQ|1|0|APPLE INC|NASDAQ||" +
  "Technology|Computers|Computers|US/Eastern|20251015:0400-20251015:2000|20251015:0930-20251015:1600||0|" +
  "1|ISIN|US0378331005|1|||26,26||COMMON|0.0001|0.0001|100|0|";
/** BOND_CONTRACT_DATA at sv 193. */
const BOND_193 =
  "18|9005|IBM|BOND|459200HU8|3.45|20260219|20160219|A3/A-|CORP|FIXED|0|1|0|IBM 3.45 02/19/26|SMART|USD|CORP||" +
  "230949810|0.001|DAY,LMT|SMART|20251119|Call|0|Make whole call|INTL BUSINESS MACHINES CORP|US/Eastern|" +
  "20251015:0400-20251015:2000|20251015:0930-20251015:1600||0|0|8|1035|1000|1000|1000|";

/** Replaces field `index` (0 = the message id) of a text notation. */
function withField(notation: string, index: number, value: string): string {
  const fields = notation.slice(0, -1).split("|");
  fields[index] = value;
  return `${fields.join("|")}|`;
}

/** Drops the last field of a text notation. */
function cut(notation: string): string {
  return `${notation.slice(0, -1).split("|").slice(0, -1).join("|")}|`;
}

function decodeError(notation: string, sv: number): MessageDecodeError {
  try {
    decodeMessage(specRegistry, "host", notationToPayload(notation, sv), sv);
  } catch (e) {
    if (e instanceof MessageDecodeError) return e;
    throw e;
  }
  throw new Error(`${notation} decoded`);
}

describe("contracts: malformed replies", () => {
  it("the sample frames decode", () => {
    expect(decodeMessage(specRegistry, "host", notationToPayload(CONTRACT_DATA_193, 193), 193).spec).toBe(contractData);
    expect(decodeMessage(specRegistry, "host", notationToPayload(BOND_193, 193), 193).spec).toBe(bondContractData);
  });

  it.each([
    ["CONTRACT_DATA", CONTRACT_DATA_193, 13],
    ["BOND_CONTRACT_DATA", BOND_193, 19],
  ])("%s: a missing field and a non-numeric conId are decode errors naming the message", (name, frame, conIdField) => {
    for (const bad of [cut(frame), withField(frame, conIdField, "AAPL")]) {
      const e = decodeError(bad, 193);
      expect(e.messageName).toBe(name);
      expect(e.message).toContain(name);
    }
  });

  it("CONTRACT_DATA: a non-numeric count and a non-decimal size are decode errors", () => {
    expect(decodeError(withField(CONTRACT_DATA_193, 31, "one"), 193).messageName).toBe("CONTRACT_DATA");
    expect(decodeError(withField(CONTRACT_DATA_193, 40, "abc"), 193).messageName).toBe("CONTRACT_DATA");
  });

  it("CONTRACT_DATA: an evMultiplier written as a double is refused, as the official int() does", () => {
    expect(decodeError(withField(CONTRACT_DATA_193, 30, "1.0"), 193).messageName).toBe("CONTRACT_DATA");
  });

  it("CONTRACT_DATA: a malformed unicode escape in longName is a decode error from ENCODE_MSG_ASCII7 on", () => {
    expect(decodeError(withField(CONTRACT_DATA_193, 20, "APPLE\\x4"), 193).messageName).toBe("CONTRACT_DATA");
    const at152 =
      "10|8|9001|AAPL|STK||0.0||SMART|USD|AAPL|NMS|NMS|265598|0.01|1||LMT,MKT|SMART|1|0|APPLE\\x4|NASDAQ||" +
      "Technology|Computers|Computers|US/Eastern||||0|0|1|||26||COMMON|";
    const d = decodeMessage(specRegistry, "host", notationToPayload(at152, 152), 152);
    expect(d.value).toMatchObject({ contractDetails: { longName: "APPLE\\x4" } });
  });

  it("CONTRACT_DATA protobuf: a minTick or minSize that is no number is a decode error", () => {
    for (const details of [{ minTick: "0.0x" }, { minSize: "many" }]) {
      const body = ContractData.encode({ reqId: 1, contract: { conId: 1 }, contractDetails: details }).finish();
      const frame = `210#${Buffer.from(body).toString("hex")}`;
      expect(decodeError(frame, 225).messageName).toBe("CONTRACT_DATA");
    }
  });

  it("CONTRACT_DATA_END: an empty reqId is an error (the decoder's int() of a wrapper-style field)", () => {
    expect(decodeError("52|1||", 176).messageName).toBe("CONTRACT_DATA_END");
  });

  it("SYMBOL_SAMPLES and SECURITY_DEFINITION_OPTION_PARAMETER: bad counts and numbers", () => {
    expect(decodeError("79|9101|2|265598|AAPL|STK|NASDAQ|USD|0|APPLE INC||", 176).messageName).toBe("SYMBOL_SAMPLES");
    expect(decodeError("75|9201|SMART|265598|AAPL|100|1|20251017|1|two|", 176).messageName).toBe(
      "SECURITY_DEFINITION_OPTION_PARAMETER",
    );
  });
});

describe("contracts: the official client's refusals (503)", () => {
  const aapl = { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
  it.each([
    ["issuerId", { issuerId: "e1359061" }, ServerVersion.BOND_ISSUERID],
    ["primaryExchange", { primaryExchange: "NASDAQ" }, ServerVersion.LINKING],
    ["tradingClass", { tradingClass: "NMS" }, ServerVersion.TRADING_CLASS],
    ["secIdType/secId", { secIdType: "ISIN", secId: "US0378331005" }, ServerVersion.SEC_ID_TYPE],
  ])("REQ_CONTRACT_DATA with %s below its version", (_, extra, min) => {
    const value = { reqId: 1, contract: { ...aapl, ...extra } };
    expect(() => encodeMessage(reqContractData, value, min - 1)).toThrow(ServerVersionError);
    expect(() => encodeMessage(reqContractData, value, min)).not.toThrow();
  });

  const secDef = {
    reqId: 1,
    underlyingSymbol: "AAPL",
    futFopExchange: "",
    underlyingSecType: "STK",
    underlyingConId: 1,
  };
  it.each([
    [reqSecDefOptParams.name, reqSecDefOptParams, secDef],
    [reqFamilyCodes.name, reqFamilyCodes, {}],
    [reqMatchingSymbols.name, reqMatchingSymbols, { reqId: 1, pattern: "AAP" }],
    [cancelContractData.name, cancelContractData, { reqId: 1 }],
  ] as [string, OutgoingSpec, unknown][])("%s below its version", (_, spec, value) => {
    const min = spec.minServerVersion!;
    expect(() => encodeMessage(spec, value, min - 1)).toThrow(ServerVersionError);
    expect(() => encodeMessage(spec, value, min)).not.toThrow();
  });
});

describe("REQ_CONTRACT_DATA at server versions 70-74 (LINKING..PRIMARYEXCH)", () => {
  const hex = (sv: number, contract: object) =>
    encodeMessage(reqContractData, { reqId: 9001, contract }, sv).subarray(4).toString("hex");
  const aapl = { symbol: "AAPL", secType: "STK", currency: "USD" };

  it("joins SMART or BEST with primaryExchange and drops primaryExchange for other exchanges (official bytes)", () => {
    expect(hex(72, { ...aapl, exchange: "SMART", primaryExchange: "NASDAQ" })).toBe(
      notationToPayload("9|8|9001|0|AAPL|STK|||||SMART:NASDAQ|USD|||0|||", 72).toString("hex"),
    );
    expect(hex(72, { ...aapl, exchange: "ISLAND", primaryExchange: "NASDAQ" })).toBe(
      notationToPayload("9|8|9001|0|AAPL|STK|||||ISLAND|USD|||0|||", 72).toString("hex"),
    );
  });

  it("reads the joined field back as exchange and primaryExchange", () => {
    const d = decodeMessage(
      specRegistry,
      "client",
      notationToPayload("9|8|1|0|IBM|STK|||||BEST:NYSE|USD|||0|||", 74),
      74,
    );
    expect(d.value).toMatchObject({ contract: { exchange: "BEST", primaryExchange: "NYSE" } });
  });
});
