import { keyOf, normal, uniform } from "./hash.js";
import type { MarketInstrument } from "./instruments.js";

/**
 * The seeded price process of one instrument, computable at any second directly. Time is cut into segments of
 * 2^17 seconds (about a day and a half); each segment boundary has an anchor (the log of the reference price plus
 * a seeded deviation), and between two anchors the log price is a Brownian bridge built by midpoint refinement,
 * each midpoint's draw keyed by (seed, instrument, segment, node). The price at second s thus costs 17 draws and
 * never depends on when or in which order it was asked for.
 */

const SEGMENT_BITS = 17;
const SEGMENT = 2 ** SEGMENT_BITS;
/**
 * The bridge's top levels are shared by every second of a segment: their deviations (nodes 1 .. 2^12 - 1) are
 * kept per segment once drawn, so a second costs 5 fresh draws instead of 17. Caching changes no value.
 */
const CACHED_NODES = 2 ** 12;
/** Segments whose top levels are kept per process (the current one and a neighbour). */
const CACHED_SEGMENTS = 2;
/** Seconds in a year, to scale the annual volatility per second (the process runs around the clock). */
const SECONDS_PER_YEAR = 365 * 86_400;

/** The draw streams, so no two uses of the randomness share coordinates. */
const Stream = { ANCHOR: 1, SPREAD: 2, BID_SIZE: 3, ASK_SIZE: 4, SIDE: 5, LAST_SIZE: 6, BRIDGE: 8 } as const;

/** A visitor of the tape's trades: prices in whole ticks. */
export type TradeVisitor = (
  second: number,
  bidTicks: number,
  askTicks: number,
  tradeTicks: number,
  tradeSize: number,
  mid: number,
) => void;

/** A quote and the trade of one second, on the instrument's tick grid. */
export interface SecondQuote {
  readonly second: number;
  readonly mid: number;
  readonly bid: number;
  readonly ask: number;
  readonly bidSize: number;
  readonly askSize: number;
  /** The price and size of this second's trade (when the second trades). */
  readonly tradePrice: number;
  readonly tradeSize: number;
}

function decimalsOf(tick: number): number {
  for (let d = 0; d < 12; d++) if (Math.abs(Math.round(tick * 10 ** d) - tick * 10 ** d) < 1e-9) return d;
  return 12;
}

export class PriceProcess {
  readonly key: number;
  readonly tick: number;
  readonly lot: number;
  /** The tick in units of the grid's last decimal (0.01 → 1 at 2 decimals), and that unit's scale (100). */
  private readonly tickUnits: number;
  private readonly scale: number;
  private readonly logRef: number;
  private readonly perSecond: number;
  private readonly anchorSigma: number;
  private readonly bridges = new Map<number, Float64Array>();

  constructor(
    private readonly seed: number,
    readonly instrument: MarketInstrument,
  ) {
    this.key = instrument.conId > 0 ? instrument.conId : keyOf(`${instrument.symbol}.${instrument.secType}`);
    this.tick = instrument.minTick;
    const decimals = decimalsOf(instrument.minTick);
    this.scale = 10 ** decimals;
    this.tickUnits = Math.round(instrument.minTick * this.scale);
    this.lot = instrument.lotSize ?? (instrument.secType === "STK" ? 100 : 1);
    this.logRef = Math.log(instrument.referencePrice);
    const vol = instrument.volatility ?? 0.25;
    this.perSecond = vol / Math.sqrt(SECONDS_PER_YEAR);
    this.anchorSigma = this.perSecond * Math.sqrt(SEGMENT / 4);
  }

  /**
   * A price of n ticks, as the decimal the tick grid gives it: an exact integer count of the grid's last decimal,
   * divided once, which is the double nearest that decimal (what parsing its text would give).
   */
  onGrid(ticks: number): number {
    return (ticks * this.tickUnits) / this.scale;
  }

  private anchor(segment: number): number {
    return this.logRef + this.anchorSigma * normal(this.seed, this.key, Stream.ANCHOR, segment);
  }

  /** The log of the mid price at second `s` (seconds since the epoch). */
  logMid(s: number): number {
    const segment = Math.floor(s / SEGMENT);
    const i = s - segment * SEGMENT;
    const a = this.anchor(segment);
    const b = this.anchor(segment + 1);
    let lo = 0;
    let hi = SEGMENT;
    let vlo = 0;
    let vhi = 0;
    let node = 1;
    let v = 0;
    const stream = Stream.BRIDGE + segment * 16;
    const top = this.bridgeTop(segment);
    while (i !== lo) {
      const mid = (lo + hi) / 2;
      let vmid = node < CACHED_NODES ? top[node]! : Number.NaN;
      if (Number.isNaN(vmid)) {
        vmid = (vlo + vhi) / 2 + Math.sqrt((hi - lo) / 4) * this.perSecond * normal(this.seed, this.key, stream, node);
        if (node < CACHED_NODES) top[node] = vmid;
      }
      if (i === mid) {
        v = vmid;
        break;
      }
      if (i < mid) {
        hi = mid;
        vhi = vmid;
        node = 2 * node;
      } else {
        lo = mid;
        vlo = vmid;
        node = 2 * node + 1;
      }
    }
    return a + ((b - a) * i) / SEGMENT + v;
  }

