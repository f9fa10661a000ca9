import { ProtocolError } from "../../errors.js";
import { IncomingMessageId } from "../../message-ids.js";
import type { HistoricalTick, HistoricalTickBidAsk, HistoricalTickLast } from "../../models/historical-ticks.js";
import type { TickAttribBidAsk, TickAttribLast } from "../../models/tick-attrib.js";
import { HistoricalTicks, HistoricalTicksBidAsk, HistoricalTicksLast } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID } from "../../values.js";
import { protobufForm, reply } from "../spec.js";

/**
 * The three replies of REQ_HISTORICAL_TICKS, one per whatToShow (MIDPOINT, BID_ASK, TRADES). Text form: reqId,
 * tick count, the ticks, then `done` (bool: no more messages follow for this request); no version.
 */

/** HISTORICAL_TICKS: MIDPOINT ticks. */
export interface HistoricalTicksMessage {
  reqId: number;
  ticks: HistoricalTick[];
  done: boolean;
}

/** HISTORICAL_TICKS_BID_ASK. */
export interface HistoricalTicksBidAskMessage {
  reqId: number;
  ticks: HistoricalTickBidAsk[];
  done: boolean;
}

/** HISTORICAL_TICKS_LAST: TRADES ticks. */
export interface HistoricalTicksLastMessage {
  reqId: number;
  ticks: HistoricalTickLast[];
  done: boolean;
}

/** The unused attribute slot of a MIDPOINT tick: the official decoder skips it without reading it. */
const MIDPOINT_UNUSED_MASK = 0;

/**
 * Bid/ask attributes as the historical text mask has them: bit 0 askPastHigh, bit 1 bidPastLow — the reverse of
 * TICK_BY_TICK's BidAsk mask (bit 0 bidPastLow).
 */
function bidAskMask(a: TickAttribBidAsk): number {
  return (a.askPastHigh ? 1 : 0) | (a.bidPastLow ? 2 : 0);
}

function bidAskAttrib(mask: number): TickAttribBidAsk {
  return { bidPastLow: (mask & 2) !== 0, askPastHigh: (mask & 1) !== 0 };
}

/** Last-trade attributes: bit 0 pastLimit, bit 1 unreported. */
function lastMask(a: TickAttribLast): number {
  return (a.pastLimit ? 1 : 0) | (a.unreported ? 2 : 0);
}

function lastAttrib(mask: number): TickAttribLast {
  return { pastLimit: (mask & 1) !== 0, unreported: (mask & 2) !== 0 };
}

/**
 * Protobuf tick times are int64 epoch seconds; the model holds them as numbers, so a time beyond 2^53 is refused
 * rather than rounded (docs/decisions/0001-wire-values.md). Absent reads as 0, the official default.
 */
function timeOf(t: bigint | undefined): number {
  if (t === undefined) return 0;
  const n = Number(t);
  if (!Number.isSafeInteger(n)) throw new ProtocolError(`tick time ${t} is beyond 2^53, not a time`);
  return n;
}

/** HISTORICAL_TICKS: per tick `time, (unused), price, size`. */
export const historicalTicks = reply<HistoricalTicksMessage>({
  id: IncomingMessageId.HISTORICAL_TICKS,
  name: "HISTORICAL_TICKS",
  minServerVersion: ServerVersion.HISTORICAL_TICKS,
  text: {
    write(w, m) {
      w.int(m.reqId).int(m.ticks.length);
      for (const t of m.ticks) w.int(t.time).int(MIDPOINT_UNUSED_MASK).double(t.price).decimalMax(t.size);
      w.bool(m.done);
    },
    read(r) {
      const reqId = r.readInt();
      const n = r.readInt();
      const ticks: HistoricalTick[] = [];
      for (let i = 0; i < n; i++) {
        const time = r.readInt();
        r.skip();
        ticks.push({ time, price: r.readDouble(), size: r.readDecimal() });
      }
      return { reqId, ticks, done: r.readBool() };
    },
  },
  protobuf: protobufForm(HistoricalTicks, {
    toProto: (m) => ({
      reqId: m.reqId,
      historicalTicks: m.ticks.map((t) => ({ time: BigInt(t.time), price: t.price, size: t.size })),
      isDone: m.done,
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? NO_VALID_ID,
      ticks: (p.historicalTicks ?? []).map((t) => ({ time: timeOf(t.time), price: t.price ?? 0, size: t.size })),
      done: p.isDone ?? false,
    }),
  }),
  callbacks: (m) => [["historicalTicks", m.reqId, m.ticks, m.done]],
});

