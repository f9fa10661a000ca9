import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { notationToPayload } from "../../../../test/harness/notation.js";
import { checkRoundTrip } from "../../../../test/harness/roundtrip.js";
import { ServerVersionError } from "../../errors.js";
import { ErrorMessage as ErrorMessageProto } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { UNSET_INTEGER } from "../../values.js";
import { decodeMessage, encodeMessage, MessageDecodeError, specRegistry, type WireForm } from "../index.js";
import type { MessageSpec } from "../spec.js";
import { currentTime, currentTimeInMillis, reqCurrentTime, reqCurrentTimeInMillis } from "./current-time.js";
import { type ErrorMessage, errorMessage } from "./error-message.js";
import { managedAccounts, nextValidId, reqIds, reqManagedAccts } from "./ids-and-accounts.js";
import { setServerLogLevel } from "./server-log-level.js";
import { reqUserInfo, userInfo } from "./user-info.js";

/** Text any escaping form carries: every code unit, lone surrogates and escape look-alikes included. */
const anyText = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.array(fc.integer({ min: 0, max: 0xffff })).map((u) => String.fromCharCode(...u)),
  fc.string({ unit: fc.constantFrom("\\", "x", "u", "N", "{", "0", "\n", "\t", "é", "€") }),
);
/** Text a plain UTF-8 field carries: valid Unicode without NUL (protobuf strings: NUL allowed). */
const utf8Text = fc.string({ unit: "binary" }).filter((s) => !s.includes("\0"));
const protoText = fc.string({ unit: "binary" });
const int = fc.oneof(fc.integer(), fc.constant(UNSET_INTEGER), fc.constant(-1));
const time = fc.maxSafeInteger();
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Wrapper-style and ERR_MSG text: escaped from ENCODE_MSG_ASCII7, UTF-8 below. */
const versionText = (sv: number) => (sv >= ServerVersion.ENCODE_MSG_ASCII7 ? anyText : utf8Text);

function errorArb(sv: number, form: WireForm): fc.Arbitrary<ErrorMessage> {
  if (form === "protobuf") {
    return fc.record({
      reqId: opt(fc.integer()),
      errorCode: opt(fc.integer()),
      errorString: opt(protoText),
      advancedOrderRejectJson: opt(protoText),
      errorTime: opt(time),
    });
  }
  return fc.record({
    reqId: fc.integer(),
    errorCode: fc.integer({ min: 0, max: 99999 }),
    errorString: versionText(sv),
    advancedOrderRejectJson: sv >= ServerVersion.ADVANCED_ORDER_REJECT ? anyText : fc.constant(undefined),
    errorTime: sv >= ServerVersion.ERROR_TIME ? time : fc.constant(undefined),
  });
}

describe("session specs round-trip", () => {
  const none = () => fc.constant({});
  const cases: [MessageSpec, (sv: number, form: WireForm) => fc.Arbitrary<unknown>][] = [
    [reqCurrentTime, none],
    [reqCurrentTimeInMillis, none],
    [reqManagedAccts, none],
    [reqIds, () => fc.record({ numIds: int })],
    [setServerLogLevel, () => fc.record({ logLevel: int })],
    [reqUserInfo, () => fc.record({ reqId: int })],
    [currentTime, (_, f) => fc.record({ time: f === "text" ? time : opt(time) })],
    [currentTimeInMillis, (_, f) => fc.record({ timeInMillis: f === "text" ? time : opt(time) })],
    [nextValidId, (_, f) => fc.record({ orderId: f === "text" ? fc.integer() : opt(fc.integer()) })],
    [managedAccounts, (sv, f) => fc.record({ accountsList: f === "text" ? versionText(sv) : opt(protoText) })],
    [
      userInfo,
      (_, f) =>
        f === "text"
          ? fc.record({ reqId: fc.integer(), whiteBrandingId: utf8Text })
          : fc.record({ reqId: opt(fc.integer()), whiteBrandingId: opt(protoText) }),
    ],
    [errorMessage, errorArb],
  ];
  it.each(cases.map(([spec, arb]) => [spec.name, spec, arb] as const))("%s", (_, spec, arb) => {
    checkRoundTrip(spec, arb);
  });
});

describe("client-side version refusals (the official client's 503)", () => {
  it.each([
    [reqCurrentTimeInMillis, ServerVersion.CURRENT_TIME_IN_MILLIS, {}],
    [reqUserInfo, ServerVersion.USER_INFO, { reqId: 1 }],
  ] as const)("%s below its version", (spec, min, value) => {
    expect(() => encodeMessage(spec, value, min - 1)).toThrow(ServerVersionError);
    expect(() => encodeMessage(spec, value, min)).not.toThrow();
  });
});

describe("malformed replies", () => {
  const bad: [name: string, sv: number, frame: string][] = [
    ["ERR_MSG", 176, "4|2|-1|2104|Market data farm connection is OK:usfarm|"], // no advancedOrderRejectJson
    ["ERR_MSG", 176, "4|2|x1|2104|text||"],
    ["ERR_MSG", 194, "4|-1|2104|text||"], // no errorTime
    ["ERR_MSG", 194, "4|-1|2104|text||12:00|"],
    ["NEXT_VALID_ID", 176, "9|1|"],
    ["NEXT_VALID_ID", 176, "9|1|4.5|"],
    ["NEXT_VALID_ID", 176, "9|1||"], // int() of an empty field fails in the official decoder too
    ["MANAGED_ACCTS", 176, "15|1|"],
    ["CURRENT_TIME", 176, "49|1|now|"],
    ["USER_INFO", 176, "107|1|"],
    ["USER_INFO", 176, "107|one|wb|"],
    ["CURRENT_TIME_IN_MILLIS", 197, "109|1.5|"],
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

  it("refuses a protobuf errorTime beyond 2^53 rather than rounding it", () => {
    const body = ErrorMessageProto.encode({ id: 1, errorTime: 2n ** 60n }).finish();
    const frame = `204#${Buffer.from(body).toString("hex")}`;
    expect(() => decodeMessage(specRegistry, "host", notationToPayload(frame, 214), 214)).toThrow(/ERR_MSG/);
  });
});

describe("ERR_MSG below ERROR_TIME", () => {
  it("has no errorTime in the value and reports 0 to the callback, as the official decoder does", () => {
    const d = decodeMessage(specRegistry, "host", notationToPayload("4|2|-1|2104|ok||", 193), 193);
    expect(d.value).toEqual({
      reqId: -1,
      errorCode: 2104,
      errorString: "ok",
      advancedOrderRejectJson: "",
      errorTime: undefined,
    });
    expect(errorMessage.callbacks(d.value as ErrorMessage, 193, "text")).toEqual([["error", -1, 0, 2104, "ok", ""]]);
  });
});
