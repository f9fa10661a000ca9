import type { MessageSpec } from "../spec.js";
import { cancelFundamentalData, fundamentalData, reqFundamentalData } from "./fundamentals.js";

/**
 * Fundamental data (REQ_FUNDAMENTAL_DATA, CANCEL_FUNDAMENTAL_DATA, FUNDAMENTAL_DATA). Status: present up to API
 * 10.46 (protobuf from 210), removed from the official clients in 10.50 (no Java 10.50 request methods, no
 * protobuf routing, no `.proto` types). The codec stays for peers that still speak it.
 */
export const fundamentalsSpecs: readonly MessageSpec[] = [reqFundamentalData, cancelFundamentalData, fundamentalData];
