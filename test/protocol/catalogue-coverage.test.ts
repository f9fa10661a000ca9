import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { incomingForms, outgoingForms } from "../../src/protocol/message-forms.js";
import { IncomingMessageId, OutgoingMessageId } from "../../src/protocol/message-ids.js";
import { specByName } from "../../src/protocol/messages/index.js";
import { readRecording, sharedPath } from "../harness/shared.js";
import { allVectors } from "../vectors/index.js";
import { ownership } from "./ownership.js";

/** Messages with a real gateway frame in the gw1040 recordings (all protobuf, server version 214). */
function recordedMessages(): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(sharedPath("recordings", "gw1040", "codec"))) {
    if (!file.endsWith(".jsonl")) continue;
    for (const rec of readRecording(`gw1040/codec/${file}`).records) {
      if (rec.raw_b64 && rec.msg_name && (rec.leg === "api_in" || rec.leg === "api_out")) {
        names.add(`${rec.leg === "api_in" ? "host" : "client"}:${rec.msg_name}`);
      }
    }
  }
  return names;
}

describe("the message catalogue", () => {
  const recorded = recordedMessages();
  const rows = ownership.flatMap((o) => [
    ...o.outgoing.map((name) => ({ issue: o, sender: "client" as const, name })),
    ...o.incoming.map((name) => ({ issue: o, sender: "host" as const, name })),
  ]);

  it("gives every id of messages.json to exactly one issue", () => {
    const owned = rows.map((r) => `${r.sender}:${r.name}`);
    const catalogue = [
      ...Object.keys(OutgoingMessageId).map((n) => `client:${n}`),
      ...Object.keys(IncomingMessageId).map((n) => `host:${n}`),
    ];
    expect([...owned].sort()).toEqual([...catalogue].sort());
    expect(new Set(owned).size).toBe(owned.length);
    // The catalogue ships with every JSON of the test fixtures unchanged.
    expect(JSON.parse(readFileSync(sharedPath("protocol", "messages.json"), "utf8")).outgoing.length).toBe(
      Object.keys(OutgoingMessageId).length,
    );
  });

  const checked = rows.filter((r) => r.issue.enforced || specByName(r.sender, r.name) !== undefined);
  it.each(checked.map((r) => [`${r.sender === "client" ? "request" : "reply"} ${r.name} (issue ${r.issue.issue})`, r]))(
    "%s has a spec with every form and outside vectors for each",
    (_, r) => {
      const spec = specByName(r.sender, r.name);
      expect(spec, "spec").toBeDefined();
      const ids: Record<string, number> = r.sender === "client" ? OutgoingMessageId : IncomingMessageId;
      const forms = (r.sender === "client" ? outgoingForms : incomingForms).get(ids[r.name]!)!;
      const vectors = allVectors.filter((v) => v.message === r.name && v.sender === r.sender);
      const isProtobuf = (frame: string) => /^\d+#/.test(frame);
      if (!forms.protobufOnly) {
        expect(spec?.text, "text form").toBeDefined();
        expect(vectors.filter((v) => !isProtobuf(v.frame)).length, "text vectors").toBeGreaterThan(0);
      } else {
        expect(spec?.text, "no text form").toBeUndefined();
      }
      if (forms.protobufType !== null) {
        expect(spec?.protobuf, "protobuf form").toBeDefined();
        const pbVectors = vectors.filter((v) => isProtobuf(v.frame)).length;
        expect(pbVectors > 0 || recorded.has(`${r.sender}:${r.name}`), "protobuf vectors or recorded frames").toBe(
          true,
        );
      } else {
        expect(spec?.protobuf, "no protobuf form").toBeUndefined();
      }
    },
  );
});
