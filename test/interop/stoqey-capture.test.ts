import { EventName, IBApi } from "@stoqey/ib";
import { afterEach, describe, expect, it } from "vitest";
import { encodeClientHello } from "../../src/protocol/handshake.js";
import { decodeMessage, encodeMessage, specByName, specRegistry } from "../../src/protocol/messages/index.js";
import { type ScriptedHost, startScriptedHost } from "../harness/scripted-host.js";

/**
 * Bytes @stoqey/ib 1.6.10 (a TWS client nobody here wrote) sends, captured live over TCP: our decoder reads them
 * and our encoder writes the same bytes (source: stoqey).
 */
let host: ScriptedHost | undefined;
let api: IBApi | undefined;
afterEach(async () => {
  api?.disconnect();
  api = undefined;
  await host?.close();
  host = undefined;
});

async function capture(maxVersion: number, clientId: number) {
  host = await startScriptedHost({ maxVersion });
  api = new IBApi({ host: "127.0.0.1", port: host.port, clientId });
  api.on(EventName.error, () => {});
  api.connect();
  const [startApi] = await host.waitForFrames(1);
  return { conn: host.connections[0]!, startApi: startApi! };
}

describe("@stoqey/ib handshake and START_API, captured live", () => {
  it.each([193, 176])("at server version %i", async (sv) => {
    const { conn, startApi } = await capture(sv, 23);
    const sent = Buffer.concat(conn.received);
    // The hello: API\0 and the length-prefixed version range, exactly as our encoder writes that range.
    expect(conn.hello.connectOptions).toBe("");
    const hello = encodeClientHello({ min: conn.hello.min, max: conn.hello.max });
    expect(sent.subarray(0, hello.length)).toEqual(hello);
    expect(conn.serverVersion).toBe(sv);
    // START_API in text: decoded by our spec, re-encoded to the same bytes.
    const decoded = decodeMessage(specRegistry, "client", startApi, sv);
    expect(decoded.spec.name).toBe("START_API");
    expect(decoded.value).toEqual({ clientId: 23, optionalCapabilities: "" });
    expect(encodeMessage(specByName("client", "START_API")!, decoded.value, sv).subarray(4)).toEqual(startApi);
  });
});
