import {
  isTradingDay,
  localDay,
  type MarketEngine,
  type MarketInstrument,
  tradingDay,
} from "../engine/market/index.js";

/**
 * REQ_HISTOGRAM_DATA: the volume traded at each price over a period ending now (docs 21.05: "3 days", periods like
 * the bar sizes' words), from the same tape the bars and ticks come from.
 */

const UNIT_DAYS: Record<string, number> = { day: 1, days: 1, week: 7, weeks: 7, month: 30, months: 30 };

/**
 * The longest histogram period the host serves: a year. Each day's trades are walked once, and one request may not
 * hold the event loop for long (assumed limit; longer periods get the same 321 as an unreadable one).
 */
export const MAX_HISTOGRAM_DAYS = 366;

/**
 * The period in calendar days, or undefined when it does not read (`<n> days|weeks|months`, singular too) or is
 * longer than {@link MAX_HISTOGRAM_DAYS}.
 */
export function parsePeriod(text: string): number | undefined {
  const m = /^\s*(\d+)\s+([a-z]+)\s*$/i.exec(text);
  const unit = m && UNIT_DAYS[m[2]!.toLowerCase()];
  const n = m ? Number(m[1]) : 0;
  return unit && n > 0 && n * unit <= MAX_HISTOGRAM_DAYS ? n * unit : undefined;
}

/** Price → volume of the trades in [start, end), lowest price first, sizes as Decimal text. */
export function histogramOf(
  engine: MarketEngine,
  instrument: MarketInstrument,
  start: number,
  end: number,
  rth: boolean,
): { price: number; size: string }[] {
  const hours = engine.hours(instrument);
  const p = engine.process(instrument);
  const volumes = new Map<number, number>();
  // One day past the end's local day: an overnight session opens the evening before its day.
  for (let d = localDay(hours.timeZone, start); d <= localDay(hours.timeZone, end - 1) + 1; d++) {
    const day = tradingDay(hours, d);
    if (!isTradingDay(day)) continue;
    const [first, last] = engine.tapeOf(instrument, d).bounds(rth);
    const lo = Math.max(first, Math.ceil(start / 1000));
    const hi = Math.min(last, Math.ceil(end / 1000));
    p.forEachTrade(lo, hi, (_s, _bid, _ask, trade, size) => {
      volumes.set(trade, (volumes.get(trade) ?? 0) + size);
    });
  }
  return [...volumes.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([ticks, size]) => ({ price: p.onGrid(ticks), size: String(size) }));
}
