import fc from "fast-check";
import { describe, it } from "vitest";
import type { WireForm } from "../../src/protocol/messages/codec.js";
import { completedOrder } from "../../src/protocol/messages/order-replies/completed-order.js";
import { completedOrdersEnd, openOrderEnd } from "../../src/protocol/messages/order-replies/ends.js";
import { openOrder } from "../../src/protocol/messages/order-replies/open-order.js";
import { orderBound } from "../../src/protocol/messages/order-replies/order-bound.js";
import { marginText } from "../../src/protocol/messages/order-replies/order-proto.js";
import { orderStatus } from "../../src/protocol/messages/order-replies/order-status.js";
import type { ComboLeg, Contract } from "../../src/protocol/models/contract.js";
import type { Order } from "../../src/protocol/models/order.js";
import type { OrderCondition } from "../../src/protocol/models/order-condition.js";
import type { OrderState } from "../../src/protocol/models/order-state.js";
import { ServerVersion as SV } from "../../src/protocol/server-versions.js";
import { UNSET_DOUBLE, UNSET_INTEGER, UNSET_LONG } from "../../src/protocol/values.js";
import { checkRoundTrip } from "../harness/roundtrip.js";

/**
 * Property round trips of the order replies. Text values are canonical (what a text reply reads back: official
 * defaults absent, only the fields the layout carries at that server version, TWS's version 34 below 145);
 * protobuf values are any subset of the fields, as the wire has them.
 */

/** Reply text: any Unicode but NUL. */
const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }).filter((s) => !s.includes("\0"));
/** Condition text is written with the request-side ASCII check. */
const ascii = fc.string({ unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)), maxLength: 8 });
const int = fc.integer({ min: -2147483648, max: 2147483646 });
const nonZero = int.filter((n) => n !== 0);
const double = fc.double({ noNaN: true }).filter((x) => x !== UNSET_DOUBLE && !Object.is(x, -0));
const finite = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter((x) => x !== UNSET_DOUBLE && !Object.is(x, -0));
const nonZeroDouble = finite.filter((x) => x !== 0);
const long = fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }).filter((n) => n !== 0n && n !== UNSET_LONG);
const decimal = fc.oneof(fc.constantFrom("0.0001", "100", "12.5", "1E+2"), fc.nat(99999).map(String));
/** Tags that stay in order in a protobuf map (no integer-like keys, which JS objects move first). */
const tagValues = fc.uniqueArray(fc.record({ tag: fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}$/), value: text }), {
  minLength: 1,
  maxLength: 3,
  selector: (t) => t.tag,
});
const yes = fc.constant(true);

/** Keeps the keys of `value` for which `keep` holds. */
function only<T extends object>(value: T, keep: (key: string) => boolean): T {
  const out = { ...value } as Record<string, unknown>;
  for (const k of Object.keys(out)) if (!keep(k)) delete out[k];
  return out as T;
}

// ---- text

const textConditions: fc.Arbitrary<OrderCondition[]> = fc.array(
  fc.oneof(
    fc.record({
      condType: fc.constant(1 as const),
      isConjunctionConnection: fc.boolean(),
      isMore: fc.boolean(),
      price: finite,
      conId: int,
      exchange: ascii,
      triggerMethod: int,
    }),
    fc.record({
      condType: fc.constant(3 as const),
      isConjunctionConnection: fc.boolean(),
      isMore: fc.boolean(),
      time: ascii,
    }),
    fc.record({
      condType: fc.constant(4 as const),
      isConjunctionConnection: fc.boolean(),
      isMore: fc.boolean(),
      percent: int,
    }),
    fc.record({
      condType: fc.constant(5 as const),
      isConjunctionConnection: fc.boolean(),
      secType: ascii,
      exchange: ascii,
      symbol: ascii,
    }),
    fc.record({
      condType: fc.constant(6 as const),
      isConjunctionConnection: fc.boolean(),
      isMore: fc.boolean(),
      volume: int,
      conId: int,
      exchange: ascii,
    }),
    fc.record({
      condType: fc.constant(7 as const),
      isConjunctionConnection: fc.boolean(),
      isMore: fc.boolean(),
      changePercent: finite,
      conId: int,
      exchange: ascii,
    }),
  ),
  { minLength: 1, maxLength: 3 },
);

