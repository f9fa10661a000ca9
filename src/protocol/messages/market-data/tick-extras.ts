import { IncomingMessageId } from "../../message-ids.js";
import { TickNews } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { protobufForm, reply } from "../spec.js";
import { ABSENT } from "./ticks.js";

/**
 * Ticks with a shape of their own: TICK_EFP (text only) and TICK_NEWS (protobuf from
 * MIN_SERVER_VER_PROTOBUF_NEWS_DATA, although it arrives on a REQ_MKT_DATA stream).
 */

/** TICK_EFP: an exchange-for-physical computation (EFP tick types 38–44). */
export interface TickEfpMessage {
  reqId: number;
  tickType: number;
  basisPoints: number;
  formattedBasisPoints: string;
  totalDividends: number;
  holdDays: number;
  futureLastTradeDate: string;
  dividendImpact: number;
  dividendsToLastTradeDate: number;
}

/** TICK_NEWS: a headline on a stream asked for with the news generic tick (292). */
export interface TickNewsMessage {
  /** The official decoder's name for the reqId. */
  tickerId: number;
  /** Epoch milliseconds. Protobuf fields left out stay undefined (the callback reports 0 and ""). */
  timeStamp?: number;
  providerCode?: string;
  articleId?: string;
  headline?: string;
  extraData?: string;
}

/** The version TWS writes first in a TICK_EFP (the official client skips it). */
export const TICK_EFP_VERSION = 1;

export const tickEfp = reply<TickEfpMessage>({
  id: IncomingMessageId.TICK_EFP,
  name: "TICK_EFP",
  // Wrapper-style: version, then exactly the nine arguments of tickEFP. Never protobuf.
  text: {
    write(w, m) {
      w.int(TICK_EFP_VERSION)
        .int(m.reqId)
        .int(m.tickType)
        .double(m.basisPoints)
        .utf8(m.formattedBasisPoints)
        .double(m.totalDividends)
        .int(m.holdDays)
        .utf8(m.futureLastTradeDate)
        .double(m.dividendImpact)
        .double(m.dividendsToLastTradeDate);
    },
    read(r) {
      r.skip();
      return {
        reqId: r.readInt(),
        tickType: r.readInt(),
        basisPoints: r.readDouble(),
        formattedBasisPoints: r.readString(),
        totalDividends: r.readDouble(),
        holdDays: r.readInt(),
        futureLastTradeDate: r.readString(),
        dividendImpact: r.readDouble(),
        dividendsToLastTradeDate: r.readDouble(),
      };
    },
  },
  callbacks: (m) => [
    [
      "tickEFP",
      m.reqId,
      m.tickType,
      m.basisPoints,
      m.formattedBasisPoints,
      m.totalDividends,
      m.holdDays,
      m.futureLastTradeDate,
      m.dividendImpact,
      m.dividendsToLastTradeDate,
    ],
  ],
});

export const tickNews = reply<TickNewsMessage>({
  id: IncomingMessageId.TICK_NEWS,
  name: "TICK_NEWS",
  minServerVersion: ServerVersion.TICK_NEWS,
  // No version field.
  text: {
    write(w, m) {
      w.int(m.tickerId)
        .int(m.timeStamp ?? 0)
        .utf8(m.providerCode ?? "")
        .utf8(m.articleId ?? "")
        .utf8(m.headline ?? "")
        .utf8(m.extraData ?? "");
    },
    read(r) {
      return {
        tickerId: r.readInt(),
        timeStamp: r.readInt(),
        providerCode: r.readString(),
        articleId: r.readString(),
        headline: r.readString(),
        extraData: r.readString(),
      };
    },
  },
  protobuf: protobufForm(TickNews, {
    toProto: (m) => ({
      reqId: m.tickerId,
      timestamp: m.timeStamp === undefined ? undefined : BigInt(m.timeStamp),
      providerCode: m.providerCode,
      articleId: m.articleId,
      headline: m.headline,
      extraData: m.extraData,
    }),
    fromProto: (p) => ({
      tickerId: p.reqId ?? ABSENT.reqId,
      timeStamp: p.timestamp === undefined ? undefined : safeMillis(p.timestamp),
      providerCode: p.providerCode,
      articleId: p.articleId,
      headline: p.headline,
      extraData: p.extraData,
    }),
  }),
  callbacks: (m) => [
    [
      "tickNews",
      m.tickerId,
      m.timeStamp ?? 0,
      m.providerCode ?? "",
      m.articleId ?? "",
      m.headline ?? "",
      m.extraData ?? "",
    ],
  ],
});

/** An int64 time as a number; a time is a safe integer by domain, anything larger is a bad message. */
function safeMillis(v: bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`TICK_NEWS timestamp ${v} is beyond 2^53`);
  return n;
}
