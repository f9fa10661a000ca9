import type { EWrapper } from "../../client/ewrapper.js";
import { TickType } from "../../protocol/models/tick-type.js";

/** What a quote line shows of one instrument: the latest level-1 values (undefined until TWS sends them). */
export interface Quote {
  symbol: string;
  bid?: number;
  ask?: number;
  last?: number;
  bidSize?: number;
  askSize?: number;
  lastSize?: number;
  /** As TWS reports it (US stocks in round lots of 100). */
  volume?: number;
  /** The previous day's close, for the change. */
  close?: number;
  /** The instrument's price increment (tickReqParams), for the number of decimals shown. */
  minTick?: number;
  /** When the quote last changed (epoch ms, this machine's clock). */
  time?: number;
  /** 1 live, 2 frozen, 3 delayed, 4 delayed frozen (marketDataType). */
  dataType?: number;
}

type PriceField = "bid" | "ask" | "last" | "close";
type SizeField = "bidSize" | "askSize" | "lastSize" | "volume";

/** Live and delayed tick ids of the fields a quote keeps. */
const PRICE_TICKS: ReadonlyMap<number, PriceField> = new Map([
  [TickType.BID, "bid"],
  [TickType.ASK, "ask"],
  [TickType.LAST, "last"],
  [TickType.CLOSE, "close"],
  [TickType.DELAYED_BID, "bid"],
  [TickType.DELAYED_ASK, "ask"],
  [TickType.DELAYED_LAST, "last"],
  [TickType.DELAYED_CLOSE, "close"],
]);

const SIZE_TICKS: ReadonlyMap<number, SizeField> = new Map([
  [TickType.BID_SIZE, "bidSize"],
  [TickType.ASK_SIZE, "askSize"],
  [TickType.LAST_SIZE, "lastSize"],
  [TickType.VOLUME, "volume"],
  [TickType.DELAYED_BID_SIZE, "bidSize"],
  [TickType.DELAYED_ASK_SIZE, "askSize"],
  [TickType.DELAYED_LAST_SIZE, "lastSize"],
  [TickType.DELAYED_VOLUME, "volume"],
]);

/**
 * The market data callbacks that keep `quote` up to date; `changed` runs after each change, and `now` stamps it
 * (the wall clock, or the embedded host's when it replays another day). TWS sends -1 for a price or size it has
 * none of (a closed market's bid, say): that clears the field.
 */
export function quoteCallbacks(quote: Quote, changed: () => void, now: () => number = Date.now): Partial<EWrapper> {
  const touch = () => {
    quote.time = now();
    changed();
  };
  return {
    tickPrice: (_id, tickType, price) => {
      const field = PRICE_TICKS.get(tickType);
      if (!field) return;
      quote[field] = price === -1 ? undefined : price;
      touch();
    },
    tickSize: (_id, tickType, size) => {
      const field = SIZE_TICKS.get(tickType);
      if (!field) return;
      const n = size === undefined ? Number.NaN : Number(size);
      quote[field] = Number.isFinite(n) && n >= 0 ? n : undefined;
      touch();
    },
    tickReqParams: (_id, minTick) => {
      if (minTick > 0) quote.minTick = minTick;
    },
    marketDataType: (_id, type) => {
      quote.dataType = type;
    },
  };
}

/** The `quote` JSON line's fields, in the documented order (unset values as null, time as ISO 8601). */
export function quoteRecord(q: Quote): Record<string, unknown> {
  const v = (x: number | undefined) => x ?? null;
  return {
    symbol: q.symbol,
    bid: v(q.bid),
    ask: v(q.ask),
    last: v(q.last),
    bidSize: v(q.bidSize),
    askSize: v(q.askSize),
    lastSize: v(q.lastSize),
    volume: v(q.volume),
    time: q.time === undefined ? null : new Date(q.time).toISOString(),
  };
}

/** Decimals that show every multiple of a tick (0.01 → 2, 0.00005 → 5, 0.25 → 2). */
export function decimalsOf(minTick: number | undefined): number {
  if (minTick === undefined || !(minTick > 0)) return 2;
  for (let d = 0; d <= 8; d++) {
    const scaled = minTick * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9) return Math.max(2, d);
  }
  return 8;
}

/** A price with the quote's decimals, or `-`. */
export function formatPrice(price: number | undefined, minTick: number | undefined): string {
  return price === undefined ? "-" : price.toFixed(decimalsOf(minTick));
}

/** A size with thousands separators, or `-`. */
export function formatSize(size: number | undefined): string {
  return size === undefined ? "-" : size.toLocaleString("en-US", { maximumFractionDigits: 4 });
}

/** The change from the previous close (of the last trade, else the mid), as `+1.23 +0.45%`, or `-`. */
export function changeOf(q: Quote): { text: string; sign: number } {
  const ref = q.last ?? (q.bid !== undefined && q.ask !== undefined ? (q.bid + q.ask) / 2 : undefined);
  if (ref === undefined || q.close === undefined || !(q.close > 0)) return { text: "-", sign: 0 };
  const diff = ref - q.close;
  const pct = (diff / q.close) * 100;
  const sign = diff > 0 ? "+" : diff < 0 ? "-" : "";
  const digits = decimalsOf(q.minTick);
  return {
    text: `${sign}${Math.abs(diff).toFixed(digits)} ${sign}${Math.abs(pct).toFixed(2)}%`,
    sign: Math.sign(diff),
  };
}

/** HH:MM:SS of an instant on this machine's clock, or `-`. */
export function clockTime(ms: number | undefined): string {
  if (ms === undefined) return "-";
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
