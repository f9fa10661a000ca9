import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ServerVersionError } from "../../src/protocol/errors.js";
import {
  configResponse,
  reqConfig,
  updateConfig,
  updateConfigResponse,
} from "../../src/protocol/messages/configuration/config.js";
import { decodeMessage, encodeMessage, MessageDecodeError, specRegistry } from "../../src/protocol/messages/index.js";
import type { TwsConfig, UpdateConfigResult } from "../../src/protocol/models/config.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { notationToPayload } from "../harness/notation.js";
import { renderCalls } from "../harness/render.js";
import { checkRoundTrip } from "../harness/roundtrip.js";

/**
 * REQ_CONFIG, CONFIG_RESPONSE, UPDATE_CONFIG and UPDATE_CONFIG_RESPONSE: protobuf only. Values hold only what
 * was on the wire (optional keys absent, no empty lists), which is what a decoded message looks like.
 */

const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const text = fc.string({ unit: "grapheme", maxLength: 8 });
const list = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: 1, maxLength: 3 });
const some = { requiredKeys: [] as never[] };

/** A record of optional fields, `bools` as booleans, `texts` as strings, `ints` as int32. */
function optionalFields(bools: string[], texts: string[] = [], ints: string[] = []) {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const k of bools) model[k] = fc.boolean();
  for (const k of texts) model[k] = text;
  for (const k of ints) model[k] = int32;
  return model;
}

const warning = fc.record({ messageId: int32, title: text, message: text }, some);

const apiSettings = fc.record(
  {
    ...optionalFields(
      [
        "readOnlyApi",
        "totalQuantityForMutualFunds",
        "downloadOpenOrdersOnConnection",
        "includeVirtualFxPositions",
        "prepareDailyPnL",
        "sendStatusUpdatesForVolatilityOrders",
        "useNegativeAutoRange",
        "createApiMessageLogFile",
        "includeMarketDataInLogFile",
        "exposeTradingScheduleToApi",
        "splitInsuredDepositFromCashBalance",
        "sendZeroPositionsForTodayOnly",
        "letApiAccountRequestsSwitchSubscription",
        "useAccountGroupsWithAllocationMethods",
        "showForexDataIn1_10Pips",
        "allowForexTradingIn1_10Pips",
        "roundAccountValuesToNearestWholeNumber",
        "sendMarketDataInLotsForUsStocks",
        "showAdvancedOrderRejectInUi",
        "rejectMessagesAboveMaxRate",
        "maintainConnectionOnIncorrectFields",
        "compatibilityModeNasdaqStocks",
        "sendForexDataInCompatibilityMode",
        "maintainAndResubmitOrdersOnReconnect",
        "autoReportNettingEventContractTrades",
        "allowLocalhostOnly",
      ],
      [
        "encodeApiMessages",
        "loggingLevel",
        "componentExchSeparator",
        "sendInstrumentTimezone",
        "optionExerciseRequestType",
      ],
      ["socketPort", "masterClientId", "bulkDataTimeout", "historicalDataMaxSize"],
    ),
    trustedIPs: list(text),
  },
  some,
);

const apiPrecautions = fc.record(
  optionalFields([
    "bypassOrderPrecautions",
    "bypassBondWarning",
    "bypassNegativeYieldConfirmation",
    "bypassCalledBondWarning",
    "bypassSameActionPairTradeWarning",
    "bypassFlaggedAccountsWarning",
    "bypassPriceBasedVolatilityWarning",
    "bypassRedirectOrderWarning",
    "bypassNoOverfillProtection",
    "bypassRouteMarketableToBBO",
  ]),
  some,
);

/** Every configuration section, each optional. */
const configSections = {
  lockAndExit: fc.record(optionalFields([], ["autoLogoffTime", "autoLogoffPeriod", "autoLogoffType"]), some),
  messages: list(fc.record({ ...optionalFields(["enabled"], ["title", "message", "defaultAction"], ["id"]) }, some)),
  api: fc.record({ precautions: apiPrecautions, settings: apiSettings }, some),
  orders: fc.record(
    {
      smartRouting: fc.record(
        optionalFields(["seekPriceImprovement", "preOpenReroute", "doNotRouteToDarkPools"], ["defaultAlgorithm"]),
        some,
      ),
    },
    some,
  ),
} as { [K in keyof Required<TwsConfig>]: fc.Arbitrary<Required<TwsConfig>[K]> };

