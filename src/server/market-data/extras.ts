import type { MarketEngine, MarketInstrument } from "../engine/market/index.js";
import { NewsTicks } from "../news/news-ticks.js";
import { GenericTicks } from "./generic/stream.js";
import { OptionTicks } from "./option-ticks.js";
import type { StreamExtras } from "./ticks.js";

/**
 * The extra ticks of a level-1 stream: an option's computations, the generic ticks asked for and news headlines
 * (292), or undefined
 * when there are none (a plain stream's hot path then makes nothing but its own ticks).
 */
export function streamExtras(
  engine: MarketEngine,
  instrument: MarketInstrument,
  delayed: boolean,
  generic: ReadonlySet<number>,
  t: number,
  newsProviders: readonly string[] = [],
): StreamExtras | undefined {
  const parts: StreamExtras[] = [];
  if (newsProviders.length > 0) parts.push(new NewsTicks(engine, instrument, newsProviders, t));
  if (OptionTicks.applies(instrument)) parts.push(new OptionTicks(engine, instrument, delayed));
  if (generic.size > 0) {
    const g = new GenericTicks(engine, instrument, generic, t);
    if (g.delivered.length > 0) parts.push(g);
  }
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return {
    first: (out, s) => {
      for (const p of parts) p.first(out, s);
    },
    change: (out, prev, s) => {
      for (const p of parts) p.change(out, prev, s);
    },
  };
}
