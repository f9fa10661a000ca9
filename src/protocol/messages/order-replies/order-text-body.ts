import type { ComboLeg, TagValue } from "../../models/contract.js";
import type { OrderComboLeg } from "../../models/order.js";
import {
  bool,
  doubleMax,
  type FieldGroup,
  fromVersion,
  ignored,
  int,
  intMax,
  intOrUnset,
  text,
  when,
} from "./text-fields.js";

/**
 * The middle of a text order reply, reader by reader as `OrderDecoder` has them (decodeVolOrderParams up to
 * decodeSolicited). Several fields are there only when a field read before says so: the delta-neutral order
 * fields after a non-empty deltaNeutralOrderType, the scale details after a positive scalePriceIncrement, the
 * hedge parameter after a non-empty hedgeType, the algo parameters after a non-empty algoStrategy. The old
 * message-version gates (20 to 33) all pass from MIN_SERVER_VER_ORDER_CONTAINER on.
 */

const hasDeltaNeutralOrder = (c: { order: { deltaNeutralOrderType?: string } }) => !!c.order.deltaNeutralOrderType;

/**
 * decodeVolOrderParams. OPEN_ORDER also carries the delta-neutral order's settling firm, clearing account and
 * intent, and open/close (`readOpenOrderAttribs`); COMPLETED_ORDER does not.
 */
export const volatilityFields: FieldGroup[] = [
  doubleMax("order", "volatility"),
  intOrUnset("order", "volatilityType"),
  text("order", "deltaNeutralOrderType"),
  doubleMax("order", "deltaNeutralAuxPrice"),
  when(
    (c) => c.version >= 27 && hasDeltaNeutralOrder(c),
    int("order", "deltaNeutralConId"),
    when(
      (c) => c.open,
      text("order", "deltaNeutralSettlingFirm"),
      text("order", "deltaNeutralClearingAccount"),
      text("order", "deltaNeutralClearingIntent"),
    ),
  ),
  when(
    (c) => c.version >= 31 && hasDeltaNeutralOrder(c),
    when((c) => c.open, text("order", "deltaNeutralOpenClose")),
    bool("order", "deltaNeutralShortSale"),
    int("order", "deltaNeutralShortSaleSlot"),
    text("order", "deltaNeutralDesignatedLocation"),
  ),
  bool("order", "continuousUpdate"),
  intOrUnset("order", "referencePriceType"),
];

/** decodeTrailParams: the first of the two trailStopPrice fields (see order-text-tail.ts). */
export const trailFields: FieldGroup[] = [
  doubleMax("order", "trailStopPrice"),
  fromVersion(30, doubleMax("order", "trailingPercent")),
];

/** decodeBasisPoints (OPEN_ORDER only). */
export const basisPointsFields: FieldGroup[] = [doubleMax("order", "basisPoints"), intMax("order", "basisPointsType")];

/** A count, then tag and value per pair (empty count: the list stays unset). */
function tagValueList(key: "smartComboRoutingParams" | "algoParams"): FieldGroup {
  return {
    read(r, c) {
      const n = r.readInt();
      if (n <= 0) return;
      const list: TagValue[] = [];
      for (let i = 0; i < n; i++) list.push({ tag: r.readString(), value: r.readString() });
      c.order[key] = list;
    },
    write(w, c) {
      const list = c.order[key] ?? [];
      w.int(list.length);
      for (const t of list) w.utf8(t.tag).utf8(t.value);
    },
  };
}

