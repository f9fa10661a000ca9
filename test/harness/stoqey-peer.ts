import { EventName, IBApi } from "@stoqey/ib";
import { type ScriptedConnection, type ScriptedHost, startScriptedHost } from "./scripted-host.js";

/** Events @stoqey/ib emits for every message; bookkeeping events are left out. */
const IGNORED = new Set<string>([
  EventName.received,
  EventName.sent,
  EventName.server,
  EventName.connected,
  EventName.disconnected,
  EventName.result,
  EventName.all,
]);

/**
 * @stoqey/ib 1.6.10 (a TWS client nobody here wrote) connected to a scripted host at a given server version: the
 * test sends frames through `conn` and reads what @stoqey/ib made of them in `events`, as [eventName, ...args].
 */
export interface StoqeyPeer {
  readonly api: IBApi;
  readonly conn: ScriptedConnection;
  readonly events: unknown[][];
  /** Resolves once at least `n` events have arrived. */
  waitForEvents(n: number): Promise<unknown[][]>;
  close(): Promise<void>;
}

export async function connectStoqey(serverVersion: number): Promise<StoqeyPeer> {
  const host: ScriptedHost = await startScriptedHost({ maxVersion: serverVersion });
  const api = new IBApi({ host: "127.0.0.1", port: host.port, clientId: 0 });
  const events: unknown[][] = [];
  const waiters: (() => void)[] = [];
  api.on(EventName.all, (name: string, args: unknown[]) => {
    if (IGNORED.has(name)) return;
    events.push([name, ...args]);
    for (const w of waiters.splice(0)) w();
  });
  api.on(EventName.error, () => {});
  const connected = new Promise<void>((resolve) => api.once(EventName.connected, () => resolve()));
  api.connect();
  await connected;
  await host.waitForFrames(1);
  return {
    api,
    conn: host.connections[0]!,
    events,
    async waitForEvents(n) {
      while (events.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
      return events;
    },
    async close() {
      api.disconnect();
      await host.close();
    },
  };
}
