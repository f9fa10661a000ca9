import type { TagValue } from "../../models/contract.js";
import type { Order } from "../../models/order.js";
import type { Order as OrderProto } from "../../proto/index.js";
import { UNSET_DOUBLE, UNSET_INTEGER, UNSET_LONG } from "../../values.js";
import { tagValueList, tagValueMap } from "../common/contract.js";
import { canonicalOrder } from "./canonical.js";
import { conditionFromProto, conditionToProto } from "./condition-proto.js";

/**
 * The protobuf `Order` of a PLACE_ORDER request, as the official `createOrderProto` builds it: text only when
 * non-empty, flags only when true, numbers unless they hold the unset sentinel — so the fields whose official
 * default is 0 (ids, `origin`, `ocaType`, ...) or -1 (`exemptCode`) go out with that default, and the
 * soft-dollar tier is always there (possibly empty). Tri-state flags go out as 1 / 0 when set. Some Order fields
 * have no place in the builder (`orderId`, `auctionStrategy`, `basisPoints`, `basisPointsType`, `autoCancelDate`,
 * `filledQuantity`, `refFuturesConId`, `shareholder`, `parentPermId`, and the per-leg prices, which travel in the
 * contract's legs): they are not sent. Tag-value maps go out with their keys sorted, as the official (Python)
 * serializer writes maps, so a decoded list comes back in key order.
 */

const str = (s: string | undefined) => (s ? s : undefined);
const yes = (b: boolean | undefined) => (b ? true : undefined);
const int = (n: number | undefined) => (n === undefined || n === UNSET_INTEGER ? undefined : n);
const dbl = (n: number | undefined) => (n === undefined || n === UNSET_DOUBLE ? undefined : n);
const triState = (b: boolean | undefined) => (b === undefined ? undefined : b ? 1 : 0);
const sortedMap = (list: readonly TagValue[] | undefined) =>
  tagValueMap(list && [...list].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)));

/** `f"{Decimal(text):f}"`: the decimal in plain notation, trailing zeros kept (`1E+2` → `100`). */
export function decimalFixedText(text: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return text;
  const [, sign = "", whole = "", frac = "", expText = "0"] = m;
  const digits = `${whole}${frac}`;
  const point = whole.length + Number(expText); // position of the point within `digits`
  let out: string;
  if (point <= 0) out = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) out = `${digits}${"0".repeat(point - digits.length)}`;
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, "");
  return `${sign === "-" ? "-" : ""}${out}`;
}

