import type { FieldReader } from "../../field-reader.js";
import { IncomingMessageId } from "../../message-ids.js";
import type { TickAttrib } from "../../models/tick-attrib.js";
import { TickType } from "../../models/tick-type.js";
import { TickGeneric, TickPrice, TickSize, TickString } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { type Decimal, NO_VALID_ID, UNSET_DOUBLE, UNSET_INTEGER } from "../../values.js";
import { protobufForm, reply, type WrapperCall } from "../spec.js";

/**
 * The four tick messages of a market-data stream (reference 6.3; official `decoder.py` processTick*Msg).
 * Text form: a version field (TWS writes 6; the decoder ignores it), then the fields below. Protobuf from
 * MIN_SERVER_VER_PROTOBUF_MARKET_DATA (206).
 */

/** TICK_PRICE: a price, the size that goes with it, and its attributes. */
export interface TickPriceMessage {
  reqId: number;
  tickType: number;
  /** Undefined only when a protobuf message leaves it out (the official client then reports UNSET_DOUBLE). */
  price: number | undefined;
  /** The size of a BID/ASK/LAST (and delayed) price; the official client reports it as a separate tickSize. */
  size: Decimal | undefined;
  attrMask: number;
}

/** TICK_SIZE. */
export interface TickSizeMessage {
  reqId: number;
  tickType: number;
  size: Decimal | undefined;
}

/** TICK_STRING: text ticks (timestamps, RT volume, exchanges, ...). */
export interface TickStringMessage {
  reqId: number;
  tickType: number;
  value: string;
}

/** TICK_GENERIC: numeric ticks that are neither prices nor sizes (halted, shortable, volatility, ...). */
export interface TickGenericMessage {
  reqId: number;
  tickType: number;
  /** Undefined only when a protobuf message leaves it out (the official client then reports UNSET_DOUBLE). */
  value: number | undefined;
}

/**
 * Values the official protobuf decoder substitutes for absent fields (an absent attrMask sets every attribute
 * bit there). Absent prices, values and sizes are unset (undefined here, UNSET_* there).
 */
export const ABSENT = { reqId: NO_VALID_ID, tickType: UNSET_INTEGER, attrMask: UNSET_INTEGER } as const;

/** The version TWS writes as the first field of the tick messages. */
export const TICK_MESSAGE_VERSION = 6;

/** The size tick the official client synthesises after a price tick of this type (NOT_SET when none). */
export function sizeTickTypeFor(priceTickType: number): number {
  switch (priceTickType) {
    case TickType.BID:
      return TickType.BID_SIZE;
    case TickType.ASK:
      return TickType.ASK_SIZE;
    case TickType.LAST:
      return TickType.LAST_SIZE;
    case TickType.DELAYED_BID:
      return TickType.DELAYED_BID_SIZE;
    case TickType.DELAYED_ASK:
      return TickType.DELAYED_ASK_SIZE;
    case TickType.DELAYED_LAST:
      return TickType.DELAYED_LAST_SIZE;
    default:
      return TickType.NOT_SET;
  }
}

/**
 * Unpacks `attrMask` as the official text decoder does at `serverVersion`: below MIN_SERVER_VER_PAST_LIMIT only
 * `attrMask == 1` means canAutoExecute; the protobuf decoder always unpacks all three bits (`serverVersion`
 * undefined). The result is a shared frozen value (one per mask), safe to keep.
 */
export function tickAttribOf(attrMask: number, serverVersion?: number): TickAttrib {
  // One frozen value per mask and version rule: the hot tick path hands out these instead of a new object a tick.
  if (serverVersion !== undefined && serverVersion < ServerVersion.PAST_LIMIT)
    return attrMask === 1 ? OLD_AUTO : OLD_NONE;
  const preOpen = serverVersion === undefined || serverVersion >= ServerVersion.PRE_OPEN_BID_ASK;
  return (preOpen ? ATTRIBS : ATTRIBS_NO_PRE_OPEN)[attrMask & 7]!;
}

const attrib = (canAutoExecute: boolean, pastLimit: boolean, preOpen: boolean): TickAttrib =>
  Object.freeze({ canAutoExecute, pastLimit, preOpen });
const OLD_AUTO = attrib(true, false, false);
const OLD_NONE = attrib(false, false, false);
const ATTRIBS: readonly TickAttrib[] = Array.from({ length: 8 }, (_, m) =>
  attrib((m & 1) !== 0, (m & 2) !== 0, (m & 4) !== 0),
);
const ATTRIBS_NO_PRE_OPEN: readonly TickAttrib[] = Array.from({ length: 8 }, (_, m) =>
  attrib((m & 1) !== 0, (m & 2) !== 0, false),
);

