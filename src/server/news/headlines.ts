import { uniform } from "../engine/market/hash.js";
import type { MarketEngine } from "../engine/market/index.js";
import type { Instrument } from "../engine/reference/types.js";
import { type MarketView, marketView } from "./market-view.js";

/**
 * Synthetic headlines: a pure function of the host seed, the instrument, the provider and the hour. Each provider
 * publishes in an hour with its own probability, at a second drawn for that hour; BRFG also publishes whenever the
 * instrument's move from the previous close crosses ±{@link BIG_MOVE_PERCENT} during the hour (a large move of the
 * day makes a headline). Every headline starts with `[SIM]` and its text follows the simulated market.
 */

export interface Headline {
  readonly time: number;
  readonly providerCode: string;
  readonly articleId: string;
  readonly headline: string;
  readonly conId: number;
}

const HOUR = 3_600_000;
/** A move from the previous close this large (in percent) is news. */
export const BIG_MOVE_PERCENT = 3;
/** Each provider's chance of a headline per instrument and hour, and the stream of its draws. */
const PROVIDERS: Record<string, { readonly rate: number; readonly stream: number }> = {
  BRFG: { rate: 0.08, stream: 0x6e5701 },
  BRFUPDN: { rate: 0.04, stream: 0x6e5702 },
  DJNL: { rate: 0.05, stream: 0x6e5703 },
};

/** `BRFG$sim-40e1d-7a2b3`: provider, then the conId and the hour in hex (so an id names its headline). */
export function articleIdOf(provider: string, conId: number, hour: number): string {
  return `${provider}$sim-${conId.toString(16)}-${hour.toString(16)}`;
}

/** The provider, conId and hour an article id names, or undefined for an id the host never made. */
export function parseArticleId(id: string): { provider: string; conId: number; hour: number } | undefined {
  const m = /^([A-Z]+)\$sim-([0-9a-f]{1,8})-([0-9a-f]{1,8})$/.exec(id);
  if (!m) return undefined;
  return { provider: m[1]!, conId: Number.parseInt(m[2]!, 16), hour: Number.parseInt(m[3]!, 16) };
}

