import type { MessageSpec } from "../spec.js";
import { configResponse, reqConfig, updateConfig, updateConfigResponse } from "./config.js";

/** TWS configuration requests and replies (protobuf only, from server versions 219 and 221). */
export const configurationSpecs: readonly MessageSpec[] = [
  reqConfig,
  configResponse,
  updateConfig,
  updateConfigResponse,
];
