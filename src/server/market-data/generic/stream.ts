import { TickType } from "../../../protocol/models/tick-type.js";
import { sessionDayOf } from "../../engine/market/calendar.js";
import type { MarketEngine, MarketInstrument, MarketState } from "../../engine/market/index.js";
import { universeAt } from "../../engine/reference/universe.js";
import type { TickSink } from "../ticks.js";
import { averageDailyVolume, dailyCloses, historicalVolatility, realTimeVolatility, WEEK_DAYS } from "./history.js";
import {
  chainOpenInterest,
  chainVolume,
  dividends,
  fundamentalRatios,
  futuresOpenInterest,
  hasChain,
  isEtf,
  openInterest,
  shortableShares,
} from "./modelled.js";
import { GENERIC_TICKS } from "./table.js";

/**
 * The generic ticks of one stream: all that apply first, then each one whose value changed. Only streams that
 * asked for generic ticks have one (plain streams stay allocation-light).
 */

type Kind = "price" | "size" | "generic" | "text";

/** Whether a generic tick id applies to an instrument (GENERIC_TICKS' `for`). */
export function appliesTo(id: number, engine: MarketEngine, instrument: MarketInstrument, t: number): boolean {
  const spec = GENERIC_TICKS.get(id);
  if (!spec || spec.none) return false;
  return spec.for.split(", ").some((who) => {
    if (who === "any") return true;
    if (who === "chain") return hasChain(engine, instrument, t);
    if (who === "etf") return isEtf(instrument, t);
    if (who === "index-with-futures")
      return instrument.secType === "IND" && frontFuture(engine, instrument, t) !== undefined;
    return who === instrument.secType;
  });
}

/** The nearest future on an index that has not expired. */
export function frontFuture(engine: MarketEngine, index: MarketInstrument, t: number): MarketInstrument | undefined {
  let best: MarketInstrument | undefined;
  for (const i of universeAt(t).instruments) {
    if (i.details.contract.secType !== "FUT" || i.details.underConId !== index.conId) continue;
    const f = engine.instrumentOf({ conId: i.details.contract.conId });
    if (f?.derivative && f.derivative.expiry > t && (!best || f.derivative.expiry < best.derivative!.expiry)) best = f;
  }
  return best;
}

/** Volumes in the stream's units: round lots for US stocks (as TICK_SIZE VOLUME), units otherwise. */
const units = (instrument: MarketInstrument, shares: number) =>
  instrument.secType === "STK" ? Math.floor(shares / 100) : shares;

const round = (n: number, digits: number) => Number(n.toFixed(digits));

export class GenericTicks {
  private readonly ids: number[];
  private readonly sent = new Map<number, number | string>();
  /** Daily closes for the 52 weeks before the stream's day, newest first (when a statistic needs them). */
  private closes: number[] | undefined;

  constructor(
    private readonly engine: MarketEngine,
    private readonly instrument: MarketInstrument,
    requested: ReadonlySet<number>,
    t: number,
  ) {
    this.ids = [...requested].filter((id) => appliesTo(id, engine, instrument, t));
  }

  /** The ids this stream delivers (those asked for that apply to the instrument). */
  get delivered(): readonly number[] {
    return this.ids;
  }

  first(out: TickSink, s: MarketState): void {
    this.sent.clear();
    this.all(out, s, undefined);
  }

  change(out: TickSink, prev: MarketState, s: MarketState): void {
    this.all(out, s, prev);
  }

  private all(out: TickSink, s: MarketState, prev: MarketState | undefined): void {
    for (const id of this.ids) this.one(out, id, s, prev);
  }

  /** Sends a value unless the stream already has it. */
  private emit(out: TickSink, kind: Kind, tickType: number, value: number | string): void {
    if (typeof value === "number" && Number.isNaN(value)) return;
    if (this.sent.get(tickType) === value) return;
    this.sent.set(tickType, value);
    if (kind === "price") out.price(tickType, value as number);
    else if (kind === "size") out.size(tickType, String(value));
    else if (kind === "generic") out.generic(tickType, value as number);
    else out.text(tickType, value as string);
  }

  /** The closes before the day of `s`, read again when a new day's close appears. */
  private history(s: MarketState): number[] {
    if (this.closes?.[0] !== s.close) this.closes = dailyCloses(this.engine, this.instrument, s.time, WEEK_DAYS[52]);
    return this.closes;
  }

