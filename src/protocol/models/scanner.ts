import type { Contract } from "./contract.js";

/**
 * Market scanners, as the official client models them (`scanner.py`).
 */

/** `numberOfRows` of the official `ScannerSubscription()`: TWS picks the row count (at most 50). */
export const NO_ROW_NUMBER_SPECIFIED = -1;

/**
 * The filter of a scanner subscription: every field of the official `ScannerSubscription`. Every field is
 * optional and `undefined` means "not set": the "handle empty" wire fields go out empty (text) or absent
 * (protobuf), strings empty and `excludeConvertible` false.
 *
 * Unlike the official class, an absent `numberOfRows` is not -1 but unset (an empty field): set it to
 * {@link NO_ROW_NUMBER_SPECIFIED} to send exactly what a default official subscription sends.
 */
export interface ScannerSubscription {
  /** Rows wanted; TWS sends at most 50. */
  numberOfRows?: number;
  /** Instrument type from the scanner parameters XML, e.g. `STK`, `FUT.US`. */
  instrument?: string;
  /** Location code from the scanner parameters XML, e.g. `STK.US.MAJOR`. */
  locationCode?: string;
  /** Scan code from the scanner parameters XML, e.g. `TOP_PERC_GAIN`, `MOST_ACTIVE`. */
  scanCode?: string;
  abovePrice?: number;
  belowPrice?: number;
  aboveVolume?: number;
  marketCapAbove?: number;
  marketCapBelow?: number;
  moodyRatingAbove?: string;
  moodyRatingBelow?: string;
  spRatingAbove?: string;
  spRatingBelow?: string;
  maturityDateAbove?: string;
  maturityDateBelow?: string;
  couponRateAbove?: number;
  couponRateBelow?: number;
  excludeConvertible?: boolean;
  averageOptionVolumeAbove?: number;
  /** Free-form `name=value;` settings, e.g. `Annual,true`. */
  scannerSettingPairs?: string;
  /** `ALL`, `CORP` or `ADR`. */
  stockTypeFilter?: string;
}

/**
 * The part of `ContractDetails` a scan row fills: the official `scannerData` callback passes a ContractDetails
 * whose only set fields are these two.
 */
export interface ScannerContractDetails {
  contract: Contract;
  marketName: string;
}

/**
 * One row of a scan (`ScanData`). In a protobuf SCANNER_DATA any field may be absent (`undefined`); the text
 * form always carries all of them.
 */
export interface ScanData {
  /** 0-based position in the scan. */
  rank?: number;
  /**
   * The instrument. Text carries conId, symbol, secType, lastTradeDateOrContractMonth, strike, right, exchange,
   * currency, localSymbol and tradingClass; protobuf a full Contract.
   */
  contract?: Contract;
  marketName?: string;
  distance?: string;
  benchmark?: string;
  projection?: string;
  /** The combo legs of a combo row (`comboKey` in protobuf). */
  legsStr?: string;
}
