import { reqMktDepthExchanges } from "../protocol/messages/depth-and-bars/depth-exchanges.js";
import { cancelMktDepth, reqMktDepth } from "../protocol/messages/depth-and-bars/market-depth-requests.js";
import { cancelRealTimeBars, reqRealTimeBars } from "../protocol/messages/depth-and-bars/real-time-bars.js";
import { cancelTickByTickData, reqTickByTickData } from "../protocol/messages/depth-and-bars/tick-by-tick-requests.js";
import { cancelMktData, reqMarketDataType, reqMktData } from "../protocol/messages/market-data/market-data-requests.js";
import { reqMarketRule } from "../protocol/messages/market-data/market-rules.js";
import {
  calculateImpliedVolatility,
  calculateOptionPrice,
  cancelCalculateImpliedVolatility,
  cancelCalculateOptionPrice,
} from "../protocol/messages/market-data/option-calculations.js";
import { reqSmartComponents } from "../protocol/messages/market-data/smart-components.js";
import type { Contract, TagValue } from "../protocol/models/contract.js";
import { SessionAndReferenceRequests } from "./eclient-session-and-reference.js";

/** EClient requests (official names and parameter order); see MarketDataRequests in the class chain of eclient.ts. */
export class MarketDataRequests extends SessionAndReferenceRequests {
  /** Streams (or snapshots) level-1 market data: `tickPrice`, `tickSize`, `tickString`, `tickGeneric`, ... */
  reqMktData(
    reqId: number,
    contract: Contract,
    genericTickList: string = "",
    snapshot: boolean = false,
    regulatorySnapshot: boolean = false,
    mktDataOptions: TagValue[] = [],
  ): void {
    this.send(reqMktData, { reqId, contract, genericTickList, snapshot, regulatorySnapshot, mktDataOptions }, reqId);
  }

  /** Stops a market data stream. */
  cancelMktData(reqId: number): void {
    this.send(cancelMktData, { reqId }, reqId);
  }

  /** 1 live, 2 frozen, 3 delayed, 4 delayed-frozen, for the market data requests that follow. */
  reqMarketDataType(marketDataType: number): void {
    this.send(reqMarketDataType, { marketDataType });
  }

  /** The exchanges behind a SMART BBO exchange code, through `smartComponents`. */
  reqSmartComponents(reqId: number, bboExchange: string): void {
    this.send(reqSmartComponents, { reqId, bboExchange }, reqId);
  }

  /** The price increments of a market rule, through `marketRule`. */
  reqMarketRule(marketRuleId: number): void {
    this.send(reqMarketRule, { marketRuleId });
  }

  /** The implied volatility for an option price, through `tickOptionComputation`. */
  calculateImpliedVolatility(
    reqId: number,
    contract: Contract,
    optionPrice: number,
    underPrice: number,
    implVolOptions: TagValue[] = [],
  ): void {
    this.send(calculateImpliedVolatility, { reqId, contract, optionPrice, underPrice, implVolOptions }, reqId);
  }

  /** Cancels an implied volatility calculation. */
  cancelCalculateImpliedVolatility(reqId: number): void {
    this.send(cancelCalculateImpliedVolatility, { reqId }, reqId);
  }

  /** The option price for a volatility, through `tickOptionComputation`. */
  calculateOptionPrice(
    reqId: number,
    contract: Contract,
    volatility: number,
    underPrice: number,
    optPrcOptions: TagValue[] = [],
  ): void {
    this.send(calculateOptionPrice, { reqId, contract, volatility, underPrice, optPrcOptions }, reqId);
  }

  /** Cancels an option price calculation. */
  cancelCalculateOptionPrice(reqId: number): void {
    this.send(cancelCalculateOptionPrice, { reqId }, reqId);
  }

  /** Streams the order book: `updateMktDepth` / `updateMktDepthL2`. */
  reqMktDepth(
    reqId: number,
    contract: Contract,
    numRows: number,
    isSmartDepth: boolean = false,
    mktDepthOptions: TagValue[] = [],
  ): void {
    this.send(reqMktDepth, { reqId, contract, numRows, isSmartDepth, mktDepthOptions }, reqId);
  }

  /** Stops an order book stream. */
  cancelMktDepth(reqId: number, isSmartDepth: boolean = false): void {
    this.send(cancelMktDepth, { reqId, isSmartDepth }, reqId);
  }

  /** The exchanges that offer depth, through `mktDepthExchanges`. */
  reqMktDepthExchanges(): void {
    this.send(reqMktDepthExchanges, {});
  }

  /** Streams every trade or quote: tickType "Last", "AllLast", "BidAsk" or "MidPoint". */
  reqTickByTickData(
    reqId: number,
    contract: Contract,
    tickType: string,
    numberOfTicks: number = 0,
    ignoreSize: boolean = false,
  ): void {
    this.send(reqTickByTickData, { reqId, contract, tickType, numberOfTicks, ignoreSize }, reqId);
  }

  /** Stops a tick-by-tick stream. */
  cancelTickByTickData(reqId: number): void {
    this.send(cancelTickByTickData, { reqId }, reqId);
  }

  /** Streams 5-second bars through `realtimeBar`. */
  reqRealTimeBars(
    reqId: number,
    contract: Contract,
    barSize: number,
    whatToShow: string,
    useRTH: boolean,
    realTimeBarsOptions: TagValue[] = [],
  ): void {
    this.send(reqRealTimeBars, { reqId, contract, barSize, whatToShow, useRTH, realTimeBarsOptions }, reqId);
  }

  /** Stops a real-time bars stream. */
  cancelRealTimeBars(reqId: number): void {
    this.send(cancelRealTimeBars, { reqId }, reqId);
  }
}
