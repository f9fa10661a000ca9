import { describe, expect, it } from "vitest";
import { OutgoingMessageId, PROTOBUF_MSG_ID_OFFSET } from "../../src/protocol/message-ids.js";
import { specByName } from "../../src/protocol/messages/index.js";
import { HANDLERS, type RequestHandler } from "../../src/server/handlers/index.js";
import { requestClass, TwsCode } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";
import { notationToPayload } from "../harness/notation.js";

const fx = hostFixture();

/** A request with an id in its text form whose spec nobody has written yet, if any is left. */
function unspecifiedRequest(): [string, number, 0 | 1] | undefined {
  for (const [name, id] of Object.entries(OutgoingMessageId)) {
    const cls = requestClass(name);
    if (cls.kind === "data" && cls.textId !== undefined && !specByName("client", name)) return [name, id, cls.textId];
  }
  return undefined;
}

describe("a client's bad input stays its own", () => {
  it.each([176, 214])("answers unreadable and unknown requests with 320/321 at %i and goes on", async (sv) => {
    const { host } = await fx.start();
    const bad = await fx.ready(host, 1, { max: sv });
    const good = await fx.ready(host, 2, { max: sv });
    const send = (notation: string) => bad.sendPayload(notationToPayload(notation, sv));

    send("8|1|abc|"); // REQ_IDS with a count that is no number
    let e = await bad.takeError();
    expect(e.code).toBe(TwsCode.REQUEST_READ_ERROR);
    expect(e.text).toMatch(/^Error reading request\.-'REQ_IDS' : cause - cannot decode REQ_IDS/);

    send("8|"); // REQ_IDS cut short
    expect((await bad.takeError()).code).toBe(TwsCode.REQUEST_READ_ERROR);

    send("99999|1|"); // no such request
    e = await bad.takeError();
    expect(e.code).toBe(TwsCode.REQUEST_READ_ERROR);
    expect(e.text).toMatch(/unknown request id 99999/);

    send("49|1|extra|"); // a field too many
    expect((await bad.takeError()).text).toMatch(/left over/);

    // A request whose feature comes later: a 321 naming it, with the request's id.
    bad.send("CANCEL_WSH_META_DATA", { reqId: 9001 });
    expect(await bad.takeError()).toEqual({
      reqId: 9001,
      code: TwsCode.REQUEST_VALIDATION_ERROR,
      text:
        "Error validating request.-'CANCEL_WSH_META_DATA' : cause - Wall Street Horizon events " +
        "(CANCEL_WSH_META_DATA) is not served by the simulated host yet",
    });
    // The same for a request nobody has written a spec for yet, its id read from where the client puts it.
    const missing = unspecifiedRequest();
    if (missing) {
      const [name, id, textId] = missing;
      send(`${id}|${textId === 1 ? "1|" : ""}4242|`);
      const e2 = await bad.takeError();
      expect(e2.code).toBe(TwsCode.REQUEST_VALIDATION_ERROR);
      expect(e2.reqId).toBe(4242);
      expect(e2.text).toContain(`(${name}) is not served by the simulated host yet`);
    }

    // The other client was served all along, and so is the bad one still.
    good.send("REQ_CURRENT_TIME", {});
    await good.take("CURRENT_TIME");
    bad.send("REQ_CURRENT_TIME", {});
    await bad.take("CURRENT_TIME");
    expect(good.pending()).toEqual([]);
  });

  it("reads the request id of a protobuf request without a spec, and refuses a form a message does not have", async () => {
    const { host } = await fx.start();
    const c = await fx.ready(host, 1, { max: 226 });
    // REQ_WSH_META_DATA (not served by the host) as protobuf: field 1 (reqId) = 300.
    const id = Buffer.alloc(4);
    id.writeUInt32BE(OutgoingMessageId.REQ_WSH_META_DATA + PROTOBUF_MSG_ID_OFFSET);
    c.sendPayload(Buffer.concat([id, Buffer.from([0x08, 0xac, 0x02])]));
    expect(await c.takeError()).toMatchObject({ reqId: 300, code: TwsCode.REQUEST_VALIDATION_ERROR });
    // UPDATE_CONFIG exists only as protobuf.
    c.sendPayload(notationToPayload(`${OutgoingMessageId.UPDATE_CONFIG}|1|`, 226));
    const e = await c.takeError();
    expect(e.code).toBe(TwsCode.REQUEST_READ_ERROR);
    expect(e.text).toMatch(/exists only as protobuf/);
  });

  it("answers 322 when a handler fails, and 321 for a request below its server version", async () => {
    const { host, logs } = await fx.start();
    const c = await fx.ready(host, 1, { max: 176 });
    const handlers = HANDLERS as Map<string, RequestHandler>;
    handlers.set("REQ_MARKET_RULE", {
      needsSpec: false,
      handle() {
        throw new Error("the rule book is on fire");
      },
    });
    try {
      c.sendPayload(notationToPayload("91|26|", 176));
      expect(await c.takeError()).toEqual({
        reqId: -1,
        code: TwsCode.REQUEST_PROCESSING_ERROR,
        text: "Error processing request.-'REQ_MARKET_RULE' : cause - the rule book is on fire",
      });
      expect(logs.entries.some((e) => e.level === "error" && /REQ_MARKET_RULE failed/.test(e.message))).toBe(true);
    } finally {
      handlers.delete("REQ_MARKET_RULE");
    }
    // REQ_USER_INFO exists from 167 on: at 166 the host says so instead of failing to answer.
    const old = await fx.ready(host, 2, { max: 166 });
    old.sendPayload(notationToPayload("104|5|", 166));
    expect((await old.takeError()).text).toBe(
      "Error validating request.-'REQ_USER_INFO' : cause - REQ_USER_INFO needs server version 167, the connection negotiated 166",
    );
  });

  it("drops a client that stops reading once its output passes the limit, while others keep receiving", async () => {
    const { host, logs } = await fx.start({ maxOutputBytes: 256 * 1024 });
    const stuck = await fx.ready(host, 1, { max: 176 });
    const reader = await fx.ready(host, 2, { max: 176 });
    stuck.socket.pause();
    // 16 KiB notices to everyone, a few at a time, yielding to the event loop so the reading client reads.
    const text = `bulletin ${"x".repeat(16 * 1024)}`;
    let sent = 0;
    while (host.session(1) !== undefined) {
      for (let i = 0; i < 8; i++) host.broadcastNotice(2104, text);
      sent += 8;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const line = await logs.waitFor((e) => e.clientId === 1 && /not reading/.test(e.message));
    expect(line.level).toBe("warn");
    expect(line.message).toMatch(/bytes of output waiting \(limit 262144\); dropped/);
    // Reading again, the client finds the connection closed.
    stuck.socket.resume();
    await stuck.closed;
    // The reader got every notice and is still connected.
    await reader.waitForCount(5 + sent);
    expect(reader.received.slice(5).every((m) => m.value.errorString === text)).toBe(true);
    expect(reader.isClosed).toBe(false);
    expect(host.sessions().map((s) => s.clientId)).toEqual([2]);
  });
});
