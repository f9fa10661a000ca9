/**
 * The aggregate of a stretch of the tape: its trades (open, high, low, close in whole ticks, volume, turnover in
 * tick-lots, count) and its quotes (bid and ask in ticks, the mid price, and the tick sums BID_ASK bars average).
 * Every sum is of whole numbers, so merging summaries of adjacent stretches gives exactly the summary of the whole:
 * a bar built from cached minutes equals the bar built second by second.
 */
export class TapeSummary {
  /** Seconds (trades) in the stretch, and the first and last of them (-1 when empty). */
  count = 0;
  first = -1;
  last = -1;
  volume = 0;
  /** Sum of trade ticks × size: the turnover in ticks, exact. */
  turnoverTicks = 0;
  tradeOpen = 0;
  tradeHigh = Number.NEGATIVE_INFINITY;
  tradeLow = Number.POSITIVE_INFINITY;
  tradeClose = 0;
  bidOpen = 0;
  bidHigh = Number.NEGATIVE_INFINITY;
  bidLow = Number.POSITIVE_INFINITY;
  bidClose = 0;
  askOpen = 0;
  askHigh = Number.NEGATIVE_INFINITY;
  askLow = Number.POSITIVE_INFINITY;
  askClose = 0;
  /** The mid price as `(bid + ask) / 2` of the grid prices (what MIDPOINT bars show). */
  midOpen = 0;
  midHigh = Number.NEGATIVE_INFINITY;
  midLow = Number.POSITIVE_INFINITY;
  midClose = 0;
  bidTicksSum = 0;
  askTicksSum = 0;

  /** Adds second `s` (later than every second already in). */
  add(s: number, bid: number, ask: number, trade: number, size: number, mid: number): void {
    if (this.count === 0) {
      this.first = s;
      this.tradeOpen = trade;
      this.bidOpen = bid;
      this.askOpen = ask;
      this.midOpen = mid;
    }
    this.count++;
    this.last = s;
    this.volume += size;
    this.turnoverTicks += trade * size;
    if (trade > this.tradeHigh) this.tradeHigh = trade;
    if (trade < this.tradeLow) this.tradeLow = trade;
    this.tradeClose = trade;
    if (bid > this.bidHigh) this.bidHigh = bid;
    if (bid < this.bidLow) this.bidLow = bid;
    this.bidClose = bid;
    if (ask > this.askHigh) this.askHigh = ask;
    if (ask < this.askLow) this.askLow = ask;
    this.askClose = ask;
    if (mid > this.midHigh) this.midHigh = mid;
    if (mid < this.midLow) this.midLow = mid;
    this.midClose = mid;
    this.bidTicksSum += bid;
    this.askTicksSum += ask;
  }

  /** Appends the summary of the stretch right after this one. */
  merge(o: TapeSummary): void {
    if (o.count === 0) return;
    if (this.count === 0) {
      this.first = o.first;
      this.tradeOpen = o.tradeOpen;
      this.bidOpen = o.bidOpen;
      this.askOpen = o.askOpen;
      this.midOpen = o.midOpen;
    }
    this.count += o.count;
    this.last = o.last;
    this.volume += o.volume;
    this.turnoverTicks += o.turnoverTicks;
    this.tradeHigh = Math.max(this.tradeHigh, o.tradeHigh);
    this.tradeLow = Math.min(this.tradeLow, o.tradeLow);
    this.tradeClose = o.tradeClose;
    this.bidHigh = Math.max(this.bidHigh, o.bidHigh);
    this.bidLow = Math.min(this.bidLow, o.bidLow);
    this.bidClose = o.bidClose;
    this.askHigh = Math.max(this.askHigh, o.askHigh);
    this.askLow = Math.min(this.askLow, o.askLow);
    this.askClose = o.askClose;
    this.midHigh = Math.max(this.midHigh, o.midHigh);
    this.midLow = Math.min(this.midLow, o.midLow);
    this.midClose = o.midClose;
    this.bidTicksSum += o.bidTicksSum;
    this.askTicksSum += o.askTicksSum;
  }
}
