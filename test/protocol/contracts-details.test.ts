import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ProtocolError } from "../../src/protocol/errors.js";
import { contractData } from "../../src/protocol/messages/contracts/contract-data.js";
import { officialBondDetails, splitLastTradeDate } from "../../src/protocol/messages/contracts/official-details.js";
import { decodeUnicodeEscape, encodeUnicodeEscape } from "../../src/protocol/messages/contracts/unicode-escape.js";
import { decodeMessage, encodeMessage, specRegistry } from "../../src/protocol/messages/index.js";
import type { ContractDetails } from "../../src/protocol/models/contract-details.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { notationToPayload } from "../harness/notation.js";

describe("the expiry split of readLastTradeDate", () => {
  it.each([
    ["20251017 16:00 US/Eastern", ["20251017", "16:00", "US/Eastern"]],
    ["20251120-13:30", ["20251120", "13:30"]],
    ["20251017", ["20251017"]],
    ["  20251017\t 16:00 ", ["20251017", "16:00"]],
    ["", []],
    ["   ", []],
    ["20251017-", ["20251017", ""]],
  ])("%j", (field, parts) => {
    expect(splitLastTradeDate(field)).toEqual(parts);
  });

  it("a bond's zone comes from the expiry field only until BOND_TRADING_HOURS brings its own field", () => {
    const d: ContractDetails = {
      contract: {},
      maturity: "20260219 16:00:00 America/New_York",
      timeZoneId: "US/Eastern",
    };
    expect(officialBondDetails(d, ServerVersion.BOND_TRADING_HOURS, "text")).toMatchObject({
      maturity: "20260219",
      lastTradeTime: "16:00:00",
      timeZoneId: "US/Eastern",
    });
    const { timeZoneId: _, ...older } = d;
    expect(officialBondDetails(older, ServerVersion.BOND_TRADING_HOURS - 1, "text").timeZoneId).toBe(
      "America/New_York",
    );
    // protobuf: the split zone overrides the timeZoneId field, and the contract keeps the field as sent
    const pb: ContractDetails = { contract: { lastTradeDateOrContractMonth: d.maturity }, timeZoneId: "US/Eastern" };
    expect(officialBondDetails(pb, 225, "protobuf")).toMatchObject({
      contract: { lastTradeDateOrContractMonth: "20260219 16:00:00 America/New_York" },
      maturity: "20260219",
      timeZoneId: "America/New_York",
    });
  });
});

describe("unicode-escape (longName from ENCODE_MSG_ASCII7)", () => {
  it.each([
    ["Soci\\u00e9t\\u00e9 G\\u00e9n\\u00e9rale", "Société Générale"],
    ["\\x41\\101\\U0001F600\\t\\\\", "AA😀\t\\"],
    ["Société", "SociÃ©tÃ©"],
    ["a\\qb", "a\\qb"],
  ])("decodes %j as Python does", (escaped, decoded) => {
    expect(decodeUnicodeEscape(escaped)).toBe(decoded);
  });

  it.each(["abc\\", "\\x4", "\\u12", "\\U00110000", "\\N{LATIN SMALL LETTER E}"])("refuses %j", (bad) => {
    expect(() => decodeUnicodeEscape(bad)).toThrow(ProtocolError);
  });

  it("encodes any text so that it decodes back", () => {
    const codePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));
    const unit = fc.oneof(codePoint, fc.constantFrom("\\", "\\u", "\n", "\0", "é"), fc.string({ maxLength: 1 }));
    const text = fc.array(unit, { maxLength: 16 }).map((units) => units.join(""));
    fc.assert(fc.property(text, (s) => decodeUnicodeEscape(encodeUnicodeEscape(s)) === s));
  });
});

describe("CONTRACT_DATA text values", () => {
  // sv 193 with aggGroup, priceMagnifier and minTick at their unset sentinels
  const frame =
    "10|1|EUR|CASH|||0.0||IDEALPRO|USD|EUR.USD|EUR.USD|EUR.USD|12087792|1.7976931348623157E308||LMT|IDEALPRO|" +
    "2147483647|0|European Monetary Union Euro||||||||||0|0|2147483647||||||1|1|1|0|";

  it("reads the unset sentinels of ints and doubles as undefined and writes them back", () => {
    const payload = notationToPayload(frame, 193);
    const d = decodeMessage(specRegistry, "host", payload, 193);
    expect(d.value).toMatchObject({ contractDetails: { contract: { conId: 12087792 } } });
    const details = (d.value as { contractDetails: ContractDetails }).contractDetails;
    expect([details.minTick, details.priceMagnifier, details.aggGroup]).toEqual([undefined, undefined, undefined]);
    const again = encodeMessage(contractData, d.value as never, 193).subarray(4);
    expect(again.toString("hex")).toBe(
      notationToPayload(frame.replace("1.7976931348623157E308", "1.7976931348623157e+308"), 193).toString("hex"),
    );
  });

  it("keeps the expiry field and longName as sent; the callback gets them as the official decoder makes them", () => {
    const value = {
      reqId: 1,
      contractDetails: {
        contract: { symbol: "GLE", lastTradeDateOrContractMonth: "20251017 16:00 Europe/Paris" },
        longName: "Soci\\u00e9t\\u00e9 G\\u00e9n\\u00e9rale",
      },
    };
    const [[name, reqId, details]] = contractData.callbacks(value, 193, "text") as [[string, number, ContractDetails]];
    expect([name, reqId]).toEqual(["contractDetails", 1]);
    expect(details).toMatchObject({
      contract: { lastTradeDateOrContractMonth: "20251017" },
      lastTradeTime: "16:00",
      longName: "Société Générale",
    });
    expect(value.contractDetails.contract.lastTradeDateOrContractMonth).toBe("20251017 16:00 Europe/Paris");
    // protobuf longName is not escaped, and neither is text before ENCODE_MSG_ASCII7
    const pb = contractData.callbacks(value, 225, "protobuf")[0]![2] as ContractDetails;
    expect(pb.longName).toBe(value.contractDetails.longName);
    const old = contractData.callbacks(value, ServerVersion.ENCODE_MSG_ASCII7 - 1, "text")[0]![2] as ContractDetails;
    expect(old.longName).toBe(value.contractDetails.longName);
  });

  it("protobuf: the callback's contract lacks secIdType, secId and includeExpired, as decodeContract skips them", () => {
    const value = {
      reqId: 1,
      contractDetails: {
        contract: { conId: 1, secIdType: "ISIN", secId: "X", includeExpired: true },
        settlementMethod: "Cash",
      },
    };
    const details = contractData.callbacks(value, 225, "protobuf")[0]![2] as ContractDetails;
    expect(details.contract).toEqual({ conId: 1 });
    expect(details.settlementMethod).toBe("Cash");
  });

  it("a protobuf frame without its details makes no callback", () => {
    expect(contractData.callbacks({ reqId: 1, contractDetails: undefined }, 225, "protobuf")).toEqual([]);
  });
});
