import type { MessageSpec } from "../spec.js";
import { historicalData, historicalDataEnd, historicalDataUpdate } from "./bars.js";
import { cancelHistoricalData, reqHistoricalData } from "./bars-request.js";
import { cancelHeadTimestamp, headTimestamp, reqHeadTimestamp } from "./head-timestamp.js";
import { cancelHistogramData, histogramData, reqHistogramData } from "./histogram.js";
import { historicalSchedule } from "./schedule.js";
import { historicalTicks, historicalTicksBidAsk, historicalTicksLast } from "./ticks.js";
import { cancelHistoricalTicks, reqHistoricalTicks } from "./ticks-request.js";

/** Historical bars, ticks, histograms, head timestamps and schedules. */
export const historicalSpecs: readonly MessageSpec[] = [
  reqHistoricalData,
  cancelHistoricalData,
  historicalData,
  historicalDataEnd,
  historicalDataUpdate,
  reqHeadTimestamp,
  cancelHeadTimestamp,
  headTimestamp,
  reqHistogramData,
  cancelHistogramData,
  histogramData,
  reqHistoricalTicks,
  cancelHistoricalTicks,
  historicalTicks,
  historicalTicksBidAsk,
  historicalTicksLast,
  historicalSchedule,
];
