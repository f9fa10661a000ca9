import type { EWrapper } from "../../client/ewrapper.js";

/** One price level of an order book. */
export interface BookRow {
  price: number;
  size: number;
  /** The market maker or exchange of an L2 row ("" for L1 depth). */
  marketMaker: string;
}

/** An order book as market depth messages build it: rows by position, best first. */
export interface Book {
  readonly symbol: string;
  readonly bids: BookRow[];
  readonly asks: BookRow[];
  time?: number;
}

/** updateMktDepth's operations and sides, as the TWS API defines them. */
const INSERT = 0;
const UPDATE = 1;
const DELETE = 2;
const BID_SIDE = 1;

/** Applies one row operation to a side (insert shifts rows down, delete up, as TWS means them). */
export function applyDepth(rows: BookRow[], position: number, operation: number, row: BookRow): void {
  if (operation === INSERT) rows.splice(Math.min(position, rows.length), 0, row);
  else if (operation === UPDATE) rows[position] = row;
  else if (operation === DELETE) rows.splice(position, 1);
}

/** The depth callbacks (L1 and L2) that keep `book` up to date; `changed` runs after each operation. */
export function bookCallbacks(book: Book, changed: () => void): Partial<EWrapper> {
  const apply = (
    position: number,
    marketMaker: string,
    operation: number,
    side: number,
    price: number,
    size: string | undefined,
  ) => {
    const n = size === undefined ? 0 : Number(size);
    applyDepth(side === BID_SIDE ? book.bids : book.asks, position, operation, { price, size: n, marketMaker });
    book.time = Date.now();
    changed();
  };
  return {
    updateMktDepth: (_id, position, operation, side, price, size) => apply(position, "", operation, side, price, size),
    updateMktDepthL2: (_id, position, marketMaker, operation, side, price, size) =>
      apply(position, marketMaker, operation, side, price, size),
  };
}

/** The book's lines: bids on the left, asks on the right, best first, `rows` deep. */
export function bookLines(book: Book, rows: number, decimals: number): string[] {
  const withMaker = [...book.bids, ...book.asks].some((r) => r.marketMaker !== "");
  const cell = (r: BookRow | undefined, side: "bid" | "ask"): string[] => {
    if (!r) return withMaker ? ["", "", ""] : ["", ""];
    const size = r.size.toLocaleString("en-US", { maximumFractionDigits: 4 });
    const price = r.price.toFixed(decimals);
    const cells = side === "bid" ? [size, price] : [price, size];
    return withMaker ? (side === "bid" ? [r.marketMaker, ...cells] : [...cells, r.marketMaker]) : cells;
  };
  const header = withMaker ? ["MM", "BIDSIZE", "BID", "ASK", "ASKSIZE", "MM"] : ["BIDSIZE", "BID", "ASK", "ASKSIZE"];
  const table = [header];
  for (let i = 0; i < rows; i++) table.push([...cell(book.bids[i], "bid"), ...cell(book.asks[i], "ask")]);
  const widths = header.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  return table.map((r) => r.map((v, c) => v.padStart(widths[c]!)).join("  "));
}

/** The `depth` JSON line's fields. */
export function bookRecord(book: Book, rows: number): Record<string, unknown> {
  const side = (list: BookRow[]) =>
    list
      .slice(0, rows)
      .map((r) =>
        r.marketMaker ? { price: r.price, size: r.size, marketMaker: r.marketMaker } : { price: r.price, size: r.size },
      );
  return {
    symbol: book.symbol,
    bids: side(book.bids),
    asks: side(book.asks),
    time: book.time === undefined ? null : new Date(book.time).toISOString(),
  };
}
