import { EncodeError } from "../../errors.js";
import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { IncomingMessageId } from "../../message-ids.js";
import type { TickAttribBidAsk, TickAttribLast } from "../../models/tick-attrib.js";
import { TickByTickData } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { type Decimal, NO_VALID_ID } from "../../values.js";
import { protobufForm, reply, type WrapperCall } from "../spec.js";
import { tickFromProto, tickToProto } from "./tick-by-tick-proto.js";

/**
 * TICK_BY_TICK (official `processTickByTickMsg`), from MIN_SERVER_VER_TICK_BY_TICK (137): one tick of a
 * tick-by-tick stream. Text has no version field: reqId, tickType, time, then the fields of that tick type.
 * Protobuf from MIN_SERVER_VER_PROTOBUF_HISTORICAL_DATA (208): reqId, tickType and a oneof holding a
 * HistoricalTickLast, HistoricalTickBidAsk or HistoricalTick (mid-point) — with the time inside it.
 *
 * Each type has its own callback (tickByTickAllLast for Last and AllLast, tickByTickBidAsk,
 * tickByTickMidPoint); type 0 (None), unknown types, and protobuf frames whose oneof does not match the type
 * produce none.
 */

/** The `tickType` of TICK_BY_TICK (not the request's tickType text). */
export const TickByTickType = {
  NONE: 0,
  LAST: 1,
  ALL_LAST: 2,
  BID_ASK: 3,
  MID_POINT: 4,
} as const;

/** A Last or AllLast trade. Protobuf fields TWS left out are undefined; the callback gets the official defaults. */
export interface TickByTickLast {
  kind: "last";
  price?: number;
  size?: Decimal;
  /** Text: both flags, unpacked from the mask; protobuf: the flags that were present. */
  tickAttribLast?: Partial<TickAttribLast>;
  exchange?: string;
  specialConditions?: string;
}

/** A BidAsk quote. */
export interface TickByTickBidAsk {
  kind: "bidAsk";
  bidPrice?: number;
  askPrice?: number;
  bidSize?: Decimal;
  askSize?: Decimal;
  tickAttribBidAsk?: Partial<TickAttribBidAsk>;
}

/** A MidPoint tick. */
export interface TickByTickMidPoint {
  kind: "midPoint";
  midPoint?: number;
  /** Protobuf only: the size of the HistoricalTick that carries the mid-point, which the official decoder ignores. */
  size?: Decimal;
}

export type TickByTickFields = TickByTickLast | TickByTickBidAsk | TickByTickMidPoint;

/** TICK_BY_TICK. */
export interface TickByTickMessage {
  reqId: number;
  /** {@link TickByTickType}. */
  tickType: number;
  /** Epoch seconds; undefined when a protobuf frame has no tick or its tick has no time. */
  time: number | undefined;
  /** The fields after the time; undefined for type None and unknown types (text) or no oneof (protobuf). */
  tick: TickByTickFields | undefined;
}

/** The fields the text form carries after the time for a tick type. */
export function kindForTickType(tickType: number): TickByTickFields["kind"] | undefined {
  switch (tickType) {
    case TickByTickType.LAST:
    case TickByTickType.ALL_LAST:
      return "last";
    case TickByTickType.BID_ASK:
      return "bidAsk";
    case TickByTickType.MID_POINT:
      return "midPoint";
    default:
      return undefined;
  }
}

/** Two attribute flags as the text mask: bit 0, bit 1. */
function maskOf(bit0: boolean | undefined, bit1: boolean | undefined): number {
  return (bit0 ? 1 : 0) | (bit1 ? 2 : 0);
}

