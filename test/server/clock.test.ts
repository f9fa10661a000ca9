import { describe, expect, it } from "vitest";
import { acceleratedClock } from "../../src/server/index.js";

describe("the accelerated clock", () => {
  it("runs host time faster than the wall clock: a 10 s host timer fires after 10 s of host time", async () => {
    const start = Date.UTC(2026, 8, 28, 13, 30);
    const clock = acceleratedClock(1000, start);
    expect(clock.now() - start).toBeGreaterThanOrEqual(0);
    expect(clock.now() - start).toBeLessThan(1000);
    const firedAt = await new Promise<number>((resolve) => clock.setTimer(() => resolve(clock.now()), 10_000));
    expect(firedAt - start).toBeGreaterThanOrEqual(10_000);
  });

  it("cancels a timer, and refuses a factor that is not positive", async () => {
    const clock = acceleratedClock(500);
    let fired = false;
    clock.clearTimer(clock.setTimer(() => (fired = true), 1000));
    await new Promise<void>((resolve) => clock.setTimer(resolve, 5000));
    expect(fired).toBe(false);
    expect(() => acceleratedClock(0)).toThrow(RangeError);
    expect(() => acceleratedClock(Number.NaN)).toThrow(/positive/);
  });
});
