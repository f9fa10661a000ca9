import { decodeMessage, encodeMessage, specByName, specRegistry } from "../../src/protocol/messages/index.js";
import { MAX_CLIENT_VERSION } from "../../src/protocol/server-versions.js";
import { type ScriptedHost, startScriptedHost } from "../harness/scripted-host.js";

/** What a scripted TWS answers to one request: replies as [message name, value]. */
export type Answer = (value: Record<string, unknown>) => [string, unknown][];

/** A scripted TWS and the names and values of the requests it received (after START_API). */
export interface ScriptedTws {
  readonly host: ScriptedHost;
  readonly port: string;
  readonly requests: { name: string; value: Record<string, unknown> }[];
}

/**
 * A TWS stand-in speaking the protocol through our specs: it accepts the session (managed accounts, next valid id)
 * and answers each request by name as `answers` says, for commands whose host side is not built yet.
 */
export async function scriptedTws(answers: Record<string, Answer>): Promise<ScriptedTws> {
  const requests: ScriptedTws["requests"] = [];
  const host = await startScriptedHost({
    maxVersion: MAX_CLIENT_VERSION,
    onFrame: (conn, payload) => {
      const { spec, value } = decodeMessage(specRegistry, "client", payload, conn.serverVersion);
      const v = value as Record<string, unknown>;
      let replies: [string, unknown][];
      if (spec.name === "START_API") {
        replies = [
          ["MANAGED_ACCTS", { accountsList: "DU1234567" }],
          ["NEXT_VALID_ID", { orderId: 1 }],
        ];
      } else {
        requests.push({ name: spec.name, value: v });
        replies = answers[spec.name]?.(v) ?? [];
      }
      for (const [name, reply] of replies) {
        // encodeMessage gives the whole frame, length prefix included.
        conn.send(Buffer.from(encodeMessage(specByName("host", name)!, reply, conn.serverVersion)));
      }
    },
  });
  return { host, port: String(host.port), requests };
}
