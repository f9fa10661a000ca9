import type { FieldWriter } from "../../field-writer.js";
import type { Contract } from "../../models/contract.js";
import { COMPETE_AGAINST_BEST_OFFSET_UP_TO_MID, type Order } from "../../models/order.js";
import { ServerVersion as V } from "../../server-versions.js";
import { decimalTextOf, pythonFloatText, UNSET_DECIMAL_TEXT, UNSET_DOUBLE, UNSET_INTEGER } from "../../values.js";
import { tagValueText } from "../common/contract.js";
import { writeConditionText } from "./condition-text.js";
import type { PlaceOrderMessage } from "./place-order-types.js";

/**
 * Text PLACE_ORDER as the official `placeOrder` writes it (used below MIN_SERVER_VER_PROTOBUF_PLACE_ORDER).
 * Gates below server version 100 are always open on a v100+ connection and are noted, not tested. "Plain" fields
 * are written verbatim, so an unset value goes out as its sentinel (`2147483647`, `1.7976931348623157e+308`);
 * "handle-empty" fields (`intMax` / `doubleMax`) go out empty when unset.
 */

/** The version field, sent only below MIN_SERVER_VER_ORDER_CONTAINER (45 since MIN_SERVER_VER_NOT_HELD). */
export const PLACE_ORDER_VERSION = 45;

export function isPegBenchOrder(orderType: string | undefined): boolean {
  return orderType === "PEG BENCH" || orderType === "PEGBENCH";
}
export function isPegBestOrder(orderType: string | undefined): boolean {
  return orderType === "PEG BEST" || orderType === "PEGBEST";
}
export function isPegMidOrder(orderType: string | undefined): boolean {
  return orderType === "PEG MID" || orderType === "PEGMID";
}

/** A double written verbatim: unset is the max double's text. */
const plainDouble = (w: FieldWriter, v: number | undefined) => w.double(v ?? UNSET_DOUBLE);
/** An int written verbatim: unset is `2147483647`. */
const plainInt = (w: FieldWriter, v: number | undefined) => w.int(v ?? UNSET_INTEGER);

/**
 * `discretionaryAmt`: the official default is the int 0 (written `0`) while set values are floats (`0.5`); a
 * whole number is written the int way.
 */
function wholeOrFloat(w: FieldWriter, v: number): void {
  w.string(Number.isInteger(v) ? String(v) : pythonFloatText(v));
}

/** Below MIN_SERVER_VER_FRACTIONAL_POSITIONS the official client sends `int(totalQuantity)`. */
function wholeQuantityText(q: string | undefined): string {
  if (q === undefined) return UNSET_DECIMAL_TEXT;
  return BigInt(Math.trunc(Number(decimalTextOf(q)))).toString();
}

export function writePlaceOrderText(w: FieldWriter, m: PlaceOrderMessage, sv: number): void {
  const o = m.order;
  const c = m.contract;
  if (sv < V.ORDER_CONTAINER) w.int(PLACE_ORDER_VERSION);
  w.int(m.orderId);
  writeContract(w, c, sv);
  w.string(o.action);
  if (sv >= V.FRACTIONAL_POSITIONS) w.decimal(o.totalQuantity);
  else w.string(wholeQuantityText(o.totalQuantity));
  w.string(o.orderType).doubleMax(o.lmtPrice).doubleMax(o.auxPrice); // handle-empty from v61 / v62
  // extended order fields
  w.string(o.tif)
    .string(o.ocaGroup)
    .string(o.account)
    .string(o.openClose)
    .int(o.origin ?? 0)
    .string(o.orderRef)
    .bool(o.transmit ?? true)
    .int(o.parentId ?? 0)
    .bool(o.blockOrder)
    .bool(o.sweepToFill)
    .int(o.displaySize ?? 0)
    .int(o.triggerMethod ?? 0)
    .bool(o.outsideRth)
    .bool(o.hidden);
  if (c.secType === "BAG") writeCombo(w, c, o);
  // "" = the retired sharesAllocation
  w.string("");
  wholeOrFloat(w, o.discretionaryAmt ?? 0);
  w.string(o.goodAfterTime).string(o.goodTillDate).string(o.faGroup).string(o.faMethod).string(o.faPercentage);
  if (sv < V.FA_PROFILE_DESUPPORT) w.string(""); // retired faProfile
  if (sv >= V.MODELS_SUPPORT) w.string(o.modelCode);
  w.int(o.shortSaleSlot ?? 0)
    .string(o.designatedLocation)
    .int(o.exemptCode ?? -1) // v51
    .int(o.ocaType ?? 0)
    .string(o.rule80A)
    .string(o.settlingFirm)
    .bool(o.allOrNone)
    .intMax(o.minQty)
    .doubleMax(o.percentOffset)
    .bool(false) // retired eTradeOnly
    .bool(false) // retired firmQuoteOnly
    .empty() // retired nbboPriceCap, always unset
    .int(o.auctionStrategy ?? 0)
    .doubleMax(o.startingPrice)
    .doubleMax(o.stockRefPrice)
    .doubleMax(o.delta)
    .doubleMax(o.stockRangeLower)
    .doubleMax(o.stockRangeUpper)
    .bool(o.overridePercentageConstraints)
    .doubleMax(o.volatility)
    .intMax(o.volatilityType)
    .string(o.deltaNeutralOrderType)
    .doubleMax(o.deltaNeutralAuxPrice);
  if (o.deltaNeutralOrderType) {
    // v58 and v66
    w.int(o.deltaNeutralConId ?? 0)
      .string(o.deltaNeutralSettlingFirm)
      .string(o.deltaNeutralClearingAccount)
      .string(o.deltaNeutralClearingIntent);
    w.string(o.deltaNeutralOpenClose)
      .bool(o.deltaNeutralShortSale)
      .int(o.deltaNeutralShortSaleSlot ?? 0)
      .string(o.deltaNeutralDesignatedLocation);
  }
  w.bool(o.continuousUpdate).intMax(o.referencePriceType).doubleMax(o.trailStopPrice).doubleMax(o.trailingPercent);
  writeScaleAndLater(w, c, o, sv);
}

