import { EventName, IBApi } from "@stoqey/ib";
import { EReader } from "../src/client/ereader.js";
import { startScriptedHost } from "../test/harness/scripted-host.js";
import { buildTickStream, chunksOf, type TickStream } from "./tick-stream.js";

/** Tick callbacks counted per kind, to prove every tick reached its typed callback. */
export interface TickCounts {
  tickPrice: number;
  tickSize: number;
  tickString: number;
  tickGeneric: number;
}

/** What the stream must produce: every TICK_PRICE of the mix is a bid/ask/last, so it also yields a tickSize. */
export function expectedCounts(stream: TickStream): TickCounts {
  const c = stream.counts;
  return { tickPrice: c.price, tickSize: c.size + c.price, tickString: c.string, tickGeneric: c.generic };
}

/** Our EReader and EWrapper on the stream's chunks, one chunk per turn as a socket would deliver them. */
export function oursDispatcher(serverVersion: number): { run(chunks: readonly Buffer[]): TickCounts } {
  const counts: TickCounts = { tickPrice: 0, tickSize: 0, tickString: 0, tickGeneric: 0 };
  const wrapper = {
    tickPrice(_reqId: number, _tickType: number, _price: number, _attrib: object) {
      counts.tickPrice++;
    },
    tickSize(_reqId: number, _tickType: number, _size: string | undefined) {
      counts.tickSize++;
    },
    tickString(_reqId: number, _tickType: number, _value: string) {
      counts.tickString++;
    },
    tickGeneric(_reqId: number, _tickType: number, _value: number) {
      counts.tickGeneric++;
    },
  };
  const fail = (what: string) => () => {
    throw new Error(`bench: ${what}`);
  };
  return {
    run(chunks) {
      counts.tickPrice = counts.tickSize = counts.tickString = counts.tickGeneric = 0;
      const reader = new EReader(
        wrapper,
        serverVersion,
        {
          badFrame: fail("bad frame"),
          unhandled: fail("unhandled"),
          callbackError: fail("callback"),
          backpressure: () => {},
        },
        { schedule: () => {} },
      );
      for (const c of chunks) {
        reader.push(c);
        reader.flush();
      }
      return { ...counts };
    },
  };
}

/**
 * The same tick mix as protobuf at `serverVersion` (226, the newest: what the simulated host sends), through our
 * EReader → EWrapper. Fails unless every tick reached its callback.
 */
export function protobufTicksCase(frames: number, serverVersion = 226) {
  const stream = buildTickStream(frames, serverVersion);
  const chunks = chunksOf(stream.bytes);
  const want = expectedCounts(stream);
  const ours = oursDispatcher(serverVersion);
  const got = ours.run(chunks);
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(`protobuf at ${serverVersion}: callbacks ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
  }
  return { stream, callbacks: got, run: () => ours.run(chunks) };
}

/**
 * @stoqey/ib 1.6.10 connected to a scripted host at `serverVersion`, then fed the same chunks through its own
 * socket data path (`Socket.onData`), with listeners on its four tick events.
 */
export async function stoqeyDispatcher(serverVersion: number) {
  const host = await startScriptedHost({ maxVersion: serverVersion });
  const api = new IBApi({ host: "127.0.0.1", port: host.port, clientId: 0 });
  const counts: TickCounts = { tickPrice: 0, tickSize: 0, tickString: 0, tickGeneric: 0 };
  api.on(EventName.tickPrice, () => counts.tickPrice++);
  api.on(EventName.tickSize, () => counts.tickSize++);
  api.on(EventName.tickString, () => counts.tickString++);
  api.on(EventName.tickGeneric, () => counts.tickGeneric++);
  api.on(EventName.error, () => {});
  const connected = new Promise<void>((resolve) => api.once(EventName.connected, () => resolve()));
  api.connect();
  await connected;
  await host.waitForFrames(1);
  const socket = (api as unknown as { controller: { socket: { onData(data: Buffer): void } } }).controller.socket;
  return {
    run(chunks: readonly Buffer[]): TickCounts {
      counts.tickPrice = counts.tickSize = counts.tickString = counts.tickGeneric = 0;
      for (const c of chunks) socket.onData(c);
      return { ...counts };
    },
    async close() {
      api.disconnect();
      await host.close();
    },
  };
}
