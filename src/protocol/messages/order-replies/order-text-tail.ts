import { ServerVersion as V } from "../../server-versions.js";
import { readConditionText, writeConditionText } from "../orders/condition-text.js";
import {
  bool,
  decimal,
  double,
  doubleMax,
  doubleOrUnset,
  type FieldGroup,
  fromServerVersion,
  fromVersion,
  int,
  intMax,
  long,
  text,
  when,
} from "./text-fields.js";

/**
 * The last part of a text order reply, reader by reader as `OrderDecoder` has them (decodeVolRandomizeFlags
 * onwards). From MIN_SERVER_VER_PEGGED_TO_BENCHMARK (102) OPEN_ORDER carries the adjusted-order fields with a
 * second trailStopPrice between triggerPrice and lmtPriceOffset; the decoder overwrites the first trailStopPrice
 * (order-text-body.ts) with it, so a reply's trailStopPrice is the second one and both places are written with
 * it. COMPLETED_ORDER has only the trailStopPrice and lmtPriceOffset of that block, at any version.
 */

/** The order types that carry the pegged-to-benchmark fields (`isPegBenchOrder`). */
export function isPegBenchOrder(orderType: string | undefined): boolean {
  return orderType === "PEG BENCH" || orderType === "PEGBENCH";
}

/** decodeVolRandomizeFlags (from 34). */
export const randomizeFlags: FieldGroup = fromVersion(
  34,
  bool("order", "randomizeSize"),
  bool("order", "randomizePrice"),
);

/** decodePegToBenchParams: only for PEG BENCH orders, from 102. */
export const peggedToBenchmark: FieldGroup = when(
  (c) => c.sv >= V.PEGGED_TO_BENCHMARK && isPegBenchOrder(c.order.orderType),
  int("order", "referenceContractId"),
  bool("order", "isPeggedChangeAmountDecrease"),
  double("order", "peggedChangeAmount"),
  double("order", "referenceChangeAmount"),
  text("order", "referenceExchangeId"),
);

/** decodeConditions (from 102): a count, the conditions, then two flags when there is at least one. */
export const conditions: FieldGroup = fromServerVersion(V.PEGGED_TO_BENCHMARK, {
  read(r, c) {
    const n = r.readInt();
    if (n <= 0) return;
    c.order.conditions = [];
    for (let i = 0; i < n; i++) c.order.conditions.push(readConditionText(r));
    c.order.conditionsIgnoreRth = r.readBool();
    c.order.conditionsCancelOrder = r.readBool();
  },
  write(w, c) {
    const list = c.order.conditions ?? [];
    w.int(list.length);
    for (const cond of list) writeConditionText(w, cond);
    if (list.length > 0) w.bool(c.order.conditionsIgnoreRth).bool(c.order.conditionsCancelOrder);
  },
});

/** decodeStopPriceAndLmtPriceOffset: the second trailStopPrice, read plainly. */
export const stopPriceAndLmtPriceOffset: FieldGroup[] = [
  doubleOrUnset("order", "trailStopPrice"),
  doubleOrUnset("order", "lmtPriceOffset"),
];

/** decodeAdjustedOrderParams (OPEN_ORDER, from 102). */
export const adjustedOrderFields: FieldGroup = fromServerVersion(
  V.PEGGED_TO_BENCHMARK,
  text("order", "adjustedOrderType"),
  doubleOrUnset("order", "triggerPrice"),
  ...stopPriceAndLmtPriceOffset,
  doubleOrUnset("order", "adjustedStopPrice"),
  doubleOrUnset("order", "adjustedStopLimitPrice"),
  doubleOrUnset("order", "adjustedTrailingAmount"),
  int("order", "adjustableTrailingUnit"),
);

