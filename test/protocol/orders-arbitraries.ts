import fc from "fast-check";
import type { WireForm } from "../../src/protocol/messages/codec.js";
import type { PlaceOrderMessage } from "../../src/protocol/messages/orders/place-order.js";
import type { ComboLeg, Contract, TagValue } from "../../src/protocol/models/contract.js";
import type { Order } from "../../src/protocol/models/order.js";
import type { OrderCondition } from "../../src/protocol/models/order-condition.js";
import { ServerVersion as V } from "../../src/protocol/server-versions.js";

/**
 * Arbitraries for the order requests: random canonical values (only non-default fields) that a server version and
 * form can carry. A full random order is generated first, then `fitOrder` removes what the layout at that version
 * would not carry — which is the layout, restated as a filter.
 */

const text = fc.stringMatching(/^[A-Za-z0-9 .:/-]{1,8}$/);
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,5}$/);
const int = fc.integer({ min: -100000, max: 100000 });
const nonZero = int.filter((n) => n !== 0);
const yes = fc.constant(true);
const dbl = fc
  .double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })
  .map((x) => (Object.is(x, -0) ? 0 : x));
const nonZeroDbl = dbl.filter((x) => x !== 0);
const positive = fc.double({ noNaN: true, min: 0.0001, max: 1e6 });
const quantity = fc.oneof(
  fc.nat({ max: 1e9 }).map(String),
  fc.tuple(fc.nat({ max: 99999 }), fc.nat({ max: 9999 })).map(([a, b]) => `${a}.${String(b).padStart(4, "0")}`),
);
const tags = fc
  .uniqueArray(fc.record({ tag: word, value: word }), { selector: (t) => t.tag, minLength: 1, maxLength: 3 })
  .map((l) => l.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)));

export const conditionArb: fc.Arbitrary<OrderCondition> = fc.oneof(
  fc.record({
    condType: fc.constant(1 as const),
    isConjunctionConnection: fc.boolean(),
    isMore: fc.boolean(),
    price: positive,
    conId: nonZero,
    exchange: text,
    triggerMethod: fc.nat(8),
  }),
  fc.record({
    condType: fc.constant(3 as const),
    isConjunctionConnection: fc.boolean(),
    isMore: fc.boolean(),
    time: text,
  }),
  fc.record({
    condType: fc.constant(4 as const),
    isConjunctionConnection: fc.boolean(),
    isMore: fc.boolean(),
    percent: fc.nat(100),
  }),
  fc.record({
    condType: fc.constant(5 as const),
    isConjunctionConnection: fc.boolean(),
    secType: text,
    exchange: text,
    symbol: text,
  }),
  fc.record({
    condType: fc.constant(6 as const),
    isConjunctionConnection: fc.boolean(),
    isMore: fc.boolean(),
    volume: fc.nat(1e9),
    conId: nonZero,
    exchange: text,
  }),
  fc.record({
    condType: fc.constant(7 as const),
    isConjunctionConnection: fc.boolean(),
    isMore: fc.boolean(),
    changePercent: dbl,
    conId: nonZero,
    exchange: text,
  }),
);

const legArb: fc.Arbitrary<ComboLeg> = fc.record(
  {
    conId: nonZero,
    ratio: fc.integer({ min: 1, max: 10 }),
    action: fc.constantFrom("BUY", "SELL"),
    exchange: text,
    openClose: fc.integer({ min: 1, max: 3 }),
    shortSaleSlot: fc.integer({ min: 1, max: 2 }),
    designatedLocation: text,
    exemptCode: fc.integer({ min: 0, max: 99 }),
  },
  { requiredKeys: [] },
);