/** HISTORICAL_TICKS_BID_ASK: per tick `time, mask, priceBid, priceAsk, sizeBid, sizeAsk`. */
export const historicalTicksBidAsk = reply<HistoricalTicksBidAskMessage>({
  id: IncomingMessageId.HISTORICAL_TICKS_BID_ASK,
  name: "HISTORICAL_TICKS_BID_ASK",
  minServerVersion: ServerVersion.HISTORICAL_TICKS,
  text: {
    write(w, m) {
      w.int(m.reqId).int(m.ticks.length);
      for (const t of m.ticks) {
        w.int(t.time).int(bidAskMask(t.tickAttribBidAsk)).double(t.priceBid).double(t.priceAsk);
        w.decimalMax(t.sizeBid).decimalMax(t.sizeAsk);
      }
      w.bool(m.done);
    },
    read(r) {
      const reqId = r.readInt();
      const n = r.readInt();
      const ticks: HistoricalTickBidAsk[] = [];
      for (let i = 0; i < n; i++) {
        ticks.push({
          time: r.readInt(),
          tickAttribBidAsk: bidAskAttrib(r.readInt()),
          priceBid: r.readDouble(),
          priceAsk: r.readDouble(),
          sizeBid: r.readDecimal(),
          sizeAsk: r.readDecimal(),
        });
      }
      return { reqId, ticks, done: r.readBool() };
    },
  },
  protobuf: protobufForm(HistoricalTicksBidAsk, {
    toProto: (m) => ({
      reqId: m.reqId,
      historicalTicksBidAsk: m.ticks.map((t) => ({
        time: BigInt(t.time),
        tickAttribBidAsk: { bidPastLow: t.tickAttribBidAsk.bidPastLow, askPastHigh: t.tickAttribBidAsk.askPastHigh },
        priceBid: t.priceBid,
        priceAsk: t.priceAsk,
        sizeBid: t.sizeBid,
        sizeAsk: t.sizeAsk,
      })),
      isDone: m.done,
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? NO_VALID_ID,
      ticks: (p.historicalTicksBidAsk ?? []).map((t) => ({
        time: timeOf(t.time),
        tickAttribBidAsk: {
          bidPastLow: t.tickAttribBidAsk?.bidPastLow ?? false,
          askPastHigh: t.tickAttribBidAsk?.askPastHigh ?? false,
        },
        priceBid: t.priceBid ?? 0,
        priceAsk: t.priceAsk ?? 0,
        sizeBid: t.sizeBid,
        sizeAsk: t.sizeAsk,
      })),
      done: p.isDone ?? false,
    }),
  }),
  callbacks: (m) => [["historicalTicksBidAsk", m.reqId, m.ticks, m.done]],
});

/** HISTORICAL_TICKS_LAST: per tick `time, mask, price, size, exchange, specialConditions`. */
export const historicalTicksLast = reply<HistoricalTicksLastMessage>({
  id: IncomingMessageId.HISTORICAL_TICKS_LAST,
  name: "HISTORICAL_TICKS_LAST",
  minServerVersion: ServerVersion.HISTORICAL_TICKS,
  text: {
    write(w, m) {
      w.int(m.reqId).int(m.ticks.length);
      for (const t of m.ticks) {
        w.int(t.time).int(lastMask(t.tickAttribLast)).double(t.price).decimalMax(t.size);
        w.utf8(t.exchange).utf8(t.specialConditions);
      }
      w.bool(m.done);
    },
    read(r) {
      const reqId = r.readInt();
      const n = r.readInt();
      const ticks: HistoricalTickLast[] = [];
      for (let i = 0; i < n; i++) {
        ticks.push({
          time: r.readInt(),
          tickAttribLast: lastAttrib(r.readInt()),
          price: r.readDouble(),
          size: r.readDecimal(),
          exchange: r.readString(),
          specialConditions: r.readString(),
        });
      }
      return { reqId, ticks, done: r.readBool() };
    },
  },
  protobuf: protobufForm(HistoricalTicksLast, {
    toProto: (m) => ({
      reqId: m.reqId,
      historicalTicksLast: m.ticks.map((t) => ({
        time: BigInt(t.time),
        tickAttribLast: { pastLimit: t.tickAttribLast.pastLimit, unreported: t.tickAttribLast.unreported },
        price: t.price,
        size: t.size,
        exchange: t.exchange,
        specialConditions: t.specialConditions,
      })),
      isDone: m.done,
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? NO_VALID_ID,
      ticks: (p.historicalTicksLast ?? []).map((t) => ({
        time: timeOf(t.time),
        tickAttribLast: {
          pastLimit: t.tickAttribLast?.pastLimit ?? false,
          unreported: t.tickAttribLast?.unreported ?? false,
        },
        price: t.price ?? 0,
        size: t.size,
        exchange: t.exchange ?? "",
        specialConditions: t.specialConditions ?? "",
      })),
      done: p.isDone ?? false,
    }),
  }),
  callbacks: (m) => [["historicalTicksLast", m.reqId, m.ticks, m.done]],
});
