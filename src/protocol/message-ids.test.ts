import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { projectRoot, sharedPath } from "../../test/harness/shared.js";
import { incomingForms, outgoingForms } from "./message-forms.js";
import { IncomingMessageId, incomingMessageName, OutgoingMessageId, outgoingMessageName } from "./message-ids.js";
import { MAX_CLIENT_VERSION, MIN_CLIENT_VERSION, ServerVersion } from "./server-versions.js";

interface Catalog {
  minClientVersion: number;
  maxClientVersion: number;
  outgoing: {
    id: number;
    name: string;
    protobufMessage?: string;
    protobufFromServerVersion?: number | null;
    protobufOnly?: boolean;
  }[];
  incoming: {
    id: number;
    name: string;
    protobufMessage?: string;
    protobufFromServerVersion?: number | null;
    protobufOnly?: boolean;
  }[];
  serverVersions: { name: string; value: number }[];
}

const fixture = JSON.parse(readFileSync(`${projectRoot}/test/fixtures/messages.json`, "utf8")) as Catalog;

describe("message ids and server versions against messages.json", () => {
  it("the fixture is the current copy of ../shared/protocol/messages.json", () => {
    expect(readFileSync(sharedPath("protocol", "messages.json"), "utf8")).toBe(
      readFileSync(`${projectRoot}/test/fixtures/messages.json`, "utf8"),
    );
  });

  it("names every request id exactly as the catalogue does, and nothing more", () => {
    expect(Object.entries(OutgoingMessageId)).toEqual(fixture.outgoing.map((m) => [m.name, m.id]));
    for (const m of fixture.outgoing) expect(outgoingMessageName(m.id)).toBe(m.name);
    expect(outgoingMessageName(26)).toBeUndefined();
  });

  it("names every reply id exactly as the catalogue does, and nothing more", () => {
    expect(Object.entries(IncomingMessageId)).toEqual(fixture.incoming.map((m) => [m.name, m.id]));
    for (const m of fixture.incoming) expect(incomingMessageName(m.id)).toBe(m.name);
    expect(incomingMessageName(22)).toBeUndefined();
  });

  it("has every server version constant with its value", () => {
    const ours = Object.entries(ServerVersion).map(([k, v]) => [k, v]);
    const theirs = fixture.serverVersions.map((s) => [s.name.replace(/^MIN_SERVER_VER_/, ""), s.value]);
    expect(ours).toEqual(theirs);
    expect(MIN_CLIENT_VERSION).toBe(fixture.minClientVersion);
    expect(MAX_CLIENT_VERSION).toBe(fixture.maxClientVersion);
  });

  it("records the wire forms of every message as the catalogue gives them", () => {
    for (const [list, forms] of [
      [fixture.outgoing, outgoingForms],
      [fixture.incoming, incomingForms],
    ] as const) {
      expect(forms.size).toBe(list.length);
      for (const m of list) {
        const f = forms.get(m.id)!;
        expect(f.protobufType).toBe(m.protobufMessage ?? null);
        expect(f.protobufFrom).toBe(m.protobufFromServerVersion ?? null);
        expect(f.protobufOnly).toBe(m.protobufOnly === true);
      }
    }
  });
});
