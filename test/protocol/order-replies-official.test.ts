import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage, specByName, specRegistry } from "../../src/protocol/messages/index.js";
import { UNSET_DECIMAL_TEXT, UNSET_DOUBLE, UNSET_INTEGER, UNSET_LONG } from "../../src/protocol/values.js";
import { notationToPayload } from "../harness/notation.js";
import { readRecording, sharedPath } from "../harness/shared.js";
import { officialRenderVectors, vectors } from "../vectors/order-replies.js";

/**
 * The order replies against the official client, rendered the way the official-client harness renders them:
 * every attribute of a Contract, Order, OrderState (and their parts) that differs from a fresh instance of the
 * official class. The shared renderer (test/harness/render.ts) approximates "differs from a fresh instance" by
 * "is not 0, false or empty", which cannot show an order's strike 0.0, auxPrice 0.0 or volatilityType 0, nor hide
 * a condition's type: so it cannot check OPEN_ORDER. This renderer knows the official defaults of each class the
 * order callbacks hand over (the tables below, as order.py, contract.py, order_state.py,
 * order_condition.py, tag_value.py and softdollartier.py set them), and checks:
 * - every vector of test/vectors/order-replies.ts (decoded callbacks; `hand:` frames and protobuf bodies
 *   re-encode to their bytes);
 * - every recorded gw1040 frame of the family (callbacks, and re-encoding to the recorded bytes).
 */

const UNSET = Symbol("unset");
/** An attribute whose class default has no equality (SoftDollarTier): always shown. */
const ALWAYS = Symbol("always shown");
type Defaults = Record<string, unknown>;

/** A defaults table from groups of space-separated attribute names that share a default. */
function table(...groups: [unknown, string][]): Defaults {
  return Object.fromEntries(groups.flatMap(([d, names]) => names.split(" ").map((n) => [n, d])));
}

