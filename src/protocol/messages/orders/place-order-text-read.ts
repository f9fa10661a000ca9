import type { FieldReader } from "../../field-reader.js";
import type { ComboLeg, Contract, TagValue } from "../../models/contract.js";
import { COMPETE_AGAINST_BEST_OFFSET_UP_TO_MID, type Order } from "../../models/order.js";
import { ServerVersion as V } from "../../server-versions.js";
import { parseTagValueText } from "../common/contract.js";
import { canonicalContract, canonicalOrder } from "./canonical.js";
import { readConditionText } from "./condition-text.js";
import { isPegBenchOrder, isPegBestOrder, isPegMidOrder } from "./place-order-text-write.js";
import type { PlaceOrderMessage } from "./place-order-types.js";

/**
 * Reads a text PLACE_ORDER (what a host receives from a client below MIN_SERVER_VER_PROTOBUF_PLACE_ORDER), field
 * for field as {@link writePlaceOrderText} writes it. Sentinels written verbatim read back as unset; the result is
 * canonical (see canonical.ts).
 */
export function readPlaceOrderText(r: FieldReader, sv: number): PlaceOrderMessage {
  if (sv < V.ORDER_CONTAINER) r.skip(); // version
  const orderId = r.readInt();
  const c: Contract = {};
  const o: Order = {};
  readContract(r, c, sv);
  o.action = r.readString();
  o.totalQuantity = r.readDecimal();
  o.orderType = r.readString();
  o.lmtPrice = r.readDoubleMax();
  o.auxPrice = r.readDoubleMax();
  o.tif = r.readString();
  o.ocaGroup = r.readString();
  o.account = r.readString();
  o.openClose = r.readString();
  o.origin = r.readInt();
  o.orderRef = r.readString();
  o.transmit = r.readBool();
  o.parentId = r.readInt();
  o.blockOrder = r.readBool();
  o.sweepToFill = r.readBool();
  o.displaySize = r.readInt();
  o.triggerMethod = r.readInt();
  o.outsideRth = r.readBool();
  o.hidden = r.readBool();
  if (c.secType === "BAG") readCombo(r, c, o);
  r.skip(); // sharesAllocation
  o.discretionaryAmt = r.readDouble();
  o.goodAfterTime = r.readString();
  o.goodTillDate = r.readString();
  o.faGroup = r.readString();
  o.faMethod = r.readString();
  o.faPercentage = r.readString();
  if (sv < V.FA_PROFILE_DESUPPORT) r.skip(); // faProfile
  if (sv >= V.MODELS_SUPPORT) o.modelCode = r.readString();
  o.shortSaleSlot = r.readInt();
  o.designatedLocation = r.readString();
  o.exemptCode = r.readInt();
  o.ocaType = r.readInt();
  o.rule80A = r.readString();
  o.settlingFirm = r.readString();
  o.allOrNone = r.readBool();
  o.minQty = r.readIntMax();
  o.percentOffset = r.readDoubleMax();
  r.skip(); // eTradeOnly
  r.skip(); // firmQuoteOnly
  r.skip(); // nbboPriceCap
  o.auctionStrategy = r.readInt();
  o.startingPrice = r.readDoubleMax();
  o.stockRefPrice = r.readDoubleMax();
  o.delta = r.readDoubleMax();
  o.stockRangeLower = r.readDoubleMax();
  o.stockRangeUpper = r.readDoubleMax();
  o.overridePercentageConstraints = r.readBool();
  o.volatility = r.readDoubleMax();
  o.volatilityType = r.readIntMax();
  o.deltaNeutralOrderType = r.readString();
  o.deltaNeutralAuxPrice = r.readDoubleMax();
  if (o.deltaNeutralOrderType) {
    o.deltaNeutralConId = r.readInt();
    o.deltaNeutralSettlingFirm = r.readString();
    o.deltaNeutralClearingAccount = r.readString();
    o.deltaNeutralClearingIntent = r.readString();
    o.deltaNeutralOpenClose = r.readString();
    o.deltaNeutralShortSale = r.readBool();
    o.deltaNeutralShortSaleSlot = r.readInt();
    o.deltaNeutralDesignatedLocation = r.readString();
  }
  o.continuousUpdate = r.readBool();
  o.referencePriceType = r.readIntMax();
  o.trailStopPrice = r.readDoubleMax();
  o.trailingPercent = r.readDoubleMax();
  readScaleAndLater(r, c, o, sv);
  return { orderId, contract: canonicalContract(c), order: canonicalOrder(o) };
}

