import { cancelAccountSummary, reqAccountSummary } from "../protocol/messages/accounts/account-summary.js";
import { reqAccountUpdates } from "../protocol/messages/accounts/account-updates.js";
import {
  cancelAccountUpdatesMulti,
  reqAccountUpdatesMulti,
} from "../protocol/messages/accounts/account-updates-multi.js";
import { reqExecutions } from "../protocol/messages/accounts/execution-request.js";
import { cancelPnL, cancelPnLSingle, reqPnL, reqPnLSingle } from "../protocol/messages/accounts/pnl.js";
import { cancelPositions, reqPositions } from "../protocol/messages/accounts/positions.js";
import { cancelPositionsMulti, reqPositionsMulti } from "../protocol/messages/accounts/positions-multi.js";
import { cancelOrder, reqGlobalCancel } from "../protocol/messages/orders/cancel-order.js";
import { exerciseOptions } from "../protocol/messages/orders/exercise-options.js";
import {
  reqAllOpenOrders,
  reqAutoOpenOrders,
  reqCompletedOrders,
  reqOpenOrders,
} from "../protocol/messages/orders/open-order-requests.js";
import { placeOrder } from "../protocol/messages/orders/place-order.js";
import type { Contract } from "../protocol/models/contract.js";
import type { ExecutionFilter } from "../protocol/models/execution.js";
import type { Order, OrderCancel } from "../protocol/models/order.js";
import { HistoryNewsAndScannerRequests } from "./eclient-history-news-scanners.js";

/** EClient requests (official names and parameter order); one link of the class chain of eclient.ts. */
export class OrderAndAccountRequests extends HistoryNewsAndScannerRequests {
  /** Places or modifies (same orderId) an order. Never queued while disconnected: it fails at once with 504. */
  placeOrder(orderId: number, contract: Contract, order: Order): void {
    this.send(placeOrder, { orderId, contract, order }, orderId);
  }

  /** Cancels an order; the result arrives through `orderStatus` (or error 10147 / 10148). */
  cancelOrder(orderId: number, orderCancel: OrderCancel = {}): void {
    this.send(cancelOrder, { orderId, orderCancel }, orderId);
  }

  /** Cancels every open order of the account, whoever placed it. */
  reqGlobalCancel(orderCancel: OrderCancel = {}): void {
    this.send(reqGlobalCancel, { orderCancel });
  }

  /** The open orders of this client, through `openOrder`, `orderStatus` and `openOrderEnd`. */
  reqOpenOrders(): void {
    this.send(reqOpenOrders, {});
  }

  /** The open orders of every API client and of TWS itself. */
  reqAllOpenOrders(): void {
    this.send(reqAllOpenOrders, {});
  }

  /** Binds orders placed in TWS to client 0 (only client 0 may ask: error 327 otherwise). */
  reqAutoOpenOrders(bAutoBind: boolean): void {
    this.send(reqAutoOpenOrders, { bAutoBind });
  }

  /** Orders completed today, through `completedOrder` and `completedOrdersEnd`. */
  reqCompletedOrders(apiOnly: boolean): void {
    this.send(reqCompletedOrders, { apiOnly });
  }

  /** Exercises (1) or lets lapse (2) an option position. */
  exerciseOptions(
    reqId: number,
    contract: Contract,
    exerciseAction: number,
    exerciseQuantity: number,
    account: string,
    override: number,
    manualOrderTime: string = "",
    customerAccount: string = "",
    professionalCustomer: boolean = false,
  ): void {
    this.send(
      exerciseOptions,
      {
        reqId,
        contract,
        exerciseAction,
        exerciseQuantity,
        account,
        override,
        manualOrderTime,
        customerAccount,
        professionalCustomer,
      },
      reqId,
    );
  }

  /** Executions matching the filter, through `execDetails`, `commissionAndFeesReport` and `execDetailsEnd`. */
  reqExecutions(reqId: number, execFilter: ExecutionFilter = {}): void {
    this.send(reqExecutions, { reqId, execFilter }, reqId);
  }

  /** Streams account values and portfolio: `updateAccountValue`, `updatePortfolio`, `updateAccountTime`, `accountDownloadEnd`. */
  reqAccountUpdates(subscribe: boolean, acctCode: string): void {
    this.send(reqAccountUpdates, { subscribe, acctCode });
  }

  /** Account summary values by tag, through `accountSummary` and `accountSummaryEnd`. */
  reqAccountSummary(reqId: number, groupName: string, tags: string): void {
    this.send(reqAccountSummary, { reqId, groupName, tags }, reqId);
  }

  /** Stops an account summary subscription. */
  cancelAccountSummary(reqId: number): void {
    this.send(cancelAccountSummary, { reqId }, reqId);
  }

  /** Positions of every account, through `position` and `positionEnd`. */
  reqPositions(): void {
    this.send(reqPositions, {});
  }

  /** Stops position updates. */
  cancelPositions(): void {
    this.send(cancelPositions, {});
  }

  /** Positions of one account or model, through `positionMulti` and `positionMultiEnd`. */
  reqPositionsMulti(reqId: number, account: string, modelCode: string): void {
    this.send(reqPositionsMulti, { reqId, account, modelCode }, reqId);
  }

  /** Stops a positions-multi subscription. */
  cancelPositionsMulti(reqId: number): void {
    this.send(cancelPositionsMulti, { reqId }, reqId);
  }

  /** Account values of one account or model, through `accountUpdateMulti`. */
  reqAccountUpdatesMulti(reqId: number, account: string, modelCode: string, ledgerAndNLV: boolean): void {
    this.send(reqAccountUpdatesMulti, { reqId, account, modelCode, ledgerAndNLV }, reqId);
  }

  /** Stops an account-updates-multi subscription. */
  cancelAccountUpdatesMulti(reqId: number): void {
    this.send(cancelAccountUpdatesMulti, { reqId }, reqId);
  }

  /** Daily, unrealized and realized P&L of an account, through `pnl`. */
  reqPnL(reqId: number, account: string, modelCode: string): void {
    this.send(reqPnL, { reqId, account, modelCode }, reqId);
  }

  /** Stops a P&L subscription. */
  cancelPnL(reqId: number): void {
    this.send(cancelPnL, { reqId }, reqId);
  }

  /** P&L of one position, through `pnlSingle`. */
  reqPnLSingle(reqId: number, account: string, modelCode: string, conid: number): void {
    this.send(reqPnLSingle, { reqId, account, modelCode, conid }, reqId);
  }

  /** Stops a single-position P&L subscription. */
  cancelPnLSingle(reqId: number): void {
    this.send(cancelPnLSingle, { reqId }, reqId);
  }
}