const ORDER = table(
  [ALWAYS, "softDollarTier"],
  [
    0,
    "orderId clientId permId ocaType parentId displaySize triggerMethod origin shortSaleSlot " +
      "discretionaryAmt auctionStrategy deltaNeutralConId deltaNeutralShortSaleSlot referenceContractId " +
      "peggedChangeAmount referenceChangeAmount adjustableTrailingUnit refFuturesConId parentPermId",
  ],
  [
    "",
    "action orderType tif activeStartTime activeStopTime ocaGroup orderRef goodAfterTime goodTillDate " +
      "rule80A faGroup faMethod faPercentage designatedLocation openClose deltaNeutralOrderType " +
      "deltaNeutralSettlingFirm deltaNeutralClearingAccount deltaNeutralClearingIntent " +
      "deltaNeutralOpenClose deltaNeutralDesignatedLocation scaleTable hedgeType hedgeParam account " +
      "settlingFirm clearingAccount clearingIntent algoStrategy algoId modelCode referenceExchangeId " +
      "adjustedOrderType extOperator mifid2DecisionMaker mifid2DecisionAlgo mifid2ExecutionTrader " +
      "mifid2ExecutionAlgo autoCancelDate shareholder advancedErrorOverride manualOrderTime customerAccount " +
      "bondAccruedInterest submitter slOrderType ptOrderType",
  ],
  [
    UNSET,
    "totalQuantity lmtPrice auxPrice minQty percentOffset trailStopPrice trailingPercent startingPrice " +
      "stockRefPrice delta stockRangeLower stockRangeUpper volatility volatilityType deltaNeutralAuxPrice " +
      "referencePriceType basisPoints basisPointsType scaleInitLevelSize scaleSubsLevelSize " +
      "scalePriceIncrement scalePriceAdjustValue scalePriceAdjustInterval scaleProfitOffset " +
      "scaleInitPosition scaleInitFillQty hedgeMaxSize triggerPrice adjustedStopPrice " +
      "adjustedStopLimitPrice adjustedTrailingAmount lmtPriceOffset cashQty filledQuantity duration " +
      "postToAts minTradeQty minCompeteSize competeAgainstBestOffset midOffsetAtWhole midOffsetAtHalf " +
      "manualOrderIndicator whatIfType slOrderId ptOrderId",
  ],
  [true, "transmit"],
  [
    false,
    "blockOrder sweepToFill outsideRth hidden allOrNone overridePercentageConstraints optOutSmartRouting " +
      "randomizePrice randomizeSize deltaNeutralShortSale continuousUpdate scaleAutoReset " +
      "scaleRandomPercent whatIf notHeld solicited isPeggedChangeAmountDecrease conditionsCancelOrder " +
      "conditionsIgnoreRth dontUseAutoPriceForHedge isOmsContainer discretionaryUpToLimitPrice " +
      "autoCancelParent imbalanceOnly professionalCustomer includeOvernight postOnly allowPreOpen " +
      "ignoreOpenAuction deactivate",
  ],
  [-1, "exemptCode"],
  [
    null,
    "algoParams smartComboRoutingParams orderComboLegs orderMiscOptions routeMarketableToBbo " +
      "usePriceMgmtAlgo seekPriceImprovement",
  ],
  [[], "conditions"],
);
const CONTRACT = table(
  [0, "conId"],
  [
    "",
    "symbol secType lastTradeDateOrContractMonth lastTradeDate right multiplier exchange primaryExchange " +
      "currency localSymbol tradingClass secIdType secId description issuerId comboLegsDescrip",
  ],
  [UNSET, "strike"],
  [false, "includeExpired"],
  [[], "comboLegs"],
  [null, "deltaNeutralContract"],
);
const ORDER_STATE = table(
  [
    "",
    "status initMarginBefore maintMarginBefore equityWithLoanBefore initMarginChange maintMarginChange " +
      "equityWithLoanChange initMarginAfter maintMarginAfter equityWithLoanAfter commissionAndFeesCurrency " +
      "marginCurrency rejectReason warningText completedTime completedStatus",
  ],
  [
    UNSET,
    "commissionAndFees minCommissionAndFees maxCommissionAndFees initMarginBeforeOutsideRTH " +
      "maintMarginBeforeOutsideRTH equityWithLoanBeforeOutsideRTH initMarginChangeOutsideRTH " +
      "maintMarginChangeOutsideRTH equityWithLoanChangeOutsideRTH initMarginAfterOutsideRTH " +
      "maintMarginAfterOutsideRTH equityWithLoanAfterOutsideRTH suggestedSize",
  ],
  [null, "orderAllocations"],
);
const COMBO_LEG = table(
  [0, "conId ratio openClose shortSaleSlot"],
  ["", "action exchange designatedLocation"],
  [-1, "exemptCode"],
);
const DELTA_NEUTRAL = table([0, "conId delta price"]);
const ORDER_COMBO_LEG = table([UNSET, "price"]);
/** `TagValue()` stores `str(None)`. */
const TAG_VALUE = table(["None", "tag value"]);
/** The Python class calls `value` `val`. */
const SOFT_DOLLAR_TIER = table(["", "name val displayName"]);
const ALLOCATION = table(
  ["", "account"],
  [UNSET, "position positionDesired positionAfter desiredAllocQty " + "allowedAllocQty"],
  [false, "isMonetary"],
);
/** Conditions: the type and an AND conjunction are what a fresh instance has; every other attribute is None. */
const CONDITION_FIELDS: Record<number, string[]> = {
  1: ["isMore", "conId", "exchange", "price", "triggerMethod"],
  3: ["isMore", "time"],
  4: ["isMore", "percent"],
  5: ["secType", "exchange", "symbol"],
  6: ["isMore", "conId", "exchange", "volume"],
  7: ["isMore", "conId", "exchange", "changePercent"],
};
function conditionDefaults(condType: number): Defaults {
  const d: Defaults = { condType, isConjunctionConnection: true };
  for (const key of CONDITION_FIELDS[condType] ?? []) d[key] = null;
  if (condType === 7) d.changePercent = UNSET;
  return d;
}

/** The class of each nested attribute. */
const NESTED: Record<string, (v: Record<string, unknown>) => Defaults> = {
  comboLegs: () => COMBO_LEG,
  deltaNeutralContract: () => DELTA_NEUTRAL,
  orderComboLegs: () => ORDER_COMBO_LEG,
  algoParams: () => TAG_VALUE,
  smartComboRoutingParams: () => TAG_VALUE,
  orderMiscOptions: () => TAG_VALUE,
  softDollarTier: () => SOFT_DOLLAR_TIER,
  orderAllocations: () => ALLOCATION,
  conditions: (c) => conditionDefaults(c.condType as number),
};

/** The classes of each callback's arguments (null: a plain value). */
const ARG_CLASSES: Record<string, (Defaults | null)[]> = {
  openOrder: [null, CONTRACT, ORDER, ORDER_STATE],
  completedOrder: [CONTRACT, ORDER, ORDER_STATE],
};

const TRI_STATE = new Set(["usePriceMgmtAlgo", "routeMarketableToBbo", "seekPriceImprovement"]);

function plain(v: unknown): unknown {
  if (v === undefined || v === UNSET_INTEGER || v === UNSET_DOUBLE || v === UNSET_LONG || v === UNSET_DECIMAL_TEXT) {
    return "MAX";
  }
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v === Number.POSITIVE_INFINITY) return "Infinity";
  return v;
}

