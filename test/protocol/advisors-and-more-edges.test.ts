import { describe, expect, it } from "vitest";
import { ServerVersionError } from "../../src/protocol/errors.js";
import {
  queryDisplayGroups,
  subscribeToGroupEvents,
  unsubscribeFromGroupEvents,
  updateDisplayGroup,
} from "../../src/protocol/messages/display-groups/display-group-requests.js";
import {
  FA_PROFILE_NOT_SUPPORTED_CODE,
  FaDataType,
  FaProfileNotSupportedError,
  replaceFa,
  reqFa,
} from "../../src/protocol/messages/financial-advisor/fa-requests.js";
import { cancelFundamentalData, reqFundamentalData } from "../../src/protocol/messages/fundamentals/fundamentals.js";
import {
  decodeMessage,
  encodeMessage,
  MessageDecodeError,
  type OutgoingSpec,
  type Sender,
  specRegistry,
} from "../../src/protocol/messages/index.js";
import {
  verifyAndAuthMessage,
  verifyAndAuthRequest,
  verifyMessage,
  verifyRequest,
} from "../../src/protocol/messages/verification/verify-requests.js";
import {
  cancelWshEventData,
  cancelWshMetaData,
  reqWshEventData,
  reqWshMetaData,
} from "../../src/protocol/messages/wall-street-horizon/wsh-requests.js";
import { ServerVersion as SV } from "../../src/protocol/server-versions.js";
import { notationToPayload } from "../harness/notation.js";

function expectDecodeError(sender: Sender, notation: string, sv: number, name: string): void {
  let error: unknown;
  try {
    decodeMessage(specRegistry, sender, notationToPayload(notation, sv), sv);
  } catch (e) {
    error = e;
  }
  expect(error, notation).toBeInstanceOf(MessageDecodeError);
  expect((error as MessageDecodeError).messageName).toBe(name);
  expect((error as Error).message).toContain(name);
}

describe("replies: bad input", () => {
  // The official Python client drops a wrapper-style reply whose field count is off (and dies on a short
  // processed one or a non-integer int); we report every such frame as a MessageDecodeError naming the message.
  it.each([
    ["RECEIVE_FA", "16|1|1|"],
    ["REPLACE_FA_END", "103|9|"],
    ["WSH_META_DATA", "104|1100|"],
    ["WSH_EVENT_DATA", "105|"],
    ["DISPLAY_GROUP_LIST", "67|1|1200|"],
    ["DISPLAY_GROUP_UPDATED", "68|1|"],
    ["VERIFY_MESSAGE_API", "65|1|"],
    ["VERIFY_COMPLETED", "66|1|true|"],
    ["VERIFY_AND_AUTH_MESSAGE_API", "69|1|data|"],
    ["VERIFY_AND_AUTH_COMPLETED", "70|1|"],
    ["FUNDAMENTAL_DATA", "51|1|1400|"],
  ])("%s with a missing field (%s)", (name, notation) => {
    expectDecodeError("host", notation, 176, name);
    expectDecodeError("host", notation, 193, name);
  });

  it.each([
    ["RECEIVE_FA", "16|1|groups|<ListOfGroups/>|"],
    ["RECEIVE_FA", "16|1||<ListOfGroups/>|"], // wrapper-style ints have no "empty is 0" rule
    ["REPLACE_FA_END", "103|nine|FA groups replaced|"],
    ["WSH_META_DATA", "104|1.5|{}|"],
    ["WSH_EVENT_DATA", "105|x1101|[]|"],
    ["DISPLAY_GROUP_LIST", "67|1|req|4|"],
    ["DISPLAY_GROUP_UPDATED", "68|1|1e3|none|"],
    ["FUNDAMENTAL_DATA", "51|1|abc|<xml/>|"],
  ])("%s with a non-numeric number (%s)", (name, notation) => {
    expectDecodeError("host", notation, 176, name);
  });

  it.each([
    ["RECEIVE_FA", "16|1|1|<a/>|extra|"],
    ["VERIFY_COMPLETED", "66|1|true||extra|"],
  ])("%s with a field too many (%s)", (name, notation) => {
    expectDecodeError("host", notation, 176, name);
  });

  it.each([
    ["RECEIVE_FA", "216#08"],
    ["REPLACE_FA_END", "303#1205414243"],
    ["WSH_EVENT_DATA", "305#12"],
    ["VERIFY_COMPLETED", "266#08"],
    ["FUNDAMENTAL_DATA", "251#0af80a"],
  ])("%s as a protobuf body that does not parse (%s)", (name, notation) => {
    expectDecodeError("host", notation, 225, name);
  });
});

describe("requests: bad input (host side)", () => {
  it("REQ_WSH_EVENT_DATA cut short or with a non-numeric conId", () => {
    expectDecodeError("client", "102|1101|8314||0|0|0|||", 176, "REQ_WSH_EVENT_DATA");
    expectDecodeError("client", "102|1101|IBM||0|0|0|||2147483647|", 176, "REQ_WSH_EVENT_DATA");
  });

  it("REQ_FUNDAMENTAL_DATA whose option count does not match its pairs", () => {
    expectDecodeError("client", "52|2|1|8314|IBM|STK|SMART|NYSE|USD||RESC|1|a=b;c=d;|", 176, "REQ_FUNDAMENTAL_DATA");
  });
});

