import { EncodeError } from "../../errors.js";
import { IncomingMessageId } from "../../message-ids.js";
import type { MarketDepthData } from "../../proto/index.js";
import { MarketDepth, MarketDepthL2 } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { type Decimal, NO_VALID_ID, UNSET_DOUBLE, UNSET_INTEGER } from "../../values.js";
import { protobufForm, reply, type WrapperCall } from "../spec.js";

/**
 * MARKET_DEPTH and MARKET_DEPTH_L2: one order-book row change each (official `processMarketDepthMsg` /
 * `processMarketDepthL2Msg`). Text: a version field (ignored by the decoder), reqId, then the row. Protobuf from
 * MIN_SERVER_VER_PROTOBUF_MARKET_DATA (206): `{ reqId, marketDepthData }`.
 *
 * A protobuf row field TWS left out stays undefined here, so the frame re-encodes to its bytes; `callbacks`
 * substitutes what the official decoder does. Those substitutes differ between the two messages: an absent
 * `position` is UNSET_INTEGER in MARKET_DEPTH but 0 in MARKET_DEPTH_L2.
 */

/** MARKET_DEPTH: a row of a single-exchange book. */
export interface MarketDepthMessage {
  reqId: number;
  /** The row (0 = top of book). */
  position: number | undefined;
  /** {@link DepthOperation}: 0 insert, 1 update, 2 delete. */
  operation: number | undefined;
  /** {@link DepthSide}: 0 ask, 1 bid. */
  side: number | undefined;
  price: number | undefined;
  size: Decimal | undefined;
  /**
   * Protobuf only: the frame carried no `marketDepthData` at all, and the official decoder makes no callback.
   * The row fields are then all undefined.
   */
  noMarketDepthData?: boolean;
}

/** MARKET_DEPTH_L2: a row of a market-maker (level 2) or SMART book. */
export interface MarketDepthL2Message extends MarketDepthMessage {
  /** The market maker or, for SMART depth, the exchange that holds the order. */
  marketMaker: string | undefined;
  /** True for rows of a SMART depth request (text: MIN_SERVER_VER_SMART_DEPTH; false before). */
  isSmartDepth: boolean | undefined;
}

/** The version TWS writes first in both messages (the decoder ignores it; reference section 6: "others 1"). */
const MARKET_DEPTH_VERSION = 1;

function refuseTextWithoutData(m: MarketDepthMessage, name: string): void {
  if (m.noMarketDepthData) throw new EncodeError(`${name} without marketDepthData has no text form`);
}

function rowFromProto(d: MarketDepthData | undefined): Omit<MarketDepthL2Message, "reqId"> {
  if (!d) {
    return {
      position: undefined,
      operation: undefined,
      side: undefined,
      price: undefined,
      size: undefined,
      marketMaker: undefined,
      isSmartDepth: undefined,
      noMarketDepthData: true,
    };
  }
  return {
    position: d.position,
    operation: d.operation,
    side: d.side,
    price: d.price,
    size: d.size,
    marketMaker: d.marketMaker,
    isSmartDepth: d.isSmartDepth,
  };
}

function rowToProto(m: MarketDepthMessage & Partial<MarketDepthL2Message>): MarketDepthData | undefined {
  if (m.noMarketDepthData) return undefined;
  return {
    position: m.position,
    operation: m.operation,
    side: m.side,
    price: m.price,
    size: m.size,
    marketMaker: m.marketMaker,
    isSmartDepth: m.isSmartDepth,
  };
}

export const marketDepth = reply<MarketDepthMessage>({
  id: IncomingMessageId.MARKET_DEPTH,
  name: "MARKET_DEPTH",
  text: {
    // Undefined row fields go out as the sentinels the official protobuf decoder substitutes for them, so both
    // forms give the same callback.
    write(w, m) {
      refuseTextWithoutData(m, "MARKET_DEPTH");
      w.int(MARKET_DEPTH_VERSION)
        .int(m.reqId)
        .int(m.position ?? UNSET_INTEGER)
        .int(m.operation ?? UNSET_INTEGER)
        .int(m.side ?? UNSET_INTEGER)
        .double(m.price ?? UNSET_DOUBLE)
        .decimalMax(m.size);
    },
    read(r) {
      r.skip(); // version
      return {
        reqId: r.readInt(),
        position: r.readInt(),
        operation: r.readInt(),
        side: r.readInt(),
        price: r.readDouble(),
        size: r.readDecimal(),
      };
    },
  },
  protobuf: protobufForm(MarketDepth, {
    toProto: (m) => ({ reqId: m.reqId, marketDepthData: rowToProto(m) }),
    fromProto: (p) => {
      // MarketDepthData is shared with MARKET_DEPTH_L2; the official decoder reads neither L2 field here.
      const { marketMaker: _m, isSmartDepth: _s, ...row } = rowFromProto(p.marketDepthData);
      return { reqId: p.reqId ?? NO_VALID_ID, ...row };
    },
  }),
  callbacks(m): WrapperCall[] {
    if (m.noMarketDepthData) return [];
    return [["updateMktDepth", m.reqId, m.position, m.operation, m.side, m.price, m.size]];
  },
});

export const marketDepthL2 = reply<MarketDepthL2Message>({
  id: IncomingMessageId.MARKET_DEPTH_L2,
  name: "MARKET_DEPTH_L2",
  text: {
    write(w, m, sv) {
      refuseTextWithoutData(m, "MARKET_DEPTH_L2");
      w.int(MARKET_DEPTH_VERSION)
        .int(m.reqId)
        .int(m.position ?? 0)
        .utf8(m.marketMaker ?? "")
        .int(m.operation ?? UNSET_INTEGER)
        .int(m.side ?? UNSET_INTEGER)
        .double(m.price ?? UNSET_DOUBLE)
        .decimalMax(m.size);
      if (sv >= ServerVersion.SMART_DEPTH) w.bool(m.isSmartDepth);
    },
    read(r, sv) {
      r.skip(); // version
      return {
        reqId: r.readInt(),
        position: r.readInt(),
        marketMaker: r.readString(),
        operation: r.readInt(),
        side: r.readInt(),
        price: r.readDouble(),
        size: r.readDecimal(),
        isSmartDepth: sv >= ServerVersion.SMART_DEPTH ? r.readBool() : false,
      };
    },
  },
  protobuf: protobufForm(MarketDepthL2, {
    toProto: (m) => ({ reqId: m.reqId, marketDepthData: rowToProto(m) }),
    fromProto: (p) => ({ reqId: p.reqId ?? NO_VALID_ID, ...rowFromProto(p.marketDepthData) }),
  }),
  callbacks(m): WrapperCall[] {
    if (m.noMarketDepthData) return [];
    return [
      [
        "updateMktDepthL2",
        m.reqId,
        m.position ?? 0,
        m.marketMaker ?? "",
        m.operation,
        m.side,
        m.price,
        m.size,
        m.isSmartDepth ?? false,
      ],
    ];
  },
});
