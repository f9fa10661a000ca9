import { afterEach } from "vitest";
import type { HostLogEntry, SimulatedHost, SimulatedHostOptions } from "../../src/server/index.js";
import { startSimulatedHost, steppedClock } from "../../src/server/index.js";
import { closeAll, TestClient, type TestClientOptions } from "./test-client.js";

/** The log of a host under test, with a way to wait for a line. */
export class LogCollector {
  readonly entries: HostLogEntry[] = [];
  private waiters: (() => void)[] = [];

  readonly log = (entry: HostLogEntry): void => {
    this.entries.push(entry);
    for (const w of this.waiters.splice(0)) w();
  };

  async waitFor(pred: (e: HostLogEntry) => boolean): Promise<HostLogEntry> {
    for (;;) {
      const hit = this.entries.find(pred);
      if (hit) return hit;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

/**
 * Hosts and clients for one test file, all closed after each test: `start()` runs a host on 127.0.0.1 port 0 with
 * a stepped clock unless the options give one; `client()` connects a {@link TestClient} to it.
 */
export function hostFixture() {
  const hosts: SimulatedHost[] = [];
  const clients: TestClient[] = [];
  afterEach(async () => {
    await closeAll(clients.splice(0));
    await Promise.all(hosts.splice(0).map((h) => h.close()));
  });
  return {
    async start(options: SimulatedHostOptions = {}) {
      const logs = new LogCollector();
      const host = await startSimulatedHost({ clock: steppedClock(), log: logs.log, ...options });
      hosts.push(host);
      return { host, logs, clock: host.clock as ReturnType<typeof steppedClock> };
    },
    /** Connects, handshakes and (with a clientId) sends START_API. */
    async client(host: SimulatedHost, options: Omit<TestClientOptions, "port"> = {}) {
      const c = TestClient.open({ port: host.port, ...options });
      clients.push(c);
      await c.hello;
      return c;
    },
    /** Connects without waiting for the hello. */
    open(host: SimulatedHost, options: Omit<TestClientOptions, "port"> = {}) {
      const c = TestClient.open({ port: host.port, ...options });
      clients.push(c);
      return c;
    },
    /** A client through its whole startup sequence (5 messages with the default farms), all taken. */
    async ready(host: SimulatedHost, clientId: number, options: Omit<TestClientOptions, "port" | "clientId"> = {}) {
      const c = TestClient.open({ port: host.port, clientId, ...options });
      clients.push(c);
      await c.hello;
      await c.skip(5);
      return c;
    },
  };
}
