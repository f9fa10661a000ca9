import type { ContractDetails } from "../../src/protocol/models/contract-details.js";
import { universeAt } from "../../src/server/engine/reference/universe.js";
import { MarketEngine, type MarketInstrument, universeResolver } from "../../src/server/index.js";

/** Monday 28 September 2026, 10:15 New York time: stocks and their options trade. */
export const MONDAY_OPEN = Date.UTC(2026, 8, 28, 14, 15);

/** An engine like the host's, resolving contracts on the day of `at`. */
export function engineAt(seed: number, at: number): MarketEngine {
  return new MarketEngine({ seed, resolve: universeResolver(() => at) });
}

/** The option of `symbol`'s chain with `right` whose strike is nearest `moneyness` × the underlying's price. */
export function optionNear(
  engine: MarketEngine,
  at: number,
  symbol: string,
  right: "C" | "P",
  moneyness = 1,
): { details: ContractDetails; instrument: MarketInstrument } {
  const chain = universeAt(at).instruments.filter(
    (i) =>
      i.details.contract.symbol === symbol &&
      i.details.contract.secType === "OPT" &&
      i.details.contract.right === right,
  );
  const stock = engine.instrumentOf({ symbol, secType: "STK", currency: "USD" })!;
  const target = engine.state(stock, at).mid * moneyness;
  // The nearest expiry at least a week away, then the strike nearest the target.
  const week = at + 7 * 86_400_000;
  const resolved = chain.map((i) => ({
    details: i.details,
    instrument: engine.instrumentOf({ conId: i.details.contract.conId })!,
  }));
  const later = resolved.filter((o) => o.instrument.derivative!.expiry > week);
  const expiry = Math.min(...later.map((o) => o.instrument.derivative!.expiry));
  const same = later.filter((o) => o.instrument.derivative!.expiry === expiry);
  return same.reduce((a, b) =>
    Math.abs(b.details.contract.strike! - target) < Math.abs(a.details.contract.strike! - target) ? b : a,
  );
}

/** A REQ_MKT_DATA value. */
export function mktData(
  reqId: number,
  contract: object,
  genericTickList = "",
  snapshot = false,
  regulatorySnapshot = false,
) {
  return { reqId, contract, genericTickList, snapshot, regulatorySnapshot, mktDataOptions: [] };
}
