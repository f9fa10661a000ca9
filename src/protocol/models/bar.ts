import type { Decimal } from "../values.js";

/**
 * One bar of historical data (the official `BarData`): a HISTORICAL_DATA bar or the bar of a keepUpToDate
 * HISTORICAL_DATA_UPDATE.
 */
export interface Bar {
  /**
   * The bar's start as TWS formats it: `yyyyMMdd HH:mm:ss <zone>` or epoch seconds (formatDate 1 or 2) for
   * intraday bars, `yyyyMMdd` for daily and longer bars.
   */
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  /** Unset when TWS sends none (the official default is UNSET_DECIMAL). */
  volume: Decimal | undefined;
  /** Volume-weighted average price; unset when TWS sends none. */
  wap: Decimal | undefined;
  /** Number of trades in the bar. */
  barCount: number;
}
