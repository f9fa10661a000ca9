import { EncodeError } from "../../errors.js";
import type { TagValue } from "../../models/contract.js";
import type { Order } from "../../models/order.js";
import type { OrderCondition } from "../../models/order-condition.js";
import type { OrderAllocation, OrderState } from "../../models/order-state.js";
import type {
  ComboLeg as ComboLegProto,
  OrderAllocation as OrderAllocationProto,
  OrderCondition as OrderConditionProto,
  Order as OrderProto,
  OrderState as OrderStateProto,
} from "../../proto/index.js";
import { pythonFloatText } from "../../values.js";
import { tagValueList } from "../common/contract.js";
import { conditionFromProto } from "../orders/condition-proto.js";
import { decimalFixedText } from "../orders/order-proto.js";

/**
 * The protobuf `Order` and `OrderState` of OPEN_ORDER and COMPLETED_ORDER replies, kept as the wire has them: a
 * field is set in the model exactly when the message carries it (a 0 or `""` included), so a decoded reply
 * re-encodes to its bytes. What the official client makes of them is in official-models.ts. Model and protobuf
 * share their field names, except:
 * - tag-value lists are protobuf maps (an empty map is no field at all), kept in their wire order;
 * - the tri-state flags (usePriceMgmtAlgo, routeMarketableToBbo, seekPriceImprovement) are ints on the wire;
 * - the per-leg prices travel in the contract's legs (`perLegPrice`); the model has them in orderComboLegs;
 * - the nine what-if margins are doubles on the wire and text in the model, as the official client formats them
 *   (`decimalMaxString`: the shortest repr, in plain notation, `954397.0`).
 */

/** Order fields that have no place in the protobuf Order. */
const MODEL_ONLY = new Set<string>([
  "orderComboLegs",
  "basisPoints",
  "basisPointsType",
  "slOrderId",
  "slOrderType",
  "ptOrderId",
  "ptOrderType",
]);
/** Fields mapped one by one below rather than copied. */
const MAPPED = new Set<string>([
  "algoParams",
  "smartComboRoutingParams",
  "orderMiscOptions",
  "conditions",
  "softDollarTier",
  "usePriceMgmtAlgo",
  "routeMarketableToBbo",
  "seekPriceImprovement",
]);

const tags = (m: { [key: string]: string } | undefined): TagValue[] | undefined =>
  m && Object.keys(m).length > 0 ? tagValueList(m) : undefined;
/** A tag-value list as a protobuf map in the list's order (the order the reply had on the wire). */
function tagValueMap(list: readonly TagValue[] | undefined): { [key: string]: string } | undefined {
  if (!list || list.length === 0) return undefined;
  const map: { [key: string]: string } = {};
  for (const t of list) map[t.tag] = t.value;
  return map;
}
const flag = (n: number | undefined) => (n === undefined ? undefined : n !== 0);
const flagInt = (b: boolean | undefined) => (b === undefined ? undefined : b ? 1 : 0);

/** Copies the defined fields of `from` into `to`, leaving out `skip`. */
function copyDefined(from: object, to: object, skip: ReadonlySet<string>): void {
  for (const [key, v] of Object.entries(from)) {
    if (v !== undefined && !skip.has(key)) (to as Record<string, unknown>)[key] = v;
  }
}

/** Removes the keys whose value is undefined; returns `o`. */
function defined<T extends object>(o: T): T {
  for (const [key, v] of Object.entries(o)) if (v === undefined) delete (o as Record<string, unknown>)[key];
  return o;
}

/** A protobuf order as the model, with the per-leg prices of the contract's legs (one entry per leg). */
export function orderFromProto(p: OrderProto, legs: readonly ComboLegProto[] | undefined): Order {
  const o: Order = {};
  copyDefined(p, o, MAPPED);
  o.algoParams = tags(p.algoParams);
  o.smartComboRoutingParams = tags(p.smartComboRoutingParams);
  o.orderMiscOptions = tags(p.orderMiscOptions);
  if (p.conditions && p.conditions.length > 0) o.conditions = p.conditions.map(conditionFromProto);
  if (p.softDollarTier) {
    const t = p.softDollarTier;
    o.softDollarTier = { name: t.name ?? "", value: t.value ?? "", displayName: t.displayName ?? "" };
  }
  o.usePriceMgmtAlgo = flag(p.usePriceMgmtAlgo);
  o.routeMarketableToBbo = flag(p.routeMarketableToBbo);
  o.seekPriceImprovement = flag(p.seekPriceImprovement);
  if (legs && legs.length > 0)
    o.orderComboLegs = legs.map((l) => (l.perLegPrice === undefined ? {} : { price: l.perLegPrice }));
  return defined(o);
}

