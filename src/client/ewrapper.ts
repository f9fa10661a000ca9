import type { Bar } from "../protocol/models/bar.js";
import type { DeltaNeutralContract } from "../protocol/models/contract.js";
import type { ContractDescription } from "../protocol/models/contract-description.js";
import type { ContractDetails } from "../protocol/models/contract-details.js";
import type { DepthMktDataDescription } from "../protocol/models/depth.js";
import type {
  HistogramEntry,
  HistoricalSession,
  HistoricalTick,
  HistoricalTickBidAsk,
  HistoricalTickLast,
} from "../protocol/models/historical-ticks.js";
import type { PriceIncrement, SmartComponentMap } from "../protocol/models/market-data.js";
import type { NewsProvider } from "../protocol/models/news.js";
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
}