/** Reads TICK_PRICE's text fields after the id into `out` (reused by the client's hot path). */
export function readTickPrice(r: FieldReader, out: TickPriceMessage): TickPriceMessage {
  r.skip(); // version
  out.reqId = r.readInt();
  out.tickType = r.readInt();
  out.price = r.readDouble();
  out.size = r.readDecimal();
  out.attrMask = r.readInt();
  return out;
}

export const tickPrice = reply<TickPriceMessage>({
  id: IncomingMessageId.TICK_PRICE,
  name: "TICK_PRICE",
  text: {
    write(w, m) {
      w.int(TICK_MESSAGE_VERSION)
        .int(m.reqId)
        .int(m.tickType)
        .double(m.price ?? UNSET_DOUBLE)
        .decimalMax(m.size)
        .int(m.attrMask);
    },
    read: (r) => readTickPrice(r, { reqId: 0, tickType: 0, price: 0, size: undefined, attrMask: 0 }),
  },
  protobuf: protobufForm(TickPrice, {
    toProto: (m) => ({ reqId: m.reqId, tickType: m.tickType, price: m.price, size: m.size, attrMask: m.attrMask }),
    fromProto: (p) => ({
      reqId: p.reqId ?? ABSENT.reqId,
      tickType: p.tickType ?? ABSENT.tickType,
      price: p.price,
      size: p.size,
      attrMask: p.attrMask ?? ABSENT.attrMask,
    }),
  }),
  callbacks(m, sv, form): WrapperCall[] {
    const attrib = tickAttribOf(m.attrMask, form === "text" ? sv : undefined);
    const calls: WrapperCall[] = [["tickPrice", m.reqId, m.tickType, m.price, attrib]];
    const sizeType = sizeTickTypeFor(m.tickType);
    if (sizeType !== TickType.NOT_SET) calls.push(["tickSize", m.reqId, sizeType, m.size]);
    return calls;
  },
});

export const tickSize = reply<TickSizeMessage>({
  id: IncomingMessageId.TICK_SIZE,
  name: "TICK_SIZE",
  text: {
    write(w, m) {
      w.int(TICK_MESSAGE_VERSION).int(m.reqId).int(m.tickType).decimalMax(m.size);
    },
    read(r) {
      r.skip();
      return { reqId: r.readInt(), tickType: r.readInt(), size: r.readDecimal() };
    },
  },
  protobuf: protobufForm(TickSize, {
    toProto: (m) => ({ reqId: m.reqId, tickType: m.tickType, size: m.size }),
    fromProto: (p) => ({ reqId: p.reqId ?? ABSENT.reqId, tickType: p.tickType ?? ABSENT.tickType, size: p.size }),
  }),
  callbacks: (m) => (m.tickType === TickType.NOT_SET ? [] : [["tickSize", m.reqId, m.tickType, m.size]]),
});

export const tickString = reply<TickStringMessage>({
  id: IncomingMessageId.TICK_STRING,
  name: "TICK_STRING",
  text: {
    write(w, m) {
      w.int(TICK_MESSAGE_VERSION).int(m.reqId).int(m.tickType).utf8(m.value);
    },
    read(r) {
      r.skip();
      return { reqId: r.readInt(), tickType: r.readInt(), value: r.readString() };
    },
  },
  protobuf: protobufForm(TickString, {
    toProto: (m) => ({ reqId: m.reqId, tickType: m.tickType, value: m.value }),
    fromProto: (p) => ({
      reqId: p.reqId ?? ABSENT.reqId,
      tickType: p.tickType ?? ABSENT.tickType,
      value: p.value ?? "",
    }),
  }),
  // Text TICK_STRING and TICK_GENERIC are "wrapper-style" in the official decoder: only the protobuf path drops
  // NOT_SET ticks.
  callbacks: (m, _sv, form) =>
    form === "protobuf" && m.tickType === TickType.NOT_SET ? [] : [["tickString", m.reqId, m.tickType, m.value]],
});

export const tickGeneric = reply<TickGenericMessage>({
  id: IncomingMessageId.TICK_GENERIC,
  name: "TICK_GENERIC",
  text: {
    write(w, m) {
      w.int(TICK_MESSAGE_VERSION)
        .int(m.reqId)
        .int(m.tickType)
        .double(m.value ?? UNSET_DOUBLE);
    },
    read(r) {
      r.skip();
      return { reqId: r.readInt(), tickType: r.readInt(), value: r.readDouble() };
    },
  },
  protobuf: protobufForm(TickGeneric, {
    toProto: (m) => ({ reqId: m.reqId, tickType: m.tickType, value: m.value }),
    fromProto: (p) => ({
      reqId: p.reqId ?? ABSENT.reqId,
      tickType: p.tickType ?? ABSENT.tickType,
      value: p.value,
    }),
  }),
  callbacks: (m, _sv, form) =>
    form === "protobuf" && m.tickType === TickType.NOT_SET ? [] : [["tickGeneric", m.reqId, m.tickType, m.value]],
});
