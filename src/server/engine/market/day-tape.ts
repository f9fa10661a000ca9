import type { TradingDay } from "./calendar.js";
import type { PriceProcess } from "./price-process.js";
import { TapeSummary } from "./tape-summary.js";

/**
 * The tape of one trading day: one trade per second of the trading day, at that second's quote. The running
 * totals (volume, VWAP, and the open, high and low of the liquid hours) are kept at checkpoints every minute, so
 * the totals at any instant cost at most a minute of seconds once the day's checkpoints up to it exist. For bars,
 * the tape keeps {@link TapeSummary summaries} of the minutes asked about and of its whole sessions, so a range of
 * minute or daily bars costs a merge per minute or per day once the tape has walked those seconds.
 */

/** The totals of a day's trades before some second. */
export interface TapeTotals {
  /** Trades so far (0 before the first). */
  readonly trades: number;
  readonly volume: number;
  /** Sum of price × size in whole ticks (exact: prices are never summed as decimals), for the VWAP. */
  readonly turnoverTicks: number;
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
  turnoverTicks: 0,
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
  /** Summaries of the day's minutes (from the first second of the trading day), made when first asked for. */
  private readonly minutes: (TapeSummary | undefined)[] = [];
  /** The whole trading day and the liquid hours. */
  private readonly sessions = new Map<boolean, TapeSummary>();
  /**
   * The totals last answered: a stream asks for each second in turn, so the next answer extends this one by the
   * seconds since instead of walking again from the minute's checkpoint.
   */
  private cursor: { readonly until: number; readonly totals: TapeTotals } | undefined;

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
    const base = this.first + k * CHECKPOINT_SECONDS;
    const c = this.cursor;
    const totals =
      c !== undefined && c.until >= base && c.until <= until
        ? this.extend(c.totals, c.until, until)
        : this.extend(this.checkpoints[k]!, base, until);
    this.cursor = { until, totals };
    return totals;
  }

  /** The seconds of the day that trade: [first, end), or the liquid hours with `rth`. */
  bounds(rth: boolean): [number, number] {
    return rth ? [this.liquidFirst, this.liquidEnd] : [this.first, this.end];
  }

  /** The summary of the tape's seconds in [from, to) (clipped to the trading day). */
  summary(from: number, to: number): TapeSummary {
    const lo = Math.max(from, this.first);
    const hi = Math.min(to, this.end);
    const out = new TapeSummary();
    if (hi <= lo) return out;
    const k0 = Math.ceil((lo - this.first) / 60);
    const k1 = Math.floor((hi - this.first) / 60);
    if (k1 <= k0) {
      this.scan(lo, hi, out);
      return out;
    }
    // A partial minute at each end, whole minutes from the cache between.
    this.scan(lo, this.first + k0 * 60, out);
    this.fillMinutes(k0, k1);
    for (let k = k0; k < k1; k++) out.merge(this.minutes[k]!);
    this.scan(this.first + k1 * 60, hi, out);
    return out;
  }

  /** Makes the summaries of the whole minutes in [from, to) in one walk (before asking for many bars of them). */
  prepare(from: number, to: number): void {
    const k0 = Math.ceil((Math.max(from, this.first) - this.first) / 60);
    const k1 = Math.floor((Math.min(to, this.end) - this.first) / 60);
    if (k1 > k0) this.fillMinutes(k0, k1);
  }

  /** The summary of the whole trading day, or of its liquid hours: walked once, then kept. */
  session(rth: boolean): TapeSummary {
    let s = this.sessions.get(rth);
    if (!s) {
      const [lo, hi] = this.bounds(rth);
      s = new TapeSummary();
      this.scan(lo, hi, s);
      this.sessions.set(rth, s);
    }
    return s;
  }

  /** Adds the tape's seconds [from, to) to `into`. */
  private scan(from: number, to: number, into: TapeSummary): void {
    if (to <= from) return;
    const p = this.process;
    p.forEachTrade(from, to, (s, bid, ask, trade, size) => {
      into.add(s, bid, ask, trade, size, (p.onGrid(bid) + p.onGrid(ask)) / 2);
    });
  }

  /** Makes the summaries of minutes [k0, k1) that are missing, each missing run in one walk. */
  private fillMinutes(k0: number, k1: number): void {
    for (let k = k0; k < k1; ) {
      if (this.minutes[k]) {
        k++;
        continue;
      }
      let e = k;
      while (e < k1 && !this.minutes[e]) e++;
      const p = this.process;
      const base = this.first;
      let current = new TapeSummary();
      let index = k;
      p.forEachTrade(base + k * 60, Math.min(base + e * 60, this.end), (s, bid, ask, trade, size) => {
        const m = Math.floor((s - base) / 60);
        if (m !== index) {
          this.minutes[index] = current;
          current = new TapeSummary();
          index = m;
        }
        current.add(s, bid, ask, trade, size, (p.onGrid(bid) + p.onGrid(ask)) / 2);
      });
      this.minutes[index] = current;
      for (let j = k; j < e; j++) this.minutes[j] ??= new TapeSummary();
      k = e;
    }
  }

  /** The last trade of the liquid hours (the day's close). */
  closePrice(): number {
    return this.process.quote(this.liquidEnd - 1).tradePrice;
  }

  private extend(t: TapeTotals, from: number, to: number): TapeTotals {
    if (to <= from) return t;
    let { trades, volume, turnoverTicks, open, high, low, last, lastSize, lastSecond } = t;
    const p = this.process;
    const liquidFirst = this.liquidFirst;
    const liquidEnd = this.liquidEnd;
    let lastTicks = Number.NaN;
    p.forEachTrade(from, to, (s, _bid, _ask, trade, size) => {
      trades++;
      volume += size;
      turnoverTicks += trade * size;
      lastTicks = trade;
      lastSize = size;
      lastSecond = s;
      if (s >= liquidFirst && s < liquidEnd) {
        const price = p.onGrid(trade);
        if (Number.isNaN(open)) {
          open = price;
          high = price;
          low = price;
        } else {
          if (price > high) high = price;
          if (price < low) low = price;
        }
      }
    });
    if (!Number.isNaN(lastTicks)) last = p.onGrid(lastTicks);
    return { trades, volume, turnoverTicks, open, high, low, last, lastSize, lastSecond };
  }
}
