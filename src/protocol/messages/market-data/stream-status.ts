import { EncodeError } from "../../errors.js";
import { IncomingMessageId } from "../../message-ids.js";
import { MarketDataType, TickReqParams, TickSnapshotEnd } from "../../proto/index.js";
import { UNSET_INTEGER } from "../../values.js";
import { protobufForm, reply } from "../spec.js";
import { ABSENT } from "./ticks.js";
import { doubleOfText, isDoubleText, readDoubleText } from "./wire-text.js";

/**
 * Replies that describe a market-data stream rather than tick it: TICK_SNAPSHOT_END, MARKET_DATA_TYPE and
 * TICK_REQ_PARAMS (protobuf from MIN_SERVER_VER_PROTOBUF_MARKET_DATA). Protobuf fields the official decoder
 * replaces with a default when absent stay undefined here (so a frame re-encodes to its bytes); the callbacks
 * apply the defaults.
 */

/** TICK_SNAPSHOT_END: the snapshot asked for with `snapshot` / `regulatorySnapshot` is complete. */
export interface TickSnapshotEndMessage {
  reqId: number;
}

/** MARKET_DATA_TYPE: the kind of data a subscription now delivers (`MarketDataType` of models/market-data). */
export interface MarketDataTypeMessage {
  reqId: number;
  /** Undefined only when a protobuf message leaves it out (the official client then reports UNSET_INTEGER). */
  marketDataType?: number;
}

/** TICK_REQ_PARAMS: facts about a new subscription, sent before its first tick. */
export interface TickReqParamsMessage {
  /** The official text decoder's name for the reqId. */
  tickerId: number;
  /**
   * The minimum price increment as its exact text: text frames carry it as a double field, protobuf as a
   * string; the callback gets the number. Undefined when a protobuf message leaves it out.
   */
  minTick?: string;
  /** The exchange-mask id for SMART_COMPONENTS (e.g. `9c0001`); empty when none. */
  bboExchange?: string;
  /** Bit mask of the snapshot permissions. */
  snapshotPermissions?: number;
  /** Protobuf only: the precision of last prices and sizes (not passed to `tickReqParams`). */
  lastPricePrecision?: string;
  lastSizePrecision?: string;
}

/** The version TWS writes in the text forms of TICK_SNAPSHOT_END and MARKET_DATA_TYPE (ignored by the client). */
export const STREAM_STATUS_VERSION = 1;

export const tickSnapshotEnd = reply<TickSnapshotEndMessage>({
  id: IncomingMessageId.TICK_SNAPSHOT_END,
  name: "TICK_SNAPSHOT_END",
  // Wrapper-style: version, then exactly the callback's one argument.
  text: {
    write(w, m) {
      w.int(STREAM_STATUS_VERSION).int(m.reqId);
    },
    read(r) {
      r.skip();
      return { reqId: r.readInt() };
    },
  },
  protobuf: protobufForm(TickSnapshotEnd, {
    toProto: (m) => ({ reqId: m.reqId }),
    fromProto: (p) => ({ reqId: p.reqId ?? ABSENT.reqId }),
  }),
  callbacks: (m) => [["tickSnapshotEnd", m.reqId]],
});

export const marketDataType = reply<MarketDataTypeMessage>({
  id: IncomingMessageId.MARKET_DATA_TYPE,
  name: "MARKET_DATA_TYPE",
  // Wrapper-style: version, reqId, marketDataType.
  text: {
    write(w, m) {
      w.int(STREAM_STATUS_VERSION)
        .int(m.reqId)
        .int(m.marketDataType ?? UNSET_INTEGER);
    },
    read(r) {
      r.skip();
      return { reqId: r.readInt(), marketDataType: r.readInt() };
    },
  },
  protobuf: protobufForm(MarketDataType, {
    toProto: (m) => ({ reqId: m.reqId, marketDataType: m.marketDataType }),
    fromProto: (p) => ({ reqId: p.reqId ?? ABSENT.reqId, marketDataType: p.marketDataType }),
  }),
  callbacks: (m) => [["marketDataType", m.reqId, m.marketDataType]],
});

function checkedDoubleText(text: string, field: string): string {
  if (!isDoubleText(text)) throw new EncodeError(`TICK_REQ_PARAMS ${field} ${JSON.stringify(text)} is not a number`);
  return text;
}

export const tickReqParams = reply<TickReqParamsMessage>({
  id: IncomingMessageId.TICK_REQ_PARAMS,
  name: "TICK_REQ_PARAMS",
  // No version field.
  text: {
    write(w, m) {
      w.int(m.tickerId)
        .string(checkedDoubleText(m.minTick ?? "", "minTick"))
        .utf8(m.bboExchange ?? "")
        .int(m.snapshotPermissions ?? 0);
    },
    read(r) {
      return {
        tickerId: r.readInt(),
        minTick: readDoubleText(r),
        bboExchange: r.readString(),
        snapshotPermissions: r.readInt(),
      };
    },
  },
  protobuf: protobufForm(TickReqParams, {
    toProto: (m) => ({
      reqId: m.tickerId,
      minTick: m.minTick,
      bboExchange: m.bboExchange,
      snapshotPermissions: m.snapshotPermissions,
      lastPricePrecision: m.lastPricePrecision,
      lastSizePrecision: m.lastSizePrecision,
    }),
    fromProto: (p) => ({
      tickerId: p.reqId ?? ABSENT.reqId,
      // The official decoder converts with float(): text it cannot convert is a bad message.
      minTick: p.minTick === undefined ? undefined : checkedDoubleText(p.minTick, "minTick"),
      bboExchange: p.bboExchange,
      snapshotPermissions: p.snapshotPermissions,
      lastPricePrecision: p.lastPricePrecision,
      lastSizePrecision: p.lastSizePrecision,
    }),
  }),
  callbacks: (m) => [
    [
      "tickReqParams",
      m.tickerId,
      m.minTick === undefined ? undefined : doubleOfText(m.minTick),
      m.bboExchange ?? "",
      m.snapshotPermissions,
    ],
  ],
});
