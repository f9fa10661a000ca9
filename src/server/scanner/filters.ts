import type { TagValue } from "../../protocol/models/contract.js";
import type { ScannerSubscription } from "../../protocol/models/scanner.js";
import { UNSET_DOUBLE, UNSET_INTEGER } from "../../protocol/values.js";
import type { MarketState } from "../engine/market/index.js";
import { changePercent, priceOf } from "./scan-codes.js";

/**
 * The filters a scan applies: the ScannerSubscription fields the market engine can answer (abovePrice,
 * belowPrice, aboveVolume, stockTypeFilter) and the generic filter tags (scannerSubscriptionFilterOptions) the
 * scanner parameters XML lists. Fields the engine has no data for (market cap, ratings, coupons, maturities,
 * option volume, convertibles, setting pairs) are accepted and not applied, as documented in
 * docs/decisions/0006-host-news-and-scanners.md.
 */

/** One generic filter of the XML's FilterList: its RangeFilter id and its two AbstractField codes. */
export interface RangeFilterSpec {
  readonly id: string;
  readonly category: string;
  readonly fields: readonly FilterField[];
}

export interface FilterField {
  /** The tag a client sends, e.g. `priceAbove`. */
  readonly code: string;
  readonly displayName: string;
  readonly type: "scanner.filter.DoubleField" | "scanner.filter.IntField";
  /** Whether a row passes with the tag's value `limit`. */
  test(s: MarketState, limit: number): boolean;
}

const price = (s: MarketState) => priceOf(s);

/** The generic filters the host applies, as the XML lists them. */
export const RANGE_FILTERS: readonly RangeFilterSpec[] = [
  {
    id: "PRICE",
    category: "PriceVolume",
    fields: [
      {
        code: "priceAbove",
        displayName: "Price above",
        type: "scanner.filter.DoubleField",
        test: (s, v) => price(s) > v,
      },
      {
        code: "priceBelow",
        displayName: "Price below",
        type: "scanner.filter.DoubleField",
        test: (s, v) => price(s) < v,
      },
    ],
  },
  {
    id: "VOLUME",
    category: "PriceVolume",
    fields: [
      {
        code: "volumeAbove",
        displayName: "Volume above",
        type: "scanner.filter.IntField",
        test: (s, v) => s.volume > v,
      },
      {
        code: "volumeBelow",
        displayName: "Volume below",
        type: "scanner.filter.IntField",
        test: (s, v) => s.volume < v,
      },
    ],
  },
  {
    id: "CHANGEPERC",
    category: "PriceVolume",
    fields: [
      {
        code: "changePercAbove",
        displayName: "Change % above",
        type: "scanner.filter.DoubleField",
        test: (s, v) => changePercent(s) > v,
      },
      {
        code: "changePercBelow",
        displayName: "Change % below",
        type: "scanner.filter.DoubleField",
        test: (s, v) => changePercent(s) < v,
      },
    ],
  },
];

const FIELDS = new Map(RANGE_FILTERS.flatMap((f) => f.fields.map((x) => [x.code, x] as const)));

/** The stock types a `stockTypeFilter` keeps (the universe's `stockType` values). */
const STOCK_TYPES: Record<string, ReadonlySet<string> | undefined> = {
  ALL: undefined,
  CORP: new Set(["COMMON"]),
  ADR: new Set(["ADR"]),
  ETF: new Set(["ETF"]),
};

/** What one row must satisfy. */
export interface RowFilter {
  passes(s: MarketState, stockType: string | undefined): boolean;
}

/** A filter that cannot be applied: the tag (or field) and why. */
export interface FilterProblem {
  readonly tag: string;
}

const isSet = (n: number | undefined): n is number =>
  n !== undefined && Number.isFinite(n) && n !== UNSET_DOUBLE && n !== UNSET_INTEGER;

/**
 * The filter of a subscription, or the first filter tag the host does not know (TWS refuses an unknown or
 * disabled filter; see the handler). A tag whose value is no number is refused the same way.
 */
export function rowFilterOf(
  sub: ScannerSubscription,
  options: readonly TagValue[] | undefined,
): RowFilter | FilterProblem {
  const tests: ((s: MarketState, stockType: string | undefined) => boolean)[] = [];
  if (isSet(sub.abovePrice)) tests.push((s) => price(s) > sub.abovePrice!);
  if (isSet(sub.belowPrice)) tests.push((s) => price(s) < sub.belowPrice!);
  if (isSet(sub.aboveVolume)) tests.push((s) => s.volume > sub.aboveVolume!);
  const kinds = STOCK_TYPES[(sub.stockTypeFilter ?? "ALL").toUpperCase()];
  if (kinds) tests.push((_, type) => type !== undefined && kinds.has(type));
  for (const { tag, value } of options ?? []) {
    const field = FIELDS.get(tag);
    const limit = Number(value);
    if (!field || value.trim() === "" || !Number.isFinite(limit)) return { tag };
    tests.push((s) => field.test(s, limit));
  }
  return { passes: (s, type) => tests.every((t) => t(s, type)) };
}
