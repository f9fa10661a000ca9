import type { MessageSpec } from "../spec.js";
import { mktDepthExchanges, reqMktDepthExchanges } from "./depth-exchanges.js";
import { marketDepth, marketDepthL2 } from "./market-depth.js";
import { cancelMktDepth, reqMktDepth } from "./market-depth-requests.js";
import { cancelRealTimeBars, realTimeBars, reqRealTimeBars } from "./real-time-bars.js";
import { tickByTick } from "./tick-by-tick.js";
import { cancelTickByTickData, reqTickByTickData } from "./tick-by-tick-requests.js";

/** Market depth, tick-by-tick data and real-time bars. */
export const depthAndBarsSpecs: readonly MessageSpec[] = [
  reqMktDepth,
  cancelMktDepth,
  marketDepth,
  marketDepthL2,
  reqMktDepthExchanges,
  mktDepthExchanges,
  reqTickByTickData,
  cancelTickByTickData,
  tickByTick,
  reqRealTimeBars,
  cancelRealTimeBars,
  realTimeBars,
];
