import type { ComboLeg, Contract, DeltaNeutralContract } from "../../models/contract.js";
import { ORDER_DEFAULTS, type Order } from "../../models/order.js";
import type { OrderAllocation, OrderState } from "../../models/order-state.js";
import type { SoftDollarTier } from "../../models/reference-data.js";
import { UNSET_DECIMAL_TEXT, UNSET_DOUBLE, UNSET_INTEGER } from "../../values.js";

/**
 * The models an order reply hands to `openOrder` / `completedOrder`, in canonical form: a field that holds the
 * official default is left out (the models say an absent field means that default), and so is an unset sentinel
 * where the default is unset. A field whose value differs from the default stays, even when it is 0, `""` or
 * false — an options contract's strike of 0, a what-if order's usePriceMgmtAlgo of false.
 *
 * Text replies are read straight into this form. Protobuf replies keep the fields as the wire has them (so they
 * re-encode to their bytes) and are turned into it for the callbacks, taking only what the official protobuf
 * reader (`decodeOrder`, `decodeContract`, `decodeOrderState`) takes.
 */

/** Tri-state flags (official default `None`): false is a value of its own. */
const TRI_STATE = new Set<string>(["usePriceMgmtAlgo", "routeMarketableToBbo", "seekPriceImprovement"]);

/** The Decimal fields of the three models: their unset value is the 2^127-1 text. */
const DECIMAL_KEYS = new Set<string>([
  "totalQuantity",
  "filledQuantity",
  "suggestedSize",
  "position",
  "positionDesired",
  "positionAfter",
  "desiredAllocQty",
  "allowedAllocQty",
]);

/** True for the values that mean "unset" in field `key`, where its default is unset. */
function isUnset(key: string, v: unknown): boolean {
  if (v === undefined || v === UNSET_INTEGER || v === UNSET_DOUBLE) return true;
  return v === UNSET_DECIMAL_TEXT && DECIMAL_KEYS.has(key);
}

/** Drops the keys of `rec` for which `isDefault` holds; returns `rec`. */
function dropWhere<T extends object>(rec: T, isDefault: (key: string, v: unknown) => boolean): T {
  const r = rec as Record<string, unknown>;
  for (const key of Object.keys(r)) if (isDefault(key, r[key])) delete r[key];
  return rec;
}

/** `""`, false, an empty list, or undefined: the default of text, flags and lists. */
const isBlank = (v: unknown) => v === undefined || v === "" || v === false || (Array.isArray(v) && v.length === 0);

/** A canonical order (in place); see the module comment. */
export function canonicalOrder(o: Order): Order {
  dropWhere(o, (key, v) => {
    if (key in ORDER_DEFAULTS) return v === undefined || v === ORDER_DEFAULTS[key as keyof Order];
    if (TRI_STATE.has(key)) return v === undefined;
    return isBlank(v) || isUnset(key, v);
  });
  const tier = o.softDollarTier;
  if (tier && !tier.name && !tier.value && !tier.displayName) delete o.softDollarTier;
  if (o.orderComboLegs)
    o.orderComboLegs = o.orderComboLegs.map((l) => dropWhere({ ...l }, (key, v) => isUnset(key, v)));
  return o;
}

const LEG_DEFAULTS: Record<string, unknown> = { conId: 0, ratio: 0, openClose: 0, shortSaleSlot: 0, exemptCode: -1 };
const HEDGE_DEFAULTS: Record<string, unknown> = { conId: 0, delta: 0, price: 0 };

/** A canonical contract (in place): no `""`, false, conId 0 or unset strike; legs and hedge likewise. */
export function canonicalContract(c: Contract): Contract {
  dropWhere(c, (key, v) => isBlank(v) || (key === "conId" && v === 0) || (key === "strike" && isUnset(key, v)));
  if (c.comboLegs) c.comboLegs = c.comboLegs.map((l) => canonicalLeg({ ...l }));
  if (c.deltaNeutralContract) {
    c.deltaNeutralContract = dropWhere({ ...c.deltaNeutralContract } as DeltaNeutralContract, (key, v) => {
      return v === undefined || v === HEDGE_DEFAULTS[key];
    });
  }
  return c;
}

function canonicalLeg(l: ComboLeg): ComboLeg {
  return dropWhere(l, (key, v) => isBlank(v) || (key in LEG_DEFAULTS && v === LEG_DEFAULTS[key]));
}

/** A canonical order state (in place): no `""`, unset numbers or Decimals, false flags, empty allocations. */
export function canonicalOrderState(s: OrderState): OrderState {
  dropWhere(s, (key, v) => isBlank(v) || isUnset(key, v));
  if (s.orderAllocations) {
    s.orderAllocations = s.orderAllocations.map((a) =>
      dropWhere({ ...a } as OrderAllocation, (key, v) => isBlank(v) || isUnset(key, v)),
    );
  }
  return s;
}

/** The empty soft-dollar tier every official Order carries (it has no equality, so it always shows). */
export const NO_SOFT_DOLLAR_TIER: Readonly<SoftDollarTier> = Object.freeze({ name: "", value: "", displayName: "" });

/** The order a callback receives: canonical, with the soft-dollar tier the official Order always has. */
export function callbackOrder(o: Order): Order {
  const out = canonicalOrder({ ...o });
  out.softDollarTier = o.softDollarTier ? { ...o.softDollarTier } : { ...NO_SOFT_DOLLAR_TIER };
  return out;
}

/** Order fields the official protobuf reader does not take over from the protobuf `Order`. */
const NOT_READ_FROM_PROTO = new Set<string>([
  "scaleTable",
  "algoId",
  "transmit",
  "overridePercentageConstraints",
  "orderMiscOptions",
  "mifid2DecisionMaker",
  "mifid2DecisionAlgo",
  "mifid2ExecutionTrader",
  "mifid2ExecutionAlgo",
  "advancedErrorOverride",
  "manualOrderTime",
  "conditionsIncludeOvernight",
]);

/**
 * The order `decodeOrder(orderId, contract, order)` builds from a protobuf reply's order: `orderIdArg` (the
 * OpenOrder's orderId, 0 when absent; COMPLETED_ORDER passes unset) unless the order has its own; hedgeParam only
 * with a non-empty hedgeType and hedgeMaxSize only with a hedgeType; algo parameters only with an algoStrategy;
 * the soft-dollar tier always. The per-leg prices came in the contract's legs and are already in orderComboLegs.
 */
export function orderFromProtoReply(orderIdArg: number | undefined, wire: Order): Order {
  const o: Order = {};
  for (const [key, v] of Object.entries(wire)) {
    if (!NOT_READ_FROM_PROTO.has(key)) (o as Record<string, unknown>)[key] = v;
  }
  if (wire.orderId === undefined && orderIdArg !== undefined && orderIdArg !== UNSET_INTEGER) o.orderId = orderIdArg;
  if (wire.hedgeType === undefined || !wire.hedgeType) delete o.hedgeParam;
  if (wire.hedgeType === undefined) delete o.hedgeMaxSize;
  if (wire.algoStrategy === undefined) delete o.algoParams;
  return callbackOrder(o);
}

/** The contract `decodeContract` builds: every field it reads (not secIdType, secId, includeExpired). */
export function contractFromProtoReply(wire: Contract): Contract {
  const { secIdType: _t, secId: _i, includeExpired: _e, ...rest } = wire;
  return canonicalContract(rest);
}