  private one(out: TickSink, id: number, s: MarketState, prev: MarketState | undefined): void {
    const { engine, instrument: inst } = this;
    const t = s.time;
    const T = TickType;
    switch (id) {
      case 100: {
        const own = inst.derivative?.option;
        const v = own
          ? { calls: own.right === "C" ? s.volume : 0, puts: own.right === "P" ? s.volume : 0 }
          : chainVolume(engine, inst, t, s.volume);
        this.emit(out, "size", T.OPTION_CALL_VOLUME, v.calls);
        this.emit(out, "size", T.OPTION_PUT_VOLUME, v.puts);
        return;
      }
      case 101: {
        if (prev) return;
        const own = inst.derivative?.option;
        const oi = own ? openInterest(engine, inst, t) : 0;
        const v = own
          ? { calls: own.right === "C" ? oi : 0, puts: own.right === "P" ? oi : 0 }
          : chainOpenInterest(engine, inst, t);
        this.emit(out, "size", T.OPTION_CALL_OPEN_INTEREST, v.calls);
        this.emit(out, "size", T.OPTION_PUT_OPEN_INTEREST, v.puts);
        return;
      }
      case 104:
        if (!prev) this.emit(out, "generic", T.OPTION_HISTORICAL_VOL, historicalVolatility(engine, inst, t));
        return;
      case 105:
        if (!prev) {
          const average = chainVolume(engine, inst, t, averageDailyVolume(engine, inst, t));
          // The average of the modelled day activity (0.5 + u, mean 1) is the volume at activity 1.
          this.emit(out, "size", T.AVG_OPT_VOLUME, average.calls + average.puts);
        }
        return;
      case 106:
        // The at-the-money volatility of the host's option model: the underlying's volatility (modelVolatility).
        if (!prev) this.emit(out, "generic", T.OPTION_IMPLIED_VOL, Math.max(0.05, inst.volatility ?? 0.25));
        return;
      case 162: {
        const future = frontFuture(engine, inst, t);
        if (future) this.emit(out, "generic", T.INDEX_FUTURE_PREMIUM, round(engine.state(future, t).mid - s.mid, 4));
        return;
      }
      case 165:
        this.weeks(out, s, prev);
        return;
      case 221:
        this.emit(out, "price", T.CREDITMAN_MARK_PRICE, round(s.mid, 6));
        return;
      case 232:
        this.emit(out, "price", T.MARK_PRICE, round(s.mid, 6));
        return;
      case 233:
      case 375:
        if ((!prev || prev.lastTime !== s.lastTime) && !Number.isNaN(s.last)) {
          out.text(id === 233 ? T.RT_VOLUME : T.RT_TRD_VOLUME, this.rtVolume(s));
        }
        return;
      case 236:
        if (prev) return;
        // 3: at least 1000 shares can be borrowed (TWS: > 2.5 easy, > 1.5 hard, else none).
        this.emit(out, "generic", T.SHORTABLE, 3);
        this.emit(out, "size", T.SHORTABLE_SHARES, shortableShares(engine, inst, t));
        return;
      case 258:
        if (!prev) {
          const c = this.history(s);
          const ratios = fundamentalRatios(
            engine,
            inst,
            Number.isNaN(s.last) ? s.close : s.last,
            Math.max(...c),
            Math.min(...c),
            averageDailyVolume(engine, inst, t),
          );
          this.emit(out, "text", T.FUNDAMENTAL_RATIOS, ratios);
        }
        return;
      case 293:
        this.emit(out, "generic", T.TRADE_COUNT, s.trades);
        return;
      case 294:
      case 295:
        this.rates(out, id, s);
        return;
      case 318:
        this.emit(out, "price", T.LAST_RTH_TRADE, this.lastRthTrade(s));
        return;
      case 411:
        this.emit(out, "generic", T.RT_HISTORICAL_VOL, round(realTimeVolatility(this.history(s), s), 8));
        return;
      case 456:
        if (!prev) this.emit(out, "text", T.IB_DIVIDENDS, dividends(s.close, t));
        return;
      case 576:
        this.emit(out, "price", T.ETF_NAV_BID, s.bid);
        this.emit(out, "price", T.ETF_NAV_ASK, s.ask);
        return;
      case 577:
        this.emit(out, "price", T.ETF_NAV_LAST, round(s.mid, 4));
        return;
      case 578:
        if (!prev) {
          this.emit(out, "price", T.ETF_NAV_CLOSE, s.close);
          this.emit(out, "price", T.ETF_NAV_PRIOR_CLOSE, this.history(s)[1]!);
        }
        return;
      case 588:
        if (!prev) this.emit(out, "size", T.FUTURES_OPEN_INTEREST, futuresOpenInterest(engine, inst, t));
        return;
      case 595:
        this.shortTermVolume(out, s);
        return;
      case 614:
        this.emit(out, "price", T.ETF_NAV_HIGH, s.high);
        this.emit(out, "price", T.ETF_NAV_LOW, s.low);
        return;
      case 619:
        // The slow mark moves once a minute.
        if (!prev || Math.floor(prev.time / 60_000) !== Math.floor(t / 60_000)) {
          this.emit(out, "price", T.CREDITMAN_SLOW_MARK_PRICE, round(s.mid, 6));
        }
        return;
      case 623:
        if (!s.trading) this.emit(out, "price", T.ETF_FROZEN_NAV_LAST, round(s.mid, 4));
        return;
    }
  }