  /** The kept deviations of a segment's top bridge levels (NaN until drawn). */
  private bridgeTop(segment: number): Float64Array {
    let top = this.bridges.get(segment);
    if (!top) {
      if (this.bridges.size >= CACHED_SEGMENTS) this.bridges.delete(this.bridges.keys().next().value!);
      top = new Float64Array(CACHED_NODES).fill(Number.NaN);
      this.bridges.set(segment, top);
    }
    return top;
  }

  /** The mid price at second `s`, unrounded. */
  mid(s: number): number {
    return Math.exp(this.logMid(s));
  }

  /** The quote and trade of second `s`: bid below ask by 1 to 3 ticks, sizes in whole lots. */
  quote(s: number): SecondQuote {
    return this.quoteAt(s, this.mid(s));
  }

  /**
   * Calls `fn` with the quote of every second in [from, to), in order: the same quotes as {@link quote}, bit for
   * bit, but the bridge of each segment is refined once for the whole range (one draw per second, not 5 to 17).
   */
  forEachQuote(from: number, to: number, fn: (q: SecondQuote) => void): void {
    this.forEachMid(from, to, (s, mid) => fn(this.quoteAt(s, mid)));
  }

  /**
   * The trades of seconds [from, to) without building quote objects (the tape's hot path): `fn(second, bidTicks,
   * askTicks, tradeTicks, tradeSize, mid)`, prices in whole ticks of {@link onGrid}, the same as {@link quote} gives.
   */
  forEachTrade(from: number, to: number, fn: TradeVisitor): void {
    this.forEachMid(from, to, (s, mid) => {
      const spread = 1 + Math.floor(uniform(this.seed, this.key, Stream.SPREAD, s) * 3);
      const bidTicks = Math.max(1, Math.round(mid / this.tick - spread / 2));
      const askTicks = bidTicks + spread;
      const atAsk = uniform(this.seed, this.key, Stream.SIDE, s) < 0.5;
      const size = this.lot * (1 + Math.floor(uniform(this.seed, this.key, Stream.LAST_SIZE, s) ** 2 * 8));
      fn(s, bidTicks, askTicks, atAsk ? askTicks : bidTicks, size, mid);
    });
  }

  /**
   * The mid price of every second in [from, to), one bridge refinement per segment: the same values as
   * {@link mid}, which a derived process (futures, options) overrides together with this.
   */
  forEachMid(from: number, to: number, fn: (s: number, mid: number) => void): void {
    for (let s = from; s < to; ) {
      const segment = Math.floor(s / SEGMENT);
      const base = segment * SEGMENT;
      const end = Math.min(to, base + SEGMENT);
      const v = this.bridge(segment, s - base, end - base);
      const a = this.anchor(segment);
      const b = this.anchor(segment + 1);
      const skip = s - base;
      for (let t = s; t < end; t++) {
        const i = t - base;
        // The same expression as logMid, so the same bits.
        fn(t, Math.exp(a + ((b - a) * i) / SEGMENT + v[i - skip]!));
      }
      s = end;
    }
  }

  /**
   * The bridge deviations of points [lo, hi) of one segment, each node refined once: node (l, h) has its value at
   * the midpoint, drawn exactly as {@link logMid} draws it, and is visited only when its span holds a wanted point.
   */
  private bridge(segment: number, lo: number, hi: number): Float64Array {
    const out = new Float64Array(hi - lo);
    const stream = Stream.BRIDGE + segment * 16;
    const visit = (l: number, h: number, vl: number, vh: number, node: number): void => {
      if (Math.max(l + 1, lo) >= Math.min(h, hi)) return;
      const mid = (l + h) / 2;
      const vmid = (vl + vh) / 2 + Math.sqrt((h - l) / 4) * this.perSecond * normal(this.seed, this.key, stream, node);
      if (mid >= lo && mid < hi) out[mid - lo] = vmid;
      visit(l, mid, vl, vmid, 2 * node);
      visit(mid, h, vmid, vh, 2 * node + 1);
    };
    // Point 0 is the anchor itself (deviation 0, already in `out`).
    visit(0, SEGMENT, 0, 0, 1);
    return out;
  }

  /** The quote of second `s` around its mid price. */
  private quoteAt(s: number, mid: number): SecondQuote {
    const spread = 1 + Math.floor(uniform(this.seed, this.key, Stream.SPREAD, s) * 3);
    const bidTicks = Math.max(1, Math.round(mid / this.tick - spread / 2));
    const askTicks = bidTicks + spread;
    const lots = (stream: number, most: number) =>
      this.lot * (1 + Math.floor(uniform(this.seed, this.key, stream, s) ** 2 * most));
    const atAsk = uniform(this.seed, this.key, Stream.SIDE, s) < 0.5;
    return {
      second: s,
      mid,
      bid: this.onGrid(bidTicks),
      ask: this.onGrid(askTicks),
      bidSize: lots(Stream.BID_SIZE, 40),
      askSize: lots(Stream.ASK_SIZE, 40),
      tradePrice: this.onGrid(atAsk ? askTicks : bidTicks),
      tradeSize: lots(Stream.LAST_SIZE, 8),
    };
  }
}
