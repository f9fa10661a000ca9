import { describe, expect, it } from "vitest";
import { OutgoingMessageId, PROTOBUF_MSG_ID_OFFSET } from "../../src/protocol/message-ids.js";
import { UpdateConfigRequest } from "../../src/protocol/proto/index.js";
import { accessRule, isLoopbackAddress, TwsCode } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";
import { notationToPayload } from "../harness/notation.js";

const fx = hostFixture();

/** Only 127.0.0.1 counts as this machine: 127.0.0.2 plays a remote peer. */
const onlyDotOne = (address: string) => address === "127.0.0.1";

function updateConfig(request: UpdateConfigRequest): Buffer {
  const id = Buffer.alloc(4);
  id.writeUInt32BE(OutgoingMessageId.UPDATE_CONFIG + PROTOBUF_MSG_ID_OFFSET);
  return Buffer.concat([id, UpdateConfigRequest.encode(request).finish()]);
}

describe("who may connect", () => {
  it("closes a peer that is neither this machine nor trusted, before a byte", async () => {
    const { host, logs } = await fx.start({ isLocalPeer: onlyDotOne });
    const remote = fx.open(host, { localAddress: "127.0.0.2", clientId: 1 });
    await expect(remote.hello).rejects.toThrow(/closed the connection before its hello/);
    expect(remote.chunks).toEqual([]);
    expect(logs.entries.some((e) => e.message === "refused 127.0.0.2: not this machine and not a trusted IP")).toBe(
      true,
    );
    // This machine still gets in.
    const local = await fx.ready(host, 2);
    expect(local.isClosed).toBe(false);
  });

  it("accepts a trusted peer", async () => {
    const { host } = await fx.start({ isLocalPeer: onlyDotOne, trustedIps: ["127.0.0.2"] });
    const trusted = await fx.ready(host, 1, { localAddress: "127.0.0.2" });
    expect(host.sessions()[0]!.remoteAddress).toMatch(/127\.0\.0\.2$/);
    trusted.send("REQ_CURRENT_TIME", {});
    await trusted.take("CURRENT_TIME");
  });

  it("knows loopback and IPv4-mapped addresses, and refuses a trusted entry that is no address", () => {
    expect(isLoopbackAddress("127.0.0.1")).toBe(true);
    expect(isLoopbackAddress("127.8.9.10")).toBe(true);
    expect(isLoopbackAddress("::1")).toBe(true);
    expect(isLoopbackAddress("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopbackAddress("10.0.0.1")).toBe(false);
    const rule = accessRule(["10.1.2.3", "FE80::1"]);
    expect(rule.allows("::ffff:10.1.2.3")).toBe(true);
    expect(rule.allows("fe80::1")).toBe(true);
    expect(rule.allows("10.1.2.4")).toBe(false);
    expect(rule.allows(undefined)).toBe(false);
    expect(() => accessRule(["10.0.0.0/8"])).toThrow(/single addresses, no subnets/);
  });
});

describe("read-only mode and configuration updates", () => {
  it("refuses orders and configuration updates in read-only mode, and serves the rest", async () => {
    const { host } = await fx.start({ readOnly: true });
    const c = await fx.ready(host, 1, { max: 226 });
    c.sendPayload(updateConfig({ reqId: 5 }));
    expect(await c.takeError()).toEqual({
      reqId: 5,
      code: TwsCode.REQUEST_VALIDATION_ERROR,
      text: "Error validating request.-'UPDATE_CONFIG' : cause - The API interface is currently in Read-Only mode.",
    });
    // PLACE_ORDER (text, order id 17), whatever its body: refused before it is read.
    const old = await fx.ready(host, 2, { max: 176 });
    old.sendPayload(notationToPayload("3|45|17|0|AAPL|STK|", 176));
    expect(await old.takeError()).toMatchObject({ reqId: 17, code: TwsCode.REQUEST_VALIDATION_ERROR });
    old.send("REQ_CURRENT_TIME", {});
    await old.take("CURRENT_TIME");
  });

  it("never lets UPDATE_CONFIG change a security setting, read-only or not", async () => {
    const { host } = await fx.start({ readOnly: false, trustedIps: ["10.9.8.7"] });
    const c = await fx.ready(host, 1, { max: 226 });
    c.sendPayload(
      updateConfig({
        reqId: 8,
        api: { settings: { readOnlyApi: false, trustedIPs: ["1.2.3.4"], allowLocalhostOnly: false, socketPort: 1 } },
      }),
    );
    const e = await c.takeError();
    expect(e.reqId).toBe(8);
    expect(e.code).toBe(TwsCode.REQUEST_VALIDATION_ERROR);
    expect(e.text).toMatch(
      /security settings readOnlyApi, allowLocalhostOnly, trustedIPs, socketPort cannot be changed/,
    );
    expect(host.options.readOnly).toBe(false);
    expect(host.options.access.trustedIps).toEqual(["10.9.8.7"]);
    // Any other update names the feature as not served yet.
    c.sendPayload(updateConfig({ reqId: 9, api: { settings: { masterClientId: 3 } } }));
    expect((await c.takeError()).text).toMatch(/configuration updates are not served/);
  });
});
