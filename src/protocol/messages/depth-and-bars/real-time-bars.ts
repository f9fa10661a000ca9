import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { Contract, TagValue } from "../../models/contract.js";
import { CancelRealTimeBars, RealTimeBarsRequest, RealTimeBarTick } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { type Decimal, NO_VALID_ID } from "../../values.js";
import {
  contractFromProto,
  contractToRequestProto,
  parseTagValueText,
  requireVersion,
  tagValueList,
  tagValueMap,
  tagValueText,
} from "../common/contract.js";
import { protobufForm, reply, request, type WrapperCall } from "../spec.js";
import { intOrUnset, intUnlessUnset, readConIdAndContract, writeConIdAndContract } from "./request-fields.js";

/**
 * Real-time (5-second) bars: REQ_REAL_TIME_BARS, CANCEL_REAL_TIME_BARS and the REAL_TIME_BARS stream (official
 * `reqRealTimeBars`, `cancelRealTimeBars`, `processRealTimeBarMsg`). Protobuf from
 * MIN_SERVER_VER_PROTOBUF_HISTORICAL_DATA (208).
 */

/** REQ_REAL_TIME_BARS: the official `reqRealTimeBars` arguments. */
export interface ReqRealTimeBarsMessage {
  reqId: number;
  contract: Contract;
  /** Seconds per bar; TWS supports only 5. */
  barSize: number;
  /** TRADES, BID, ASK or MIDPOINT. */
  whatToShow: string;
  /** Regular trading hours only. */
  useRTH: boolean;
  /** "For internal use only"; text: one `tag=value;` field (MIN_SERVER_VER_LINKING), protobuf: a map. */
  realTimeBarsOptions: TagValue[];
}

/** CANCEL_REAL_TIME_BARS. */
export interface CancelRealTimeBarsMessage {
  reqId: number;
}

/**
 * REAL_TIME_BARS: one bar, as the official `realtimeBar` callback gets it. Protobuf fields TWS left out are
 * undefined (the callback gets the official defaults: 0, and unset for the Decimals).
 */
export interface RealTimeBarMessage {
  reqId: number;
  /** Bar start, epoch seconds. */
  time: number | undefined;
  open: number | undefined;
  high: number | undefined;
  low: number | undefined;
  close: number | undefined;
  volume: Decimal | undefined;
  wap: Decimal | undefined;
  /** Number of trades in the bar. */
  count: number | undefined;
}

const REQ_REAL_TIME_BARS_VERSION = 3;
const CANCEL_REAL_TIME_BARS_VERSION = 1;
/** The version TWS writes first in REAL_TIME_BARS (reference section 6; the decoder ignores it). */
const REAL_TIME_BARS_VERSION = 3;

export const reqRealTimeBars = request<ReqRealTimeBarsMessage>({
  id: OutgoingMessageId.REQ_REAL_TIME_BARS,
  name: "REQ_REAL_TIME_BARS",
  text: {
    write(w, m, sv) {
      // The official 503 checks only tradingClass here; a conId below 68 is dropped silently.
      requireVersion(
        sv,
        ServerVersion.TRADING_CLASS,
        Boolean(m.contract.tradingClass),
        "REQ_REAL_TIME_BARS tradingClass",
      );
      w.int(REQ_REAL_TIME_BARS_VERSION).int(m.reqId);
      writeConIdAndContract(w, m.contract, sv);
      w.int(m.barSize).string(m.whatToShow).bool(m.useRTH);
      if (sv >= ServerVersion.LINKING) w.string(tagValueText(m.realTimeBarsOptions));
    },
    read(r, sv) {
      r.skip(); // version
      const reqId = r.readInt();
      const contract = readConIdAndContract(r, sv);
      const barSize = r.readInt();
      const whatToShow = r.readString();
      const useRTH = r.readBool();
      const realTimeBarsOptions = sv >= ServerVersion.LINKING ? parseTagValueText(r.readString()) : [];
      return { reqId, contract, barSize, whatToShow, useRTH, realTimeBarsOptions };
    },
  },
  protobuf: protobufForm(RealTimeBarsRequest, {
    // createRealTimeBarsRequestProto: ints unless unset, whatToShow when non-empty, useRTH only when true.
    toProto: (m) => ({
      reqId: intUnlessUnset(m.reqId),
      contract: contractToRequestProto(m.contract),
      barSize: intUnlessUnset(m.barSize),
      whatToShow: m.whatToShow ? m.whatToShow : undefined,
      useRTH: m.useRTH ? true : undefined,
      realTimeBarsOptions: tagValueMap(m.realTimeBarsOptions),
    }),
    fromProto: (p) => ({
      reqId: intOrUnset(p.reqId),
      contract: contractFromProto(p.contract),
      barSize: intOrUnset(p.barSize),
      whatToShow: p.whatToShow ?? "",
      useRTH: p.useRTH ?? false,
      realTimeBarsOptions: tagValueList(p.realTimeBarsOptions),
    }),
  }),
});

export const cancelRealTimeBars = request<CancelRealTimeBarsMessage>({
  id: OutgoingMessageId.CANCEL_REAL_TIME_BARS,
  name: "CANCEL_REAL_TIME_BARS",
  text: {
    write(w, m) {
      w.int(CANCEL_REAL_TIME_BARS_VERSION).int(m.reqId);
    },
    read(r) {
      r.skip(); // version
      return { reqId: r.readInt() };
    },
  },
  protobuf: protobufForm(CancelRealTimeBars, {
    toProto: (m) => ({ reqId: intUnlessUnset(m.reqId) }),
    fromProto: (p) => ({ reqId: intOrUnset(p.reqId) }),
  }),
});

export const realTimeBars = reply<RealTimeBarMessage>({
  id: IncomingMessageId.REAL_TIME_BARS,
  name: "REAL_TIME_BARS",
  text: {
    write(w, m) {
      w.int(REAL_TIME_BARS_VERSION)
        .int(m.reqId)
        .int(m.time ?? 0)
        .double(m.open ?? 0)
        .double(m.high ?? 0)
        .double(m.low ?? 0)
        .double(m.close ?? 0)
        .decimalMax(m.volume)
        .decimalMax(m.wap)
        .int(m.count ?? 0);
    },
    read(r) {
      r.skip(); // version
      return {
        reqId: r.readInt(),
        time: r.readInt(),
        open: r.readDouble(),
        high: r.readDouble(),
        low: r.readDouble(),
        close: r.readDouble(),
        volume: r.readDecimal(),
        wap: r.readDecimal(),
        count: r.readInt(),
      };
    },
  },
  protobuf: protobufForm(RealTimeBarTick, {
    toProto: (m) => ({
      reqId: m.reqId,
      time: m.time === undefined ? undefined : BigInt(m.time),
      open: m.open,
      high: m.high,
      low: m.low,
      close: m.close,
      volume: m.volume,
      WAP: m.wap,
      count: m.count,
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? NO_VALID_ID,
      time: p.time === undefined ? undefined : Number(p.time),
      open: p.open,
      high: p.high,
      low: p.low,
      close: p.close,
      volume: p.volume,
      wap: p.WAP,
      count: p.count,
    }),
  }),
  callbacks: (m): WrapperCall[] => [
    [
      "realtimeBar",
      m.reqId,
      m.time ?? 0,
      m.open ?? 0,
      m.high ?? 0,
      m.low ?? 0,
      m.close ?? 0,
      m.volume,
      m.wap,
      m.count ?? 0,
    ],
  ],
});