/** decodeSoftDollarTier (OPEN_ORDER, from MIN_SERVER_VER_SOFT_DOLLAR_TIER): name, value, display name. */
export const softDollarTier: FieldGroup = fromServerVersion(V.SOFT_DOLLAR_TIER, {
  read(r, c) {
    c.order.softDollarTier = { name: r.readString(), value: r.readString(), displayName: r.readString() };
  },
  write(w, c) {
    const t = c.order.softDollarTier;
    w.utf8(t?.name ?? "")
      .utf8(t?.value ?? "")
      .utf8(t?.displayName ?? "");
  },
});

/** decodeCashQty, decodeDontUseAutoPriceForHedge, decodeIsOmsContainers. */
export const cashQtyToOmsContainer: FieldGroup[] = [
  fromServerVersion(V.CASH_QTY, doubleOrUnset("order", "cashQty")),
  fromServerVersion(V.AUTO_PRICE_FOR_HEDGE, bool("order", "dontUseAutoPriceForHedge")),
  fromServerVersion(V.ORDER_CONTAINER, bool("order", "isOmsContainer")),
];

/** decodePegBestPegMidOrderAttributes (from MIN_SERVER_VER_PEGBEST_PEGMID_OFFSETS): always all five. */
export const pegBestPegMidFields: FieldGroup = fromServerVersion(
  V.PEGBEST_PEGMID_OFFSETS,
  intMax("order", "minTradeQty"),
  intMax("order", "minCompeteSize"),
  doubleMax("order", "competeAgainstBestOffset"),
  doubleMax("order", "midOffsetAtWhole"),
  doubleMax("order", "midOffsetAtHalf"),
);

/** decodeCustomerAccount, decodeProfessionalCustomer. */
export const customerFields: FieldGroup[] = [
  fromServerVersion(V.CUSTOMER_ACCOUNT, text("order", "customerAccount")),
  fromServerVersion(V.PROFESSIONAL_CUSTOMER, bool("order", "professionalCustomer")),
];

/** decodeSubmitter. */
export const submitter: FieldGroup = fromServerVersion(V.SUBMITTER, text("order", "submitter"));

/** OPEN_ORDER after the OMS container flag, each field from the server version that added it. */
export const openOrderTail: FieldGroup[] = [
  fromServerVersion(V.D_PEG_ORDERS, bool("order", "discretionaryUpToLimitPrice")),
  // A tri-state in the order; text has only 0 and 1, so a text reply always sets it.
  fromServerVersion(V.PRICE_MGMT_ALGO, bool("order", "usePriceMgmtAlgo")),
  fromServerVersion(V.DURATION, intMax("order", "duration")),
  fromServerVersion(V.POST_TO_ATS, intMax("order", "postToAts")),
  fromServerVersion(V.AUTO_CANCEL_PARENT, bool("order", "autoCancelParent")),
  pegBestPegMidFields,
  ...customerFields,
  fromServerVersion(V.BOND_ACCRUED_INTEREST, text("order", "bondAccruedInterest")),
  fromServerVersion(V.INCLUDE_OVERNIGHT, bool("order", "includeOvernight")),
  fromServerVersion(
    V.CME_TAGGING_FIELDS_IN_OPEN_ORDER,
    text("order", "extOperator"),
    intMax("order", "manualOrderIndicator"),
  ),
  submitter,
  fromServerVersion(V.IMBALANCE_ONLY, bool("order", "imbalanceOnly")),
];

/**
 * COMPLETED_ORDER after the OMS container flag: autoCancelParent and imbalanceOnly are there at any version
 * (the decoder passes MIN_CLIENT_VER as their gate), routeMarketableToBbo is a tri-state that text always sets.
 */
export const completedOrderTail: FieldGroup[] = [
  text("order", "autoCancelDate"),
  decimal("order", "filledQuantity"),
  int("order", "refFuturesConId"),
  bool("order", "autoCancelParent"),
  text("order", "shareholder"),
  bool("order", "imbalanceOnly"),
  bool("order", "routeMarketableToBbo"),
  long("order", "parentPermId"),
  text("state", "completedTime"),
  text("state", "completedStatus"),
  pegBestPegMidFields,
  ...customerFields,
  submitter,
];