function writeContract(w: FieldWriter, c: Contract, sv: number): void {
  w.int(c.conId ?? 0) // v46
    .string(c.symbol)
    .string(c.secType)
    .string(c.lastTradeDateOrContractMonth)
    .doubleMax(c.strike)
    .string(c.right)
    .string(c.multiplier)
    .string(c.exchange)
    .string(c.primaryExchange)
    .string(c.currency)
    .string(c.localSymbol);
  if (sv >= V.TRADING_CLASS) w.string(c.tradingClass);
  w.string(c.secIdType).string(c.secId); // v45
}

/** BAG only: the contract's legs, the per-leg prices (v61) and the smart-combo routing parameters (v57). */
function writeCombo(w: FieldWriter, c: Contract, o: Order): void {
  const legs = c.comboLegs ?? [];
  w.int(legs.length);
  for (const leg of legs) {
    w.int(leg.conId ?? 0)
      .int(leg.ratio ?? 0)
      .string(leg.action)
      .string(leg.exchange)
      .int(leg.openClose ?? 0)
      .int(leg.shortSaleSlot ?? 0)
      .string(leg.designatedLocation)
      .int(leg.exemptCode ?? -1);
  }
  const prices = o.orderComboLegs ?? [];
  w.int(prices.length);
  for (const p of prices) w.doubleMax(p.price);
  const params = o.smartComboRoutingParams ?? [];
  w.int(params.length);
  for (const t of params) w.string(t.tag).string(t.value);
}