export function orderToRequestProto(o: Order): OrderProto {
  const tier = o.softDollarTier;
  return {
    clientId: int(o.clientId ?? 0),
    permId: (o.permId ?? 0n) === UNSET_LONG ? undefined : (o.permId ?? 0n),
    parentId: int(o.parentId ?? 0),
    action: str(o.action),
    totalQuantity: o.totalQuantity === undefined ? undefined : decimalFixedText(o.totalQuantity),
    displaySize: int(o.displaySize ?? 0),
    orderType: str(o.orderType),
    lmtPrice: dbl(o.lmtPrice),
    auxPrice: dbl(o.auxPrice),
    tif: str(o.tif),
    account: str(o.account),
    settlingFirm: str(o.settlingFirm),
    clearingAccount: str(o.clearingAccount),
    clearingIntent: str(o.clearingIntent),
    allOrNone: yes(o.allOrNone),
    blockOrder: yes(o.blockOrder),
    hidden: yes(o.hidden),
    outsideRth: yes(o.outsideRth),
    sweepToFill: yes(o.sweepToFill),
    percentOffset: dbl(o.percentOffset),
    trailingPercent: dbl(o.trailingPercent),
    trailStopPrice: dbl(o.trailStopPrice),
    minQty: int(o.minQty),
    goodAfterTime: str(o.goodAfterTime),
    goodTillDate: str(o.goodTillDate),
    ocaGroup: str(o.ocaGroup),
    orderRef: str(o.orderRef),
    rule80A: str(o.rule80A),
    ocaType: int(o.ocaType ?? 0),
    triggerMethod: int(o.triggerMethod ?? 0),
    activeStartTime: str(o.activeStartTime),
    activeStopTime: str(o.activeStopTime),
    faGroup: str(o.faGroup),
    faMethod: str(o.faMethod),
    faPercentage: str(o.faPercentage),
    volatility: dbl(o.volatility),
    volatilityType: int(o.volatilityType),
    continuousUpdate: yes(o.continuousUpdate),
    referencePriceType: int(o.referencePriceType),
    deltaNeutralOrderType: str(o.deltaNeutralOrderType),
    deltaNeutralAuxPrice: dbl(o.deltaNeutralAuxPrice),
    deltaNeutralConId: int(o.deltaNeutralConId ?? 0),
    deltaNeutralOpenClose: str(o.deltaNeutralOpenClose),
    deltaNeutralShortSale: yes(o.deltaNeutralShortSale),
    deltaNeutralShortSaleSlot: int(o.deltaNeutralShortSaleSlot ?? 0),
    deltaNeutralDesignatedLocation: str(o.deltaNeutralDesignatedLocation),
    scaleInitLevelSize: int(o.scaleInitLevelSize),
    scaleSubsLevelSize: int(o.scaleSubsLevelSize),
    scalePriceIncrement: dbl(o.scalePriceIncrement),
    scalePriceAdjustValue: dbl(o.scalePriceAdjustValue),
    scalePriceAdjustInterval: int(o.scalePriceAdjustInterval),
    scaleProfitOffset: dbl(o.scaleProfitOffset),
    scaleAutoReset: yes(o.scaleAutoReset),
    scaleInitPosition: int(o.scaleInitPosition),
    scaleInitFillQty: int(o.scaleInitFillQty),
    scaleRandomPercent: yes(o.scaleRandomPercent),
    scaleTable: str(o.scaleTable),
    hedgeType: str(o.hedgeType),
    hedgeParam: str(o.hedgeParam),
    hedgeMaxSize: int(o.hedgeMaxSize),
    algoStrategy: str(o.algoStrategy),
    algoParams: sortedMap(o.algoParams),
    algoId: str(o.algoId),
    smartComboRoutingParams: sortedMap(o.smartComboRoutingParams),
    whatIf: yes(o.whatIf),
    transmit: yes(o.transmit ?? true),
    overridePercentageConstraints: yes(o.overridePercentageConstraints),
    openClose: str(o.openClose),
    origin: int(o.origin ?? 0),
    shortSaleSlot: int(o.shortSaleSlot ?? 0),
    designatedLocation: str(o.designatedLocation),
    exemptCode: int(o.exemptCode ?? -1),
    deltaNeutralSettlingFirm: str(o.deltaNeutralSettlingFirm),
    deltaNeutralClearingAccount: str(o.deltaNeutralClearingAccount),
    deltaNeutralClearingIntent: str(o.deltaNeutralClearingIntent),
    // An int in the official class (default 0) although the field is a double.
    discretionaryAmt: int(o.discretionaryAmt ?? 0),
    optOutSmartRouting: yes(o.optOutSmartRouting),
    startingPrice: dbl(o.startingPrice),
    stockRefPrice: dbl(o.stockRefPrice),
    delta: dbl(o.delta),
    stockRangeLower: dbl(o.stockRangeLower),
    stockRangeUpper: dbl(o.stockRangeUpper),
    notHeld: yes(o.notHeld),
    orderMiscOptions: sortedMap(o.orderMiscOptions),
    solicited: yes(o.solicited),
    randomizeSize: yes(o.randomizeSize),
    randomizePrice: yes(o.randomizePrice),
    referenceContractId: int(o.referenceContractId ?? 0),
    peggedChangeAmount: dbl(o.peggedChangeAmount ?? 0),
    isPeggedChangeAmountDecrease: yes(o.isPeggedChangeAmountDecrease),
    referenceChangeAmount: dbl(o.referenceChangeAmount ?? 0),
    referenceExchangeId: str(o.referenceExchangeId),
    adjustedOrderType: str(o.adjustedOrderType),
    triggerPrice: dbl(o.triggerPrice),
    adjustedStopPrice: dbl(o.adjustedStopPrice),
    adjustedStopLimitPrice: dbl(o.adjustedStopLimitPrice),
    adjustedTrailingAmount: dbl(o.adjustedTrailingAmount),
    adjustableTrailingUnit: int(o.adjustableTrailingUnit ?? 0),
    lmtPriceOffset: dbl(o.lmtPriceOffset),
    conditions: o.conditions && o.conditions.length > 0 ? o.conditions.map(conditionToProto) : undefined,
    conditionsCancelOrder: yes(o.conditionsCancelOrder),
    conditionsIgnoreRth: yes(o.conditionsIgnoreRth),
    // API 10.50: only when true (refused below 226 before this is built).
    conditionsIncludeOvernight: yes(o.conditionsIncludeOvernight),
    modelCode: str(o.modelCode),
    extOperator: str(o.extOperator),
    softDollarTier: { name: str(tier?.name), value: str(tier?.value), displayName: str(tier?.displayName) },
    cashQty: dbl(o.cashQty),
    mifid2DecisionMaker: str(o.mifid2DecisionMaker),
    mifid2DecisionAlgo: str(o.mifid2DecisionAlgo),
    mifid2ExecutionTrader: str(o.mifid2ExecutionTrader),
    mifid2ExecutionAlgo: str(o.mifid2ExecutionAlgo),
    dontUseAutoPriceForHedge: yes(o.dontUseAutoPriceForHedge),
    isOmsContainer: yes(o.isOmsContainer),
    discretionaryUpToLimitPrice: yes(o.discretionaryUpToLimitPrice),
    usePriceMgmtAlgo: triState(o.usePriceMgmtAlgo),
    duration: int(o.duration),
    postToAts: int(o.postToAts),
    advancedErrorOverride: str(o.advancedErrorOverride),
    manualOrderTime: str(o.manualOrderTime),
    minTradeQty: int(o.minTradeQty),
    minCompeteSize: int(o.minCompeteSize),
    competeAgainstBestOffset: dbl(o.competeAgainstBestOffset),
    midOffsetAtWhole: dbl(o.midOffsetAtWhole),
    midOffsetAtHalf: dbl(o.midOffsetAtHalf),
    customerAccount: str(o.customerAccount),
    professionalCustomer: yes(o.professionalCustomer),
    bondAccruedInterest: str(o.bondAccruedInterest),
    includeOvernight: yes(o.includeOvernight),
    manualOrderIndicator: int(o.manualOrderIndicator),
    submitter: str(o.submitter),
    autoCancelParent: yes(o.autoCancelParent),
    imbalanceOnly: yes(o.imbalanceOnly),
    postOnly: yes(o.postOnly),
    allowPreOpen: yes(o.allowPreOpen),
    ignoreOpenAuction: yes(o.ignoreOpenAuction),
    deactivate: yes(o.deactivate),
    seekPriceImprovement: triState(o.seekPriceImprovement),
    whatIfType: int(o.whatIfType),
    routeMarketableToBbo: triState(o.routeMarketableToBbo),
  };
}

