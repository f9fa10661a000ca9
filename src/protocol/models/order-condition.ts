/**
 * Order conditions (`order_condition.py`): an order with conditions is held until they are met. The six kinds the
 * official client knows are a discriminated union on `condType`, whose values are the wire type ids that both the
 * text form (a type field before each body) and protobuf (`OrderCondition.type`) carry.
 *
 * Fields follow the official classes by name. All but `condType` are optional because protobuf leaves a field out
 * when it is unset; a condition built for a text request should set every field of its kind (the text form writes
 * each of them).
 */

/** Wire type ids of the condition kinds (`OrderCondition.Price`, ...). Ids 2 and 8+ are not used by the client. */
export const OrderConditionType = {
  Price: 1,
  Time: 3,
  Margin: 4,
  Execution: 5,
  Volume: 6,
  PercentChange: 7,
} as const;
export type OrderConditionType = (typeof OrderConditionType)[keyof typeof OrderConditionType];

/**
 * How a price condition reads the price (`PriceCondition.TriggerMethodEnum`); the same numbers as the order's own
 * `triggerMethod`.
 */
export const TriggerMethod = {
  Default: 0,
  DoubleBidAsk: 1,
  Last: 2,
  DoubleLast: 3,
  BidAsk: 4,
  LastOrBidAsk: 7,
  MidPoint: 8,
} as const;
export type TriggerMethod = (typeof TriggerMethod)[keyof typeof TriggerMethod];

/** What every condition has: how it combines with the condition before it. */
export interface OrderConditionBase {
  /**
   * True = AND with the previous condition (text `a`), false = OR (text `o`). Absent means the official default,
   * AND.
   */
  isConjunctionConnection?: boolean;
}

/** A condition that compares a value with a threshold (`OperatorCondition`). */
export interface OperatorConditionFields extends OrderConditionBase {
  /** True: met when the value is at or above the threshold; false: at or below. */
  isMore?: boolean;
}

/** A comparison on one contract's market data (`ContractCondition`). */
export interface ContractConditionFields extends OperatorConditionFields {
  conId?: number;
  exchange?: string;
}

/** Met when the contract's price crosses `price` (type 1). */
export interface PriceCondition extends ContractConditionFields {
  condType: typeof OrderConditionType.Price;
  price?: number;
  /** See {@link TriggerMethod}. */
  triggerMethod?: number;
}

/** Met when the time passes `time` (type 3), e.g. `20250102 09:30:00 US/Eastern`. */
export interface TimeCondition extends OperatorConditionFields {
  condType: typeof OrderConditionType.Time;
  time?: string;
}

/** Met when the account's margin cushion crosses `percent` (type 4). */
export interface MarginCondition extends OperatorConditionFields {
  condType: typeof OrderConditionType.Margin;
  percent?: number;
}

/** Met when a trade occurs in a matching instrument (type 5); no threshold. */
export interface ExecutionCondition extends OrderConditionBase {
  condType: typeof OrderConditionType.Execution;
  secType?: string;
  exchange?: string;
  symbol?: string;
}

/** Met when the contract's traded volume crosses `volume` (type 6). */
export interface VolumeCondition extends ContractConditionFields {
  condType: typeof OrderConditionType.Volume;
  volume?: number;
}

/** Met when the contract's percent change since the close crosses `changePercent` (type 7). */
export interface PercentChangeCondition extends ContractConditionFields {
  condType: typeof OrderConditionType.PercentChange;
  changePercent?: number;
}

/** Any of the six order conditions, told apart by `condType`. */
export type OrderCondition =
  | PriceCondition
  | TimeCondition
  | MarginCondition
  | ExecutionCondition
  | VolumeCondition
  | PercentChangeCondition;

/** True for the wire type ids the official client reads and writes. */
export function isOrderConditionType(value: number): value is OrderConditionType {
  return value === 1 || (value >= 3 && value <= 7);
}
