import { describe, expect, it } from "vitest";
import { demoClock, demoReplayStart } from "../../src/cli/market/demo-clock.js";

/** New York time as UTC ms, for dates in November 2026 (EST, UTC-5) and September 2026 (EDT, UTC-4). */
const est = (d: number, h: number, m: number) => Date.UTC(2026, 10, d, h + 5, m);
const edt = (d: number, h: number, m: number) => Date.UTC(2026, 8, d, h + 4, m);

describe("the demo's host clock", () => {
  it("runs in real time while US stocks trade", () => {
    expect(demoReplayStart(est(24, 11, 0))).toBeUndefined(); // Tuesday 11:00
    expect(demoReplayStart(edt(28, 9, 30))).toBeUndefined(); // Monday at the open
  });

  it("replays the latest session from 10:30 New York time when they do not", () => {
    expect(demoReplayStart(est(24, 1, 17))).toBe(est(23, 10, 30)); // Tuesday night → Monday
    expect(demoReplayStart(est(24, 17, 0))).toBe(est(24, 10, 30)); // Tuesday after the close → that day
    expect(demoReplayStart(est(24, 9, 29))).toBe(est(23, 10, 30)); // a minute before the open → the day before
    expect(demoReplayStart(est(22, 12, 0))).toBe(est(20, 10, 30)); // Sunday → Friday
    expect(demoReplayStart(edt(26, 12, 0))).toBe(edt(25, 10, 30)); // Saturday in summer time → Friday
  });

  it("starts its host time there and tells that it replays", () => {
    const night = est(24, 1, 17);
    const replay = demoClock(night);
    expect(replay.replayFrom).toBe(est(23, 10, 30));
    expect(replay.clock.now() - est(23, 10, 30)).toBeGreaterThanOrEqual(0);
    expect(replay.clock.now() - est(23, 10, 30)).toBeLessThan(60_000);
    expect(demoClock(est(24, 11, 0)).replayFrom).toBeUndefined();
  });
});
