import fc from "fast-check";
import { describe, it } from "vitest";
import { cancelContractData, reqContractData } from "../../src/protocol/messages/contracts/contract-requests.js";
import { deltaNeutralValidation } from "../../src/protocol/messages/contracts/delta-neutral-validation.js";
import {
  reqSecDefOptParams,
  securityDefinitionOptionParameter,
  securityDefinitionOptionParameterEnd,
} from "../../src/protocol/messages/contracts/option-chains.js";
import {
  familyCodes,
  reqFamilyCodes,
  reqSoftDollarTiers,
  softDollarTiers,
} from "../../src/protocol/messages/contracts/reference-data.js";
import { reqMatchingSymbols, symbolSamples } from "../../src/protocol/messages/contracts/symbol-samples.js";
import { ServerVersion as SV } from "../../src/protocol/server-versions.js";
import { UNSET_DOUBLE } from "../../src/protocol/values.js";
import { checkRoundTrip } from "../harness/roundtrip.js";

/** Property round trips of the contracts family; CONTRACT_DATA and BOND_CONTRACT_DATA: contracts-details-roundtrip. */

/** Request text: printable ASCII (the official client refuses anything else). */
const ascii = fc.string({ maxLength: 12 });
/** Reply text: any Unicode but NUL. */
const text = fc.string({ unit: "grapheme", maxLength: 8 }).filter((s) => !s.includes("\0"));
/** A protobuf string: never empty where a builder leaves empty strings out. */
const pbText = fc.string({ minLength: 1, maxLength: 8 });
/** int32 without UNSET_INTEGER. */
const int = fc.integer({ min: -2147483648, max: 2147483646 });
const double = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter((x) => x !== UNSET_DOUBLE && x !== -UNSET_DOUBLE && !Object.is(x, -0));
const multiplier = fc.integer({ min: 1, max: 10000 }).map(String);

/** Keeps the keys of `value` whose condition holds. */
function only<T extends object>(value: T, keep: Partial<Record<keyof T, boolean>>): T {
  const out = { ...value };
  for (const [k, ok] of Object.entries(keep)) if (!ok) delete (out as Record<string, unknown>)[k];
  return out;
}

// ---- requests

const textRequestContract = (sv: number) =>
  fc
    .record({
      conId: int,
      symbol: ascii,
      secType: ascii,
      lastTradeDateOrContractMonth: ascii,
      strike: fc.option(double, { nil: undefined }),
      right: ascii,
      multiplier: ascii,
      exchange: ascii,
      primaryExchange: ascii,
      currency: ascii,
      localSymbol: ascii,
      tradingClass: ascii,
      includeExpired: fc.boolean(),
      secIdType: ascii,
      secId: ascii,
      issuerId: ascii,
    })
    .map((c) => only(c, { issuerId: sv >= SV.BOND_ISSUERID }));

const protoRequestContract = fc.record(
  {
    conId: int,
    symbol: pbText,
    secType: pbText,
    lastTradeDateOrContractMonth: pbText,
    strike: double,
    right: pbText,
    multiplier,
    exchange: pbText,
    primaryExchange: pbText,
    currency: pbText,
    localSymbol: pbText,
    tradingClass: pbText,
    includeExpired: fc.constant(true),
    secIdType: pbText,
    secId: pbText,
    description: pbText,
    issuerId: pbText,
  },
  { requiredKeys: ["conId"] },
);