function writeScaleAndLater(w: FieldWriter, c: Contract, o: Order, sv: number): void {
  w.intMax(o.scaleInitLevelSize).intMax(o.scaleSubsLevelSize).doubleMax(o.scalePriceIncrement);
  const inc = o.scalePriceIncrement;
  if (inc !== undefined && inc !== UNSET_DOUBLE && inc > 0) {
    w.doubleMax(o.scalePriceAdjustValue)
      .intMax(o.scalePriceAdjustInterval)
      .doubleMax(o.scaleProfitOffset)
      .bool(o.scaleAutoReset)
      .intMax(o.scaleInitPosition)
      .intMax(o.scaleInitFillQty)
      .bool(o.scaleRandomPercent);
  }
  w.string(o.scaleTable).string(o.activeStartTime).string(o.activeStopTime); // v69
  w.string(o.hedgeType);
  if (o.hedgeType) w.string(o.hedgeParam);
  w.bool(o.optOutSmartRouting).string(o.clearingAccount).string(o.clearingIntent).bool(o.notHeld);
  const dn = c.deltaNeutralContract;
  w.bool(dn !== undefined);
  if (dn)
    w.int(dn.conId ?? 0)
      .double(dn.delta ?? 0)
      .double(dn.price ?? 0);
  w.string(o.algoStrategy);
  if (o.algoStrategy) {
    const params = o.algoParams ?? [];
    w.int(params.length);
    for (const t of params) w.string(t.tag).string(t.value);
  }
  w.string(o.algoId).bool(o.whatIf).string(tagValueText(o.orderMiscOptions));
  w.bool(o.solicited).bool(o.randomizeSize).bool(o.randomizePrice);
  if (sv >= V.PEGGED_TO_BENCHMARK) writePegBenchConditionsAdjusted(w, o);
  if (sv >= V.EXT_OPERATOR) w.string(o.extOperator);
  if (sv >= V.SOFT_DOLLAR_TIER) w.string(o.softDollarTier?.name).string(o.softDollarTier?.value);
  if (sv >= V.CASH_QTY) plainDouble(w, o.cashQty);
  if (sv >= V.DECISION_MAKER) w.string(o.mifid2DecisionMaker).string(o.mifid2DecisionAlgo);
  if (sv >= V.MIFID_EXECUTION) w.string(o.mifid2ExecutionTrader).string(o.mifid2ExecutionAlgo);
  if (sv >= V.AUTO_PRICE_FOR_HEDGE) w.bool(o.dontUseAutoPriceForHedge);
  if (sv >= V.ORDER_CONTAINER) w.bool(o.isOmsContainer);
  if (sv >= V.D_PEG_ORDERS) w.bool(o.discretionaryUpToLimitPrice);
  // Tri-state: empty when unset, else 1 / 0.
  if (sv >= V.PRICE_MGMT_ALGO) w.intMax(o.usePriceMgmtAlgo === undefined ? undefined : o.usePriceMgmtAlgo ? 1 : 0);
  if (sv >= V.DURATION) plainInt(w, o.duration);
  if (sv >= V.POST_TO_ATS) plainInt(w, o.postToAts);
  if (sv >= V.AUTO_CANCEL_PARENT) w.bool(o.autoCancelParent);
  if (sv >= V.ADVANCED_ORDER_REJECT) w.string(o.advancedErrorOverride);
  if (sv >= V.MANUAL_ORDER_TIME) w.string(o.manualOrderTime);
  if (sv >= V.PEGBEST_PEGMID_OFFSETS) writePegBestMid(w, c, o);
  if (sv >= V.CUSTOMER_ACCOUNT) w.string(o.customerAccount);
  if (sv >= V.PROFESSIONAL_CUSTOMER) w.bool(o.professionalCustomer);
  // Two RFQ fields that lived from 187 to 189 and were removed at 190: always "" and an unset int.
  if (sv >= V.RFQ_FIELDS && sv < V.UNDO_RFQ_FIELDS) w.string("").int(UNSET_INTEGER);
  if (sv >= V.INCLUDE_OVERNIGHT) w.bool(o.includeOvernight);
  if (sv >= V.CME_TAGGING_FIELDS) plainInt(w, o.manualOrderIndicator);
  if (sv >= V.IMBALANCE_ONLY) w.bool(o.imbalanceOnly);
}

/** Pegged-to-benchmark fields (PEG BENCH only), the conditions, then the adjusted-order fields (all v102+). */
function writePegBenchConditionsAdjusted(w: FieldWriter, o: Order): void {
  if (isPegBenchOrder(o.orderType)) {
    w.int(o.referenceContractId ?? 0)
      .bool(o.isPeggedChangeAmountDecrease)
      .double(o.peggedChangeAmount ?? 0)
      .double(o.referenceChangeAmount ?? 0)
      .string(o.referenceExchangeId);
  }
  const conditions = o.conditions ?? [];
  w.int(conditions.length);
  if (conditions.length > 0) {
    for (const cond of conditions) writeConditionText(w, cond);
    w.bool(o.conditionsIgnoreRth).bool(o.conditionsCancelOrder);
  }
  w.string(o.adjustedOrderType);
  plainDouble(w, o.triggerPrice);
  plainDouble(w, o.lmtPriceOffset);
  plainDouble(w, o.adjustedStopPrice);
  plainDouble(w, o.adjustedStopLimitPrice);
  plainDouble(w, o.adjustedTrailingAmount);
  w.int(o.adjustableTrailingUnit ?? 0);
}

/**
 * v170: minTradeQty for IBKRATS only; PEG BEST sends minCompeteSize and competeAgainstBestOffset, and the two mid
 * offsets only when that offset is "up to mid" (+∞, written `Infinity`); PEG MID sends the two mid offsets.
 */
function writePegBestMid(w: FieldWriter, c: Contract, o: Order): void {
  if (c.exchange === "IBKRATS") w.intMax(o.minTradeQty);
  let sendMidOffsets = false;
  if (isPegBestOrder(o.orderType)) {
    w.intMax(o.minCompeteSize).doubleMax(o.competeAgainstBestOffset);
    sendMidOffsets = o.competeAgainstBestOffset === COMPETE_AGAINST_BEST_OFFSET_UP_TO_MID;
  } else if (isPegMidOrder(o.orderType)) {
    sendMidOffsets = true;
  }
  if (sendMidOffsets) w.doubleMax(o.midOffsetAtWhole).doubleMax(o.midOffsetAtHalf);
}