const updateResult = {
  status: text,
  message: text,
  changedFields: list(text),
  errors: list(text),
  warnings: list(warning),
} as { [K in keyof Required<UpdateConfigResult>]: fc.Arbitrary<Required<UpdateConfigResult>[K]> };

describe("configuration: property round trips", () => {
  it("REQ_CONFIG", () => checkRoundTrip(reqConfig, () => fc.record({ reqId: int32 }, some)));
  it("CONFIG_RESPONSE", () =>
    checkRoundTrip(configResponse, () => fc.record({ reqId: int32, ...configSections }, some), { numRuns: 60 }));
  it("UPDATE_CONFIG", () =>
    checkRoundTrip(
      updateConfig,
      () =>
        fc.record(
          { reqId: int32, ...configSections, acceptedWarnings: list(warning), resetAPIOrderSequence: fc.boolean() },
          some,
        ),
      { numRuns: 60 },
    ));
  it("UPDATE_CONFIG_RESPONSE", () =>
    checkRoundTrip(updateConfigResponse, () => fc.record({ reqId: int32, ...updateResult }, some)));
});

describe("configuration: callbacks, refusals and bad input", () => {
  const decodeHost = (notation: string, sv: number) =>
    decodeMessage(specRegistry, "host", notationToPayload(notation, sv), sv);

  it("hands the sections and the result to our configResponse / updateConfigResponse callbacks", () => {
    const response = encodeMessage(configResponse, { reqId: 3, api: { settings: { readOnlyApi: true } } }, 225);
    const decoded = decodeMessage(specRegistry, "host", response.subarray(4), 225);
    expect(configResponse.callbacks(decoded.value as never, 225, "protobuf")).toEqual([
      ["configResponse", 3, { api: { settings: { readOnlyApi: true } } }],
    ]);
    // An absent reqId is NO_VALID_ID, as in every other reply.
    expect(renderCalls(updateConfigResponse.callbacks({ status: "FAIL", errors: ["x"] }, 225, "protobuf"))).toEqual([
      ["updateConfigResponse", -1, { status: "FAIL", errors: ["x"] }],
    ]);
  });

  it("keeps an explicitly false flag and an empty section (presence is part of the message)", () => {
    const value = { reqId: 1, api: {}, orders: { smartRouting: { preOpenReroute: false } } };
    const frame = encodeMessage(updateConfig, value, 225);
    expect(decodeMessage(specRegistry, "client", frame.subarray(4), 225).value).toEqual(value);
  });

  it("refuses REQ_CONFIG below 219 and UPDATE_CONFIG below 221 (the official client's 503)", () => {
    expect(() => encodeMessage(reqConfig, { reqId: 1 }, ServerVersion.CONFIG - 1)).toThrow(ServerVersionError);
    expect(() => encodeMessage(reqConfig, { reqId: 1 }, ServerVersion.CONFIG)).not.toThrow();
    expect(() => encodeMessage(updateConfig, { reqId: 1 }, ServerVersion.UPDATE_CONFIG - 1)).toThrow(
      ServerVersionError,
    );
    expect(() => encodeMessage(updateConfig, { reqId: 1 }, ServerVersion.UPDATE_CONFIG)).not.toThrow();
    // No text form at all, whatever the version.
    expect(() => encodeMessage(reqConfig, { reqId: 1 }, ServerVersion.CONFIG, undefined, "text")).toThrow();
  });

  it.each([
    ["CONFIG_RESPONSE", "310#0a"], // field 1 (reqId) announced, its value missing
    ["CONFIG_RESPONSE", "310#12050a03"], // lockAndExit longer than the body
    ["UPDATE_CONFIG_RESPONSE", "311#2a0a0a08"], // a warning cut short
    ["UPDATE_CONFIG_RESPONSE", "311#08"], // reqId without its varint
  ])("%s %s does not decode", (name, notation) => {
    let error: unknown;
    try {
      decodeHost(notation, 225);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MessageDecodeError);
    expect((error as MessageDecodeError).messageName).toBe(name);
  });

  it("refuses a text frame for a protobuf-only reply", () => {
    expect(() => decodeHost("110|1|", 225)).toThrow(MessageDecodeError);
  });
});
