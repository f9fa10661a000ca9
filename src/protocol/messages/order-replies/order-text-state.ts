import type { OrderAllocation } from "../../models/order-state.js";
import { ServerVersion as V } from "../../server-versions.js";
import { bool, decimal, doubleMax, type FieldGroup, fromServerVersion, text } from "./text-fields.js";

/**
 * The order-state part of a text order reply. OPEN_ORDER carries the whole what-if block
 * (decodeWhatIfInfoAndCommissionAndFees): the whatIf flag, the status, then the margin and commission impact a
 * what-if order would have; COMPLETED_ORDER only the status (decodeOrderStatus). The margins are text; the
 * commissions and, from MIN_SERVER_VER_FULL_ORDER_PREVIEW_FIELDS (195), the outside-RTH margins are "show unset"
 * doubles, followed by the suggested size, a reject reason and the per-account allocations.
 */

/** decodeOrderStatus. */
export const status: FieldGroup = text("state", "status");

/** A count, then account, five Decimals and isMonetary per allocation (empty count: the list stays unset). */
const orderAllocations: FieldGroup = {
  read(r, c) {
    const n = r.readInt();
    if (n <= 0) return;
    const list: OrderAllocation[] = [];
    for (let i = 0; i < n; i++) {
      list.push({
        account: r.readString(),
        position: r.readDecimal(),
        positionDesired: r.readDecimal(),
        positionAfter: r.readDecimal(),
        desiredAllocQty: r.readDecimal(),
        allowedAllocQty: r.readDecimal(),
        isMonetary: r.readBool(),
      });
    }
    c.state.orderAllocations = list;
  },
  write(w, c) {
    const list = c.state.orderAllocations ?? [];
    w.int(list.length);
    for (const a of list) {
      w.utf8(a.account ?? "")
        .decimal(a.position)
        .decimal(a.positionDesired)
        .decimal(a.positionAfter)
        .decimal(a.desiredAllocQty)
        .decimal(a.allowedAllocQty)
        .bool(a.isMonetary);
    }
  },
};

/** decodeWhatIfInfoAndCommissionAndFees (OPEN_ORDER). */
export const whatIfFields: FieldGroup[] = [
  bool("order", "whatIf"),
  status,
  fromServerVersion(
    V.WHAT_IF_EXT_FIELDS,
    text("state", "initMarginBefore"),
    text("state", "maintMarginBefore"),
    text("state", "equityWithLoanBefore"),
    text("state", "initMarginChange"),
    text("state", "maintMarginChange"),
    text("state", "equityWithLoanChange"),
  ),
  text("state", "initMarginAfter"),
  text("state", "maintMarginAfter"),
  text("state", "equityWithLoanAfter"),
  doubleMax("state", "commissionAndFees"),
  doubleMax("state", "minCommissionAndFees"),
  doubleMax("state", "maxCommissionAndFees"),
  text("state", "commissionAndFeesCurrency"),
  fromServerVersion(
    V.FULL_ORDER_PREVIEW_FIELDS,
    text("state", "marginCurrency"),
    doubleMax("state", "initMarginBeforeOutsideRTH"),
    doubleMax("state", "maintMarginBeforeOutsideRTH"),
    doubleMax("state", "equityWithLoanBeforeOutsideRTH"),
    doubleMax("state", "initMarginChangeOutsideRTH"),
    doubleMax("state", "maintMarginChangeOutsideRTH"),
    doubleMax("state", "equityWithLoanChangeOutsideRTH"),
    doubleMax("state", "initMarginAfterOutsideRTH"),
    doubleMax("state", "maintMarginAfterOutsideRTH"),
    doubleMax("state", "equityWithLoanAfterOutsideRTH"),
    decimal("state", "suggestedSize"),
    text("state", "rejectReason"),
    orderAllocations,
  ),
  text("state", "warningText"),
];
