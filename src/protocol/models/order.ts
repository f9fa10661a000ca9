/**
 * Order, as the official `Order` class has it (`order.py`, 10.46.01) plus `conditionsIncludeOvernight` (API 10.50,
 * server version 226, protobuf only). Every field is optional so a plain object literal with only the fields a user
 * sets is a valid order. An absent field means the official default: `""` for text, `false` for flags, `0` for the
 * ids and counts the official class starts at 0 (and `-1` for `exemptCode`), and "unset" for the fields whose
 * official default is a sentinel (UNSET_INTEGER, UNSET_DOUBLE, UNSET_DECIMAL) — the text form writes those
 * sentinels verbatim in some fields, which the PLACE_ORDER spec reproduces.
 */
import type { Decimal } from "../values.js";
import type { TagValue } from "./contract.js";
import type { OrderCondition } from "./order-condition.js";
import type { SoftDollarTier } from "./reference-data.js";

/** Who the order is for (`Origin`): customer or firm. */
export const Origin = { CUSTOMER: 0, FIRM: 1, UNKNOWN: 2 } as const;
export type Origin = (typeof Origin)[keyof typeof Origin];

/** BOX auction strategy (`AuctionStrategy`). */
export const AuctionStrategy = {
  AUCTION_UNSET: 0,
  AUCTION_MATCH: 1,
  AUCTION_IMPROVEMENT: 2,
  AUCTION_TRANSPARENT: 3,
} as const;
export type AuctionStrategy = (typeof AuctionStrategy)[keyof typeof AuctionStrategy];

/**
 * `competeAgainstBestOffset` value meaning "up to mid" (`COMPETE_AGAINST_BEST_OFFSET_UP_TO_MID`, +∞): the text form
 * writes it `Infinity` and then sends `midOffsetAtWhole` / `midOffsetAtHalf`.
 */
export const COMPETE_AGAINST_BEST_OFFSET_UP_TO_MID = Number.POSITIVE_INFINITY;

/** How the rest of a one-cancels-all group reacts to a fill (`ocaType`). */
export const OcaType = { CANCEL_WITH_BLOCK: 1, REDUCE_WITH_BLOCK: 2, REDUCE_NON_BLOCK: 3 } as const;
export type OcaType = (typeof OcaType)[keyof typeof OcaType];

/** Order sides (`action`). */
export const OrderAction = { BUY: "BUY", SELL: "SELL", SSHORT: "SSHORT" } as const;
export type OrderAction = (typeof OrderAction)[keyof typeof OrderAction];

/**
 * Common order types (`orderType`). TWS accepts more; the field is free text, and a few have a spelling without a
 * space (`PEGBENCH`, `PEGBEST`, `PEGMID`) that the official client treats like the spaced one.
 */
export const OrderType = {
  MKT: "MKT",
  LMT: "LMT",
  STP: "STP",
  STP_LMT: "STP LMT",
  REL: "REL",
  TRAIL: "TRAIL",
  TRAIL_LIMIT: "TRAIL LIMIT",
  TRAIL_LIT: "TRAIL LIT",
  TRAIL_MIT: "TRAIL MIT",
  BOX_TOP: "BOX TOP",
  LIT: "LIT",
  MIT: "MIT",
  MOC: "MOC",
  LOC: "LOC",
  MTL: "MTL",
  MKT_PRT: "MKT PRT",
  STP_PRT: "STP PRT",
  PASSV_REL: "PASSV REL",
  REL_PLUS_LMT: "REL + LMT",
  REL_PLUS_MKT: "REL + MKT",
  LMT_PLUS_MKT: "LMT + MKT",
  PEG_MKT: "PEG MKT",
  PEG_PRIM: "PEG PRIM",
  PEG_STK: "PEG STK",
  PEG_BENCH: "PEG BENCH",
  PEG_BEST: "PEG BEST",
  PEG_MID: "PEG MID",
  SNAP_MKT: "SNAP MKT",
  SNAP_MID: "SNAP MID",
  SNAP_PRIM: "SNAP PRIM",
  VOL: "VOL",
  VWAP: "VWAP",
  QUOTE: "QUOTE",
} as const;
export type OrderType = (typeof OrderType)[keyof typeof OrderType];

/** Time in force (`tif`). */
export const TimeInForce = {
  DAY: "DAY",
  GTC: "GTC",
  IOC: "IOC",
  GTD: "GTD",
  OPG: "OPG",
  FOK: "FOK",
  DTC: "DTC",
  AUC: "AUC",
  GTT: "GTT",
  GTX: "GTX",
  MINUTES: "Minutes",
} as const;
export type TimeInForce = (typeof TimeInForce)[keyof typeof TimeInForce];

