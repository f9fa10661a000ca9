import { afterAll, describe, expect, it } from "vitest";
import { EClient } from "../../src/client/eclient.js";
import { requestMethods } from "../../src/client/request-methods.js";
import { DEFAULT_CLIENT_RANGE } from "../../src/protocol/handshake.js";
import type { OutgoingMessageName } from "../../src/protocol/message-ids.js";
import { notationToPayload } from "../harness/notation.js";
import { type ScriptedHost, startScriptedHost } from "../harness/scripted-host.js";
import { allVectors } from "../vectors/index.js";

/**
 * Every request vector of the message families (official client bytes at text and protobuf versions), sent
 * through the EClient method of the same request over a real socket: the host receives exactly those bytes.
 */
const vectors = allVectors.filter(
  (v) =>
    v.sender === "client" &&
    v.sv >= DEFAULT_CLIENT_RANGE.min && // a client offering v100.. never talks to an older host
    requestMethods[v.message as OutgoingMessageName] &&
    v.value !== undefined,
);
const versions = [...new Set(vectors.map((v) => v.sv))].sort((a, b) => a - b);
const hosts: ScriptedHost[] = [];
afterAll(async () => {
  for (const h of hosts) await h.close();
});

describe("EClient request methods send the official bytes", () => {
  it("covers every request method", () => {
    const covered = new Set(vectors.map((v) => v.message));
    expect(Object.keys(requestMethods).filter((m) => !covered.has(m))).toEqual([]);
  });

  it.each(versions)("at server version %i", async (sv) => {
    const atSv = vectors.filter((v) => v.sv === sv);
    const host = await startScriptedHost({ maxVersion: 226, forceVersion: sv });
    hosts.push(host);
    const errors: unknown[][] = [];
    const client = new EClient({ error: (...args: unknown[]) => errors.push(args) });
    await client.connect("127.0.0.1", host.port, 5);
    for (const v of atSv) {
      const { method, params, wholeValue } = requestMethods[v.message as OutgoingMessageName]!;
      const value = v.value as Record<string, unknown>;
      const args = wholeValue ? [value] : params.map((p) => value[p]);
      (client as unknown as Record<string, (...a: unknown[]) => void>)[method]!(...args);
    }
    const frames = await host.waitForFrames(1 + atSv.length);
    await client.disconnect();
    expect(errors).toEqual([]);
    expect(frames.slice(1).map((f) => f.toString("hex"))).toEqual(
      atSv.map((v) => notationToPayload(v.frame, sv).toString("hex")),
    );
  });
});
