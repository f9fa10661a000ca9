import type { MessageSpec } from "../spec.js";
import { accountSummary, accountSummaryEnd, cancelAccountSummary, reqAccountSummary } from "./account-summary.js";
import {
  accountDownloadEnd,
  accountUpdateTime,
  accountValue,
  portfolioValue,
  reqAccountUpdates,
} from "./account-updates.js";
import {
  accountUpdateMulti,
  accountUpdateMultiEnd,
  cancelAccountUpdatesMulti,
  reqAccountUpdatesMulti,
} from "./account-updates-multi.js";
import { commissionAndFeesReport } from "./commission.js";
import { reqExecutions } from "./execution-request.js";
import { executionData, executionDataEnd } from "./executions.js";
import { cancelPnL, cancelPnLSingle, pnl, pnlSingle, reqPnL, reqPnLSingle } from "./pnl.js";
import { cancelPositions, positionData, positionEnd, reqPositions } from "./positions.js";
import { cancelPositionsMulti, positionMulti, positionMultiEnd, reqPositionsMulti } from "./positions-multi.js";

/** Executions, commissions, account updates and summaries, positions and P&L. */
export const accountSpecs: readonly MessageSpec[] = [
  reqExecutions,
  executionData,
  executionDataEnd,
  commissionAndFeesReport,
  reqAccountUpdates,
  accountValue,
  portfolioValue,
  accountUpdateTime,
  accountDownloadEnd,
  reqAccountSummary,
  cancelAccountSummary,
  accountSummary,
  accountSummaryEnd,
  reqPositions,
  cancelPositions,
  positionData,
  positionEnd,
  reqPositionsMulti,
  cancelPositionsMulti,
  positionMulti,
  positionMultiEnd,
  reqAccountUpdatesMulti,
  cancelAccountUpdatesMulti,
  accountUpdateMulti,
  accountUpdateMultiEnd,
  reqPnL,
  cancelPnL,
  pnl,
  reqPnLSingle,
  cancelPnLSingle,
  pnlSingle,
];
