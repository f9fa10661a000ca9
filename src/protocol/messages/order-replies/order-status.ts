import { IncomingMessageId } from "../../message-ids.js";
import { OrderStatus } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { type Decimal, UNSET_INTEGER, UNSET_LONG } from "../../values.js";
import { protobufForm, reply } from "../spec.js";
import { readDoubleOrUnset, unsetInt, writeDoubleOrUnset } from "./text-fields.js";

/**
 * ORDER_STATUS (official `processOrderStatusMsg`, `processOrderStatusMsgProtoBuf`): the progress of an order.
 * Protobuf from MIN_SERVER_VER_PROTOBUF_PLACE_ORDER (203).
 *
 * Text: below MIN_SERVER_VER_MARKET_CAP_PRICE (131) a version field leads, which the Python decoder reads past
 * (every field up to whyHeld is there from version 6, the version written here); mktCapPrice from 131. Numbers
 * are read plainly (empty is 0); an unset sentinel (`2147483647`, the max double, the max long) reads as
 * undefined and unset is written so. permId is a long (MIN_SERVER_VER_PERM_ID_AS_LONG, 191, lets TWS send ids
 * beyond 2^31).
 *
 * Every field is undefined when a protobuf reply leaves it out; the official client then reports unset (or `""`).
 */
export interface OrderStatusMessage {
  orderId: number | undefined;
  /** See {@link OrderStatus} in models/order.ts. */
  status: string | undefined;
  filled: Decimal | undefined;
  remaining: Decimal | undefined;
  avgFillPrice: number | undefined;
  permId: bigint | undefined;
  parentId: number | undefined;
  lastFillPrice: number | undefined;
  clientId: number | undefined;
  /** Why the order is held, e.g. `locate` for a short sale waiting for shares. */
  whyHeld: string | undefined;
  /** The price a market order was capped at (text from MIN_SERVER_VER_MARKET_CAP_PRICE). */
  mktCapPrice: number | undefined;
}

/** The version written below MIN_SERVER_VER_MARKET_CAP_PRICE. */
export const ORDER_STATUS_VERSION = 6;

const unsetLong = (v: bigint) => (v === UNSET_LONG ? undefined : v);

export const orderStatus = reply<OrderStatusMessage>({
  id: IncomingMessageId.ORDER_STATUS,
  name: "ORDER_STATUS",
  text: {
    write(w, m, sv) {
      if (sv < ServerVersion.MARKET_CAP_PRICE) w.int(ORDER_STATUS_VERSION);
      w.int(m.orderId ?? UNSET_INTEGER).utf8(m.status ?? "");
      w.decimal(m.filled).decimal(m.remaining);
      writeDoubleOrUnset(w, m.avgFillPrice);
      w.long(m.permId ?? UNSET_LONG).int(m.parentId ?? UNSET_INTEGER);
      writeDoubleOrUnset(w, m.lastFillPrice);
      w.int(m.clientId ?? UNSET_INTEGER).utf8(m.whyHeld ?? "");
      if (sv >= ServerVersion.MARKET_CAP_PRICE) writeDoubleOrUnset(w, m.mktCapPrice);
    },
    read(r, sv) {
      if (sv < ServerVersion.MARKET_CAP_PRICE) r.skip(); // version
      return {
        orderId: unsetInt(r.readInt()),
        status: r.readString(),
        filled: r.readDecimal(),
        remaining: r.readDecimal(),
        avgFillPrice: readDoubleOrUnset(r),
        permId: unsetLong(r.readLong()),
        parentId: unsetInt(r.readInt()),
        lastFillPrice: readDoubleOrUnset(r),
        clientId: unsetInt(r.readInt()),
        whyHeld: r.readString(),
        mktCapPrice: sv >= ServerVersion.MARKET_CAP_PRICE ? readDoubleOrUnset(r) : undefined,
      };
    },
  },
  protobuf: protobufForm(OrderStatus, {
    toProto: (m) => ({ ...m }),
    fromProto: (p) => ({
      orderId: p.orderId,
      status: p.status,
      filled: p.filled,
      remaining: p.remaining,
      avgFillPrice: p.avgFillPrice,
      permId: p.permId,
      parentId: p.parentId,
      lastFillPrice: p.lastFillPrice,
      clientId: p.clientId,
      whyHeld: p.whyHeld,
      mktCapPrice: p.mktCapPrice,
    }),
  }),
  callbacks: (m, sv, form) => [
    [
      "orderStatus",
      m.orderId,
      m.status ?? "",
      m.filled,
      m.remaining,
      m.avgFillPrice,
      m.permId,
      m.parentId,
      m.lastFillPrice,
      m.clientId,
      m.whyHeld ?? "",
      // Below MIN_SERVER_VER_MARKET_CAP_PRICE the text decoder hands None, not unset.
      form === "text" && sv < ServerVersion.MARKET_CAP_PRICE ? null : m.mktCapPrice,
    ],
  ],
});