/** The contract's legs (8 fields each), then one price per leg of the order. */
const comboLegs: FieldGroup = {
  read(r, c) {
    const n = r.readInt();
    if (n > 0) {
      const legs: ComboLeg[] = [];
      for (let i = 0; i < n; i++) {
        legs.push({
          conId: r.readInt(),
          ratio: r.readInt(),
          action: r.readString(),
          exchange: r.readString(),
          openClose: r.readInt(),
          shortSaleSlot: r.readInt(),
          designatedLocation: r.readString(),
          exemptCode: r.readInt(),
        });
      }
      c.contract.comboLegs = legs;
    }
    const m = r.readInt();
    if (m > 0) {
      const prices: OrderComboLeg[] = [];
      for (let i = 0; i < m; i++) {
        const price = r.readDoubleMax();
        prices.push(price === undefined ? {} : { price });
      }
      c.order.orderComboLegs = prices;
    }
  },
  write(w, c) {
    const legs = c.contract.comboLegs ?? [];
    w.int(legs.length);
    for (const l of legs) {
      w.int(l.conId ?? 0)
        .int(l.ratio ?? 0)
        .utf8(l.action ?? "")
        .utf8(l.exchange ?? "")
        .int(l.openClose ?? 0)
        .int(l.shortSaleSlot ?? 0)
        .utf8(l.designatedLocation ?? "")
        .int(l.exemptCode ?? -1);
    }
    const prices = c.order.orderComboLegs ?? [];
    w.int(prices.length);
    for (const p of prices) w.doubleMax(p.price);
  },
};

/** decodeComboLegs (the legs from version 29), decodeSmartComboRoutingParams (from 26). */
export const comboFields: FieldGroup[] = [
  text("contract", "comboLegsDescrip"),
  fromVersion(29, comboLegs),
  fromVersion(26, tagValueList("smartComboRoutingParams")),
];

const hasScaleIncrement = (c: { version: number; order: { scalePriceIncrement?: number } }) => {
  const inc = c.order.scalePriceIncrement;
  return c.version >= 28 && inc !== undefined && inc > 0;
};

/**
 * decodeScaleOrderParams. Before version 20 a retired component count came first (the decoder keeps it in an
 * attribute the Order class does not have; dropped here).
 */
export const scaleFields: FieldGroup[] = [
  when((c) => c.version < 20, ignored("intMax", "")),
  intMax("order", "scaleInitLevelSize"),
  fromVersion(20, intMax("order", "scaleSubsLevelSize")),
  doubleMax("order", "scalePriceIncrement"),
  when(
    hasScaleIncrement,
    doubleMax("order", "scalePriceAdjustValue"),
    intMax("order", "scalePriceAdjustInterval"),
    doubleMax("order", "scaleProfitOffset"),
    bool("order", "scaleAutoReset"),
    intMax("order", "scaleInitPosition"),
    intMax("order", "scaleInitFillQty"),
    bool("order", "scaleRandomPercent"),
  ),
];

/** decodeHedgeParams (from 24). */
export const hedgeFields: FieldGroup = fromVersion(
  24,
  text("order", "hedgeType"),
  when((c) => !!c.order.hedgeType, text("order", "hedgeParam")),
);

/** decodeOptOutSmartRouting (OPEN_ORDER only, from 25). */
export const optOutSmartRouting: FieldGroup = fromVersion(25, bool("order", "optOutSmartRouting"));

/** decodeClearingParams, decodeNotHeld (from 22). */
export const clearingAndNotHeld: FieldGroup[] = [
  text("order", "clearingAccount"),
  text("order", "clearingIntent"),
  fromVersion(22, bool("order", "notHeld")),
];

/** decodeDeltaNeutral (from 20): a presence flag, then the hedge contract's conId, delta and price. */
export const deltaNeutralContract: FieldGroup = fromVersion(20, {
  read(r, c) {
    if (!r.readBool()) return;
    c.contract.deltaNeutralContract = { conId: r.readInt(), delta: r.readDouble(), price: r.readDouble() };
  },
  write(w, c) {
    const d = c.contract.deltaNeutralContract;
    w.bool(d !== undefined);
    if (d)
      w.int(d.conId ?? 0)
        .double(d.delta ?? 0)
        .double(d.price ?? 0);
  },
});

/** decodeAlgoParams (from 21), decodeSolicited (from 33). */
export const algoAndSolicited: FieldGroup[] = [
  fromVersion(
    21,
    text("order", "algoStrategy"),
    when((c) => !!c.order.algoStrategy, tagValueList("algoParams")),
  ),
  fromVersion(33, bool("order", "solicited")),
];
