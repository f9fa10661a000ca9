import { describe, expect, it } from "vitest";
import { outgoingForms } from "../../src/protocol/message-forms.js";
import { OutgoingMessageId, PROTOBUF_MSG_ID_OFFSET } from "../../src/protocol/message-ids.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { hostFixture } from "../harness/host-fixture.js";

const fx = hostFixture();

/** The replies of the requests the host answers with data. */
const REPLIES: Record<string, string> = {
  REQ_CURRENT_TIME: "CURRENT_TIME",
  REQ_CURRENT_TIME_IN_MILLIS: "CURRENT_TIME_IN_MILLIS",
  REQ_IDS: "NEXT_VALID_ID",
  REQ_MANAGED_ACCTS: "MANAGED_ACCTS",
  REQ_USER_INFO: "USER_INFO",
};

/** A frame of request `id` at `sv`: an empty protobuf body where the request goes as protobuf, else a version field. */
function frameOf(id: number, sv: number): Buffer {
  const forms = outgoingForms.get(id)!;
  if (sv >= ServerVersion.PROTOBUF) {
    const head = Buffer.alloc(4);
    const protobuf = forms.protobufFrom !== null && sv >= forms.protobufFrom;
    head.writeUInt32BE(protobuf ? id + PROTOBUF_MSG_ID_OFFSET : id);
    return protobuf ? head : Buffer.concat([head, Buffer.from("1\0")]);
  }
  return Buffer.from(`${id}\u00001\u0000`, "latin1");
}

describe("no request is silently ignored", () => {
  it.each([176, 226])("every request id of the catalogue gets a reply or an error naming it at %i", async (sv) => {
    const { host } = await fx.start({ requestsPerSecond: 1000 });
    const c = await fx.ready(host, 0, { max: sv });
    const names = Object.entries(OutgoingMessageId).filter(([name]) => name !== "START_API");
    expect(names.length).toBeGreaterThan(80);
    for (const [name, id] of names) {
      c.sendPayload(frameOf(id, sv));
      const m = await c.take(() => true);
      const answered =
        m.name === REPLIES[name] || (m.name === "ERR_MSG" && String(m.value.errorString).includes(`'${name}'`));
      expect({ name, answered, got: m.name === "ERR_MSG" ? m.value.errorString : m.name }).toMatchObject({
        name,
        answered: true,
      });
    }
    expect(c.isClosed).toBe(false);
  });
});
