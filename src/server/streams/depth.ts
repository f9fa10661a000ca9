import { uniform } from "../engine/market/hash.js";
import type { MarketEngine, MarketInstrument } from "../engine/market/index.js";
import { VENUES } from "./tape.js";

/**
 * The synthetic order book of a depth subscription: `numRows` levels per side, one tick apart, starting at the
 * engine's bid and ask, so the top row of each side is the level-1 quote. Deeper sizes are seeded by the price
 * level and the minute, so rows change size as time passes and shift as the quote moves. A book change becomes the
 * insert / update / delete row operations TWS sends (MARKET_DEPTH, or MARKET_DEPTH_L2 with the market maker).
 */

/** DepthOperation and DepthSide as the MARKET_DEPTH messages carry them. */
export const DepthOp = { INSERT: 0, UPDATE: 1, DELETE: 2 } as const;
export const DepthSide = { ASK: 0, BID: 1 } as const;

/** The TWS errors of market depth, with TWS's texts (reference §9–10). */
export const DepthCode = {
  DUPLICATE_TICKER_ID: 102,
  NO_SECURITY_DEFINITION: 200,
  MAX_DEPTH: 309,
  UNKNOWN_DEPTH: 310,
  DEPTH_RESET: 317,
} as const;

export const DepthText = {
  duplicateTickerId: "Duplicate ticker id",
  noSecurityDefinition: "No security definition has been found for the request",
  maxDepth: (max: number) => `Max number (${max}) of market depth requests has been reached`,
  unknownDepth: (reqId: number) => `Can't find the subscribed market depth with tickerId:${reqId}`,
  /** TWS API docs, error codes (18.03): 317. */
  depthReset: "Market depth data has been RESET. Please empty deep book contents before applying any new entries.",
} as const;

/** The most book rows per side the host builds (TWS serves at most this many too). */
export const MAX_DEPTH_ROWS = 20;

/** Stream ids of the size draws, apart from the price process's own. */
const SIZE_STREAM = 0x5d00;

/** One book row. */
export interface BookRow {
  readonly price: number;
  readonly size: number;
  /** The venue (SMART depth) or market maker holding the row. */
  readonly marketMaker: string;
}

/** Both sides of a book: bids best (highest) first, asks best (lowest) first. */
export interface Book {
  readonly bids: readonly BookRow[];
  readonly asks: readonly BookRow[];
}

/** One row operation, as the MARKET_DEPTH(_L2) row fields name it. */
export interface DepthRowOp {
  readonly position: number;
  readonly operation: number;
  readonly side: number;
  readonly price: number;
  readonly size: number;
  readonly marketMaker: string;
}

/** The book of `instrument` at `t`, `rows` levels per side (bid levels stop above a zero price). */
export function bookAt(engine: MarketEngine, instrument: MarketInstrument, t: number, rows: number): Book {
  const state = engine.state(instrument, t);
  const p = engine.process(instrument);
  const tick = instrument.minTick;
  const minute = Math.floor(t / 60_000);
  const bidTicks = Math.round(state.bid / tick);
  const askTicks = Math.round(state.ask / tick);
  const row = (side: number, ticks: number, level: number, topSize: number): BookRow => {
    const u = uniform(engine.seed, p.key, SIZE_STREAM + side, ticks * 1_000_003 + minute);
    const size = level === 0 ? topSize : p.lot * (1 + Math.floor(u * u * 60));
    const venue = VENUES[Math.floor(uniform(engine.seed, p.key, SIZE_STREAM + 2 + side, ticks) * VENUES.length)]!;
    return { price: p.onGrid(ticks), size, marketMaker: venue };
  };
  const bids: BookRow[] = [];
  const asks: BookRow[] = [];
  for (let i = 0; i < rows; i++) {
    if (bidTicks - i > 0) bids.push(row(DepthSide.BID, bidTicks - i, i, state.bidSize));
    asks.push(row(DepthSide.ASK, askTicks + i, i, state.askSize));
  }
  return { bids, asks };
}

/**
 * The row operations that turn side `from` into side `to` (both ordered best first): rows whose price left the
 * book are deleted (deepest first), rows that entered are inserted at their position, rows whose size or holder
 * changed are updated. Applied in order to a copy of `from`, they give exactly `to`.
 */
export function sideOps(side: number, from: readonly BookRow[], to: readonly BookRow[]): DepthRowOp[] {
  const ops: DepthRowOp[] = [];
  const keep = new Set(to.map((r) => r.price));
  const book = [...from];
  for (let i = book.length - 1; i >= 0; i--) {
    const r = book[i]!;
    if (keep.has(r.price)) continue;
    ops.push({
      position: i,
      operation: DepthOp.DELETE,
      side,
      price: r.price,
      size: r.size,
      marketMaker: r.marketMaker,
    });
    book.splice(i, 1);
  }
  for (let i = 0; i < to.length; i++) {
    const want = to[i]!;
    const have = book[i];
    const op = { position: i, side, price: want.price, size: want.size, marketMaker: want.marketMaker };
    if (have && have.price === want.price) {
      if (have.size !== want.size || have.marketMaker !== want.marketMaker) {
        ops.push({ ...op, operation: DepthOp.UPDATE });
        book[i] = want;
      }
    } else {
      ops.push({ ...op, operation: DepthOp.INSERT });
      book.splice(i, 0, want);
    }
  }
  return ops;
}

/** The operations from book `from` to book `to`: asks, then bids. */
export function bookOps(from: Book, to: Book): DepthRowOp[] {
  return [...sideOps(DepthSide.ASK, from.asks, to.asks), ...sideOps(DepthSide.BID, from.bids, to.bids)];
}

/** Applies row operations to one side of a client's book (what a client does with updateMktDepth). */
export function applyOps(book: { bids: BookRow[]; asks: BookRow[] }, ops: Iterable<DepthRowOp>): void {
  for (const op of ops) {
    const rows = op.side === DepthSide.BID ? book.bids : book.asks;
    const row = { price: op.price, size: op.size, marketMaker: op.marketMaker };
    if (op.operation === DepthOp.INSERT) rows.splice(op.position, 0, row);
    else if (op.operation === DepthOp.UPDATE) rows[op.position] = row;
    else rows.splice(op.position, 1);
  }
}