const tags = (m: { [key: string]: string } | undefined): TagValue[] | undefined =>
  m && Object.keys(m).length > 0 ? tagValueList(m) : undefined;
const flag = (n: number | undefined) => (n === undefined ? undefined : n !== 0);

/**
 * The order of a protobuf PLACE_ORDER as a host reads it: every field the message carries, then made canonical
 * (fields equal to the official default left out). Fields of the protobuf `Order` the model has but the
 * official builder never sets (orderId, autoCancelDate, ...) are read too when a client sends them.
 */
export function orderFromRequestProto(p: OrderProto | undefined): Order {
  if (!p) return {};
  const { algoParams, smartComboRoutingParams, orderMiscOptions, conditions, softDollarTier, ...plain } = p;
  const o = { ...plain } as Order & Record<string, unknown>;
  o.algoParams = tags(algoParams);
  o.smartComboRoutingParams = tags(smartComboRoutingParams);
  o.orderMiscOptions = tags(orderMiscOptions);
  o.conditions = conditions && conditions.length > 0 ? conditions.map(conditionFromProto) : undefined;
  if (softDollarTier) {
    o.softDollarTier = {
      name: softDollarTier.name ?? "",
      value: softDollarTier.value ?? "",
      displayName: softDollarTier.displayName ?? "",
    };
  }
  // The builder sends `transmit` only when true: absent is false here, not the model's default.
  o.transmit = p.transmit ?? false;
  o.usePriceMgmtAlgo = flag(p.usePriceMgmtAlgo);
  o.seekPriceImprovement = flag(p.seekPriceImprovement);
  o.routeMarketableToBbo = flag(p.routeMarketableToBbo);
  return canonicalOrder(o);
}
