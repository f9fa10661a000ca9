const LEVELS = "▁▂▃▄▅▆▇█";

/** A sparkline of `values` (oldest first): one block character each, scaled between their low and high. */
export function sparkline(values: readonly number[]): string {
  if (values.length === 0) return "";
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (hi === lo) return LEVELS[3]!.repeat(values.length);
  return values.map((v) => LEVELS[Math.round(((v - lo) / (hi - lo)) * (LEVELS.length - 1))]).join("");
}

/** The closes of recent bars, by bar start: a keepUpToDate update replaces the bar it belongs to or adds one. */
export class RecentCloses {
  private readonly bars: { date: string; close: number }[] = [];

  constructor(private readonly keep: number) {}

  add(date: string, close: number): void {
    const last = this.bars[this.bars.length - 1];
    if (last?.date === date) last.close = close;
    else this.bars.push({ date, close });
    if (this.bars.length > this.keep) this.bars.splice(0, this.bars.length - this.keep);
  }

  get closes(): number[] {
    return this.bars.map((b) => b.close);
  }
}