/** One condition with exactly the fields the model has (the request builder fills in defaults; replies do not). */
function conditionToProto(c: OrderCondition): OrderConditionProto {
  const { condType, ...fields } = c;
  return defined({ type: condType, ...fields } as OrderConditionProto);
}

/** The model order as a protobuf order: every defined field the protobuf Order has. */
export function orderToProto(o: Order): OrderProto {
  const p: OrderProto = {};
  copyDefined(o, p, new Set([...MODEL_ONLY, ...MAPPED]));
  p.algoParams = tagValueMap(o.algoParams);
  p.smartComboRoutingParams = tagValueMap(o.smartComboRoutingParams);
  p.orderMiscOptions = tagValueMap(o.orderMiscOptions);
  if (o.conditions && o.conditions.length > 0) p.conditions = o.conditions.map(conditionToProto);
  if (o.softDollarTier) {
    const t = o.softDollarTier;
    p.softDollarTier = defined({
      name: t.name || undefined,
      value: t.value || undefined,
      displayName: t.displayName || undefined,
    });
  }
  p.usePriceMgmtAlgo = flagInt(o.usePriceMgmtAlgo);
  p.routeMarketableToBbo = flagInt(o.routeMarketableToBbo);
  p.seekPriceImprovement = flagInt(o.seekPriceImprovement);
  return defined(p);
}

/** The per-leg prices to put in the contract's legs. */
export function legPricesOf(o: Order | undefined): (number | undefined)[] | undefined {
  return o?.orderComboLegs?.map((l) => l.price);
}

const MARGIN_KEYS = [
  "initMarginBefore",
  "maintMarginBefore",
  "equityWithLoanBefore",
  "initMarginChange",
  "maintMarginChange",
  "equityWithLoanChange",
  "initMarginAfter",
  "maintMarginAfter",
  "equityWithLoanAfter",
] as const;

/** `decimalMaxString(float)`: Python's repr of the double, in plain notation. */
export function marginText(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
  return decimalFixedText(pythonFloatText(v));
}

function marginNumber(key: string, text: string): number {
  const v = Number(text);
  if (text.trim() === "" || (Number.isNaN(v) && text !== "NaN")) {
    throw new EncodeError(`orderState.${key} ${JSON.stringify(text)} is not a number, which protobuf needs`);
  }
  return v;
}

/** A protobuf order state as the model. */
export function orderStateFromProto(p: OrderStateProto): OrderState {
  const s: OrderState = {};
  copyDefined(p, s, new Set<string>([...MARGIN_KEYS, "orderAllocations"]));
  for (const key of MARGIN_KEYS) {
    const v = p[key];
    if (v !== undefined) s[key] = marginText(v);
  }
  if (p.orderAllocations && p.orderAllocations.length > 0) {
    s.orderAllocations = p.orderAllocations.map((a) => {
      const out: OrderAllocation = {};
      copyDefined(a, out, new Set());
      return out;
    });
  }
  return s;
}

/** The model order state as a protobuf order state; empty margin texts are left out. */
export function orderStateToProto(s: OrderState): OrderStateProto {
  const p: OrderStateProto = {};
  copyDefined(s, p, new Set<string>([...MARGIN_KEYS, "orderAllocations"]));
  for (const key of MARGIN_KEYS) {
    const text = s[key];
    if (text) p[key] = marginNumber(key, text);
  }
  if (s.orderAllocations && s.orderAllocations.length > 0) {
    p.orderAllocations = s.orderAllocations.map((a) => {
      const out: OrderAllocationProto = {};
      copyDefined(a, out, new Set());
      return out;
    });
  }
  return p;
}
