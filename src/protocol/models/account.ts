import type { Decimal } from "../values.js";
import type { Contract } from "./contract.js";

/**
 * What the account, portfolio, position and P&L replies carry, by the official callback parameter names
 * (`wrapper.py`). Values a protobuf reply may leave out are `undefined` here; the official client then reports
 * `""`, 0, or unset, as each reply's spec documents.
 */

/** One account value of a REQ_ACCT_DATA subscription (`updateAccountValue`). */
export interface AccountValue {
  /** E.g. `NetLiquidation`, `CashBalance`, `AccountCode`. */
  key: string | undefined;
  /** Text, as TWS sends it (`953925.66`, `DUXXXXXXX`, `true`). */
  value: string | undefined;
  /** Empty for values without a currency; `BASE` for the base-currency totals. */
  currency: string | undefined;
  accountName: string | undefined;
}

/** One position of a REQ_ACCT_DATA subscription, with its market values (`updatePortfolio`). */
export interface PortfolioValue {
  /** Undefined only when a protobuf reply leaves it out (the official client then makes no callback). */
  contract: Contract | undefined;
  position: Decimal | undefined;
  marketPrice: number | undefined;
  marketValue: number | undefined;
  averageCost: number | undefined;
  unrealizedPNL: number | undefined;
  realizedPNL: number | undefined;
  accountName: string | undefined;
}

/** One position of a REQ_POSITIONS subscription (`position`). */
export interface Position {
  account: string | undefined;
  /** Undefined only when a protobuf reply leaves it out (the official client then makes no callback). */
  contract: Contract | undefined;
  position: Decimal | undefined;
  avgCost: number | undefined;
}

/** One position of a REQ_POSITIONS_MULTI subscription (`positionMulti`). */
export interface PositionMulti extends Position {
  reqId: number | undefined;
  modelCode: string | undefined;
}

/** One value of a REQ_ACCOUNT_SUMMARY subscription (`accountSummary`). */
export interface AccountSummaryValue {
  reqId: number | undefined;
  account: string | undefined;
  /** One of {@link AccountSummaryTag}, or a `$LEDGER` cash tag such as `CashBalance`. */
  tag: string | undefined;
  value: string | undefined;
  currency: string | undefined;
}

/** One value of a REQ_ACCOUNT_UPDATES_MULTI subscription (`accountUpdateMulti`). */
export interface AccountUpdateMultiValue {
  reqId: number | undefined;
  account: string | undefined;
  modelCode: string | undefined;
  key: string | undefined;
  value: string | undefined;
  currency: string | undefined;
}

/** The daily P&L of an account or model (`pnl`). Unset values are undefined. */
export interface PnL {
  reqId: number | undefined;
  dailyPnL: number | undefined;
  /** MIN_SERVER_VER_UNREALIZED_PNL. */
  unrealizedPnL: number | undefined;
  /** MIN_SERVER_VER_REALIZED_PNL. */
  realizedPnL: number | undefined;
}

/** The daily P&L of one position (`pnlSingle`). Unset values are undefined. */
export interface PnLSingle extends PnL {
  /** The position (`pos` in the official callback). */
  pos: Decimal | undefined;
  /** The position's market value. */
  value: number | undefined;
}

/**
 * The tags REQ_ACCOUNT_SUMMARY accepts (`AccountSummaryTags`), plus the `$LEDGER` forms that ask for every cash
 * balance tag in the base currency, one currency (`$LEDGER:USD`) or all currencies.
 */
export const AccountSummaryTag = {
  AccountType: "AccountType",
  NetLiquidation: "NetLiquidation",
  TotalCashValue: "TotalCashValue",
  SettledCash: "SettledCash",
  AccruedCash: "AccruedCash",
  BuyingPower: "BuyingPower",
  EquityWithLoanValue: "EquityWithLoanValue",
  PreviousDayEquityWithLoanValue: "PreviousDayEquityWithLoanValue",
  GrossPositionValue: "GrossPositionValue",
  ReqTEquity: "ReqTEquity",
  ReqTMargin: "ReqTMargin",
  SMA: "SMA",
  InitMarginReq: "InitMarginReq",
  MaintMarginReq: "MaintMarginReq",
  AvailableFunds: "AvailableFunds",
  ExcessLiquidity: "ExcessLiquidity",
  Cushion: "Cushion",
  FullInitMarginReq: "FullInitMarginReq",
  FullMaintMarginReq: "FullMaintMarginReq",
  FullAvailableFunds: "FullAvailableFunds",
  FullExcessLiquidity: "FullExcessLiquidity",
  LookAheadNextChange: "LookAheadNextChange",
  LookAheadInitMarginReq: "LookAheadInitMarginReq",
  LookAheadMaintMarginReq: "LookAheadMaintMarginReq",
  LookAheadAvailableFunds: "LookAheadAvailableFunds",
  LookAheadExcessLiquidity: "LookAheadExcessLiquidity",
  HighestSeverity: "HighestSeverity",
  DayTradesRemaining: "DayTradesRemaining",
  Leverage: "Leverage",
} as const;
export type AccountSummaryTag = (typeof AccountSummaryTag)[keyof typeof AccountSummaryTag];

/** Every {@link AccountSummaryTag}, comma separated, in the official order (`AccountSummaryTags.AllTags`). */
export const ALL_ACCOUNT_SUMMARY_TAGS: string = Object.values(AccountSummaryTag).join(",");

/** The `$LEDGER` tags: every cash balance tag in the base currency, in `currency`, or in all currencies. */
export function ledgerTag(currency?: string): string {
  return currency === undefined ? "$LEDGER" : `$LEDGER:${currency}`;
}

/** The group name REQ_ACCOUNT_SUMMARY takes for every account of the login. */
export const ALL_ACCOUNTS_GROUP = "All";