  private rtVolume(s: MarketState): string {
    const inst = this.instrument;
    const vwap = Number.isNaN(s.vwap) ? "" : s.vwap.toFixed(8);
    const size = inst.secType === "STK" ? s.lastSize / 100 : s.lastSize;
    return `${s.last};${size};${s.lastTime};${units(inst, s.volume)};${vwap};true`;
  }

  /** 13 / 26 / 52-week lows and highs over the daily closes and today's trades, and the average volume. */
  private weeks(out: TickSink, s: MarketState, prev: MarketState | undefined): void {
    const c = this.history(s);
    const T = TickType;
    const today = [s.high, s.low, s.last].filter((p) => !Number.isNaN(p));
    const types = [
      [WEEK_DAYS[13], T.LOW_13_WEEK, T.HIGH_13_WEEK],
      [WEEK_DAYS[26], T.LOW_26_WEEK, T.HIGH_26_WEEK],
      [WEEK_DAYS[52], T.LOW_52_WEEK, T.HIGH_52_WEEK],
    ] as const;
    for (const [days, low, high] of types) {
      const window = [...c.slice(0, days), ...today];
      this.emit(out, "price", low, Math.min(...window));
      this.emit(out, "price", high, Math.max(...window));
    }
    if (!prev)
      this.emit(
        out,
        "size",
        T.AVG_VOLUME,
        units(this.instrument, averageDailyVolume(this.engine, this.instrument, s.time)),
      );
  }

  /** Trades and volume over the last minute (the engine trades once a second while the market is open). */
  private rates(out: TickSink, id: number, s: MarketState): void {
    const before = this.engine.state(this.instrument, s.time - 60_000);
    const sameDay = before.trades <= s.trades;
    if (id === 294) this.emit(out, "generic", TickType.TRADE_RATE, sameDay ? s.trades - before.trades : s.trades);
    else {
      const shares = sameDay ? s.volume - before.volume : s.volume;
      this.emit(out, "generic", TickType.VOLUME_RATE, units(this.instrument, shares));
    }
  }

  /** The volume of the last 3, 5 and 10 minutes of the day. */
  private shortTermVolume(out: TickSink, s: MarketState): void {
    const T = TickType;
    for (const [minutes, tickType] of [
      [3, T.SHORT_TERM_VOLUME_3_MIN],
      [5, T.SHORT_TERM_VOLUME_5_MIN],
      [10, T.SHORT_TERM_VOLUME_10_MIN],
    ] as const) {
      const before = this.engine.state(this.instrument, s.time - minutes * 60_000);
      const shares = before.volume <= s.volume ? s.volume - before.volume : s.volume;
      this.emit(out, "size", tickType, units(this.instrument, shares));
    }
  }

  /** The last trade inside the liquid hours: today's last during them, the day's close after, else yesterday's. */
  private lastRthTrade(s: MarketState): number {
    const day = sessionDayOf(this.engine.hours(this.instrument), s.time);
    if (!day.trades || s.time < day.liquidOpen) return s.close;
    if (s.time < day.liquidClose) return Number.isNaN(s.last) ? s.close : s.last;
    return this.engine.process(this.instrument).quote(Math.ceil(day.liquidClose / 1000) - 1).tradePrice;
  }
}
