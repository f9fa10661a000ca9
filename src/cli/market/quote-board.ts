import { type Colors, formatTable } from "../output.js";
import { changeOf, clockTime, formatPrice, formatSize, type Quote } from "./quote.js";

/** The columns of the quote board. */
export const QUOTE_COLUMNS = [
  "SYMBOL",
  "BID",
  "ASK",
  "LAST",
  "BIDSIZE",
  "ASKSIZE",
  "LASTSIZE",
  "VOLUME",
  "CHANGE",
  "TIME",
] as const;

/** The cells of one quote's row (plain text). */
export function quoteCells(q: Quote): string[] {
  return [
    q.symbol,
    formatPrice(q.bid, q.minTick),
    formatPrice(q.ask, q.minTick),
    formatPrice(q.last, q.minTick),
    formatSize(q.bidSize),
    formatSize(q.askSize),
    formatSize(q.lastSize),
    formatSize(q.volume),
    changeOf(q).text,
    clockTime(q.time),
  ];
}

/**
 * The board's lines: a header and one row per quote, numbers right-aligned; a row is green or red by its change
 * when colors are on (colored after padding, so columns stay aligned). A quote with a note (why it has no data)
 * shows the note instead of its numbers.
 */
export function quoteBoard(
  quotes: readonly Quote[],
  colors: Colors,
  notes: ReadonlyMap<string, string> = new Map(),
): string[] {
  const [titles, ...rows] = alignRight([[...QUOTE_COLUMNS], ...quotes.map(quoteCells)], QUOTE_COLUMNS);
  const [header, ...lines] = formatTable(titles!, rows, colors);
  const symbolWidth = Math.max(QUOTE_COLUMNS[0].length, ...quotes.map((q) => q.symbol.length));
  return [
    header!,
    ...lines.map((line, i) => {
      const q = quotes[i]!;
      const note = notes.get(q.symbol);
      if (note !== undefined) return colors.yellow(`${q.symbol.padEnd(symbolWidth)}  ${note}`);
      const { sign } = changeOf(q);
      return sign > 0 ? colors.green(line) : sign < 0 ? colors.red(line) : line;
    }),
  ];
}

/** Pads numeric columns (all but the first and the last) on the left so the numbers line up on the right. */
export function alignRight(rows: readonly string[][], header: readonly string[]): string[][] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 || c === r.length - 1 ? cell : cell.padStart(widths[c]!))));
}
