import type { MarketEngine, MarketInstrument, MarketState } from "../engine/market/index.js";
import type { Instrument } from "../engine/reference/types.js";
import { universeAt } from "../engine/reference/universe.js";
import type { StreamExtras, TickSink } from "../market-data/ticks.js";
import { type Headline, NewsDesk } from "./headlines.js";

const HOUR = 3_600_000;

/**
 * The news ticks of a level-1 stream (generic tick 292, e.g. `mdoff,292:BRFG+DJNL`): each headline the news desk
 * publishes about the stream's contract goes out as a TICK_NEWS once host time reaches it, the same headlines
 * REQ_HISTORICAL_NEWS lists afterwards. Nothing is sent for the past when the stream opens (assumed: TWS's
 * contract news ticks carry new headlines). Each hour's headlines are worked out once, when the hour begins.
 */
export class NewsTicks implements StreamExtras {
  private readonly desk: NewsDesk;
  private readonly entry: Instrument | undefined;
  private hour = Number.NaN;
  private pending: Headline[] = [];
  private sentUpTo: number;

  constructor(
    engine: MarketEngine,
    instrument: MarketInstrument,
    private readonly providers: readonly string[],
    t: number,
  ) {
    this.desk = new NewsDesk(engine);
    this.entry = universeAt(t).byConId(instrument.conId);
    this.sentUpTo = t;
  }

  first(): void {}

  change(out: TickSink, _prev: MarketState, s: MarketState): void {
    if (!this.entry) return;
    const hour = Math.floor(s.time / HOUR);
    if (hour !== this.hour) {
      this.hour = hour;
      for (const p of this.providers) {
        const h = this.desk.headlineAt(this.entry, p, hour);
        if (h && h.time > this.sentUpTo) this.pending.push(h);
      }
      this.pending.sort((a, b) => a.time - b.time);
    }
    while (this.pending.length > 0 && this.pending[0]!.time <= s.time) {
      const h = this.pending.shift()!;
      out.news({
        timeStamp: h.time,
        providerCode: h.providerCode,
        articleId: h.articleId,
        headline: h.headline,
        extraData: "",
      });
    }
    this.sentUpTo = s.time;
  }
}
