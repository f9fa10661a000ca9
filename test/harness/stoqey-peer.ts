import { EventName, IBApi } from "@stoqey/ib";
import { encodeMessage, specByName } from "../../src/protocol/messages/index.js";
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
 * test sends frames through `conn` and reads what @stoqey/ib made of them in `events`, as [eventName, ...args],
 * and reads the frames it sent (payloads after the handshake, START_API first) in `conn.frames`.
 */
export interface StoqeyPeer {
  readonly api: IBApi;
  readonly conn: ScriptedConnection;
  readonly events: unknown[][];
  /** Resolves once at least `n` events have arrived. */
  waitForEvents(n: number): Promise<unknown[][]>;
  /** Resolves with the index of the first event at or after `from` that `match` accepts, once it has arrived. */
  waitForEvent(match: (event: unknown[]) => boolean, from?: number): Promise<number>;
  /** Resolves once @stoqey/ib has sent at least `n` frames after the handshake (START_API included). */
  waitForFrames(n: number): Promise<Buffer[]>;
  close(): Promise<void>;
}

export interface StoqeyPeerOptions {
  /**
   * Answer START_API with NEXT_VALID_ID (encoded by our spec) carrying this order id: @stoqey/ib holds every
   * request until it has a next valid id. `connectStoqey` then resolves after that event, with `events` empty.
   */
  nextValidId?: number;
}

export async function connectStoqey(serverVersion: number, options: StoqeyPeerOptions = {}): Promise<StoqeyPeer> {
  const { nextValidId } = options;
  const host: ScriptedHost = await startScriptedHost({
    maxVersion: serverVersion,
    onFrame: (conn) => {
      if (nextValidId === undefined || conn.frames.length !== 1) return;
      const spec = specByName("host", "NEXT_VALID_ID");
      if (!spec) throw new Error("no NEXT_VALID_ID spec");
      conn.send(encodeMessage(spec, { orderId: nextValidId }, conn.serverVersion));
    },
  });
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
  const ready =
    nextValidId === undefined
      ? undefined
      : new Promise<void>((resolve) => api.once(EventName.nextValidId, () => resolve()));
  api.connect();
  await connected;
  await host.waitForFrames(1);
  await ready;
  if (ready) events.splice(0);
  const nextEvent = () => new Promise<void>((resolve) => waiters.push(resolve));
  return {
    api,
    conn: host.connections[0]!,
    events,
    async waitForEvents(n) {
      while (events.length < n) await nextEvent();
      return events;
    },
    async waitForEvent(match, from = 0) {
      for (let checked = from; ; ) {
        for (; checked < events.length; checked++) if (match(events[checked]!)) return checked;
        await nextEvent();
      }
    },
    waitForFrames: (n) => host.waitForFrames(n),
    async close() {
      api.disconnect();
      await host.close();
    },
  };
}