/** Python `==` between a value and a class default (True == 1, an empty list is the empty default). */
function equalsDefault(v: unknown, d: unknown): boolean {
  if (d === UNSET) return plain(v) === "MAX";
  if (Array.isArray(v)) return v.length === 0 && (d === null || (Array.isArray(d) && d.length === 0));
  const n = (x: unknown) => (typeof x === "boolean" ? Number(x) : typeof x === "bigint" ? Number(x) : x);
  return n(v) === n(d);
}

function renderObject(o: Record<string, unknown>, defaults: Defaults, protobuf: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (defaults === ORDER) out.softDollarTier = {};
  for (const [key, v] of Object.entries(o)) {
    if (v === undefined) continue;
    const pyKey = defaults === SOFT_DOLLAR_TIER && key === "value" ? "val" : key;
    if (!(pyKey in defaults)) throw new Error(`${pyKey} is not an attribute of the official class`);
    if (defaults[pyKey] !== ALWAYS && equalsDefault(v, defaults[pyKey])) continue;
    const nested = NESTED[key];
    if (nested && Array.isArray(v)) {
      out[pyKey] = v.map((x) => renderObject(x, nested(x), protobuf));
    } else if (nested && typeof v === "object" && v !== null) {
      out[pyKey] = renderObject(v as Record<string, unknown>, nested(v as Record<string, unknown>), protobuf);
    } else if (protobuf && TRI_STATE.has(key) && typeof v === "boolean") {
      out[pyKey] = Number(v); // an int in the official Order when it comes from protobuf
    } else {
      out[pyKey] = plain(v);
    }
  }
  return out;
}

/** Renders callbacks as the official-client harness renders them. */
function renderOfficial(calls: readonly (readonly unknown[])[], form: "text" | "protobuf"): unknown[][] {
  return calls.map(([name, ...args]) => {
    const classes = ARG_CLASSES[name as string] ?? [];
    return [
      name,
      ...args.map((a, i) => {
        const cls = classes[i];
        return cls ? renderObject(a as Record<string, unknown>, cls, form === "protobuf") : plain(a);
      }),
    ];
  });
}

describe("order replies: every vector, rendered as the official harness renders", () => {
  const all = [...vectors, ...officialRenderVectors];
  it.each(all.map((v) => [`${v.message} sv${v.sv} ${v.frame.slice(0, 60)} (${v.source})`, v] as const))(
    "%s",
    (_, v) => {
      const payload = notationToPayload(v.frame, v.sv);
      const d = decodeMessage(specRegistry, "host", payload, v.sv);
      const spec = specByName("host", v.message)!;
      expect(d.spec).toBe(spec);
      if (d.spec.direction !== "in") throw new Error("not a reply");
      expect(renderOfficial(d.spec.callbacks(d.value, v.sv, d.form), d.form)).toEqual(v.callbacks);
      // Hand-written text frames are in our encoder's spelling; protobuf bodies come from the official protobuf
      // classes' serializer: both re-encode byte for byte.
      if (v.source.startsWith("hand") || d.form === "protobuf") {
        const frame = encodeMessage(d.spec, d.value, v.sv, undefined, d.form);
        expect(frame.subarray(4).toString("hex")).toBe(payload.toString("hex"));
      }
    },
  );
});

describe("order replies: every recorded gw1040 frame (sv 214)", () => {
  const SV = 214;
  const names = new Set(["OPEN_ORDER", "ORDER_STATUS", "OPEN_ORDER_END", "ORDER_BOUND", "COMPLETED_ORDER"]);
  const cases = readdirSync(sharedPath("recordings", "gw1040", "codec"))
    .filter((f) => f.endsWith(".jsonl"))
    .flatMap((file) =>
      readRecording(`gw1040/codec/${file}`)
        .records.filter((r) => r.leg === "api_in" && r.raw_b64 && names.has(r.msg_name ?? ""))
        .map((rec) => [`${file}#${rec.seq} ${rec.msg_name}`, rec] as const),
    );

  it("has the recorded OPEN_ORDER and ORDER_STATUS frames", () => {
    expect(cases.filter(([, r]) => r.msg_name === "OPEN_ORDER").length).toBe(110);
    expect(cases.filter(([, r]) => r.msg_name === "ORDER_STATUS").length).toBe(134);
  });

  it.each(cases)("%s", (_, rec) => {
    const raw = Buffer.from(rec.raw_b64!, "base64");
    const d = decodeMessage(specRegistry, "host", raw, SV);
    expect(d.spec.name).toBe(rec.msg_name);
    if (d.spec.direction !== "in") throw new Error("not a reply");
    expect(renderOfficial(d.spec.callbacks(d.value, SV, d.form), d.form)).toEqual(rec.callbacks);
    expect(encodeMessage(d.spec, d.value, SV, undefined, d.form).subarray(4).toString("hex")).toBe(raw.toString("hex"));
  });
});
