import { type SimulatedHostOptions, steppedClock } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";

/** 2026-09-28 14:00 UTC: a Monday, half an hour into the US session, so stocks trade and have volume. */
export const TRADING_TIME = Date.UTC(2026, 8, 28, 14, 0, 0);

/**
 * A simulated host for `tws` commands to reach with `--port`: on a stepped clock (so the market is where the test
 * says and the values can be checked against the engine), closed after each test.
 */
export function cliHost() {
  const fixture = hostFixture();
  return {
    async start(options: SimulatedHostOptions = {}) {
      const { host, clock } = await fixture.start({ clock: steppedClock(TRADING_TIME), ...options });
      return { host, clock, port: String(host.port) };
    },
    /** A test client through its startup, holding `clientId` on the host. */
    ready: fixture.ready,
  };
}
