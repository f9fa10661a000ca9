import type { Decimal } from "../values.js";

/**
 * Executions (fills) and their commission reports, as the official client models them (`execution.py`,
 * `commission_and_fees_report.py`). Every field is optional: an absent field is the official default (`""`, 0,
 * false) or, for the Decimal quantities and the doubles TWS may send as the max-double literal, unset.
 */

/** One fill of an order (`execDetails`). */
export interface Execution {
  /** Unique per fill, e.g. `0000e0d5.6ab9ea82.01.01`; a correction repeats the prefix with a higher suffix. */
  execId?: string;
  /** `yyyyMMdd HH:mm:ss` followed by the time zone, e.g. `20260928 09:32:25 US/Eastern`. */
  time?: string;
  acctNumber?: string;
  /** Where the fill happened (never SMART). */
  exchange?: string;
  /** `BOT` or `SLD`. */
  side?: string;
  shares?: Decimal;
  price?: number;
  /** The order's permanent id (a long: every digit kept). */
  permId?: bigint;
  clientId?: number;
  orderId?: number;
  /** 1 when the fill was a liquidation by IB, 0 otherwise (protobuf carries it as a bool). */
  liquidation?: number;
  /** Quantity filled so far on the order. */
  cumQty?: Decimal;
  avgPrice?: number;
  orderRef?: string;
  /** Economic value rule, e.g. `aussieBond:YearsToExpiration=3`. */
  evRule?: string;
  evMultiplier?: number;
  /** MIN_SERVER_VER_MODELS_SUPPORT. */
  modelCode?: string;
  /** 1 added, 2 removed, 3 routed out liquidity (MIN_SERVER_VER_LAST_LIQUIDITY). */
  lastLiquidity?: number;
  /** The price may still be revised (MIN_SERVER_VER_PENDING_PRICE_REVISION). */
  pendingPriceRevision?: boolean;
  /** MIN_SERVER_VER_SUBMITTER. */
  submitter?: string;
  /** {@link OptionExerciseType}; protobuf only. */
  optExerciseOrLapseType?: number;
}

/**
 * How an option position was closed (`OptionExerciseType`); the official decoder maps a code it does not know
 * to `NONE`.
 */
export const OptionExerciseType = {
  NONE: -1,
  EXERCISE: 1,
  LAPSE: 2,
  DO_NOTHING: 3,
  ASSIGNED: 100,
  AUTOEXERCISE_CLEARING: 101,
  EXPIRED: 102,
  NETTING: 103,
  AUTOEXERCISE_TRADING: 200,
} as const;
export type OptionExerciseType = (typeof OptionExerciseType)[keyof typeof OptionExerciseType];

const KNOWN_EXERCISE_TYPES: ReadonlySet<number> = new Set(Object.values(OptionExerciseType));

/** True when `code` names an exercise type other than NONE, as the official decoder would keep it. */
export function isMeaningfulExerciseType(code: number | undefined): code is OptionExerciseType {
  return code !== undefined && code !== OptionExerciseType.NONE && KNOWN_EXERCISE_TYPES.has(code);
}

/** Which executions REQ_EXECUTIONS reports (`ExecutionFilter`); an empty string matches everything. */
export interface ExecutionFilter {
  /** Official default 0. */
  clientId?: number;
  acctCode?: string;
  /** Only executions after this time, `yyyymmdd-hh:mm:ss`. */
  time?: string;
  symbol?: string;
  secType?: string;
  exchange?: string;
  /** `BUY` or `SELL`. */
  side?: string;
  /** Executions of the last N days (MIN_SERVER_VER_PARAMETRIZED_DAYS_OF_EXECUTIONS); unset when undefined. */
  lastNDays?: number;
  /** Executions of these days, `yyyyMMdd` as ints (MIN_SERVER_VER_PARAMETRIZED_DAYS_OF_EXECUTIONS). */
  specificDates?: number[];
}

/** The commission and fees of one execution (`commissionAndFeesReport`; COMMISSION_REPORT before 10.3x). */
export interface CommissionAndFeesReport {
  /** The execution this report belongs to. */
  execId?: string;
  commissionAndFees?: number;
  currency?: string;
  /** Realized P&L of a closing fill; unset (undefined) on opening fills. */
  realizedPNL?: number;
  /** Bond yield (`yield_` in Python, `bondYield` in protobuf); unset (undefined) for other instruments. */
  yield?: number;
  /** Bond yield redemption date, `yyyyMMdd` as an int; 0 when none. */
  yieldRedemptionDate?: number;
}
