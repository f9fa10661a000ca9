import type { TradingDay } from "./calendar.js";
import type { PriceProcess } from "./price-process.js";

/**
 * The tape of one trading day: one trade per second of the trading day, at that second's quote. The running
 * totals (volume, VWAP, and the open, high and low of the liquid hours) are kept at checkpoints every minute, so
 * the totals at any instant cost at most a minute of seconds once the day's checkpoints up to it exist.
 */

/** The totals of a day's trades before some second. */
export interface TapeTotals {
  /** Trades so far (0 before the first). */
  readonly trades: number;
  readonly volume: number;
  /** Sum of price × size, for the VWAP. */
  readonly turnover: number;
  /** The open, high and low of the liquid hours (NaN until the liquid hours open). */
  readonly open: number;
  readonly high: number;
  readonly low: number;
  /** The latest trade (NaN / -1 before the first). */
  readonly last: number;
  readonly lastSize: number;
  readonly lastSecond: number;
}

const EMPTY: TapeTotals = {
  trades: 0,
  volume: 0,
  turnover: 0,
  open: Number.NaN,
  high: Number.NaN,
  low: Number.NaN,
  last: Number.NaN,
  lastSize: 0,
  lastSecond: -1,
};

const CHECKPOINT_SECONDS = 60;

export class DayTape {
  private readonly first: number;
  private readonly end: number;
  private readonly liquidFirst: number;
  private readonly liquidEnd: number;
  private readonly checkpoints: TapeTotals[] = [EMPTY];

  constructor(
    private readonly process: PriceProcess,
    readonly day: TradingDay,
  ) {
    this.first = Math.ceil(day.open / 1000);
    this.end = Math.ceil(day.close / 1000);
    this.liquidFirst = Math.ceil(day.liquidOpen / 1000);
    this.liquidEnd = Math.ceil(day.liquidClose / 1000);
  }

  /** The totals of the trades in the seconds before `second` (the whole day when it is past the close). */
  totalsBefore(second: number): TapeTotals {
    const until = Math.min(Math.max(second, this.first), this.end);
    const k = Math.floor((until - this.first) / CHECKPOINT_SECONDS);
    while (this.checkpoints.length <= k) {
      const n = this.checkpoints.length;
      const from = this.first + (n - 1) * CHECKPOINT_SECONDS;
      this.checkpoints.push(this.extend(this.checkpoints[n - 1]!, from, from + CHECKPOINT_SECONDS));
    }
    return this.extend(this.checkpoints[k]!, this.first + k * CHECKPOINT_SECONDS, until);
  }

  /** The last trade of the liquid hours (the day's close). */
  closePrice(): number {
    return this.process.quote(this.liquidEnd - 1).tradePrice;
  }

  private extend(t: TapeTotals, from: number, to: number): TapeTotals {
    if (to <= from) return t;
    let { trades, volume, turnover, open, high, low, last, lastSize, lastSecond } = t;
    for (let s = from; s < to; s++) {
      const q = this.process.quote(s);
      trades++;
      volume += q.tradeSize;
      turnover += q.tradePrice * q.tradeSize;
      last = q.tradePrice;
      lastSize = q.tradeSize;
      lastSecond = s;
      if (s >= this.liquidFirst && s < this.liquidEnd) {
        if (Number.isNaN(open)) {
          open = q.tradePrice;
          high = q.tradePrice;
          low = q.tradePrice;
        } else {
          if (q.tradePrice > high) high = q.tradePrice;
          if (q.tradePrice < low) low = q.tradePrice;
        }
      }
    }
    return { trades, volume, turnover, open, high, low, last, lastSize, lastSecond };
  }
}
