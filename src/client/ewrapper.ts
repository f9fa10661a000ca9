import type { Bar } from "../protocol/models/bar.js";
import type { Contract, DeltaNeutralContract } from "../protocol/models/contract.js";
import type { ContractDescription } from "../protocol/models/contract-description.js";
import type { ContractDetails } from "../protocol/models/contract-details.js";
import type { DepthMktDataDescription } from "../protocol/models/depth.js";
import type { CommissionAndFeesReport, Execution } from "../protocol/models/execution.js";
import type {
  HistogramEntry,
  HistoricalSession,
  HistoricalTick,
  HistoricalTickBidAsk,
  HistoricalTickLast,
} from "../protocol/models/historical-ticks.js";
import type { PriceIncrement, SmartComponentMap } from "../protocol/models/market-data.js";
import type { NewsProvider } from "../protocol/models/news.js";
import type { Order } from "../protocol/models/order.js";
import type { OrderState } from "../protocol/models/order-state.js";
import type { FamilyCode, SoftDollarTier } from "../protocol/models/reference-data.js";
import type { TickAttrib, TickAttribBidAsk, TickAttribLast } from "../protocol/models/tick-attrib.js";
import type { Decimal } from "../protocol/values.js";

/**
 * EWrapper: every callback of the official API, with the official names and argument order, all optional.
 * The reader looks each one up on the wrapper object when a message arrives, so a class instance, a plain
 * object or a Proxy all work; a callback the wrapper lacks goes to the client's `onUnhandled` option.
 *
 * Unset values arrive as `undefined` (never as sentinels such as 1.7976931348623157e308), Decimals as their exact
 * text, longs (permId) as bigint. Messages that arrive as protobuf land in the same callbacks.
 */
export interface EWrapper {
  // Connection and errors
  /** A TWS error or notice, or a client-side error (501–593). `errorTime` is epoch ms (0 before server version 194). */
  error?(
    reqId: number,
    errorTime: number,
    errorCode: number,
    errorString: string,
    advancedOrderRejectJson: string,
  ): void;
  /** The handshake is done and START_API sent (called just before `connect()` resolves). */
  connectAck?(): void;
  connectionClosed?(): void;
  nextValidId?(orderId: number): void;
  managedAccounts?(accountsList: string): void;
  currentTime?(time: number): void;
  currentTimeInMillis?(timeInMillis: number): void;
  userInfo?(reqId: number, whiteBrandingId: string): void;

  // Market data
  marketDataType?(reqId: number, marketDataType: number): void;
  tickPrice?(reqId: number, tickType: number, price: number, attrib: TickAttrib): void;
  tickSize?(reqId: number, tickType: number, size: Decimal | undefined): void;
  tickString?(reqId: number, tickType: number, value: string): void;
  tickGeneric?(reqId: number, tickType: number, value: number): void;
  tickEFP?(
    reqId: number,
    tickType: number,
    basisPoints: number,
    formattedBasisPoints: string,
    totalDividends: number,
    holdDays: number,
    futureLastTradeDate: string,
    dividendImpact: number,
    dividendsToLastTradeDate: number,
  ): void;
  tickOptionComputation?(
    reqId: number,
    tickType: number,
    tickAttrib: number | undefined,
    impliedVol: number | undefined,
    delta: number | undefined,
    optPrice: number | undefined,
    pvDividend: number | undefined,
    gamma: number | undefined,
    vega: number | undefined,
    theta: number | undefined,
    undPrice: number | undefined,
  ): void;
  tickSnapshotEnd?(reqId: number): void;
  tickReqParams?(tickerId: number, minTick: number, bboExchange: string, snapshotPermissions: number): void;
  tickNews?(
    tickerId: number,
    timeStamp: number,
    providerCode: string,
    articleId: string,
    headline: string,
    extraData: string,
  ): void;
  smartComponents?(reqId: number, smartComponentMap: SmartComponentMap): void;
  marketRule?(marketRuleId: number, priceIncrements: PriceIncrement[]): void;
  rerouteMktDataReq?(reqId: number, conId: number, exchange: string): void;
  rerouteMktDepthReq?(reqId: number, conId: number, exchange: string): void;

  // Depth, tick-by-tick, real-time bars
  updateMktDepth?(
    reqId: number,
    position: number,
    operation: number,
    side: number,
    price: number,
    size: Decimal | undefined,
  ): void;
  updateMktDepthL2?(
    reqId: number,
    position: number,
    marketMaker: string,
    operation: number,
    side: number,
    price: number,
    size: Decimal | undefined,
    isSmartDepth: boolean,
  ): void;
  mktDepthExchanges?(depthMktDataDescriptions: DepthMktDataDescription[]): void;
  tickByTickAllLast?(
    reqId: number,
    tickType: number,
    time: number,
    price: number,
    size: Decimal | undefined,
    tickAttribLast: TickAttribLast,
    exchange: string,
    specialConditions: string,
  ): void;
  tickByTickBidAsk?(
    reqId: number,
    time: number,
    bidPrice: number,
    askPrice: number,
    bidSize: Decimal | undefined,
    askSize: Decimal | undefined,
    tickAttribBidAsk: TickAttribBidAsk,
  ): void;
  tickByTickMidPoint?(reqId: number, time: number, midPoint: number): void;
  realtimeBar?(
    reqId: number,
    time: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: Decimal | undefined,
    wap: Decimal | undefined,
    count: number,
  ): void;

