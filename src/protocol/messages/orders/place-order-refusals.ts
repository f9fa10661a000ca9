import type { Order } from "../../models/order.js";
import { ServerVersion as V } from "../../server-versions.js";
import { requireVersion } from "../common/contract.js";

/**
 * The official client's refusals of PLACE_ORDER (error 503, "The TWS is out of date and must be upgraded"), as
 * ServerVersionError.
 *
 * Text (`placeOrder`, sv < 203): the checks from server version 100 on, in the official order. Those for older
 * versions (delta-neutral, scale, algo, notHeld, secId, conId, exemptCode, hedge, ... all below 100) can never
 * fire on a connection this library accepts. Each "present" test is the official one, quirks included: below
 * MIN_SERVER_VER_CASH_QTY the official test is `if order.cashQty:`, and the unset default (the max double) is
 * truthy, so every text order below 111 is refused unless `cashQty` is exactly 0.
 *
 * Protobuf (`validateOrderParameters`, `validateAttachedOrdersParameters`, and the 10.50 check for
 * `conditionsIncludeOvernight`): a field is refused when the builder would put it in the message below the
 * version that introduced it.
 */

/** Text PLACE_ORDER refusals. */
export function refuseTextPlaceOrder(o: Order, sv: number): void {
  const r = (min: number, present: boolean, what: string) => requireVersion(sv, min, present, `placeOrder ${what}`);
  r(V.MODELS_SUPPORT, Boolean(o.modelCode), "modelCode");
  r(V.EXT_OPERATOR, Boolean(o.extOperator), "extOperator");
  r(V.SOFT_DOLLAR_TIER, Boolean(o.softDollarTier?.name || o.softDollarTier?.value), "softDollarTier");
  r(V.CASH_QTY, o.cashQty !== 0, "cashQty (the official test treats an unset cashQty as set)");
  r(V.DECISION_MAKER, Boolean(o.mifid2DecisionMaker || o.mifid2DecisionAlgo), "MiFID II decision maker");
  r(V.MIFID_EXECUTION, Boolean(o.mifid2ExecutionTrader || o.mifid2ExecutionAlgo), "MiFID II execution");
  r(V.AUTO_PRICE_FOR_HEDGE, Boolean(o.dontUseAutoPriceForHedge), "dontUseAutoPriceForHedge");
  r(V.ORDER_CONTAINER, Boolean(o.isOmsContainer), "isOmsContainer");
  r(V.PRICE_MGMT_ALGO, Boolean(o.usePriceMgmtAlgo), "usePriceMgmtAlgo");
  r(V.DURATION, o.duration !== undefined, "duration");
  r(V.POST_TO_ATS, o.postToAts !== undefined, "postToAts");
  r(V.AUTO_CANCEL_PARENT, Boolean(o.autoCancelParent), "autoCancelParent");
  r(V.ADVANCED_ORDER_REJECT, Boolean(o.advancedErrorOverride), "advancedErrorOverride");
  r(V.MANUAL_ORDER_TIME, Boolean(o.manualOrderTime), "manualOrderTime");
  const pegOffsets =
    o.minTradeQty !== undefined ||
    o.minCompeteSize !== undefined ||
    o.competeAgainstBestOffset !== undefined ||
    o.midOffsetAtWhole !== undefined ||
    o.midOffsetAtHalf !== undefined;
  r(V.PEGBEST_PEGMID_OFFSETS, pegOffsets, "PEG BEST / PEG MID parameters");
  r(V.CUSTOMER_ACCOUNT, Boolean(o.customerAccount), "customerAccount");
  r(V.PROFESSIONAL_CUSTOMER, Boolean(o.professionalCustomer), "professionalCustomer");
  r(V.INCLUDE_OVERNIGHT, Boolean(o.includeOvernight), "includeOvernight");
  r(V.CME_TAGGING_FIELDS, o.manualOrderIndicator !== undefined, "manualOrderIndicator");
  r(V.IMBALANCE_ONLY, Boolean(o.imbalanceOnly), "imbalanceOnly");
  refuseProtobufOnlyFields(o, sv);
}

/**
 * Order parameters that exist only in protobuf PLACE_ORDER, first accepted by TWS at versions above the text
 * range. The official text path drops them without a word; like the protobuf path, we refuse them instead of
 * sending an order without them.
 */
function refuseProtobufOnlyFields(o: Order, sv: number): void {
  const r = (min: number, present: boolean, what: string) => requireVersion(sv, min, present, `placeOrder ${what}`);
  r(V.ADDITIONAL_ORDER_PARAMS_1, additionalParams1(o) !== undefined, additionalParams1(o) ?? "");
  r(V.ADDITIONAL_ORDER_PARAMS_2, additionalParams2(o) !== undefined, additionalParams2(o) ?? "");
  r(V.HEDGE_MAX_SIZE, o.hedgeMaxSize !== undefined, "hedgeMaxSize");
  // API 10.50 (reference §11): set only when true, refused below 226.
  r(
    V.UNIFIED_VERSION_COND_ORDER_WITH_OVERNIGHT_PARAM,
    o.conditionsIncludeOvernight === true,
    "conditionsIncludeOvernight",
  );
  r(V.ATTACHED_ORDERS, attachedOrderParam(o) !== undefined, attachedOrderParam(o) ?? "");
}

/** The first MIN_SERVER_VER_ADDITIONAL_ORDER_PARAMS_1 parameter the builder would set (each only when true). */
function additionalParams1(o: Order): string | undefined {
  if (o.deactivate) return "deactivate";
  if (o.postOnly) return "postOnly";
  if (o.allowPreOpen) return "allowPreOpen";
  if (o.ignoreOpenAuction) return "ignoreOpenAuction";
  return undefined;
}

/** The first MIN_SERVER_VER_ADDITIONAL_ORDER_PARAMS_2 parameter the builder would set (tri-states when set). */
function additionalParams2(o: Order): string | undefined {
  if (o.routeMarketableToBbo !== undefined) return "routeMarketableToBbo";
  if (o.seekPriceImprovement !== undefined) return "seekPriceImprovement";
  if (o.whatIfType !== undefined) return "whatIfType";
  return undefined;
}

/** The first attached-order parameter the builder would set (MIN_SERVER_VER_ATTACHED_ORDERS). */
function attachedOrderParam(o: Order): string | undefined {
  if (o.slOrderId !== undefined) return "slOrderId";
  if (o.slOrderType) return "slOrderType";
  if (o.ptOrderId !== undefined) return "ptOrderId";
  if (o.ptOrderType) return "ptOrderType";
  return undefined;
}

/** Protobuf PLACE_ORDER refusals, in the official order (order parameters, then attached orders). */
export function refuseProtobufPlaceOrder(o: Order, sv: number): void {
  refuseProtobufOnlyFields(o, sv);
}