function readContract(r: FieldReader, c: Contract, sv: number): void {
  c.conId = r.readInt();
  c.symbol = r.readString();
  c.secType = r.readString();
  c.lastTradeDateOrContractMonth = r.readString();
  c.strike = r.readDoubleMax();
  c.right = r.readString();
  c.multiplier = r.readString();
  c.exchange = r.readString();
  c.primaryExchange = r.readString();
  c.currency = r.readString();
  c.localSymbol = r.readString();
  if (sv >= V.TRADING_CLASS) c.tradingClass = r.readString();
  c.secIdType = r.readString();
  c.secId = r.readString();
}

function readTagValuePairs(r: FieldReader): TagValue[] {
  const n = r.readInt();
  const out: TagValue[] = [];
  for (let i = 0; i < n; i++) out.push({ tag: r.readString(), value: r.readString() });
  return out;
}

function readCombo(r: FieldReader, c: Contract, o: Order): void {
  const n = r.readInt();
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
  c.comboLegs = legs;
  const prices = r.readInt();
  o.orderComboLegs = [];
  for (let i = 0; i < prices; i++) {
    const price = r.readDoubleMax();
    o.orderComboLegs.push(price === undefined ? {} : { price });
  }
  o.smartComboRoutingParams = readTagValuePairs(r);
}

function readScaleAndLater(r: FieldReader, c: Contract, o: Order, sv: number): void {
  o.scaleInitLevelSize = r.readIntMax();
  o.scaleSubsLevelSize = r.readIntMax();
  o.scalePriceIncrement = r.readDoubleMax();
  if (o.scalePriceIncrement !== undefined && o.scalePriceIncrement > 0) {
    o.scalePriceAdjustValue = r.readDoubleMax();
    o.scalePriceAdjustInterval = r.readIntMax();
    o.scaleProfitOffset = r.readDoubleMax();
    o.scaleAutoReset = r.readBool();
    o.scaleInitPosition = r.readIntMax();
    o.scaleInitFillQty = r.readIntMax();
    o.scaleRandomPercent = r.readBool();
  }
  o.scaleTable = r.readString();
  o.activeStartTime = r.readString();
  o.activeStopTime = r.readString();
  o.hedgeType = r.readString();
  if (o.hedgeType) o.hedgeParam = r.readString();
  o.optOutSmartRouting = r.readBool();
  o.clearingAccount = r.readString();
  o.clearingIntent = r.readString();
  o.notHeld = r.readBool();
  if (r.readBool()) c.deltaNeutralContract = { conId: r.readInt(), delta: r.readDouble(), price: r.readDouble() };
  o.algoStrategy = r.readString();
  if (o.algoStrategy) o.algoParams = readTagValuePairs(r);
  o.algoId = r.readString();
  o.whatIf = r.readBool();
  o.orderMiscOptions = parseTagValueText(r.readString());
  o.solicited = r.readBool();
  o.randomizeSize = r.readBool();
  o.randomizePrice = r.readBool();
  if (sv >= V.PEGGED_TO_BENCHMARK) readPegBenchConditionsAdjusted(r, o);
  if (sv >= V.EXT_OPERATOR) o.extOperator = r.readString();
  if (sv >= V.SOFT_DOLLAR_TIER) o.softDollarTier = { name: r.readString(), value: r.readString(), displayName: "" };
  // Below MIN_SERVER_VER_CASH_QTY the official client sends an order only when cashQty is exactly 0 (see
  // place-order-refusals.ts), so that is what such a frame says.
  o.cashQty = sv >= V.CASH_QTY ? r.readDoubleMax() : 0;
  if (sv >= V.DECISION_MAKER) {
    o.mifid2DecisionMaker = r.readString();
    o.mifid2DecisionAlgo = r.readString();
  }
  if (sv >= V.MIFID_EXECUTION) {
    o.mifid2ExecutionTrader = r.readString();
    o.mifid2ExecutionAlgo = r.readString();
  }
  if (sv >= V.AUTO_PRICE_FOR_HEDGE) o.dontUseAutoPriceForHedge = r.readBool();
  if (sv >= V.ORDER_CONTAINER) o.isOmsContainer = r.readBool();
  if (sv >= V.D_PEG_ORDERS) o.discretionaryUpToLimitPrice = r.readBool();
  if (sv >= V.PRICE_MGMT_ALGO) {
    const v = r.readIntMax();
    o.usePriceMgmtAlgo = v === undefined ? undefined : v !== 0;
  }
  if (sv >= V.DURATION) o.duration = r.readIntMax();
  if (sv >= V.POST_TO_ATS) o.postToAts = r.readIntMax();
  if (sv >= V.AUTO_CANCEL_PARENT) o.autoCancelParent = r.readBool();
  if (sv >= V.ADVANCED_ORDER_REJECT) o.advancedErrorOverride = r.readString();
  if (sv >= V.MANUAL_ORDER_TIME) o.manualOrderTime = r.readString();
  if (sv >= V.PEGBEST_PEGMID_OFFSETS) readPegBestMid(r, c, o);
  if (sv >= V.CUSTOMER_ACCOUNT) o.customerAccount = r.readString();
  if (sv >= V.PROFESSIONAL_CUSTOMER) o.professionalCustomer = r.readBool();
  if (sv >= V.RFQ_FIELDS && sv < V.UNDO_RFQ_FIELDS) {
    r.skip();
    r.skip();
  }
  if (sv >= V.INCLUDE_OVERNIGHT) o.includeOvernight = r.readBool();
  if (sv >= V.CME_TAGGING_FIELDS) o.manualOrderIndicator = r.readIntMax();
  if (sv >= V.IMBALANCE_ONLY) o.imbalanceOnly = r.readBool();
}

