import type { MessageSpec } from "../spec.js";
import { wshEventData, wshMetaData } from "./wsh-replies.js";
import { cancelWshEventData, cancelWshMetaData, reqWshEventData, reqWshMetaData } from "./wsh-requests.js";

/** Wall Street Horizon event calendar: meta data and event data. */
export const wallStreetHorizonSpecs: readonly MessageSpec[] = [
  reqWshMetaData,
  cancelWshMetaData,
  wshMetaData,
  reqWshEventData,
  cancelWshEventData,
  wshEventData,
];
