import type { Contract } from "../../../protocol/models/contract.js";
import { isTradingDay, previousTradingDay, type SessionHours, sessionDayOf, tradingDay } from "./calendar.js";
import { DayTape } from "./day-tape.js";
import { DerivedProcess } from "./derived-process.js";
import type { InstrumentResolver, MarketInstrument } from "./instruments.js";
import { PriceProcess } from "./price-process.js";
import type { TapeSummary } from "./tape-summary.js";
import { universeResolver } from "./universe-instruments.js";

/** Everything level-1 market data reports about an instrument at one instant. */
export interface MarketState {
  readonly time: number;
  /** Whether the instrument trades at this instant (inside its trading hours on a weekday, not halted). */
  readonly trading: boolean;
  readonly halted: boolean;
  readonly bid: number;
  readonly ask: number;
  readonly bidSize: number;
  readonly askSize: number;
  /** The latest trade (NaN when the day has none yet) and the second it happened. */
  readonly last: number;
  readonly lastSize: number;
  readonly lastTime: number;
  /** The day's volume, VWAP and the open, high and low of its liquid hours (NaN before they open). */
  readonly volume: number;
  readonly vwap: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  /** The previous trading day's close. */
  readonly close: number;
  /** The mid price, unrounded (for the mark price and models). */
  readonly mid: number;
  /** The second the quote belongs to (the last trade's second while the market is closed). */
  readonly quoteSecond: number;
  /** The day's trades so far. */
  readonly trades: number;
}

/** Options of the {@link MarketEngine}. */
export interface MarketEngineOptions {
  readonly seed: number;
  /** Finds the instrument of a contract (default: the host's universe on the day of the machine's clock). */
  readonly resolve?: InstrumentResolver;
}

const MAX_TAPES = 256;
/** Session summaries kept beyond their tapes (a year of daily bars for 30 instruments, about 200 bytes each). */
const MAX_SESSIONS = 16_384;

/**
 * The deterministic market: one seeded {@link PriceProcess} per instrument, the tape of each trading day, and
 * halts on demand. `state(instrument, t)` is a pure function of the seed, the instrument and `t` (and of the halts
 * set), whatever was asked before.
 */
export class MarketEngine {
  readonly seed: number;
  readonly resolve: InstrumentResolver;
  private readonly processes = new Map<MarketInstrument, PriceProcess>();
  private readonly tapes = new Map<string, DayTape>();
  private readonly sessions = new Map<string, TapeSummary>();
  /** Halted symbols and the instant each halt began. */
  private readonly halts = new Map<string, number>();

  constructor(options: MarketEngineOptions) {
    this.seed = options.seed;
    this.resolve = options.resolve ?? universeResolver(Date.now);
  }

  /** The instrument of a contract, or undefined. */
  instrumentOf(contract: Contract): MarketInstrument | undefined {
    return this.resolve(contract);
  }

  process(instrument: MarketInstrument): PriceProcess {
    let p = this.processes.get(instrument);
    if (!p) {
      const d = instrument.derivative;
      p = d
        ? new DerivedProcess(this.seed, instrument, d, this.process(d.underlying))
        : new PriceProcess(this.seed, instrument);
      this.processes.set(instrument, p);
    }
    return p;
  }

  /** The sessions of an instrument (US stock hours by default). */
  hours(instrument: MarketInstrument): SessionHours {
    const liquidHours = instrument.liquidHours ?? "0930-1600";
    return {
      timeZone: instrument.timeZone ?? "US/Eastern",
      liquidHours,
      tradingHours: instrument.tradingHours ?? (instrument.secType === "STK" ? "0400-2000" : liquidHours),
      everyDay: instrument.everyDay,
    };
  }

  /** Halts trading in `symbol` from `at` on: its state stays as it was then, with `halted` set. */
  halt(symbol: string, at: number): void {
    if (!this.halts.has(symbol)) this.halts.set(symbol, at);
  }

  /** Ends a halt: the state follows the process again. */
  resume(symbol: string): void {
    this.halts.delete(symbol);
  }

  isHalted(instrument: MarketInstrument): boolean {
    return this.halts.has(instrument.symbol);
  }

  /** The state of `instrument` at `t` (epoch ms). */
  state(instrument: MarketInstrument, t: number): MarketState {
    const haltedAt = this.halts.get(instrument.symbol);
    if (haltedAt !== undefined && t >= haltedAt) {
      return { ...this.rawState(instrument, haltedAt), time: t, trading: false, halted: true };
    }
    return this.rawState(instrument, t);
  }

  private rawState(instrument: MarketInstrument, t: number): MarketState {
    const hours = this.hours(instrument);
    const p = this.process(instrument);
    const second = Math.floor(t / 1000);
    const today = sessionDayOf(hours, t);
    const trading = isTradingDay(today) && t >= today.open && t < today.close;
    // Before today's session opens, the day reported is the previous trading day.
    const day = isTradingDay(today) && t >= today.open ? today : previousTradingDay(hours, today.day);
    const tape = this.tape(p, day.day, hours);
    const totals = tape.totalsBefore(second + 1);
    const close = this.tape(p, previousTradingDay(hours, day.day).day, hours).closePrice();
    // Outside trading hours the quote stays where the last trade left it.
    const quoteSecond = trading ? second : Math.max(totals.lastSecond, 0);
    const q = p.quote(quoteSecond);
    return {
      time: t,
      trading,
      halted: false,
      bid: q.bid,
      ask: q.ask,
      bidSize: q.bidSize,
      askSize: q.askSize,
      last: totals.last,
      lastSize: totals.lastSize,
      lastTime: totals.lastSecond * 1000,
      volume: totals.volume,
      vwap: totals.volume > 0 ? (totals.turnoverTicks / totals.volume) * p.tick : Number.NaN,
      open: totals.open,
      high: totals.high,
      low: totals.low,
      close,
      mid: q.mid,
      quoteSecond,
      trades: totals.trades,
    };
  }

  /** The tape of an instrument's local day `day` (kept among the latest few hundred tapes asked for). */
  tapeOf(instrument: MarketInstrument, day: number): DayTape {
    return this.tape(this.process(instrument), day, this.hours(instrument));
  }

  /**
   * The summary of local day `day`'s whole trading day (or liquid hours, `rth`): the day's trades once walked, kept
   * apart from the tapes so a year of daily bars stays cheap after its first request.
   */
  sessionSummary(instrument: MarketInstrument, day: number, rth: boolean): TapeSummary {
    const p = this.process(instrument);
    const key = `${p.key}:${day}:${rth ? 1 : 0}`;
    let s = this.sessions.get(key);
    if (!s) {
      s = this.tapeOf(instrument, day).session(rth);
      if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
      this.sessions.set(key, s);
    }
    return s;
  }

  private tape(p: PriceProcess, day: number, hours: SessionHours): DayTape {
    const key = `${p.key}:${day}`;
    let tape = this.tapes.get(key);
    if (!tape) {
      if (this.tapes.size >= MAX_TAPES) this.tapes.delete(this.tapes.keys().next().value!);
      tape = new DayTape(p, tradingDay(hours, day));
      this.tapes.set(key, tape);
    }
    return tape;
  }
}
