import { describe, expect, it } from "vitest";
import { hostFixture } from "../harness/host-fixture.js";
import { notationToPayload, payloadToNotation } from "../harness/notation.js";
import { readRecording } from "../harness/shared.js";

const fx = hostFixture();

interface Four {
  leg: string;
  msg_name?: string;
  raw_b64?: string;
  fields?: string[];
}

describe("startup sequence", () => {
  it("matches the recorded IB Gateway at 214: accounts, next id, then the three farm notices, as protobuf", async () => {
    const { records } = readRecording<Four>("gw1040/scenarios/20260926/connect_only.jsonl");
    const recorded = records.filter((r) => r.leg === "api_in" && r.msg_name !== "SERVER_VERSION");
    expect(recorded.map((r) => r.msg_name)).toEqual([
      "MANAGED_ACCTS",
      "NEXT_VALID_ID",
      "ERR_MSG",
      "ERR_MSG",
      "ERR_MSG",
    ]);
    const hello = records.find((r) => r.msg_name === "SERVER_VERSION")!;
    expect(hello.fields![0]).toBe("214");

    const { host } = await fx.start({ accounts: ["DUXXXXXXX"] });
    const c = await fx.client(host, { min: 100, max: 214, clientId: 198 });
    const got = await c.waitForCount(5);
    expect(got.map((m) => m.name)).toEqual(recorded.map((r) => r.msg_name));
    expect(got.every((m) => m.form === "protobuf")).toBe(true);
    // Accounts and next id: byte for byte as the gateway wrote them (the payload, after the length prefix).
    for (const i of [0, 1]) expect(got[i]!.payload.toString("base64")).toBe(recorded[i]!.raw_b64);
    // The notices: the same codes, texts and id; the time is the host clock's.
    const notices = got.slice(2).map((m) => m.value);
    expect(notices).toEqual([
      {
        reqId: -1,
        errorCode: 2104,
        errorString: "Market data farm connection is OK:usfarm",
        errorTime: host.clock.now(),
      },
      {
        reqId: -1,
        errorCode: 2106,
        errorString: "HMDS data farm connection is OK:ushmds",
        errorTime: host.clock.now(),
      },
      {
        reqId: -1,
        errorCode: 2158,
        errorString: "Sec-def data farm connection is OK:secdefil",
        errorTime: host.clock.now(),
      },
    ]);
  });

  it("is text at 176, with the fields TWS writes at that version", async () => {
    const { host } = await fx.start();
    const c = await fx.client(host, { min: 100, max: 176, clientId: 0 });
    const got = await c.waitForCount(5);
    expect(got.map((m) => payloadToNotation(m.payload, 176))).toEqual([
      "15|1|DU1234567|",
      "9|1|1|",
      // 166..193: version 2, id, code, text, advancedOrderRejectJson; no time before 194.
      "4|2|-1|2104|Market data farm connection is OK:usfarm||",
      "4|2|-1|2106|HMDS data farm connection is OK:ushmds||",
      "4|2|-1|2158|Sec-def data farm connection is OK:secdefil||",
    ]);
    expect(notationToPayload("9|1|1|", 176)).toEqual(got[1]!.payload);
  });

  it("switches each message at its own version: MANAGED_ACCTS at 207, NEXT_VALID_ID at 213, ERR_MSG at 201", async () => {
    const { host } = await fx.start({ accounts: ["DU1111111", "DU2222222"] });
    const forms = async (max: number) => {
      const c = await fx.client(host, { max, clientId: max });
      return (await c.waitForCount(3)).map((m) => `${m.name}:${m.form}`);
    };
    expect(await forms(200)).toEqual(["MANAGED_ACCTS:text", "NEXT_VALID_ID:text", "ERR_MSG:text"]);
    expect(await forms(201)).toEqual(["MANAGED_ACCTS:text", "NEXT_VALID_ID:text", "ERR_MSG:protobuf"]);
    expect(await forms(207)).toEqual(["MANAGED_ACCTS:protobuf", "NEXT_VALID_ID:text", "ERR_MSG:protobuf"]);
    expect(await forms(213)).toEqual(["MANAGED_ACCTS:protobuf", "NEXT_VALID_ID:protobuf", "ERR_MSG:protobuf"]);
  });

  it("lists every managed account and reports the configured farms", async () => {
    const { host } = await fx.start({ accounts: ["DU1111111", "DU2222222"], farms: ["usfarm", "cashfarm", "ushmds"] });
    const c = await fx.client(host, { max: 226, clientId: 1 });
    const got = await c.waitForCount(5);
    expect(got[0]!.value).toEqual({ accountsList: "DU1111111,DU2222222" });
    expect(got.slice(2).map((m) => [m.value.errorCode, m.value.errorString])).toEqual([
      [2104, "Market data farm connection is OK:usfarm"],
      [2104, "Market data farm connection is OK:cashfarm"],
      [2106, "HMDS data farm connection is OK:ushmds"],
    ]);
  });
});
