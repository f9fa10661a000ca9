import type { OutgoingMessageName } from "../protocol/message-ids.js";

/**
 * Which EClient method sends which request, and its parameters in the official order (each parameter is the
 * field of the same name in the request's message value). Used by tests and tools that replay requests.
 */
export const requestMethods: Partial<Record<OutgoingMessageName, { method: string; params: readonly string[] }>> = {
  REQ_CURRENT_TIME: { method: "reqCurrentTime", params: [] },
  REQ_CURRENT_TIME_IN_MILLIS: { method: "reqCurrentTimeInMillis", params: [] },
  REQ_IDS: { method: "reqIds", params: ["numIds"] },
  REQ_MANAGED_ACCTS: { method: "reqManagedAccts", params: [] },
  SET_SERVER_LOGLEVEL: { method: "setServerLogLevel", params: ["logLevel"] },
  REQ_USER_INFO: { method: "reqUserInfo", params: ["reqId"] },
  REQ_CONTRACT_DATA: { method: "reqContractDetails", params: ["reqId", "contract"] },
  CANCEL_CONTRACT_DATA: { method: "cancelContractData", params: ["reqId"] },
  REQ_MATCHING_SYMBOLS: { method: "reqMatchingSymbols", params: ["reqId", "pattern"] },
  REQ_SEC_DEF_OPT_PARAMS: {
    method: "reqSecDefOptParams",
    params: ["reqId", "underlyingSymbol", "futFopExchange", "underlyingSecType", "underlyingConId"],
  },
  REQ_FAMILY_CODES: { method: "reqFamilyCodes", params: [] },
  REQ_SOFT_DOLLAR_TIERS: { method: "reqSoftDollarTiers", params: ["reqId"] },
  REQ_MKT_DATA: {
    method: "reqMktData",
    params: ["reqId", "contract", "genericTickList", "snapshot", "regulatorySnapshot", "mktDataOptions"],
  },
  CANCEL_MKT_DATA: { method: "cancelMktData", params: ["reqId"] },
  REQ_MARKET_DATA_TYPE: { method: "reqMarketDataType", params: ["marketDataType"] },
  REQ_SMART_COMPONENTS: { method: "reqSmartComponents", params: ["reqId", "bboExchange"] },
  REQ_MARKET_RULE: { method: "reqMarketRule", params: ["marketRuleId"] },
  REQ_CALC_IMPLIED_VOLAT: {
    method: "calculateImpliedVolatility",
    params: ["reqId", "contract", "optionPrice", "underPrice", "implVolOptions"],
  },
  CANCEL_CALC_IMPLIED_VOLAT: { method: "cancelCalculateImpliedVolatility", params: ["reqId"] },
  REQ_CALC_OPTION_PRICE: {
    method: "calculateOptionPrice",
    params: ["reqId", "contract", "volatility", "underPrice", "optPrcOptions"],
  },
  CANCEL_CALC_OPTION_PRICE: { method: "cancelCalculateOptionPrice", params: ["reqId"] },
  REQ_MKT_DEPTH: { method: "reqMktDepth", params: ["reqId", "contract", "numRows", "isSmartDepth", "mktDepthOptions"] },
  CANCEL_MKT_DEPTH: { method: "cancelMktDepth", params: ["reqId", "isSmartDepth"] },
  REQ_MKT_DEPTH_EXCHANGES: { method: "reqMktDepthExchanges", params: [] },
  REQ_TICK_BY_TICK_DATA: {
    method: "reqTickByTickData",
    params: ["reqId", "contract", "tickType", "numberOfTicks", "ignoreSize"],
  },
  CANCEL_TICK_BY_TICK_DATA: { method: "cancelTickByTickData", params: ["reqId"] },
  REQ_REAL_TIME_BARS: {
    method: "reqRealTimeBars",
    params: ["reqId", "contract", "barSize", "whatToShow", "useRTH", "realTimeBarsOptions"],
  },
  CANCEL_REAL_TIME_BARS: { method: "cancelRealTimeBars", params: ["reqId"] },
  REQ_HISTORICAL_DATA: {
    method: "reqHistoricalData",
    params: [
      "reqId",
      "contract",
      "endDateTime",
      "durationStr",
      "barSizeSetting",
      "whatToShow",
      "useRTH",
      "formatDate",
      "keepUpToDate",
      "chartOptions",
    ],
  },
  CANCEL_HISTORICAL_DATA: { method: "cancelHistoricalData", params: ["reqId"] },
  REQ_HEAD_TIMESTAMP: {
    method: "reqHeadTimeStamp",
    params: ["reqId", "contract", "whatToShow", "useRTH", "formatDate"],
  },
  CANCEL_HEAD_TIMESTAMP: { method: "cancelHeadTimeStamp", params: ["reqId"] },
  REQ_HISTOGRAM_DATA: { method: "reqHistogramData", params: ["tickerId", "contract", "useRTH", "timePeriod"] },
  CANCEL_HISTOGRAM_DATA: { method: "cancelHistogramData", params: ["tickerId"] },
  REQ_HISTORICAL_TICKS: {
    method: "reqHistoricalTicks",
    params: [
      "reqId",
      "contract",
      "startDateTime",
      "endDateTime",
      "numberOfTicks",
      "whatToShow",
      "useRth",
      "ignoreSize",
      "miscOptions",
    ],
  },
  CANCEL_HISTORICAL_TICKS: { method: "cancelHistoricalTicks", params: ["reqId"] },
  REQ_NEWS_PROVIDERS: { method: "reqNewsProviders", params: [] },
  REQ_NEWS_ARTICLE: { method: "reqNewsArticle", params: ["reqId", "providerCode", "articleId", "newsArticleOptions"] },
  REQ_HISTORICAL_NEWS: {
    method: "reqHistoricalNews",
    params: [
      "reqId",
      "conId",
      "providerCodes",
      "startDateTime",
      "endDateTime",
      "totalResults",
      "historicalNewsOptions",
    ],
  },
  REQ_NEWS_BULLETINS: { method: "reqNewsBulletins", params: ["allMsgs"] },
  CANCEL_NEWS_BULLETINS: { method: "cancelNewsBulletins", params: [] },
  REQ_SCANNER_PARAMETERS: { method: "reqScannerParameters", params: [] },
  REQ_SCANNER_SUBSCRIPTION: {
    method: "reqScannerSubscription",
    params: ["reqId", "subscription", "scannerSubscriptionOptions", "scannerSubscriptionFilterOptions"],
  },
  CANCEL_SCANNER_SUBSCRIPTION: { method: "cancelScannerSubscription", params: ["reqId"] },
};
