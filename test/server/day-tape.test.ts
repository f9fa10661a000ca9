import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDay } from "../../src/server/engine/market/calendar.js";
import { MarketEngine, universeResolver } from "../../src/server/index.js";

const MONDAY = Date.UTC(2026, 8, 28, 14, 15);
const resolve = universeResolver(() => MONDAY);
const aapl = resolve({ symbol: "AAPL", secType: "STK" })!;

describe("the day tape's running totals", () => {
  it("answer the same whatever was asked before (streams ask second by second, history anywhere)", () => {
    const day = localDay("US/Eastern", MONDAY);
    const open = Date.UTC(2026, 8, 28, 8) / 1000; // 04:00 New York time
    const fresh = (second: number) => new MarketEngine({ seed: 9, resolve }).tapeOf(aapl, day).totalsBefore(second);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: open - 60, max: open + 4 * 3600 }), { minLength: 1, maxLength: 12 }),
        (seconds) => {
          const tape = new MarketEngine({ seed: 9, resolve }).tapeOf(aapl, day);
          for (const s of seconds) expect(tape.totalsBefore(s)).toEqual(fresh(s));
        },
      ),
      { numRuns: 15 },
    );
  });

  it("sum turnover in whole ticks, so the VWAP is exact for any day length", () => {
    const engine = new MarketEngine({ seed: 9, resolve });
    const state = engine.state(aapl, MONDAY);
    const totals = engine.tapeOf(aapl, localDay("US/Eastern", MONDAY)).totalsBefore(MONDAY / 1000 + 1);
    expect(Number.isInteger(totals.turnoverTicks)).toBe(true);
    expect(state.vwap).toBeCloseTo((totals.turnoverTicks * 0.01) / totals.volume, 10);
  });
});