/** Order status as ORDER_STATUS and OPEN_ORDER report it. */
export const OrderStatus = {
  ApiPending: "ApiPending",
  PendingSubmit: "PendingSubmit",
  PendingCancel: "PendingCancel",
  PreSubmitted: "PreSubmitted",
  Submitted: "Submitted",
  ApiCancelled: "ApiCancelled",
  Cancelled: "Cancelled",
  Filled: "Filled",
  Inactive: "Inactive",
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/** Volatility order period (`volatilityType`). */
export const VolatilityType = { DAILY: 1, ANNUAL: 2 } as const;
export type VolatilityType = (typeof VolatilityType)[keyof typeof VolatilityType];

/** VOL order reference price (`referencePriceType`). */
export const ReferencePriceType = { AVERAGE: 1, BID_OR_ASK: 2 } as const;
export type ReferencePriceType = (typeof ReferencePriceType)[keyof typeof ReferencePriceType];

/** The price of one leg of a combo order (`OrderComboLeg`); unset when absent. */
export interface OrderComboLeg {
  price?: number;
}

/** Extra fields of a cancel (`OrderCancel`), for CANCEL_ORDER and REQ_GLOBAL_CANCEL. */
export interface OrderCancel {
  /** Time of a manual cancel, `YYYYMMDD-hh:mm:ss` (MIN_SERVER_VER_MANUAL_ORDER_TIME). */
  manualOrderCancelTime?: string;
  extOperator?: string;
  /** 0 electronic, 1 manual (MIN_SERVER_VER_CME_TAGGING_FIELDS); unset when absent. */
  manualOrderIndicator?: number;
}

/** An order; see the module comment for what an absent field means. Names are the official ones. */
export interface Order {
  softDollarTier?: SoftDollarTier;
  // identification
  orderId?: number;
  clientId?: number;
  /** Official default 0. */
  permId?: bigint;

  // main fields
  /** BUY, SELL, SSHORT. */
  action?: string;
  totalQuantity?: Decimal;
  orderType?: string;
  lmtPrice?: number;
  auxPrice?: number;

  // extended fields
  /** See {@link TimeInForce}. */
  tif?: string;
  activeStartTime?: string;
  activeStopTime?: string;
  ocaGroup?: string;
  /** See {@link OcaType}; official default 0. */
  ocaType?: number;
  orderRef?: string;
  /** Official default true: an order with `transmit: false` is created in TWS but not sent. */
  transmit?: boolean;
  parentId?: number;
  blockOrder?: boolean;
  sweepToFill?: boolean;
  displaySize?: number;
  /** See {@link TriggerMethod} in order-condition.ts. */
  triggerMethod?: number;
  outsideRth?: boolean;
  hidden?: boolean;
  goodAfterTime?: string;
  goodTillDate?: string;
  /** I, A, W, J, U, M, K, Y, N. */
  rule80A?: string;
  allOrNone?: boolean;
  minQty?: number;
  percentOffset?: number;
  overridePercentageConstraints?: boolean;
  trailStopPrice?: number;
  trailingPercent?: number;

  // financial advisors
  faGroup?: string;
  faMethod?: string;
  faPercentage?: string;

  // institutional (non-cleared)
  designatedLocation?: string;
  /** O open, C close. */
  openClose?: string;
  /** See {@link Origin}; official default 0 (customer). */
  origin?: number;
  shortSaleSlot?: number;
  /** Official default -1. */
  exemptCode?: number;

  // SMART routing
  discretionaryAmt?: number;
  optOutSmartRouting?: boolean;

  // BOX
  /** See {@link AuctionStrategy}; official default 0. */
  auctionStrategy?: number;
  startingPrice?: number;
  stockRefPrice?: number;
  delta?: number;

  // pegged to stock and VOL
  stockRangeLower?: number;
  stockRangeUpper?: number;
  randomizePrice?: boolean;
  randomizeSize?: boolean;

  // volatility orders
  volatility?: number;
  /** See {@link VolatilityType}. */
  volatilityType?: number;
  deltaNeutralOrderType?: string;
  deltaNeutralAuxPrice?: number;
  deltaNeutralConId?: number;
  deltaNeutralSettlingFirm?: string;
  deltaNeutralClearingAccount?: string;
  deltaNeutralClearingIntent?: string;
  deltaNeutralOpenClose?: string;
  deltaNeutralShortSale?: boolean;
  deltaNeutralShortSaleSlot?: number;
  deltaNeutralDesignatedLocation?: string;
  continuousUpdate?: boolean;
  /** See {@link ReferencePriceType}. */
  referencePriceType?: number;

  // combo (EFP) orders
  basisPoints?: number;
  basisPointsType?: number;

  // scale orders
  scaleInitLevelSize?: number;
  scaleSubsLevelSize?: number;
  scalePriceIncrement?: number;
  scalePriceAdjustValue?: number;
  scalePriceAdjustInterval?: number;
  scaleProfitOffset?: number;
  scaleAutoReset?: boolean;
  scaleInitPosition?: number;
  scaleInitFillQty?: number;
  scaleRandomPercent?: boolean;
  scaleTable?: string;

  // hedge orders
  /** D delta, B beta, F FX, P pair. */
  hedgeType?: string;
  /** `beta=X` for a beta hedge, `ratio=Y` for a pair hedge. */
  hedgeParam?: string;
  /** Protobuf only, MIN_SERVER_VER_HEDGE_MAX_SIZE (223). */
  hedgeMaxSize?: number;

  // clearing
  account?: string;
  settlingFirm?: string;
  clearingAccount?: string;
  /** "", IB, Away, PTA. */
  clearingIntent?: string;

  // algo orders
  algoStrategy?: string;
  algoParams?: TagValue[];
  smartComboRoutingParams?: TagValue[];
  algoId?: string;

  whatIf?: boolean;
  notHeld?: boolean;
  solicited?: boolean;
  modelCode?: string;

  /** Per-leg prices of a combo order, matched to the contract's legs by position. */
  orderComboLegs?: OrderComboLeg[];
  orderMiscOptions?: TagValue[];

  // pegged to benchmark
  referenceContractId?: number;
  /** Official default 0.0. */
  peggedChangeAmount?: number;
  isPeggedChangeAmountDecrease?: boolean;
  /** Official default 0.0. */
  referenceChangeAmount?: number;
  referenceExchangeId?: string;

  // adjusted orders
  adjustedOrderType?: string;
  triggerPrice?: number;
  adjustedStopPrice?: number;
  adjustedStopLimitPrice?: number;
  adjustedTrailingAmount?: number;
  adjustableTrailingUnit?: number;
  lmtPriceOffset?: number;

  // conditions
  conditions?: OrderCondition[];
  conditionsCancelOrder?: boolean;
  conditionsIgnoreRth?: boolean;
  /** API 10.50 (server version 226, protobuf only): conditions are evaluated in the overnight session too. */
  conditionsIncludeOvernight?: boolean;

  extOperator?: string;
  /** Cash quantity (MIN_SERVER_VER_CASH_QTY). */
  cashQty?: number;

  // MiFID II
  mifid2DecisionMaker?: string;
  mifid2DecisionAlgo?: string;
  mifid2ExecutionTrader?: string;
  mifid2ExecutionAlgo?: string;

  dontUseAutoPriceForHedge?: boolean;
  isOmsContainer?: boolean;
  discretionaryUpToLimitPrice?: boolean;

  autoCancelDate?: string;
  filledQuantity?: Decimal;
  refFuturesConId?: number;
  autoCancelParent?: boolean;
  shareholder?: string;
  imbalanceOnly?: boolean;
  /** Tri-state: undefined means unset (the official `None`). */
  routeMarketableToBbo?: boolean;
  /** Official default 0. */
  parentPermId?: bigint;

  /** Tri-state: undefined means unset (the official `None`); text writes "" for unset. */
  usePriceMgmtAlgo?: boolean;
  duration?: number;
  postToAts?: number;
  advancedErrorOverride?: string;
  manualOrderTime?: string;
  minTradeQty?: number;
  minCompeteSize?: number;
  /** {@link COMPETE_AGAINST_BEST_OFFSET_UP_TO_MID} (+∞) means "up to mid". */
  competeAgainstBestOffset?: number;
  midOffsetAtWhole?: number;
  midOffsetAtHalf?: number;
  customerAccount?: string;
  professionalCustomer?: boolean;
  bondAccruedInterest?: string;
  includeOvernight?: boolean;
  /** 0 electronic, 1 manual. */
  manualOrderIndicator?: number;
  submitter?: string;
  postOnly?: boolean;
  allowPreOpen?: boolean;
  ignoreOpenAuction?: boolean;
  deactivate?: boolean;
  /** Tri-state: undefined means unset (the official `None`). */
  seekPriceImprovement?: boolean;
  whatIfType?: number;

  // attached orders (protobuf PLACE_ORDER only): a stop-loss and a profit-taker TWS creates with the parent
  slOrderId?: number;
  slOrderType?: string;
  ptOrderId?: number;
  ptOrderType?: string;
}

/**
 * Order fields whose official default (`order.py`) is neither unset, `""` nor `false`: a decoded order leaves a
 * field out when it equals its default, so it compares equal to the order a user wrote.
 */
export const ORDER_DEFAULTS: Partial<Record<keyof Order, unknown>> = {
  orderId: 0,
  clientId: 0,
  permId: 0n,
  transmit: true,
  parentId: 0,
  displaySize: 0,
  triggerMethod: 0,
  ocaType: 0,
  origin: 0,
  shortSaleSlot: 0,
  exemptCode: -1,
  discretionaryAmt: 0,
  auctionStrategy: 0,
  deltaNeutralConId: 0,
  deltaNeutralShortSaleSlot: 0,
  referenceContractId: 0,
  peggedChangeAmount: 0,
  referenceChangeAmount: 0,
  adjustableTrailingUnit: 0,
  refFuturesConId: 0,
  parentPermId: 0n,
};