const contractArb: fc.Arbitrary<Contract> = fc
  .record(
    {
      conId: nonZero,
      symbol: text,
      secType: fc.constantFrom("STK", "OPT", "BAG"),
      lastTradeDateOrContractMonth: text,
      strike: dbl,
      right: fc.constantFrom("C", "P"),
      multiplier: fc.constantFrom("100", "1000", "5"),
      exchange: fc.constantFrom("SMART", "IBKRATS", "ARCA"),
      primaryExchange: text,
      currency: text,
      localSymbol: text,
      tradingClass: text,
      secIdType: text,
      secId: text,
      comboLegs: fc.array(legArb, { minLength: 1, maxLength: 3 }),
      deltaNeutralContract: fc.record({ conId: nonZero, delta: nonZeroDbl, price: nonZeroDbl }, { requiredKeys: [] }),
    },
    { requiredKeys: ["secType"] },
  )
  .map((c) => {
    if (c.secType !== "BAG") delete c.comboLegs;
    return c;
  });

const orderArb: fc.Arbitrary<Order> = fc.record(
  {
    orderId: nonZero,
    clientId: nonZero,
    permId: fc.bigInt({ min: 1n, max: 2n ** 62n }),
    action: fc.constantFrom("BUY", "SELL", "SSHORT"),
    totalQuantity: quantity,
    orderType: fc.constantFrom(
      "LMT",
      "MKT",
      "PEG BENCH",
      "PEGBENCH",
      "PEG BEST",
      "PEGBEST",
      "PEG MID",
      "PEGMID",
      "VOL",
    ),
    lmtPrice: dbl,
    auxPrice: dbl,
    tif: text,
    activeStartTime: text,
    activeStopTime: text,
    ocaGroup: text,
    ocaType: fc.integer({ min: 1, max: 3 }),
    orderRef: text,
    transmit: fc.constant(false),
    parentId: nonZero,
    blockOrder: yes,
    sweepToFill: yes,
    displaySize: nonZero,
    triggerMethod: fc.integer({ min: 1, max: 8 }),
    outsideRth: yes,
    hidden: yes,
    goodAfterTime: text,
    goodTillDate: text,
    rule80A: text,
    allOrNone: yes,
    minQty: int,
    percentOffset: dbl,
    overridePercentageConstraints: yes,
    trailStopPrice: dbl,
    trailingPercent: dbl,
    faGroup: text,
    faMethod: text,
    faPercentage: text,
    designatedLocation: text,
    openClose: text,
    origin: fc.constant(1),
    shortSaleSlot: fc.integer({ min: 1, max: 2 }),
    exemptCode: fc.nat(99),
    discretionaryAmt: nonZeroDbl,
    optOutSmartRouting: yes,
    auctionStrategy: fc.integer({ min: 1, max: 3 }),
    startingPrice: dbl,
    stockRefPrice: dbl,
    delta: dbl,
    stockRangeLower: dbl,
    stockRangeUpper: dbl,
    randomizePrice: yes,
    randomizeSize: yes,
    volatility: dbl,
    volatilityType: fc.integer({ min: 1, max: 2 }),
    deltaNeutralOrderType: text,
    deltaNeutralAuxPrice: dbl,
    deltaNeutralConId: nonZero,
    deltaNeutralSettlingFirm: text,
    deltaNeutralClearingAccount: text,
    deltaNeutralClearingIntent: text,
    deltaNeutralOpenClose: text,
    deltaNeutralShortSale: yes,
    deltaNeutralShortSaleSlot: fc.integer({ min: 1, max: 2 }),
    deltaNeutralDesignatedLocation: text,
    continuousUpdate: yes,
    referencePriceType: fc.integer({ min: 1, max: 2 }),
    basisPoints: dbl,
    basisPointsType: int,
    scaleInitLevelSize: int,
    scaleSubsLevelSize: int,
    scalePriceIncrement: fc.oneof(positive, fc.constant(0)),
    scalePriceAdjustValue: dbl,
    scalePriceAdjustInterval: int,
    scaleProfitOffset: dbl,
    scaleAutoReset: yes,
    scaleInitPosition: int,
    scaleInitFillQty: int,
    scaleRandomPercent: yes,
    scaleTable: text,
    hedgeType: fc.constantFrom("D", "B", "F", "P"),
    hedgeParam: text,
    hedgeMaxSize: int,
    account: text,
    settlingFirm: text,
    clearingAccount: text,
    clearingIntent: text,
    algoStrategy: text,
    algoParams: tags,
    smartComboRoutingParams: tags,
    algoId: text,
    whatIf: yes,
    notHeld: yes,
    solicited: yes,
    modelCode: text,
    orderMiscOptions: tags,
    referenceContractId: nonZero,
    peggedChangeAmount: nonZeroDbl,
    isPeggedChangeAmountDecrease: yes,
    referenceChangeAmount: nonZeroDbl,
    referenceExchangeId: text,
    adjustedOrderType: text,
    triggerPrice: dbl,
    adjustedStopPrice: dbl,
    adjustedStopLimitPrice: dbl,
    adjustedTrailingAmount: dbl,
    adjustableTrailingUnit: nonZero,
    lmtPriceOffset: dbl,
    conditions: fc.array(conditionArb, { minLength: 1, maxLength: 4 }),
    conditionsCancelOrder: yes,
    conditionsIgnoreRth: yes,
    conditionsIncludeOvernight: yes,
    extOperator: text,
    softDollarTier: fc.record({ name: text, value: text, displayName: text }),
    cashQty: dbl,
    mifid2DecisionMaker: text,
    mifid2DecisionAlgo: text,
    mifid2ExecutionTrader: text,
    mifid2ExecutionAlgo: text,
    dontUseAutoPriceForHedge: yes,
    isOmsContainer: yes,
    discretionaryUpToLimitPrice: yes,
    autoCancelDate: text,
    filledQuantity: quantity,
    refFuturesConId: nonZero,
    autoCancelParent: yes,
    shareholder: text,
    imbalanceOnly: yes,
    routeMarketableToBbo: fc.boolean(),
    parentPermId: fc.bigInt({ min: 1n, max: 2n ** 62n }),
    usePriceMgmtAlgo: fc.boolean(),
    duration: int,
    postToAts: int,
    advancedErrorOverride: text,
    manualOrderTime: text,
    minTradeQty: int,
    minCompeteSize: int,
    competeAgainstBestOffset: fc.oneof(dbl, fc.constant(Number.POSITIVE_INFINITY)),
    midOffsetAtWhole: dbl,
    midOffsetAtHalf: dbl,
    customerAccount: text,
    professionalCustomer: yes,
    bondAccruedInterest: text,
    includeOvernight: yes,
    manualOrderIndicator: fc.nat(1),
    submitter: text,
    postOnly: yes,
    allowPreOpen: yes,
    ignoreOpenAuction: yes,
    deactivate: yes,
    seekPriceImprovement: fc.boolean(),
    whatIfType: fc.nat(3),
    slOrderId: nonZero,
    slOrderType: text,
    ptOrderId: nonZero,
    ptOrderType: text,
    orderComboLegs: fc.array(fc.record({ price: dbl }, { requiredKeys: [] }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

/** Fields only the protobuf form carries (or no form: reply-only fields). */
const NOT_IN_TEXT: (keyof Order)[] = [
  "orderId",
  "clientId",
  "permId",
  "basisPoints",
  "basisPointsType",
  "hedgeMaxSize",
  "conditionsIncludeOvernight",
  "autoCancelDate",
  "filledQuantity",
  "refFuturesConId",
  "shareholder",
  "routeMarketableToBbo",
  "parentPermId",
  "bondAccruedInterest",
  "submitter",
  "postOnly",
  "allowPreOpen",
  "ignoreOpenAuction",
  "deactivate",
  "seekPriceImprovement",
  "whatIfType",
  "slOrderId",
  "slOrderType",
  "ptOrderId",
  "ptOrderType",
];
/** Fields the protobuf builder does not map. */
const NOT_IN_PROTO: (keyof Order)[] = [
  "orderId",
  "auctionStrategy",
  "basisPoints",
  "basisPointsType",
  "autoCancelDate",
  "filledQuantity",
  "refFuturesConId",
  "shareholder",
  "parentPermId",
];
/** Text fields and the version that introduced them. */
const TEXT_GATES: [number, (keyof Order)[]][] = [
  [
    V.PEGGED_TO_BENCHMARK,
    [
      "conditions",
      "adjustedOrderType",
      "triggerPrice",
      "lmtPriceOffset",
      "adjustedStopPrice",
      "adjustedStopLimitPrice",
      "adjustedTrailingAmount",
      "adjustableTrailingUnit",
      "referenceContractId",
      "isPeggedChangeAmountDecrease",
      "peggedChangeAmount",
      "referenceChangeAmount",
      "referenceExchangeId",
    ],
  ],
  [V.MODELS_SUPPORT, ["modelCode"]],
  [V.EXT_OPERATOR, ["extOperator"]],
  [V.SOFT_DOLLAR_TIER, ["softDollarTier"]],
  [V.DECISION_MAKER, ["mifid2DecisionMaker", "mifid2DecisionAlgo"]],
  [V.MIFID_EXECUTION, ["mifid2ExecutionTrader", "mifid2ExecutionAlgo"]],
  [V.AUTO_PRICE_FOR_HEDGE, ["dontUseAutoPriceForHedge"]],
  [V.ORDER_CONTAINER, ["isOmsContainer"]],
  [V.D_PEG_ORDERS, ["discretionaryUpToLimitPrice"]],
  [V.PRICE_MGMT_ALGO, ["usePriceMgmtAlgo"]],
  [V.DURATION, ["duration"]],
  [V.POST_TO_ATS, ["postToAts"]],
  [V.AUTO_CANCEL_PARENT, ["autoCancelParent"]],
  [V.ADVANCED_ORDER_REJECT, ["advancedErrorOverride"]],
  [V.MANUAL_ORDER_TIME, ["manualOrderTime"]],
  [
    V.PEGBEST_PEGMID_OFFSETS,
    ["minTradeQty", "minCompeteSize", "competeAgainstBestOffset", "midOffsetAtWhole", "midOffsetAtHalf"],
  ],
  [V.CUSTOMER_ACCOUNT, ["customerAccount"]],
  [V.PROFESSIONAL_CUSTOMER, ["professionalCustomer"]],
  [V.INCLUDE_OVERNIGHT, ["includeOvernight"]],
  [V.CME_TAGGING_FIELDS, ["manualOrderIndicator"]],
  [V.IMBALANCE_ONLY, ["imbalanceOnly"]],
];
const PROTO_GATES: [number, (keyof Order)[]][] = [
  [V.ADDITIONAL_ORDER_PARAMS_1, ["deactivate", "postOnly", "allowPreOpen", "ignoreOpenAuction"]],
  [V.ADDITIONAL_ORDER_PARAMS_2, ["routeMarketableToBbo", "seekPriceImprovement", "whatIfType"]],
  [V.ATTACHED_ORDERS, ["slOrderId", "slOrderType", "ptOrderId", "ptOrderType"]],
  [V.HEDGE_MAX_SIZE, ["hedgeMaxSize"]],
  [V.UNIFIED_VERSION_COND_ORDER_WITH_OVERNIGHT_PARAM, ["conditionsIncludeOvernight"]],
];

const isBench = (t?: string) => t === "PEG BENCH" || t === "PEGBENCH";
const isBest = (t?: string) => t === "PEG BEST" || t === "PEGBEST";
const isMid = (t?: string) => t === "PEG MID" || t === "PEGMID";

function drop(o: Order, keys: (keyof Order)[]): void {
  for (const k of keys) delete o[k];
}

/** Removes from a random order what the layout at `sv` in `form` does not carry back. */
export function fitOrder(o: Order, c: Contract, sv: number, form: WireForm): Order {
  if (form === "protobuf") {
    drop(o, NOT_IN_PROTO);
    for (const [min, keys] of PROTO_GATES) if (sv < min) drop(o, keys);
    const legs = c.comboLegs?.length ?? 0;
    const prices = (o.orderComboLegs ?? []).slice(0, legs);
    while (prices.length < legs) prices.push({});
    if (prices.some((p) => p.price !== undefined)) o.orderComboLegs = prices;
    else delete o.orderComboLegs;
    return o;
  }
  drop(o, NOT_IN_TEXT);
  for (const [min, keys] of TEXT_GATES) if (sv < min) drop(o, keys);
  if (sv < V.CASH_QTY) o.cashQty = 0;
  if (sv < V.FRACTIONAL_POSITIONS && o.totalQuantity?.includes(".")) delete o.totalQuantity;
  if (o.softDollarTier) o.softDollarTier.displayName = "";
  if (!o.deltaNeutralOrderType) {
    drop(o, [
      "deltaNeutralConId",
      "deltaNeutralSettlingFirm",
      "deltaNeutralClearingAccount",
      "deltaNeutralClearingIntent",
      "deltaNeutralOpenClose",
      "deltaNeutralShortSale",
      "deltaNeutralShortSaleSlot",
      "deltaNeutralDesignatedLocation",
    ]);
  }
  if (!o.hedgeType) delete o.hedgeParam;
  if (!o.algoStrategy) delete o.algoParams;
  if (!(o.scalePriceIncrement && o.scalePriceIncrement > 0)) {
    drop(o, [
      "scalePriceAdjustValue",
      "scalePriceAdjustInterval",
      "scaleProfitOffset",
      "scaleAutoReset",
      "scaleInitPosition",
      "scaleInitFillQty",
      "scaleRandomPercent",
    ]);
  }
  if (!isBench(o.orderType)) {
    drop(o, [
      "referenceContractId",
      "isPeggedChangeAmountDecrease",
      "peggedChangeAmount",
      "referenceChangeAmount",
      "referenceExchangeId",
    ]);
  }
  if (c.exchange !== "IBKRATS") delete o.minTradeQty;
  if (!isBest(o.orderType)) drop(o, ["minCompeteSize", "competeAgainstBestOffset"]);
  const mid = isMid(o.orderType) || (isBest(o.orderType) && o.competeAgainstBestOffset === Number.POSITIVE_INFINITY);
  if (!mid) drop(o, ["midOffsetAtWhole", "midOffsetAtHalf"]);
  if (!o.conditions) drop(o, ["conditionsIgnoreRth", "conditionsCancelOrder"]);
  if (c.secType !== "BAG") drop(o, ["orderComboLegs", "smartComboRoutingParams"]);
  else if (o.orderComboLegs?.length === 0) delete o.orderComboLegs;
  return o;
}

/** Random PLACE_ORDER values the version and form carry. */
export function placeOrderArb(sv: number, form: WireForm): fc.Arbitrary<PlaceOrderMessage> {
  return fc
    .record({ orderId: int, contract: contractArb, order: orderArb })
    .map((m) => ({ ...m, order: fitOrder(m.order, m.contract, sv, form) }));
}

/** A contract for EXERCISE_OPTIONS, whose text form has no primaryExchange, secIdType, secId or legs. */
export function exerciseContractArb(form: WireForm): fc.Arbitrary<Contract> {
  return contractArb.map((c) => {
    delete c.comboLegs;
    delete c.deltaNeutralContract;
    if (form === "text") {
      delete c.primaryExchange;
      delete c.secIdType;
      delete c.secId;
    }
    return c;
  });
}

export const words = { text, int, nonZero };
export type { TagValue };
