import type { MarketState } from "../engine/market/index.js";

/**
 * The scan codes the host computes from its market engine. Each is honest about what it measures: a score from
 * the instrument's state now (and, for HOT_BY_VOLUME, its volume at the same time of the previous trading day);
 * an instrument without a score for a scan is not in it. Rows sort by score, highest first, ties by conId.
 *
 * Codes and display names are TWS's (the scanner parameters XML of TWS lists them under ScanTypeList); what each
 * ranks by is our reading of its name, since TWS does not publish its formulas.
 */

/** What a scan sees of one instrument. */
export interface ScanInput {
  readonly state: MarketState;
  /** The volume of the previous trading day up to the same time of day (for HOT_BY_VOLUME). */
  readonly previousVolume: () => number;
}

/** One scan code: its TWS name and what it ranks by. */
export interface ScanCode {
  readonly code: string;
  readonly displayName: string;
  /** The value rows sort by, highest first; undefined leaves the instrument out. */
  score(input: ScanInput): number | undefined;
}

/** The latest trade, or the previous close before the day has one. */
export function priceOf(s: MarketState): number {
  return Number.isNaN(s.last) ? s.close : s.last;
}

/** The change from the previous close, in percent (NaN without both prices). */
export function changePercent(s: MarketState): number {
  return ((priceOf(s) - s.close) / s.close) * 100;
}

const positive = (x: number): number | undefined => (Number.isFinite(x) && x > 0 ? x : undefined);

/** The open's gap from the previous close in percent (NaN before the liquid hours open). */
const gapPercent = (s: MarketState): number => ((s.open - s.close) / s.close) * 100;
/** The change since the open in percent (NaN before the liquid hours open). */
const sinceOpenPercent = (s: MarketState): number => ((priceOf(s) - s.open) / s.open) * 100;

/** Every scan code the host serves, in the order the scanner parameters XML lists them. */
export const SCAN_CODES: readonly ScanCode[] = [
  { code: "TOP_PERC_GAIN", displayName: "Top % Gainers", score: ({ state }) => positive(changePercent(state)) },
  { code: "TOP_PERC_LOSE", displayName: "Top % Losers", score: ({ state }) => positive(-changePercent(state)) },
  { code: "MOST_ACTIVE", displayName: "Most Active", score: ({ state }) => positive(state.volume) },
  {
    code: "MOST_ACTIVE_USD",
    displayName: "Most Active ($)",
    score: ({ state }) => positive(state.volume * state.vwap),
  },
  {
    code: "HOT_BY_VOLUME",
    displayName: "Hot Contracts by Volume",
    // Today's volume against the previous trading day's at the same time of day.
    score: ({ state, previousVolume }) => {
      const before = previousVolume();
      return before > 0 ? positive(state.volume / before) : undefined;
    },
  },
  {
    code: "HIGH_OPEN_GAP",
    displayName: "Top Close-to-Open % Gainers",
    score: ({ state }) => positive(gapPercent(state)),
  },
  {
    code: "LOW_OPEN_GAP",
    displayName: "Top Close-to-Open % Losers",
    score: ({ state }) => positive(-gapPercent(state)),
  },
  {
    code: "TOP_OPEN_PERC_GAIN",
    displayName: "Top % Gainers Since Open",
    score: ({ state }) => positive(sinceOpenPercent(state)),
  },
  {
    code: "TOP_OPEN_PERC_LOSE",
    displayName: "Top % Losers Since Open",
    score: ({ state }) => positive(-sinceOpenPercent(state)),
  },
  {
    code: "TOP_PRICE_RANGE",
    displayName: "Top Price Range",
    // The day's high-low range as a percentage of the previous close.
    score: ({ state }) => positive(((state.high - state.low) / state.close) * 100),
  },
  // Every halted instrument ranks the same; the conId order decides.
  { code: "HALTED", displayName: "Halted", score: ({ state }) => (state.halted ? 1 : undefined) },
];

const BY_CODE = new Map(SCAN_CODES.map((s) => [s.code, s]));

/** The scan code named `code` (as TWS spells it), or undefined. */
export function scanCodeOf(code: string | undefined): ScanCode | undefined {
  return code === undefined ? undefined : BY_CODE.get(code);
}