  // Contracts and reference data
  contractDetails?(reqId: number, contractDetails: ContractDetails): void;
  bondContractDetails?(reqId: number, contractDetails: ContractDetails): void;
  contractDetailsEnd?(reqId: number): void;
  symbolSamples?(reqId: number, contractDescriptions: ContractDescription[]): void;
  securityDefinitionOptionParameter?(
    reqId: number,
    exchange: string,
    underlyingConId: number,
    tradingClass: string,
    multiplier: string,
    expirations: string[],
    strikes: number[],
  ): void;
  securityDefinitionOptionParameterEnd?(reqId: number): void;
  familyCodes?(familyCodes: FamilyCode[]): void;
  softDollarTiers?(reqId: number, tiers: SoftDollarTier[]): void;
  deltaNeutralValidation?(reqId: number, deltaNeutralContract: DeltaNeutralContract): void;

  // History
  historicalData?(reqId: number, bar: Bar): void;
  historicalDataEnd?(reqId: number, start: string, end: string): void;
  historicalDataUpdate?(reqId: number, bar: Bar): void;
  headTimestamp?(reqId: number, headTimestamp: string): void;
  histogramData?(reqId: number, items: HistogramEntry[]): void;
  historicalTicks?(reqId: number, ticks: HistoricalTick[], done: boolean): void;
  historicalTicksBidAsk?(reqId: number, ticks: HistoricalTickBidAsk[], done: boolean): void;
  historicalTicksLast?(reqId: number, ticks: HistoricalTickLast[], done: boolean): void;
  historicalSchedule?(
    reqId: number,
    startDateTime: string,
    endDateTime: string,
    timeZone: string,
    sessions: HistoricalSession[],
  ): void;

  // News and scanners
  newsProviders?(newsProviders: NewsProvider[]): void;
  newsArticle?(requestId: number, articleType: number, articleText: string): void;
  historicalNews?(requestId: number, time: string, providerCode: string, articleId: string, headline: string): void;
  historicalNewsEnd?(requestId: number, hasMore: boolean): void;
  updateNewsBulletin?(msgId: number, msgType: number, newsMessage: string, originExch: string): void;
  scannerParameters?(xml: string): void;
  scannerData?(
    reqId: number,
    rank: number,
    contractDetails: ContractDetails,
    distance: string,
    benchmark: string,
    projection: string,
    legsStr: string,
  ): void;
  scannerDataEnd?(reqId: number): void;

  // Orders
  orderStatus?(
    orderId: number,
    status: string,
    filled: Decimal | undefined,
    remaining: Decimal | undefined,
    avgFillPrice: number,
    permId: bigint,
    parentId: number,
    lastFillPrice: number,
    clientId: number,
    whyHeld: string,
    mktCapPrice: number | null | undefined,
  ): void;
  openOrder?(orderId: number, contract: Contract, order: Order, orderState: OrderState): void;
  openOrderEnd?(): void;
  completedOrder?(contract: Contract, order: Order, orderState: OrderState): void;
  completedOrdersEnd?(): void;
  orderBound?(permId: bigint, clientId: number, orderId: number): void;

  // Executions, accounts, positions and P&L
  execDetails?(reqId: number, contract: Contract, execution: Execution): void;
  execDetailsEnd?(reqId: number): void;
  commissionAndFeesReport?(commissionAndFeesReport: CommissionAndFeesReport): void;
  updateAccountValue?(key: string, val: string, currency: string, accountName: string): void;
  updatePortfolio?(
    contract: Contract,
    position: Decimal | undefined,
    marketPrice: number,
    marketValue: number,
    averageCost: number,
    unrealizedPNL: number,
    realizedPNL: number,
    accountName: string,
  ): void;
  updateAccountTime?(timeStamp: string): void;
  accountDownloadEnd?(accountName: string): void;
  accountSummary?(reqId: number, account: string, tag: string, value: string, currency: string): void;
  accountSummaryEnd?(reqId: number): void;
  position?(account: string, contract: Contract, position: Decimal | undefined, avgCost: number): void;
  positionEnd?(): void;
  positionMulti?(
    reqId: number,
    account: string,
    modelCode: string,
    contract: Contract,
    pos: Decimal | undefined,
    avgCost: number,
  ): void;
  positionMultiEnd?(reqId: number): void;
  accountUpdateMulti?(
    reqId: number,
    account: string,
    modelCode: string,
    key: string,
    value: string,
    currency: string,
  ): void;
  accountUpdateMultiEnd?(reqId: number): void;
  pnl?(
    reqId: number,
    dailyPnL: number | undefined,
    unrealizedPnL: number | undefined,
    realizedPnL: number | undefined,
  ): void;
  pnlSingle?(
    reqId: number,
    pos: Decimal | undefined,
    dailyPnL: number | undefined,
    unrealizedPnL: number | undefined,
    realizedPnL: number | undefined,
    value: number | undefined,
  ): void;

  // Financial advisors, WSH, display groups, verification, configuration, fundamentals
  receiveFA?(faData: number, cxml: string): void;
  replaceFAEnd?(reqId: number, text: string): void;
  wshMetaData?(reqId: number, dataJson: string): void;
  wshEventData?(reqId: number, dataJson: string): void;
  displayGroupList?(reqId: number, groups: string): void;
  displayGroupUpdated?(reqId: number, contractInfo: string): void;
  verifyMessageAPI?(apiData: string): void;
  verifyCompleted?(isSuccessful: boolean | string, errorText: string): void;
  verifyAndAuthMessageAPI?(apiData: string, xyzChallange: string): void;
  verifyAndAuthCompleted?(isSuccessful: boolean | string, errorText: string): void;
  /** TWS's configuration (REQ_CONFIG, server version 219; protobuf only, no callback in the official 10.46). */
  configResponse?(reqId: number, config: unknown): void;
  /** The result of UPDATE_CONFIG (server version 221; protobuf only). */
  updateConfigResponse?(reqId: number, response: unknown): void;
  /** Fundamental data XML (present up to API 10.46, gone in 10.50). */
  fundamentalData?(reqId: number, data: string): void;
}
