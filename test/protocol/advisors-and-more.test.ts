import fc from "fast-check";
import { describe, it } from "vitest";
import {
  displayGroupList,
  displayGroupUpdated,
} from "../../src/protocol/messages/display-groups/display-group-replies.js";
import {
  queryDisplayGroups,
  subscribeToGroupEvents,
  unsubscribeFromGroupEvents,
  updateDisplayGroup,
} from "../../src/protocol/messages/display-groups/display-group-requests.js";
import { receiveFa, replaceFaEnd } from "../../src/protocol/messages/financial-advisor/fa-replies.js";
import { replaceFa, reqFa } from "../../src/protocol/messages/financial-advisor/fa-requests.js";
import {
  cancelFundamentalData,
  fundamentalData,
  reqFundamentalData,
} from "../../src/protocol/messages/fundamentals/fundamentals.js";
import type { WireForm } from "../../src/protocol/messages/index.js";
import {
  verifyAndAuthCompleted,
  verifyAndAuthMessageApi,
  verifyCompleted,
  verifyMessageApi,
} from "../../src/protocol/messages/verification/verify-replies.js";
import {
  verifyAndAuthMessage,
  verifyAndAuthRequest,
  verifyMessage,
  verifyRequest,
} from "../../src/protocol/messages/verification/verify-requests.js";
import { wshEventData, wshMetaData } from "../../src/protocol/messages/wall-street-horizon/wsh-replies.js";
import {
  cancelWshEventData,
  cancelWshMetaData,
  reqWshEventData,
  reqWshMetaData,
} from "../../src/protocol/messages/wall-street-horizon/wsh-requests.js";
import type { Contract, TagValue } from "../../src/protocol/models/contract.js";
import type { WshEventData } from "../../src/protocol/models/wsh.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { NO_VALID_ID, UNSET_INTEGER } from "../../src/protocol/values.js";
import { checkRoundTrip } from "../harness/roundtrip.js";

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** In text replies every field is present; in protobuf any may be absent. */
const field = <T>(arb: fc.Arbitrary<T>, form: WireForm) => (form === "text" ? arb : maybe(arb));
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
/** Ints that are not UNSET_INTEGER (which the text form writes as a literal and reads back as unset). */
const setInt32 = fc.integer({ min: -(2 ** 31), max: UNSET_INTEGER - 1 });
/** What a client may put in a request string: printable ASCII (the official client refuses the rest). */
const ascii = fc.string({ unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)), maxLength: 12 });
const nonEmptyAscii = ascii.filter((s) => s.length > 0);
/** Free text as TWS may send it (UTF-8 in both forms; never a NUL, which ends a text field). */
const text = fc.string({ unit: "grapheme", maxLength: 8 }).filter((s) => !s.includes("\0"));
const alnum = fc.stringMatching(/^[a-zA-Z0-9]{1,8}$/);

/** A non-empty option list or none; tags start with a letter, are unique and sorted (a protobuf map's order). */
const options: fc.Arbitrary<TagValue[] | undefined> = maybe(
  fc
    .uniqueArray(fc.record({ tag: fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}$/), value: alnum }), {
      selector: (t) => t.tag,
      minLength: 1,
      maxLength: 4,
    })
    .map((l) => [...l].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))),
);

describe("financial advisor: property round trips", () => {
  // Profiles (2) are refused from MIN_SERVER_VER_FA_PROFILE_DESUPPORT on.
  const faData = (sv: number) => (sv >= ServerVersion.FA_PROFILE_DESUPPORT ? int32.filter((n) => n !== 2) : int32);
  it("REQ_FA", () => checkRoundTrip(reqFa, (sv) => fc.record({ faData: faData(sv) })));
  it("REPLACE_FA", () =>
    // No reqId field below MIN_SERVER_VER_REPLACE_FA_END: such a request decodes with NO_VALID_ID.
    checkRoundTrip(replaceFa, (sv) =>
      fc.record({
        reqId: sv >= ServerVersion.REPLACE_FA_END ? int32 : fc.constant(NO_VALID_ID),
        faData: faData(sv),
        cxml: ascii,
      }),
    ));
  it("RECEIVE_FA", () =>
    checkRoundTrip(receiveFa, (_sv, form) => fc.record({ faData: field(int32, form), cxml: field(text, form) })));
  it("REPLACE_FA_END", () =>
    checkRoundTrip(replaceFaEnd, (_sv, form) => fc.record({ reqId: field(int32, form), text: field(text, form) })));
});

describe("Wall Street Horizon: property round trips", () => {
  it("REQ_WSH_META_DATA", () => checkRoundTrip(reqWshMetaData, () => fc.record({ reqId: int32 })));
  it("CANCEL_WSH_META_DATA", () => checkRoundTrip(cancelWshMetaData, () => fc.record({ reqId: int32 })));
  it("CANCEL_WSH_EVENT_DATA", () => checkRoundTrip(cancelWshEventData, () => fc.record({ reqId: int32 })));

  it("REQ_WSH_EVENT_DATA", () => {
    // Decoded requests carry every field; a field the version cannot carry holds its official default.
    const data = (sv: number, form: WireForm): fc.Arbitrary<WshEventData> => {
      const filters = form === "protobuf" || sv >= ServerVersion.WSH_EVENT_DATA_FILTERS;
      const dates = form === "protobuf" || sv >= ServerVersion.WSH_EVENT_DATA_FILTERS_DATE;
      const flag = filters ? fc.boolean() : fc.constant(false);
      return fc.record({
        conId: maybe(setInt32),
        filter: filters ? ascii : fc.constant(""),
        fillWatchlist: flag,
        fillPortfolio: flag,
        fillCompetitors: flag,
        startDate: dates ? ascii : fc.constant(""),
        endDate: dates ? ascii : fc.constant(""),
        totalLimit: dates ? maybe(setInt32) : fc.constant(undefined),
      });
    };
    checkRoundTrip(reqWshEventData, (sv, form) => fc.record({ reqId: int32, wshEventData: data(sv, form) }));
  });

  for (const spec of [wshMetaData, wshEventData]) {
    it(spec.name, () =>
      checkRoundTrip(spec, (_sv, form) => fc.record({ reqId: field(int32, form), dataJson: field(text, form) })),
    );
  }
});