const textLeg: fc.Arbitrary<ComboLeg> = fc.record(
  {
    conId: nonZero,
    ratio: nonZero,
    action: text,
    exchange: text,
    openClose: nonZero,
    shortSaleSlot: nonZero,
    designatedLocation: text,
    exemptCode: int.filter((n) => n !== -1),
  },
  { requiredKeys: [] },
);

const textContract = fc.record(
  {
    conId: nonZero,
    symbol: text,
    secType: text,
    lastTradeDateOrContractMonth: text,
    strike: double,
    right: text,
    multiplier: text,
    exchange: text,
    currency: text,
    localSymbol: text,
    tradingClass: text,
    comboLegsDescrip: text,
    comboLegs: fc.array(textLeg, { minLength: 1, maxLength: 2 }),
    deltaNeutralContract: fc.record(
      { conId: nonZero, delta: nonZeroDouble, price: nonZeroDouble },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** Arbitraries for groups of space-separated field names. */
function group<A>(arb: fc.Arbitrary<A>, names: string): Record<string, fc.Arbitrary<A>> {
  return Object.fromEntries(names.split(" ").map((n) => [n, arb]));
}

/** Every order field some text layout carries, in canonical form (no official default). */
const textOrderFields = {
  ...group(
    text,
    "action tif ocaGroup account openClose orderRef goodAfterTime faGroup faMethod faPercentage " +
      "modelCode goodTillDate rule80A settlingFirm designatedLocation deltaNeutralOrderType " +
      "deltaNeutralSettlingFirm deltaNeutralClearingAccount deltaNeutralClearingIntent deltaNeutralOpenClose " +
      "deltaNeutralDesignatedLocation hedgeType hedgeParam clearingAccount clearingIntent algoStrategy " +
      "referenceExchangeId adjustedOrderType customerAccount bondAccruedInterest extOperator submitter " +
      "autoCancelDate shareholder",
  ),
  ...group(
    nonZero,
    "origin clientId shortSaleSlot auctionStrategy ocaType parentId triggerMethod " +
      "deltaNeutralConId deltaNeutralShortSaleSlot referenceContractId adjustableTrailingUnit refFuturesConId",
  ),
  ...group(
    int,
    "minQty volatilityType referencePriceType basisPointsType scaleInitLevelSize scaleSubsLevelSize " +
      "scalePriceAdjustInterval scaleInitPosition scaleInitFillQty duration postToAts minTradeQty minCompeteSize " +
      "manualOrderIndicator",
  ),
  ...group(
    double,
    "lmtPrice auxPrice percentOffset startingPrice stockRefPrice delta stockRangeLower " +
      "stockRangeUpper volatility deltaNeutralAuxPrice trailStopPrice trailingPercent basisPoints " +
      "scalePriceIncrement scalePriceAdjustValue scaleProfitOffset triggerPrice lmtPriceOffset adjustedStopPrice " +
      "adjustedStopLimitPrice adjustedTrailingAmount cashQty competeAgainstBestOffset midOffsetAtWhole " +
      "midOffsetAtHalf",
  ),
  ...group(nonZeroDouble, "discretionaryAmt peggedChangeAmount referenceChangeAmount"),
  ...group(
    yes,
    "outsideRth hidden blockOrder sweepToFill allOrNone deltaNeutralShortSale continuousUpdate " +
      "scaleAutoReset scaleRandomPercent optOutSmartRouting notHeld solicited whatIf randomizeSize randomizePrice " +
      "isPeggedChangeAmountDecrease conditionsIgnoreRth conditionsCancelOrder dontUseAutoPriceForHedge " +
      "isOmsContainer discretionaryUpToLimitPrice autoCancelParent professionalCustomer includeOvernight " +
      "imbalanceOnly",
  ),
  ...group(fc.boolean(), "usePriceMgmtAlgo routeMarketableToBbo"),
  ...group(long, "permId parentPermId"),
  ...group(decimal, "totalQuantity filledQuantity"),
  ...group(tagValues, "smartComboRoutingParams algoParams"),
  orderType: fc.constantFrom("LMT", "PEG BENCH", "PEGBENCH", "VOL"),
  exemptCode: int.filter((n) => n !== -1),
  displaySize: fc.oneof(nonZero, fc.constant(UNSET_INTEGER)),
  orderComboLegs: fc.array(fc.record({ price: double }, { requiredKeys: [] }), { minLength: 1, maxLength: 2 }),
  conditions: textConditions,
  softDollarTier: fc.record({ name: text, value: text, displayName: text }),
};

/** The server version from which each text field is there (OPEN_ORDER; at 34 every version gate passes). */
const SINCE: Record<string, number> = {
  modelCode: SV.MODELS_SUPPORT,
  referenceContractId: SV.PEGGED_TO_BENCHMARK,
  isPeggedChangeAmountDecrease: SV.PEGGED_TO_BENCHMARK,
  peggedChangeAmount: SV.PEGGED_TO_BENCHMARK,
  referenceChangeAmount: SV.PEGGED_TO_BENCHMARK,
  referenceExchangeId: SV.PEGGED_TO_BENCHMARK,
  conditions: SV.PEGGED_TO_BENCHMARK,
  adjustedOrderType: SV.PEGGED_TO_BENCHMARK,
  triggerPrice: SV.PEGGED_TO_BENCHMARK,
  lmtPriceOffset: SV.PEGGED_TO_BENCHMARK,
  adjustedStopPrice: SV.PEGGED_TO_BENCHMARK,
  adjustedStopLimitPrice: SV.PEGGED_TO_BENCHMARK,
  adjustedTrailingAmount: SV.PEGGED_TO_BENCHMARK,
  adjustableTrailingUnit: SV.PEGGED_TO_BENCHMARK,
  softDollarTier: SV.SOFT_DOLLAR_TIER,
  cashQty: SV.CASH_QTY,
  dontUseAutoPriceForHedge: SV.AUTO_PRICE_FOR_HEDGE,
  isOmsContainer: SV.ORDER_CONTAINER,
  discretionaryUpToLimitPrice: SV.D_PEG_ORDERS,
  usePriceMgmtAlgo: SV.PRICE_MGMT_ALGO,
  duration: SV.DURATION,
  postToAts: SV.POST_TO_ATS,
  autoCancelParent: SV.AUTO_CANCEL_PARENT,
  minTradeQty: SV.PEGBEST_PEGMID_OFFSETS,
  minCompeteSize: SV.PEGBEST_PEGMID_OFFSETS,
  competeAgainstBestOffset: SV.PEGBEST_PEGMID_OFFSETS,
  midOffsetAtWhole: SV.PEGBEST_PEGMID_OFFSETS,
  midOffsetAtHalf: SV.PEGBEST_PEGMID_OFFSETS,
  customerAccount: SV.CUSTOMER_ACCOUNT,
  professionalCustomer: SV.PROFESSIONAL_CUSTOMER,
  bondAccruedInterest: SV.BOND_ACCRUED_INTEREST,
  includeOvernight: SV.INCLUDE_OVERNIGHT,
  extOperator: SV.CME_TAGGING_FIELDS_IN_OPEN_ORDER,
  manualOrderIndicator: SV.CME_TAGGING_FIELDS_IN_OPEN_ORDER,
  submitter: SV.SUBMITTER,
  imbalanceOnly: SV.IMBALANCE_ONLY,
};
const OPEN_ONLY = new Set([
  "clientId",
  "auctionStrategy",
  "blockOrder",
  "parentId",
  "basisPoints",
  "basisPointsType",
  "optOutSmartRouting",
  "whatIf",
  "adjustedOrderType",
  "triggerPrice",
  "adjustedStopPrice",
  "adjustedStopLimitPrice",
  "adjustedTrailingAmount",
  "adjustableTrailingUnit",
  "softDollarTier",
  "discretionaryUpToLimitPrice",
  "usePriceMgmtAlgo",
  "duration",
  "postToAts",
  "bondAccruedInterest",
  "includeOvernight",
  "extOperator",
  "manualOrderIndicator",
  "deltaNeutralSettlingFirm",
  "deltaNeutralClearingAccount",
  "deltaNeutralClearingIntent",
  "deltaNeutralOpenClose",
]);
const COMPLETED_ONLY = new Set([
  "autoCancelDate",
  "filledQuantity",
  "refFuturesConId",
  "shareholder",
  "routeMarketableToBbo",
  "parentPermId",
]);
/** Completed orders carry these at any version. */
const COMPLETED_ALWAYS = new Set(["autoCancelParent", "imbalanceOnly", "lmtPriceOffset"]);

/** The order fields a text layout carries at `sv`, and only where what was read before lets them be. */
function fitTextOrder(o: Order, sv: number, open: boolean): Order {
  const out = only(o, (k) => {
    if (open ? COMPLETED_ONLY.has(k) : OPEN_ONLY.has(k)) return false;
    if (!open && COMPLETED_ALWAYS.has(k)) return true;
    return sv >= (SINCE[k] ?? 0);
  });
  const inc = out.scalePriceIncrement;
  if (inc === undefined || !(inc > 0)) {
    for (const k of [
      "scalePriceAdjustValue",
      "scalePriceAdjustInterval",
      "scaleProfitOffset",
      "scaleAutoReset",
      "scaleInitPosition",
      "scaleInitFillQty",
      "scaleRandomPercent",
    ] as const)
      delete out[k];
  }
  if (!out.deltaNeutralOrderType) {
    for (const k of Object.keys(out)) {
      if (k.startsWith("deltaNeutral") && k !== "deltaNeutralAuxPrice") delete out[k as keyof Order];
    }
  }
  if (!out.hedgeType) delete out.hedgeParam;
  if (!out.algoStrategy) delete out.algoParams;
  if (out.orderType !== "PEG BENCH" && out.orderType !== "PEGBENCH") {
    for (const k of [
      "referenceContractId",
      "isPeggedChangeAmountDecrease",
      "peggedChangeAmount",
      "referenceChangeAmount",
      "referenceExchangeId",
    ] as const)
      delete out[k];
  }
  if (!out.conditions) {
    delete out.conditionsIgnoreRth;
    delete out.conditionsCancelOrder;
  }
  // Text tri-states are always set; below their version they are not there at all.
  if (open && sv >= SV.PRICE_MGMT_ALGO) out.usePriceMgmtAlgo ??= false;
  if (!open) out.routeMarketableToBbo ??= false;
  return out;
}

const textState = (sv: number, open: boolean): fc.Arbitrary<OrderState> =>
  fc
    .record(
      {
        status: text,
        initMarginBefore: text,
        maintMarginBefore: text,
        equityWithLoanBefore: text,
        initMarginChange: text,
        maintMarginChange: text,
        equityWithLoanChange: text,
        initMarginAfter: text,
        maintMarginAfter: text,
        equityWithLoanAfter: text,
        commissionAndFees: double,
        minCommissionAndFees: double,
        maxCommissionAndFees: double,
        commissionAndFeesCurrency: text,
        marginCurrency: text,
        initMarginBeforeOutsideRTH: double,
        equityWithLoanAfterOutsideRTH: double,
        suggestedSize: decimal,
        rejectReason: text,
        warningText: text,
        completedTime: text,
        completedStatus: text,
        orderAllocations: fc.array(
          fc.record(
            {
              account: text,
              position: decimal,
              positionDesired: decimal,
              positionAfter: decimal,
              desiredAllocQty: decimal,
              allowedAllocQty: decimal,
              isMonetary: yes,
            },
            { requiredKeys: [] },
          ),
          { minLength: 1, maxLength: 2 },
        ),
      },
      { requiredKeys: [] },
    )
    .map((s) =>
      only(s, (k) => {
        if (k === "status") return true;
        if (!open) return k === "completedTime" || k === "completedStatus";
        if (k === "completedTime" || k === "completedStatus") return false;
        if (
          [
            "initMarginBefore",
            "maintMarginBefore",
            "equityWithLoanBefore",
            "initMarginChange",
            "maintMarginChange",
            "equityWithLoanChange",
          ].includes(k)
        )
          return sv >= SV.WHAT_IF_EXT_FIELDS;
        if (
          [
            "marginCurrency",
            "initMarginBeforeOutsideRTH",
            "equityWithLoanAfterOutsideRTH",
            "suggestedSize",
            "rejectReason",
            "orderAllocations",
          ].includes(k)
        )
          return sv >= SV.FULL_ORDER_PREVIEW_FIELDS;
        return true;
      }),
    );

const textParts = (sv: number, open: boolean) =>
  fc.record({
    contract: textContract,
    order: fc.record(textOrderFields, { requiredKeys: [] }).map((o) => fitTextOrder(o as Order, sv, open)),
    orderState: textState(sv, open),
  });

// ---- protobuf: any subset of the fields, as the wire has them

const pbText = fc.string({ maxLength: 6 });
const pbDouble = fc.double({ noNaN: true }).filter((x) => !Object.is(x, -0));
const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });

const protoLeg = fc.record(
  {
    conId: int,
    ratio: int,
    action: pbText,
    exchange: pbText,
    openClose: int,
    shortSaleSlot: int,
    designatedLocation: pbText,
    exemptCode: int,
  },
  { requiredKeys: [] },
);
const protoContract: fc.Arbitrary<Contract> = fc.record(
  {
    ...group(
      pbText,
      "symbol secType lastTradeDateOrContractMonth lastTradeDate right exchange primaryExchange " +
        "currency localSymbol tradingClass secIdType secId description issuerId comboLegsDescrip",
    ),
    conId: int,
    strike: pbDouble,
    multiplier: fc.integer({ min: 1, max: 10000 }).map(String),
    includeExpired: fc.boolean(),
    comboLegs: fc.array(protoLeg, { minLength: 1, maxLength: 2 }),
    deltaNeutralContract: fc.record({ conId: int, delta: pbDouble, price: pbDouble }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const protoConditions: fc.Arbitrary<OrderCondition[]> = fc.array(
  fc.oneof(
    fc.record(
      {
        condType: fc.constant(1 as const),
        isConjunctionConnection: fc.boolean(),
        isMore: fc.boolean(),
        price: pbDouble,
        conId: int,
        exchange: pbText,
        triggerMethod: int,
      },
      { requiredKeys: ["condType"] },
    ),
    fc.record(
      { condType: fc.constant(3 as const), isMore: fc.boolean(), time: pbText },
      { requiredKeys: ["condType"] },
    ),
    fc.record(
      { condType: fc.constant(4 as const), isMore: fc.boolean(), percent: int },
      { requiredKeys: ["condType"] },
    ),
    fc.record(
      { condType: fc.constant(5 as const), secType: pbText, exchange: pbText, symbol: pbText },
      { requiredKeys: ["condType"] },
    ),
    fc.record(
      { condType: fc.constant(6 as const), isMore: fc.boolean(), volume: int, conId: int },
      { requiredKeys: ["condType"] },
    ),
    fc.record(
      { condType: fc.constant(7 as const), changePercent: pbDouble, exchange: pbText },
      { requiredKeys: ["condType"] },
    ),
  ),
  { minLength: 1, maxLength: 3 },
);

const protoOrder: fc.Arbitrary<Order> = fc.record(
  {
    ...group(
      pbText,
      "action orderType tif account settlingFirm clearingAccount clearingIntent goodAfterTime " +
        "goodTillDate ocaGroup orderRef rule80A activeStartTime activeStopTime faGroup faMethod " +
        "faPercentage deltaNeutralOrderType deltaNeutralOpenClose deltaNeutralDesignatedLocation " +
        "scaleTable hedgeType hedgeParam algoStrategy algoId openClose designatedLocation " +
        "deltaNeutralSettlingFirm deltaNeutralClearingAccount deltaNeutralClearingIntent " +
        "referenceExchangeId adjustedOrderType modelCode extOperator mifid2DecisionMaker " +
        "mifid2ExecutionAlgo autoCancelDate shareholder advancedErrorOverride manualOrderTime " +
        "customerAccount bondAccruedInterest submitter",
    ),
    ...group(
      int,
      "clientId orderId parentId displaySize minQty ocaType triggerMethod volatilityType " +
        "referencePriceType deltaNeutralConId deltaNeutralShortSaleSlot scaleInitLevelSize " +
        "scaleSubsLevelSize scalePriceAdjustInterval scaleInitPosition scaleInitFillQty origin " +
        "shortSaleSlot exemptCode referenceContractId adjustableTrailingUnit refFuturesConId " +
        "duration postToAts minTradeQty minCompeteSize manualOrderIndicator whatIfType hedgeMaxSize",
    ),
    ...group(
      pbDouble,
      "lmtPrice auxPrice percentOffset trailingPercent trailStopPrice volatility " +
        "deltaNeutralAuxPrice scalePriceIncrement scalePriceAdjustValue scaleProfitOffset " +
        "discretionaryAmt startingPrice stockRefPrice delta stockRangeLower stockRangeUpper " +
        "peggedChangeAmount referenceChangeAmount triggerPrice adjustedStopPrice " +
        "adjustedStopLimitPrice adjustedTrailingAmount lmtPriceOffset cashQty " +
        "competeAgainstBestOffset midOffsetAtWhole midOffsetAtHalf",
    ),
    ...group(
      fc.boolean(),
      "allOrNone blockOrder hidden outsideRth sweepToFill continuousUpdate deltaNeutralShortSale " +
        "scaleAutoReset scaleRandomPercent whatIf transmit overridePercentageConstraints " +
        "optOutSmartRouting notHeld solicited randomizeSize randomizePrice " +
        "isPeggedChangeAmountDecrease conditionsCancelOrder conditionsIgnoreRth " +
        "dontUseAutoPriceForHedge isOmsContainer discretionaryUpToLimitPrice autoCancelParent " +
        "imbalanceOnly professionalCustomer includeOvernight deactivate postOnly allowPreOpen " +
        "ignoreOpenAuction conditionsIncludeOvernight usePriceMgmtAlgo routeMarketableToBbo " +
        "seekPriceImprovement",
    ),
    permId: int64,
    parentPermId: int64,
    totalQuantity: decimal,
    filledQuantity: decimal,
    algoParams: tagValues,
    smartComboRoutingParams: tagValues,
    orderMiscOptions: tagValues,
    conditions: protoConditions,
    softDollarTier: fc.record({ name: pbText, value: pbText, displayName: pbText }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Order>;

const protoState: fc.Arbitrary<OrderState> = fc.record(
  {
    ...group(
      pbText,
      "status commissionAndFeesCurrency marginCurrency rejectReason warningText completedTime completedStatus",
    ),
    ...group(
      pbDouble.map(marginText),
      "initMarginBefore maintMarginBefore equityWithLoanBefore initMarginChange maintMarginChange " +
        "equityWithLoanChange initMarginAfter maintMarginAfter equityWithLoanAfter",
    ),
    ...group(
      pbDouble,
      "commissionAndFees minCommissionAndFees maxCommissionAndFees initMarginBeforeOutsideRTH " +
        "maintMarginBeforeOutsideRTH equityWithLoanBeforeOutsideRTH initMarginChangeOutsideRTH " +
        "maintMarginChangeOutsideRTH equityWithLoanChangeOutsideRTH initMarginAfterOutsideRTH " +
        "maintMarginAfterOutsideRTH equityWithLoanAfterOutsideRTH",
    ),
    suggestedSize: decimal,
    orderAllocations: fc.array(
      fc.record(
        {
          account: pbText,
          position: decimal,
          positionDesired: decimal,
          positionAfter: decimal,
          desiredAllocQty: decimal,
          allowedAllocQty: decimal,
          isMonetary: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      { minLength: 1, maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);

/** The parts of a protobuf reply; the order has one price entry per contract leg, as the legs carry them. */
const protoParts = fc
  .record({
    contract: fc.option(protoContract, { nil: undefined }),
    order: protoOrder,
    prices: fc.array(fc.option(pbDouble, { nil: undefined }), { minLength: 2, maxLength: 2 }),
    orderState: fc.option(protoState, { nil: undefined }),
  })
  .map(({ contract, order, prices, orderState }) => {
    const legs = contract?.comboLegs ?? [];
    const o: Order = { ...order };
    if (legs.length > 0) o.orderComboLegs = legs.map((_, i) => (prices[i] === undefined ? {} : { price: prices[i] }));
    return { contract, order: o, orderState };
  });

const parts = (sv: number, form: WireForm, open: boolean) => (form === "text" ? textParts(sv, open) : protoParts);

describe("order replies round trips", () => {
  it("OPEN_ORDER", () => {
    checkRoundTrip(
      openOrder,
      (sv, form) =>
        fc
          .record({ orderId: form === "text" ? int : fc.option(int, { nil: undefined }), p: parts(sv, form, true) })
          .map(({ orderId, p }) =>
            form === "text" && sv < SV.ORDER_CONTAINER ? { version: 34, orderId, ...p } : { orderId, ...p },
          ),
      { numRuns: 60 },
    );
  });

  it("COMPLETED_ORDER", () => {
    checkRoundTrip(completedOrder, (sv, form) => parts(sv, form, false), { numRuns: 60 });
  });

  it("ORDER_STATUS", () => {
    const opt = <A>(a: fc.Arbitrary<A>) => fc.option(a, { nil: undefined });
    checkRoundTrip(orderStatus, (sv, form) => {
      const str = form === "text" ? fc.string({ maxLength: 8 }).filter((s) => !s.includes("\0")) : opt(pbText);
      return fc
        .record({
          orderId: opt(int),
          status: str,
          filled: opt(decimal),
          remaining: opt(decimal),
          avgFillPrice: opt(double),
          permId: opt(long),
          parentId: opt(int),
          lastFillPrice: opt(double),
          clientId: opt(int),
          whyHeld: str,
          mktCapPrice: opt(double),
        })
        .map((m) => (form === "text" && sv < SV.MARKET_CAP_PRICE ? { ...m, mktCapPrice: undefined } : m));
    });
  });

  it("ORDER_BOUND", () => {
    const opt = <A>(a: fc.Arbitrary<A>) => fc.option(a, { nil: undefined });
    checkRoundTrip(orderBound, () => fc.record({ permId: opt(long), clientId: opt(int), orderId: opt(int) }));
  });

  it("OPEN_ORDER_END and COMPLETED_ORDERS_END", () => {
    checkRoundTrip(openOrderEnd, () => fc.constant({}));
    checkRoundTrip(completedOrdersEnd, () => fc.constant({}));
  });
});
