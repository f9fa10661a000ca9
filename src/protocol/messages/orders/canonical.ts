import type { ComboLeg, Contract } from "../../models/contract.js";
import { ORDER_DEFAULTS, type Order } from "../../models/order.js";

/**
 * Decoded requests of this family are canonical: a field equal to its official default is left out, so a
 * decoded PLACE_ORDER equals the order a user wrote with only the fields they set (the models say that an
 * absent field means the official default). Both forms need this: the text form writes every default, and the
 * protobuf builders set many of them (ids at 0, `exemptCode` -1, `transmit` true, an empty soft-dollar tier).
 */

/** Tri-state flags: `false` is a value of its own (the official `None` is the unset state). */
const TRI_STATE = new Set<keyof Order>(["usePriceMgmtAlgo", "routeMarketableToBbo", "seekPriceImprovement"]);

/** Removes every field of `o` that holds its official default; returns `o`. */
export function canonicalOrder(o: Order): Order {
  const rec = o as Record<string, unknown>;
  for (const key of Object.keys(rec) as (keyof Order)[]) {
    const v = rec[key];
    const dflt = key in ORDER_DEFAULTS ? ORDER_DEFAULTS[key] : undefined;
    let drop = v === undefined || v === dflt;
    if (!drop && dflt === undefined) {
      drop = v === "" || (v === false && !TRI_STATE.has(key)) || (Array.isArray(v) && v.length === 0);
    }
    if (drop) delete rec[key];
  }
  const tier = o.softDollarTier;
  if (tier && !tier.name && !tier.value && !tier.displayName) delete o.softDollarTier;
  return o;
}

/** Removes every contract field that holds its official default (legs and the delta-neutral hedge too). */
export function canonicalContract(c: Contract): Contract {
  dropDefaults(c as Record<string, unknown>, { conId: 0 });
  if (c.comboLegs) {
    for (const leg of c.comboLegs) canonicalLeg(leg);
    if (c.comboLegs.length === 0) delete c.comboLegs;
  }
  if (c.deltaNeutralContract) {
    dropDefaults(c.deltaNeutralContract as Record<string, unknown>, { conId: 0, delta: 0, price: 0 });
  }
  return c;
}

function canonicalLeg(leg: ComboLeg): void {
  dropDefaults(leg as Record<string, unknown>, { conId: 0, ratio: 0, openClose: 0, shortSaleSlot: 0, exemptCode: -1 });
}

/** Drops undefined, `""`, `false` and the numeric defaults `defaults` names (a strike of 0 is a value). */
function dropDefaults(rec: Record<string, unknown>, defaults: Record<string, unknown>): void {
  for (const key of Object.keys(rec)) {
    const v = rec[key];
    if (v === undefined || v === "" || v === false || (key in defaults && v === defaults[key])) delete rec[key];
  }
}