describe("display groups: property round trips", () => {
  it("QUERY_DISPLAY_GROUPS", () => checkRoundTrip(queryDisplayGroups, () => fc.record({ reqId: int32 })));
  it("SUBSCRIBE_TO_GROUP_EVENTS", () =>
    checkRoundTrip(subscribeToGroupEvents, () => fc.record({ reqId: int32, groupId: int32 })));
  it("UPDATE_DISPLAY_GROUP", () =>
    checkRoundTrip(updateDisplayGroup, () => fc.record({ reqId: int32, contractInfo: ascii })));
  it("UNSUBSCRIBE_FROM_GROUP_EVENTS", () =>
    checkRoundTrip(unsubscribeFromGroupEvents, () => fc.record({ reqId: int32 })));
  it("DISPLAY_GROUP_LIST", () =>
    checkRoundTrip(displayGroupList, (_sv, form) =>
      fc.record({ reqId: field(int32, form), groups: field(text, form) }),
    ));
  it("DISPLAY_GROUP_UPDATED", () =>
    checkRoundTrip(displayGroupUpdated, (_sv, form) =>
      fc.record({ reqId: field(int32, form), contractInfo: field(text, form) }),
    ));
});

describe("verification: property round trips", () => {
  it("VERIFY_REQUEST", () => checkRoundTrip(verifyRequest, () => fc.record({ apiName: ascii, apiVersion: ascii })));
  it("VERIFY_MESSAGE", () => checkRoundTrip(verifyMessage, () => fc.record({ apiData: ascii })));
  it("VERIFY_AND_AUTH_REQUEST", () =>
    checkRoundTrip(verifyAndAuthRequest, () => fc.record({ apiName: ascii, apiVersion: ascii, opaqueIsvKey: ascii })));
  it("VERIFY_AND_AUTH_MESSAGE", () =>
    checkRoundTrip(verifyAndAuthMessage, () => fc.record({ apiData: ascii, xyzResponse: ascii })));
  it("VERIFY_MESSAGE_API", () =>
    checkRoundTrip(verifyMessageApi, (_sv, form) => fc.record({ apiData: field(text, form) })));
  it("VERIFY_COMPLETED", () =>
    // Text keeps isSuccessful as the text TWS wrote; protobuf carries a bool.
    checkRoundTrip(verifyCompleted, (_sv, form) =>
      fc.record({
        isSuccessful: form === "text" ? fc.oneof(fc.constantFrom("true", "false"), text) : maybe(fc.boolean()),
        errorText: field(text, form),
      }),
    ));
  it("VERIFY_AND_AUTH_MESSAGE_API", () =>
    checkRoundTrip(verifyAndAuthMessageApi, () => fc.record({ apiData: text, xyzChallange: text })));
  it("VERIFY_AND_AUTH_COMPLETED", () =>
    checkRoundTrip(verifyAndAuthCompleted, () =>
      fc.record({ isSuccessful: fc.oneof(fc.constantFrom("true", "false"), text), errorText: text }),
    ));
});

describe("fundamentals: property round trips", () => {
  /** The seven contract fields text REQ_FUNDAMENTAL_DATA carries, all present after decoding. */
  const textContract: fc.Arbitrary<Contract> = fc.record({
    conId: int32,
    symbol: ascii,
    secType: ascii,
    exchange: ascii,
    primaryExchange: ascii,
    currency: ascii,
    localSymbol: ascii,
  });
  /** A contract as `createContractProto` builds it (conId always; strings only when non-empty). */
  const protoContract: fc.Arbitrary<Contract> = fc.record(
    {
      conId: setInt32,
      symbol: nonEmptyAscii,
      secType: nonEmptyAscii,
      lastTradeDateOrContractMonth: nonEmptyAscii,
      exchange: nonEmptyAscii,
      primaryExchange: nonEmptyAscii,
      currency: nonEmptyAscii,
      localSymbol: nonEmptyAscii,
      tradingClass: nonEmptyAscii,
      secIdType: nonEmptyAscii,
      secId: nonEmptyAscii,
    },
    { requiredKeys: ["conId"] },
  );
  it("REQ_FUNDAMENTAL_DATA", () =>
    checkRoundTrip(reqFundamentalData, (sv, form) =>
      fc.record({
        reqId: int32,
        contract: form === "text" ? textContract : protoContract,
        reportType: ascii,
        fundamentalDataOptions: form === "text" && sv < ServerVersion.LINKING ? fc.constant(undefined) : options,
      }),
    ));
  it("CANCEL_FUNDAMENTAL_DATA", () => checkRoundTrip(cancelFundamentalData, () => fc.record({ reqId: int32 })));
  it("FUNDAMENTAL_DATA", () =>
    checkRoundTrip(fundamentalData, (_sv, form) => fc.record({ reqId: field(int32, form), data: field(text, form) })));
});
