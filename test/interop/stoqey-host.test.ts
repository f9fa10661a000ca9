import { EventName, IBApi } from "@stoqey/ib";
import { afterEach, describe, expect, it } from "vitest";
import { type SimulatedHost, startSimulatedHost, steppedClock, TwsCode } from "../../src/server/index.js";
import { LogCollector } from "../harness/host-fixture.js";

/**
 * @stoqey/ib 1.6.10, a TWS client nobody here wrote, against the simulated host: the handshake at its version
 * (193) and at a host capped to 176, the startup sequence, the current time, and the host's client limits.
 */
let host: SimulatedHost | undefined;
const apis: IBApi[] = [];

afterEach(async () => {
  for (const api of apis.splice(0)) api.disconnect();
  await host?.close();
  host = undefined;
});

interface Connected {
  readonly api: IBApi;
  readonly serverVersion: number;
  readonly accounts: string;
  readonly orderId: number;
  /** Notices with id -1 (stoqey reports them as `info`). */
  readonly infos: [string, number][];
}

/** Connects one stoqey client and resolves when it has its accounts and next order id. */
function connect(clientId: number): Promise<Connected> {
  const api = new IBApi({ host: host!.host, port: host!.port, clientId });
  apis.push(api);
  const infos: [string, number][] = [];
  api.on(EventName.info, (message: string, code: number) => infos.push([message, code]));
  api.on(EventName.error, () => {});
  return new Promise((resolve, reject) => {
    let accounts: string | undefined;
    api.once(EventName.managedAccounts, (list: string) => {
      accounts = list;
    });
    api.once(EventName.nextValidId, (orderId: number) => {
      if (accounts === undefined) reject(new Error("nextValidId came before managedAccounts"));
      else resolve({ api, serverVersion: api.serverVersion, accounts, orderId, infos });
    });
    api.once(EventName.disconnected, () =>
      reject(new Error(`client ${clientId} was disconnected: ${JSON.stringify(infos)}`)),
    );
    api.connect();
  });
}

/** Connects one stoqey client that the host is expected to refuse: resolves with the notices it got. */
function refused(clientId: number): Promise<[string, number][]> {
  const api = new IBApi({ host: host!.host, port: host!.port, clientId });
  apis.push(api);
  const infos: [string, number][] = [];
  api.on(EventName.info, (message: string, code: number) => infos.push([message, code]));
  api.on(EventName.error, () => {});
  return new Promise((resolve, reject) => {
    api.once(EventName.nextValidId, () => reject(new Error(`client ${clientId} was accepted`)));
    api.once(EventName.disconnected, () => resolve(infos));
    api.connect();
  });
}

function currentTime(api: IBApi): Promise<number> {
  return new Promise((resolve) => {
    api.once(EventName.currentTime, (time: number) => resolve(time));
    api.reqCurrentTime();
  });
}

describe("@stoqey/ib against the simulated host", () => {
  it.each([
    { cap: undefined, expected: 193 },
    { cap: 176, expected: 176 },
  ])(
    "connects (host cap $cap → v$expected), gets its startup sequence and the current time",
    async ({ cap, expected }) => {
      const clock = steppedClock();
      host = await startSimulatedHost({ clock, ...(cap === undefined ? {} : { serverVersion: cap }) });
      const c = await connect(0);
      expect(c.serverVersion).toBe(expected);
      expect(c.accounts).toBe("DU1234567");
      expect(c.orderId).toBe(1);
      expect(await currentTime(c.api)).toBe(Math.floor(clock.now() / 1000));
      clock.advance(90_000);
      expect(await currentTime(c.api)).toBe(Math.floor(clock.now() / 1000));
      // The farm notices arrived as notices (id -1).
      expect(c.infos.map(([, code]) => code)).toEqual([2104, 2106, 2158]);
      expect(c.infos[0]![0]).toBe("Market data farm connection is OK:usfarm");
    },
  );

  it("serves 32 stoqey clients at once and refuses the 33rd and a duplicate id", async () => {
    const logs = new LogCollector();
    host = await startSimulatedHost({ clock: steppedClock(), log: logs.log });
    const clients = await Promise.all(Array.from({ length: 32 }, (_, i) => connect(100 + i)));
    expect(host.sessions()).toHaveLength(32);
    expect(new Set(clients.map((c) => c.serverVersion))).toEqual(new Set([193]));
    const times = await Promise.all(clients.map((c) => currentTime(c.api)));
    expect(new Set(times).size).toBe(1);

    const extra = await refused(200);
    expect(extra).toEqual([
      [expect.stringMatching(/maximum number of API client connections \(32\)/), TwsCode.TOO_MANY_CLIENTS],
    ]);

    clients[5]!.api.disconnect();
    await logs.waitFor((e) => e.message === "client 105 disconnected");
    const dup = await refused(100);
    expect(dup).toEqual([
      [
        "Unable to connect as the client id is already in use. Retry with a unique client id.",
        TwsCode.CLIENT_ID_IN_USE,
      ],
    ]);
    // The 32nd place is free again for a new id.
    const late = await connect(105);
    expect(late.orderId).toBe(1);
  });
});