function readPegBenchConditionsAdjusted(r: FieldReader, o: Order): void {
  if (isPegBenchOrder(o.orderType)) {
    o.referenceContractId = r.readInt();
    o.isPeggedChangeAmountDecrease = r.readBool();
    o.peggedChangeAmount = r.readDouble();
    o.referenceChangeAmount = r.readDouble();
    o.referenceExchangeId = r.readString();
  }
  const n = r.readInt();
  if (n > 0) {
    o.conditions = [];
    for (let i = 0; i < n; i++) o.conditions.push(readConditionText(r));
    o.conditionsIgnoreRth = r.readBool();
    o.conditionsCancelOrder = r.readBool();
  }
  o.adjustedOrderType = r.readString();
  o.triggerPrice = r.readDoubleMax();
  o.lmtPriceOffset = r.readDoubleMax();
  o.adjustedStopPrice = r.readDoubleMax();
  o.adjustedStopLimitPrice = r.readDoubleMax();
  o.adjustedTrailingAmount = r.readDoubleMax();
  o.adjustableTrailingUnit = r.readInt();
}

function readPegBestMid(r: FieldReader, c: Contract, o: Order): void {
  if (c.exchange === "IBKRATS") o.minTradeQty = r.readIntMax();
  let midOffsets = false;
  if (isPegBestOrder(o.orderType)) {
    o.minCompeteSize = r.readIntMax();
    o.competeAgainstBestOffset = r.readDoubleMax();
    midOffsets = o.competeAgainstBestOffset === COMPETE_AGAINST_BEST_OFFSET_UP_TO_MID;
  } else if (isPegMidOrder(o.orderType)) {
    midOffsets = true;
  }
  if (midOffsets) {
    o.midOffsetAtWhole = r.readDoubleMax();
    o.midOffsetAtHalf = r.readDoubleMax();
  }
}
