import { EncodeError } from "../../errors.js";
import { type OrderCondition, OrderConditionType } from "../../models/order-condition.js";
import type { OrderCondition as OrderConditionProto } from "../../proto/index.js";
import { UNSET_DOUBLE, UNSET_INTEGER } from "../../values.js";

/**
 * One order condition in protobuf, as `createConditionsProto` builds it: the type and the conjunction always,
 * `isMore` always for the kinds that compare, conId and numbers unless unset, text only when non-empty. The
 * official builder writes the conjunction as given; the model's "absent" is its default, AND.
 */

const str = (s: string | undefined) => (s ? s : undefined);
const int = (n: number | undefined) => (n === undefined || n === UNSET_INTEGER ? undefined : n);
const dbl = (n: number | undefined) => (n === undefined || n === UNSET_DOUBLE ? undefined : n);

export function conditionToProto(c: OrderCondition): OrderConditionProto {
  const base: OrderConditionProto = { type: c.condType, isConjunctionConnection: c.isConjunctionConnection ?? true };
  switch (c.condType) {
    case OrderConditionType.Price:
      return {
        ...base,
        isMore: c.isMore ?? false,
        conId: int(c.conId),
        exchange: str(c.exchange),
        price: dbl(c.price),
        triggerMethod: int(c.triggerMethod),
      };
    case OrderConditionType.Time:
      return { ...base, isMore: c.isMore ?? false, time: str(c.time) };
    case OrderConditionType.Margin:
      return { ...base, isMore: c.isMore ?? false, percent: int(c.percent) };
    case OrderConditionType.Execution:
      return { ...base, secType: str(c.secType), exchange: str(c.exchange), symbol: str(c.symbol) };
    case OrderConditionType.Volume:
      return {
        ...base,
        isMore: c.isMore ?? false,
        conId: int(c.conId),
        exchange: str(c.exchange),
        volume: int(c.volume),
      };
    case OrderConditionType.PercentChange:
      return {
        ...base,
        isMore: c.isMore ?? false,
        conId: int(c.conId),
        exchange: str(c.exchange),
        changePercent: dbl(c.changePercent),
      };
    default:
      throw new EncodeError(`unknown order condition type ${(c as { condType: unknown }).condType}`);
  }
}

/** A protobuf condition as a model: the fields of its kind that the message carries. */
export function conditionFromProto(p: OrderConditionProto): OrderCondition {
  const common = { isConjunctionConnection: p.isConjunctionConnection };
  const contract = { isMore: p.isMore, conId: p.conId, exchange: p.exchange };
  let c: OrderCondition;
  switch (p.type) {
    case OrderConditionType.Price:
      c = { condType: 1, ...common, ...contract, price: p.price, triggerMethod: p.triggerMethod };
      break;
    case OrderConditionType.Time:
      c = { condType: 3, ...common, isMore: p.isMore, time: p.time };
      break;
    case OrderConditionType.Margin:
      c = { condType: 4, ...common, isMore: p.isMore, percent: p.percent };
      break;
    case OrderConditionType.Execution:
      c = { condType: 5, ...common, secType: p.secType, exchange: p.exchange, symbol: p.symbol };
      break;
    case OrderConditionType.Volume:
      c = { condType: 6, ...common, ...contract, volume: p.volume };
      break;
    case OrderConditionType.PercentChange:
      c = { condType: 7, ...common, ...contract, changePercent: p.changePercent };
      break;
    default:
      // No kind to hold it: the model has only the six kinds the official client knows.
      throw new Error(`unknown order condition type ${p.type}`);
  }
  for (const key of Object.keys(c) as (keyof OrderCondition)[]) if (c[key] === undefined) delete c[key];
  return c;
}
