import { TickType } from "../../protocol/models/tick-type.js";
import type { DerivativeTerms, MarketEngine, MarketInstrument, MarketState } from "../engine/market/index.js";
import { modelComputation, priceComputation } from "../options/model.js";
import type { TickSink } from "./ticks.js";

/**
 * The option computations of an option's level-1 stream: TWS sends the implied volatility and greeks of the bid
 * (10), the ask (11) and the last trade (12), and the model's (13), or the delayed ids 80..83 on delayed streams
 * ("Available Tick Types"). The underlying price is the underlying's mid at the second of the option's quote, the
 * one the engine priced the option from, so the model computation's price is the option's own fair value.
 */

const LIVE = {
  bid: TickType.BID_OPTION_COMPUTATION,
  ask: TickType.ASK_OPTION_COMPUTATION,
  last: TickType.LAST_OPTION_COMPUTATION,
  model: TickType.MODEL_OPTION,
} as const;

const DELAYED = {
  bid: TickType.DELAYED_BID_OPTION,
  ask: TickType.DELAYED_ASK_OPTION,
  last: TickType.DELAYED_LAST_OPTION,
  model: TickType.DELAYED_MODEL_OPTION,
} as const;

/** The option computations of one stream. */
export class OptionTicks {
  private readonly terms: DerivativeTerms;
  private readonly ids: typeof LIVE | typeof DELAYED;

  constructor(
    private readonly engine: MarketEngine,
    instrument: MarketInstrument,
    delayed: boolean,
  ) {
    if (!instrument.derivative?.option) throw new RangeError(`${instrument.symbol} ${instrument.secType} is no option`);
    this.terms = instrument.derivative;
    this.ids = delayed ? DELAYED : LIVE;
  }

  /** Whether an instrument has option computations. */
  static applies(instrument: MarketInstrument): boolean {
    return instrument.derivative?.option !== undefined;
  }

  /** The underlying's price the option's quote of `s` was made from. */
  spotOf(s: MarketState): number {
    return this.engine.process(this.terms.underlying).mid(s.quoteSecond);
  }

  /** Every computation of a state (the last trade's once the day has one). */
  first(out: TickSink, s: MarketState): void {
    this.send(out, s, true, true, true);
  }

  /** The computations that changed: all of them when the underlying moved, else those whose price moved. */
  change(out: TickSink, prev: MarketState, s: MarketState): void {
    if (prev.quoteSecond !== s.quoteSecond) this.send(out, s, true, true, true);
    else this.send(out, s, prev.bid !== s.bid, prev.ask !== s.ask, prev.last !== s.last, false);
  }

  private send(out: TickSink, s: MarketState, bid: boolean, ask: boolean, last: boolean, model = true): void {
    if (!(bid || ask || last || model)) return;
    const spot = this.spotOf(s);
    const second = s.quoteSecond;
    if (bid) out.option(this.ids.bid, priceComputation(this.terms, s.bid, spot, second));
    if (ask) out.option(this.ids.ask, priceComputation(this.terms, s.ask, spot, second));
    if (last && !Number.isNaN(s.last)) out.option(this.ids.last, priceComputation(this.terms, s.last, spot, second));
    if (model) out.option(this.ids.model, modelComputation(this.terms, spot, second));
  }
}
