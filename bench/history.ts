import { measure } from "mitata";
import { buildBars } from "../src/server/history/bars.js";
import type { BarQuery } from "../src/server/history/validation.js";
import { MarketEngine, universeResolver } from "../src/server/index.js";

/**
 * Building long historical ranges: a year of daily bars and a month of minute bars of AAPL, each on a fresh engine
 * (cold: every second of the range walked once) and again on the same engine (warm: from the kept session and
 * minute summaries), beside the cost of the per-second walk the host did before (`quote(s)` for every second).
 */

type Report = (f: { name: string; [key: string]: unknown }) => void;

const NOW = Date.UTC(2026, 8, 28, 13, 30);
const resolve = universeResolver(() => NOW);
const aapl = resolve({ symbol: "AAPL", secType: "STK", currency: "USD", exchange: "SMART" })!;

function query(barSeconds: number, from: number, useRTH: boolean): BarQuery {
  return {
    instrument: aapl,
    start: from,
    end: NOW,
    from,
    to: NOW,
    barSeconds,
    what: "TRADES",
    kind: "trades",
    useRTH,
    formatDate: 1,
    zone: "US/Eastern",
  };
}

async function ms(fn: () => void): Promise<number> {
  const s = await measure(fn, { min_samples: 3, max_samples: 5, min_cpu_time: 0, warmup_samples: 0, batch_samples: 1 });
  return s.p50 / 1e6;
}

export async function historyCases(report: Report): Promise<void> {
  const yearAgo = new Date(NOW);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const monthAgo = new Date(NOW);
  monthAgo.setUTCMonth(monthAgo.getUTCMonth() - 1);
  const cases = [
    { name: "history.1Y_1day_rth", q: query(86_400, yearAgo.getTime(), true) },
    { name: "history.1Y_1day_all_hours", q: query(86_400, yearAgo.getTime(), false) },
    { name: "history.1M_1min_rth", q: query(60, monthAgo.getTime(), true) },
  ];
  for (const c of cases) {
    let bars = 0;
    let seconds = 0;
    const cold = await ms(() => {
      const engine = new MarketEngine({ seed: 1, resolve });
      bars = buildBars(engine, c.q).length;
    });
    const engine = new MarketEngine({ seed: 1, resolve });
    buildBars(engine, c.q);
    const warm = await ms(() => buildBars(engine, c.q));
    // Before: every trading second's quote asked for one by one (a sample day, scaled to the range).
    const p = new MarketEngine({ seed: 1, resolve }).process(aapl);
    const open = Date.UTC(2026, 8, 25, c.q.useRTH ? 13 : 8, c.q.useRTH ? 30 : 0) / 1000;
    const perDay = c.q.useRTH ? 23_400 : 57_600;
    const sample = await ms(() => {
      for (let s = open; s < open + perDay; s++) p.quote(s);
    });
    seconds = perDay * (c.q.barSeconds >= 86_400 ? bars : Math.round(bars / (perDay / 60)));
    report({
      name: c.name,
      bars,
      tradingSeconds: seconds,
      coldMs: cold,
      warmMs: warm,
      perSecondWalkMs: (sample * seconds) / perDay,
      coldNsPerSecond: (cold * 1e6) / seconds,
    });
  }
}