const fixed = (x: number, d: number) => x.toFixed(d);
const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(2)}%`;

/** The news desk of one host: headlines and articles from its market engine. */
export class NewsDesk {
  constructor(private readonly engine: MarketEngine) {}

  private view(entry: Instrument, t: number): MarketView | undefined {
    const instrument = this.engine.instrumentOf(entry.details.contract);
    return instrument ? marketView(this.engine, instrument, t) : undefined;
  }

  /** Whether the move from the close crossed the big-move line during `hour` (while the instrument traded). */
  private bigMove(entry: Instrument, hour: number): MarketView | undefined {
    const end = this.view(entry, (hour + 1) * HOUR - 1000);
    if (!end?.trading || Math.abs(end.change) < BIG_MOVE_PERCENT) return undefined;
    const start = this.view(entry, hour * HOUR);
    return start && Math.abs(start.change) >= BIG_MOVE_PERCENT && start.previousClose === end.previousClose
      ? undefined
      : end;
  }

  /** The headline `provider` publishes about `entry` during `hour` (hours since the epoch), if any. */
  headlineAt(entry: Instrument, provider: string, hour: number): Headline | undefined {
    const p = PROVIDERS[provider];
    const conId = entry.details.contract.conId ?? 0;
    if (!p) return undefined;
    const seed = this.engine.seed;
    const articleId = articleIdOf(provider, conId, hour);
    const moved = provider === "BRFG" ? this.bigMove(entry, hour) : undefined;
    if (moved) {
      const time = (hour + 1) * HOUR - 1000;
      return { time, providerCode: provider, articleId, conId, headline: this.moveHeadline(entry, moved) };
    }
    if (uniform(seed, conId, p.stream, hour) >= p.rate) return undefined;
    const time = hour * HOUR + Math.floor(uniform(seed, conId, p.stream + 16, hour) * 3600) * 1000;
    const pick = uniform(seed, conId, p.stream + 32, hour);
    return { time, providerCode: provider, articleId, conId, headline: this.compose(entry, provider, time, pick) };
  }

  private moveHeadline(entry: Instrument, v: MarketView): string {
    const symbol = entry.details.contract.symbol ?? "";
    const verb = v.change > 0 ? "jumps" : "slides";
    return `[SIM] ${symbol} ${verb} ${fixed(Math.abs(v.change), 1)}% to ${fixed(v.price, v.decimals)}, a big move of the simulated day`;
  }

  private compose(entry: Instrument, provider: string, time: number, pick: number): string {
    const c = entry.details.contract;
    const symbol = c.symbol ?? "";
    const name = entry.details.longName ?? symbol;
    const v = this.view(entry, time);
    if (!v) return `[SIM] ${provider} synthetic note on ${name} (${symbol}); no simulated quote for it`;
    const price = fixed(v.price, v.decimals);
    if (provider === "BRFUPDN") {
      const target = fixed(v.price * (v.change >= 0 ? 1.1 + pick * 0.1 : 0.9 - pick * 0.1), v.decimals);
      return v.change >= 0
        ? `[SIM] ${symbol} target raised to ${target} at a synthetic broker; shares ${signed(v.change)} at ${price}`
        : `[SIM] ${symbol} target cut to ${target} at a synthetic broker; shares ${signed(v.change)} at ${price}`;
    }
    if (provider === "DJNL") {
      const mood = v.change >= 0 ? "buyers in control" : "sellers in control";
      return `[SIM] Newsletter: ${name} (${symbol}) ${signed(v.change)} at ${price}, ${mood} in the simulated market`;
    }
    const session = v.trading ? "trades" : "last quoted";
    return `[SIM] Market column: ${name} (${symbol}) ${session} at ${price}, ${signed(v.change)} from the previous close`;
  }

  /**
   * The headlines of `entry` from `providers` in (from, to], newest first, at most `limit`, looking back no
   * further than `lookbackHours` from `to`; `hasMore` when more are in the window.
   */
  headlines(
    entry: Instrument,
    providers: readonly string[],
    from: number,
    to: number,
    limit: number,
    lookbackHours: number,
  ): { headlines: Headline[]; hasMore: boolean } {
    const out: Headline[] = [];
    const last = Math.floor(to / HOUR);
    const first = Math.max(Math.floor(from / HOUR), last - lookbackHours);
    for (let hour = last; hour >= first && out.length <= limit; hour--) {
      const found = providers
        .map((p) => this.headlineAt(entry, p, hour))
        .filter((h): h is Headline => h !== undefined && h.time > from && h.time <= to)
        .sort((a, b) => b.time - a.time || (a.providerCode < b.providerCode ? -1 : 1));
      out.push(...found);
    }
    return { headlines: out.slice(0, limit), hasMore: out.length > limit };
  }

  /** The body of an article: its headline and the simulated market it describes. */
  article(entry: Instrument, h: Headline, providerName: string): string {
    const c = entry.details.contract;
    const symbol = c.symbol ?? "";
    const v = this.view(entry, h.time);
    const market = v
      ? `At ${new Date(h.time).toISOString()} the simulated ${symbol} stood at ${fixed(v.price, v.decimals)}, ` +
        `${signed(v.change)} from its previous close of ${fixed(v.previousClose, v.decimals)}.`
      : `The simulated market has no quote for ${symbol}.`;
    return [
      h.headline,
      "",
      `${providerName} (simulated) - ${entry.details.longName ?? symbol} (${symbol}, conId ${h.conId})`,
      "",
      market,
      "",
      `This article was written by the tws-ts simulated TWS host from its synthetic market. It is not news and says nothing about the real ${symbol}.`,
    ].join("\n");
  }
}
