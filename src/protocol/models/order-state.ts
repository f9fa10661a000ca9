/**
 * The state of an order as OPEN_ORDER and COMPLETED_ORDER report it: the official `OrderState` and
 * `OrderAllocation` classes (`order_state.py`, 10.46.01). Every field is optional; an absent field means the
 * official default: `""` for text, unset for numbers and Decimals, `false` for flags, no allocations.
 *
 * A what-if order (`order.whatIf`) is not placed: TWS answers with its margin and commission impact here. The
 * nine margin figures are text in the official class (the text reply carries them as text; protobuf as doubles,
 * which the official client turns into plain decimal text, `954397.0`).
 */
import type { Decimal } from "../values.js";

/** How a what-if order for an advisor's group would be split over one account (`OrderAllocation`). */
export interface OrderAllocation {
  account?: string;
  position?: Decimal;
  positionDesired?: Decimal;
  positionAfter?: Decimal;
  desiredAllocQty?: Decimal;
  allowedAllocQty?: Decimal;
  /** True when the quantities are money rather than shares. */
  isMonetary?: boolean;
}

/** The state of an order; see the module comment for what an absent field means. Names are the official ones. */
export interface OrderState {
  /** See {@link OrderStatus} in order.ts: `Submitted`, `Filled`, ... */
  status?: string;

  // margin impact (what-if), as text
  initMarginBefore?: string;
  maintMarginBefore?: string;
  equityWithLoanBefore?: string;
  initMarginChange?: string;
  maintMarginChange?: string;
  equityWithLoanChange?: string;
  initMarginAfter?: string;
  maintMarginAfter?: string;
  equityWithLoanAfter?: string;

  // commission impact (what-if)
  commissionAndFees?: number;
  minCommissionAndFees?: number;
  maxCommissionAndFees?: number;
  commissionAndFeesCurrency?: string;

  // full order preview (MIN_SERVER_VER_FULL_ORDER_PREVIEW_FIELDS, 195)
  marginCurrency?: string;
  initMarginBeforeOutsideRTH?: number;
  maintMarginBeforeOutsideRTH?: number;
  equityWithLoanBeforeOutsideRTH?: number;
  initMarginChangeOutsideRTH?: number;
  maintMarginChangeOutsideRTH?: number;
  equityWithLoanChangeOutsideRTH?: number;
  initMarginAfterOutsideRTH?: number;
  maintMarginAfterOutsideRTH?: number;
  equityWithLoanAfterOutsideRTH?: number;
  suggestedSize?: Decimal;
  rejectReason?: string;
  orderAllocations?: OrderAllocation[];

  warningText?: string;

  // completed orders only
  /** When the order completed, e.g. `20250102 10:15:00 America/New_York`. */
  completedTime?: string;
  /** Why it completed, e.g. `Filled Size: 100` or a cancel reason. */
  completedStatus?: string;
}