function writeTick(w: FieldWriter, t: TickByTickFields): void {
  switch (t.kind) {
    case "last":
      w.double(t.price ?? 0)
        .decimalMax(t.size)
        .int(maskOf(t.tickAttribLast?.pastLimit, t.tickAttribLast?.unreported))
        .utf8(t.exchange ?? "")
        .utf8(t.specialConditions ?? "");
      return;
    case "bidAsk":
      w.double(t.bidPrice ?? 0)
        .double(t.askPrice ?? 0)
        .decimalMax(t.bidSize)
        .decimalMax(t.askSize)
        .int(maskOf(t.tickAttribBidAsk?.bidPastLow, t.tickAttribBidAsk?.askPastHigh));
      return;
    case "midPoint":
      w.double(t.midPoint ?? 0);
      return;
  }
}

function readTick(r: FieldReader, kind: TickByTickFields["kind"]): TickByTickFields {
  switch (kind) {
    case "last": {
      const price = r.readDouble();
      const size = r.readDecimal();
      const mask = r.readInt();
      const tickAttribLast = { pastLimit: (mask & 1) !== 0, unreported: (mask & 2) !== 0 };
      return { kind, price, size, tickAttribLast, exchange: r.readString(), specialConditions: r.readString() };
    }
    case "bidAsk": {
      const bidPrice = r.readDouble();
      const askPrice = r.readDouble();
      const bidSize = r.readDecimal();
      const askSize = r.readDecimal();
      const mask = r.readInt();
      const tickAttribBidAsk = { bidPastLow: (mask & 1) !== 0, askPastHigh: (mask & 2) !== 0 };
      return { kind, bidPrice, askPrice, bidSize, askSize, tickAttribBidAsk };
    }
    case "midPoint":
      return { kind, midPoint: r.readDouble() };
  }
}

export const tickByTick = reply<TickByTickMessage>({
  id: IncomingMessageId.TICK_BY_TICK,
  name: "TICK_BY_TICK",
  minServerVersion: ServerVersion.TICK_BY_TICK,
  text: {
    write(w, m) {
      // In text the tick type alone decides which fields follow the time.
      const kind = kindForTickType(m.tickType);
      if (kind !== m.tick?.kind) {
        throw new EncodeError(`TICK_BY_TICK: tick type ${m.tickType} cannot carry ${m.tick?.kind ?? "no"} fields`);
      }
      w.int(m.reqId)
        .int(m.tickType)
        .int(m.time ?? 0);
      if (m.tick) writeTick(w, m.tick);
    },
    read(r) {
      const reqId = r.readInt();
      const tickType = r.readInt();
      const time = r.readInt();
      const kind = kindForTickType(tickType);
      return { reqId, tickType, time, tick: kind ? readTick(r, kind) : undefined };
    },
  },
  protobuf: protobufForm(TickByTickData, {
    toProto: (m) => ({ reqId: m.reqId, tickType: m.tickType, tick: tickToProto(m.tick, m.time) }),
    fromProto: (p) => ({
      reqId: p.reqId ?? NO_VALID_ID,
      tickType: p.tickType ?? TickByTickType.NONE,
      ...tickFromProto(p.tick),
    }),
  }),
  callbacks(m): WrapperCall[] {
    // The official decoder calls back only when the oneof holds the kind the tick type names.
    const t = m.tick;
    if (!t || kindForTickType(m.tickType) !== t.kind) return [];
    const time = m.time ?? 0;
    switch (t.kind) {
      case "last":
        return [
          [
            "tickByTickAllLast",
            m.reqId,
            m.tickType,
            time,
            t.price ?? 0,
            t.size,
            { pastLimit: t.tickAttribLast?.pastLimit ?? false, unreported: t.tickAttribLast?.unreported ?? false },
            t.exchange ?? "",
            t.specialConditions ?? "",
          ],
        ];
      case "bidAsk":
        return [
          [
            "tickByTickBidAsk",
            m.reqId,
            time,
            t.bidPrice ?? 0,
            t.askPrice ?? 0,
            t.bidSize,
            t.askSize,
            {
              bidPastLow: t.tickAttribBidAsk?.bidPastLow ?? false,
              askPastHigh: t.tickAttribBidAsk?.askPastHigh ?? false,
            },
          ],
        ];
      case "midPoint":
        return [["tickByTickMidPoint", m.reqId, time, t.midPoint ?? 0]];
    }
  },
});
