import type { MessageSpec } from "../spec.js";
import { cancelMktData, reqMarketDataType, reqMktData } from "./market-data-requests.js";
import { marketRule, reqMarketRule } from "./market-rules.js";
import {
  calculateImpliedVolatility,
  calculateOptionPrice,
  cancelCalculateImpliedVolatility,
  cancelCalculateOptionPrice,
} from "./option-calculations.js";
import { tickOptionComputation } from "./option-computation.js";
import { rerouteMktDataReq, rerouteMktDepthReq } from "./reroute.js";
import { reqSmartComponents, smartComponents } from "./smart-components.js";
import { marketDataType, tickReqParams, tickSnapshotEnd } from "./stream-status.js";
import { tickEfp, tickNews } from "./tick-extras.js";
import { tickGeneric, tickPrice, tickSize, tickString } from "./ticks.js";

/** Level-1 market data: requests, ticks and the messages around them. */
export const marketDataSpecs: readonly MessageSpec[] = [
  // requests
  reqMktData,
  cancelMktData,
  reqMarketDataType,
  calculateImpliedVolatility,
  calculateOptionPrice,
  cancelCalculateImpliedVolatility,
  cancelCalculateOptionPrice,
  reqSmartComponents,
  reqMarketRule,
  // replies
  tickPrice,
  tickSize,
  tickString,
  tickGeneric,
  tickOptionComputation,
  tickEfp,
  tickSnapshotEnd,
  tickReqParams,
  tickNews,
  marketDataType,
  smartComponents,
  marketRule,
  rerouteMktDataReq,
  rerouteMktDepthReq,
];