describe("version refusals (the official client's 503)", () => {
  const whole: [OutgoingSpec, number, unknown][] = [
    [reqWshMetaData, SV.WSHE_CALENDAR, { reqId: 1 }],
    [cancelWshMetaData, SV.WSHE_CALENDAR, { reqId: 1 }],
    [reqWshEventData, SV.WSHE_CALENDAR, { reqId: 1, wshEventData: { conId: 8314 } }],
    [cancelWshEventData, SV.WSHE_CALENDAR, { reqId: 1 }],
    [queryDisplayGroups, SV.LINKING, { reqId: 1 }],
    [subscribeToGroupEvents, SV.LINKING, { reqId: 1, groupId: 1 }],
    [updateDisplayGroup, SV.LINKING, { reqId: 1, contractInfo: "none" }],
    [unsubscribeFromGroupEvents, SV.LINKING, { reqId: 1 }],
    [verifyRequest, SV.LINKING, { apiName: "a", apiVersion: "1" }],
    [verifyMessage, SV.LINKING, { apiData: "d" }],
    [verifyAndAuthRequest, SV.LINKING, { apiName: "a", apiVersion: "1", opaqueIsvKey: "k" }],
    [verifyAndAuthMessage, SV.LINKING, { apiData: "d", xyzResponse: "r" }],
    // Below TRADING_CLASS the official client refuses the whole request ("conId parameter").
    [reqFundamentalData, SV.TRADING_CLASS, { reqId: 1, contract: { symbol: "IBM" }, reportType: "RESC" }],
    [cancelFundamentalData, SV.FUNDAMENTAL_DATA, { reqId: 1 }],
  ];
  it.each(whole.map(([spec, min, value]) => [spec.name, min, spec, value] as const))(
    "%s below %i",
    (_, min, spec, value) => {
      expect(() => encodeMessage(spec, value, min - 1)).toThrow(ServerVersionError);
      expect(() => encodeMessage(spec, value, min)).not.toThrow();
    },
  );

  const wsh = (d: object) => ({ reqId: 1, wshEventData: { conId: 8314, ...d } });
  it.each([
    ["filter", SV.WSH_EVENT_DATA_FILTERS, { filter: '{"watchlist":["8314"]}' }],
    ["fillWatchlist", SV.WSH_EVENT_DATA_FILTERS, { fillWatchlist: true }],
    ["fillPortfolio", SV.WSH_EVENT_DATA_FILTERS, { fillPortfolio: true }],
    ["fillCompetitors", SV.WSH_EVENT_DATA_FILTERS, { fillCompetitors: true }],
    ["startDate", SV.WSH_EVENT_DATA_FILTERS_DATE, { startDate: "20260101" }],
    ["endDate", SV.WSH_EVENT_DATA_FILTERS_DATE, { endDate: "20261231" }],
    ["totalLimit", SV.WSH_EVENT_DATA_FILTERS_DATE, { totalLimit: 10 }],
  ])("REQ_WSH_EVENT_DATA with %s below %i", (_, min, d) => {
    expect(() => encodeMessage(reqWshEventData, wsh(d), min - 1)).toThrow(ServerVersionError);
    expect(() => encodeMessage(reqWshEventData, wsh(d), min)).not.toThrow();
  });

  it("REQ_WSH_EVENT_DATA with the official defaults goes out at 161", () => {
    const defaults = { filter: "", fillWatchlist: false, startDate: "", endDate: "", totalLimit: 2147483647 };
    expect(() => encodeMessage(reqWshEventData, wsh(defaults), SV.WSHE_CALENDAR)).not.toThrow();
  });

  it("REQ_FUNDAMENTAL_DATA with options below MIN_SERVER_VER_LINKING", () => {
    const value = {
      reqId: 1,
      contract: { symbol: "IBM" },
      reportType: "RESC",
      fundamentalDataOptions: [{ tag: "a", value: "b" }],
    };
    expect(() => encodeMessage(reqFundamentalData, value, SV.LINKING - 1)).toThrow(ServerVersionError);
    expect(() => encodeMessage(reqFundamentalData, value, SV.LINKING)).not.toThrow();
  });
});

describe("FA profiles (the official client's 585)", () => {
  const requests: [OutgoingSpec, object][] = [
    [reqFa, { faData: FaDataType.PROFILES }],
    [replaceFa, { reqId: 1, faData: FaDataType.PROFILES, cxml: "<ListOfAllocationProfiles/>" }],
  ];
  it.each(requests.map(([spec, value]) => [spec.name, spec, value] as const))(
    "%s refuses profiles from MIN_SERVER_VER_FA_PROFILE_DESUPPORT on, in both forms",
    (_, spec, value) => {
      expect(() => encodeMessage(spec, value, SV.FA_PROFILE_DESUPPORT - 1)).not.toThrow();
      // Text from 177; protobuf from 211, where the official client (whose check sits on the text path only)
      // would still send the request: we refuse there too.
      for (const sv of [SV.FA_PROFILE_DESUPPORT, SV.PROTOBUF_REST_MESSAGES_1 - 1, SV.PROTOBUF_REST_MESSAGES_1, 225]) {
        let error: unknown;
        try {
          encodeMessage(spec, value, sv);
        } catch (e) {
          error = e;
        }
        expect(error, `sv ${sv}`).toBeInstanceOf(FaProfileNotSupportedError);
        expect((error as FaProfileNotSupportedError).code).toBe(FA_PROFILE_NOT_SUPPORTED_CODE);
      }
    },
  );

  it("groups and aliases go out at every version", () => {
    for (const faData of [FaDataType.GROUPS, FaDataType.ALIASES]) {
      for (const sv of [SV.FA_PROFILE_DESUPPORT, 225]) {
        expect(() => encodeMessage(reqFa, { faData }, sv)).not.toThrow();
        expect(() => encodeMessage(replaceFa, { reqId: 1, faData, cxml: "<x/>" }, sv)).not.toThrow();
      }
    }
  });
});
