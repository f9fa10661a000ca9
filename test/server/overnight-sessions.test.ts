import { describe, expect, it } from "vitest";
import { steppedClock } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";

const fx = hostFixture();
const EURUSD = { symbol: "EUR", secType: "CASH", exchange: "IDEALPRO", currency: "USD" };
/** Monday 28 September 2026, 18:30 New York time: Tuesday's forex session opened at 17:15. */
const EVENING = Date.UTC(2026, 8, 28, 22, 30);

describe("sessions that open the evening before their day (forex)", () => {
  it("historical bars cover the evening's session from its 17:15 open", async () => {
    const { host } = await fx.start({ seed: 3, clock: steppedClock(EVENING) });
    const c = await fx.ready(host, 1);
    c.send("REQ_HISTORICAL_DATA", {
      reqId: 1,
      contract: EURUSD,
      endDateTime: "",
      durationStr: "7200 S",
      barSizeSetting: "5 mins",
      whatToShow: "MIDPOINT",
      useRTH: 0,
      formatDate: 2,
      keepUpToDate: false,
      chartOptions: [],
    });
    const bars = (await c.take("HISTORICAL_DATA")).value.bars as { date: string }[];
    const times = bars.map((b) => Number(b.date) * 1000);
    // 16:30–17:00 of Monday's session, nothing in the 17:00–17:15 break, then 17:15–18:30 of Tuesday's.
    expect(times[0]).toBe(Date.UTC(2026, 8, 28, 20, 30));
    expect(times).not.toContain(Date.UTC(2026, 8, 28, 21, 0));
    expect(times).toContain(Date.UTC(2026, 8, 28, 21, 15));
    expect(times.at(-1)).toBe(Date.UTC(2026, 8, 28, 22, 25));
    expect(bars).toHaveLength(6 + 15);
  });

  it("tick-by-tick midpoints stream in the evening session, and historical ticks find it", async () => {
    const { host, clock } = await fx.start({ seed: 3, clock: steppedClock(EVENING) });
    const c = await fx.ready(host, 1);
    c.send("REQ_TICK_BY_TICK_DATA", {
      reqId: 2,
      contract: EURUSD,
      tickType: "MidPoint",
      numberOfTicks: 0,
      ignoreSize: false,
    });
    // The host has the request once it answers one sent after it; then time may move.
    c.send("REQ_CURRENT_TIME", {});
    await c.take("CURRENT_TIME");
    clock.advance(30_000);
    const tick = await c.take("TICK_BY_TICK");
    expect(Number(tick.value.time) * 1000).toBeGreaterThanOrEqual(EVENING);
    c.send("REQ_HISTORICAL_TICKS", {
      reqId: 3,
      contract: EURUSD,
      startDateTime: "",
      endDateTime: "20260928 18:30:00 US/Eastern",
      numberOfTicks: 10,
      whatToShow: "MIDPOINT",
      useRth: 0,
      ignoreSize: false,
      miscOptions: [],
    });
    const ticks = (await c.take("HISTORICAL_TICKS")).value.ticks as { time: number }[];
    expect(ticks.length).toBeGreaterThan(0);
    for (const t of ticks) expect(Number(t.time) * 1000).toBeGreaterThan(Date.UTC(2026, 8, 28, 21, 15));
  });
});