describe("contracts round trips: requests", () => {
  it("REQ_CONTRACT_DATA", () => {
    checkRoundTrip(reqContractData, (sv, form) =>
      fc.record({ reqId: int, contract: form === "text" ? textRequestContract(sv) : protoRequestContract }),
    );
  });
  it("CANCEL_CONTRACT_DATA", () => checkRoundTrip(cancelContractData, () => fc.record({ reqId: int })));
  it("REQ_MATCHING_SYMBOLS", () => {
    checkRoundTrip(reqMatchingSymbols, (_sv, form) =>
      fc.record({ reqId: int, pattern: form === "text" ? ascii : fc.string() }),
    );
  });
  it("REQ_SEC_DEF_OPT_PARAMS", () => {
    checkRoundTrip(reqSecDefOptParams, (_sv, form) => {
      const s = form === "text" ? ascii : fc.string();
      return fc.record({
        reqId: int,
        underlyingSymbol: s,
        futFopExchange: s,
        underlyingSecType: s,
        underlyingConId: int,
      });
    });
  });
  it("REQ_FAMILY_CODES", () => checkRoundTrip(reqFamilyCodes, () => fc.constant({})));
  it("REQ_SOFT_DOLLAR_TIERS", () => checkRoundTrip(reqSoftDollarTiers, () => fc.record({ reqId: int })));
});

/** A reply contract as protobuf carries it: any subset of the fields the mapping knows. */
const protoContract = fc.record(
  {
    conId: int,
    symbol: fc.string(),
    secType: fc.string(),
    lastTradeDateOrContractMonth: fc.string(),
    lastTradeDate: fc.string(),
    strike: double,
    right: fc.string(),
    multiplier,
    exchange: fc.string(),
    primaryExchange: fc.string(),
    currency: fc.string(),
    localSymbol: fc.string(),
    tradingClass: fc.string(),
    secIdType: fc.string(),
    secId: fc.string(),
    description: fc.string(),
    issuerId: fc.string(),
    includeExpired: fc.boolean(),
  },
  { requiredKeys: [] },
);

// ---- the other replies

describe("contracts round trips: symbol search, option chains, reference data", () => {
  it("SYMBOL_SAMPLES", () => {
    checkRoundTrip(symbolSamples, (sv, form) => {
      const contract =
        form === "protobuf"
          ? protoContract
          : fc
              .record({
                conId: int,
                symbol: text,
                secType: text,
                primaryExchange: text,
                currency: text,
                description: text,
                issuerId: text,
              })
              .map((c) => only(c, { description: sv >= SV.BOND_ISSUERID, issuerId: sv >= SV.BOND_ISSUERID }));
      const derivativeSecTypes = fc.array(form === "text" ? text : fc.string(), { maxLength: 3 });
      return fc.record({
        reqId: int,
        contractDescriptions: fc.array(fc.record({ contract, derivativeSecTypes }), { maxLength: 3 }),
      });
    });
  });
  it("SECURITY_DEFINITION_OPTION_PARAMETER", () => {
    checkRoundTrip(securityDefinitionOptionParameter, (_sv, form) => {
      const str = form === "text" ? text : fc.string();
      return fc.record({
        reqId: int,
        exchange: str,
        underlyingConId: int,
        tradingClass: str,
        multiplier: str,
        expirations: fc.array(str, { maxLength: 4 }),
        strikes: fc.array(double, { maxLength: 4 }),
      });
    });
  });
  it("SECURITY_DEFINITION_OPTION_PARAMETER_END", () => {
    checkRoundTrip(securityDefinitionOptionParameterEnd, () => fc.record({ reqId: int }));
  });
  it("FAMILY_CODES", () => {
    checkRoundTrip(familyCodes, (_sv, form) => {
      const str = form === "text" ? text : fc.string();
      return fc.record({ familyCodes: fc.array(fc.record({ accountID: str, familyCodeStr: str }), { maxLength: 3 }) });
    });
  });
  it("SOFT_DOLLAR_TIERS", () => {
    checkRoundTrip(softDollarTiers, (_sv, form) => {
      const str = form === "text" ? text : fc.string();
      const tier = fc.record({ name: str, value: str, displayName: str });
      return fc.record({ reqId: int, tiers: fc.array(tier, { maxLength: 3 }) });
    });
  });
  it("DELTA_NEUTRAL_VALIDATION", () => {
    checkRoundTrip(deltaNeutralValidation, () =>
      fc.record({ reqId: int, deltaNeutralContract: fc.record({ conId: int, delta: double, price: double }) }),
    );
  });
});
