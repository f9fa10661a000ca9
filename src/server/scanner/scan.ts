import type { ScanData } from "../../protocol/models/scanner.js";
import { previousTradingDay } from "../engine/market/calendar.js";
import {
  isTradingDay,
  localDay,
  type MarketEngine,
  type MarketInstrument,
  tradingDay,
} from "../engine/market/index.js";
import { universeAt } from "../engine/reference/universe.js";
import type { RowFilter } from "./filters.js";
import type { ScanLocation } from "./locations.js";
import type { ScanCode } from "./scan-codes.js";

/**
 * One run of a scan over the host's universe: every US stock of the location that the market engine prices
 * (`engine.instrumentOf(details.contract)`; the others are skipped), filtered, scored and ranked. Rows carry the
 * contract as the recorded SCANNER_DATA does (IB Gateway 1040, `scanner_two`): conId, symbol, secType, SMART,
 * primary exchange, currency, local symbol, trading class and a zero strike, the market name, and empty distance, benchmark,
 * projection and legs.
 */

/** TWS's most rows per scan (API documentation: "a maximum result of 50 results per scan code"). */
export const MAX_SCAN_ROWS = 50;

/** What a scan asks for. */
export interface ScanQuery {
  readonly code: ScanCode;
  readonly location: ScanLocation;
  readonly filter: RowFilter;
  readonly rows: number;
}

/** The volume of `instrument`'s previous trading day up to the same time into the day as `now`. */
function previousVolumeAt(engine: MarketEngine, instrument: MarketInstrument, now: number): number {
  const hours = engine.hours(instrument);
  const today = tradingDay(hours, localDay(hours.timeZone, now));
  const day = isTradingDay(today) && now >= today.open ? today : previousTradingDay(hours, today.day);
  const before = previousTradingDay(hours, day.day);
  return engine.state(instrument, before.open + (Math.min(now, day.close) - day.open)).volume;
}

/** The rows of a scan at `now`, ranked from 0. */
export function runScan(engine: MarketEngine, query: ScanQuery, now: number): ScanData[] {
  const scored: { score: number; conId: number; row: Omit<ScanData, "rank"> }[] = [];
  for (const entry of universeAt(now).instruments) {
    const { contract, marketName, stockType } = entry.details;
    if (contract.secType !== "STK" || !query.location.exchanges.includes(contract.primaryExchange ?? "")) continue;
    const instrument = engine.instrumentOf(contract);
    if (!instrument) continue;
    const state = engine.state(instrument, now);
    if (!query.filter.passes(state, stockType)) continue;
    const score = query.code.score({ state, previousVolume: () => previousVolumeAt(engine, instrument, now) });
    if (score === undefined) continue;
    scored.push({
      score,
      conId: contract.conId ?? 0,
      row: {
        contract: {
          conId: contract.conId,
          symbol: contract.symbol,
          secType: contract.secType,
          // As TWS sends a stock row (and as the text form always carries it).
          strike: 0,
          exchange: "SMART",
          primaryExchange: contract.primaryExchange,
          currency: contract.currency,
          localSymbol: contract.localSymbol,
          tradingClass: contract.tradingClass,
        },
        marketName,
      },
    });
  }
  scored.sort((a, b) => b.score - a.score || a.conId - b.conId);
  return scored.slice(0, query.rows).map((s, rank) => ({ rank, ...s.row }));
}
