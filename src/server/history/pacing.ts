import type { ClientScopedService } from "../services.js";

/**
 * TWS's historical data pacing (docs "Historical Data Limitations", "Pacing Violations for Small Bars (30 secs or
 * less)"): a violation, answered with 162 "Historical data request pacing violation", is
 * - an identical request within 15 s;
 * - six or more requests for the same contract, exchange and tick type within 2 s;
 * - more than 60 requests in any 10 minutes;
 * and a BID_ASK request counts twice. The limits belong to the TWS session, so they are shared by all its clients;
 * a refused request does not count (assumed: the docs say what is refused, not whether refusals count).
 */

/** The pacing limits (TWS's defaults; a benchmark may raise them). */
export interface HistoricalPacingLimits {
  /** Identical requests: window in ms (15 000). */
  readonly identicalMs: number;
  /** Requests for one contract, exchange and tick type: how many make a violation (6) within how long (2 000 ms). */
  readonly burstCount: number;
  readonly burstMs: number;
  /** All requests: more than `maxRequests` (60) within `windowMs` (600 000) is a violation. */
  readonly maxRequests: number;
  readonly windowMs: number;
}

export const DEFAULT_HISTORICAL_PACING: HistoricalPacingLimits = {
  identicalMs: 15_000,
  burstCount: 6,
  burstMs: 2_000,
  maxRequests: 60,
  windowMs: 600_000,
};

/** One request as pacing sees it. */
export interface PacedRequest {
  /** Everything that makes two requests identical (the request without its id). */
  readonly identity: string;
  /** Contract, exchange and tick type. */
  readonly series: string;
  /** 2 for BID_ASK, else 1. */
  readonly weight: number;
}

interface Served {
  readonly at: number;
  readonly request: PacedRequest;
}

/**
 * The requests served in the last window, oldest first. Only requests inside the longest window are kept and a
 * request beyond the limit is refused, not kept, so the state never holds more than `maxRequests` entries.
 */
export class HistoricalPacing implements ClientScopedService {
  private served: Served[] = [];

  constructor(readonly limits: HistoricalPacingLimits = DEFAULT_HISTORICAL_PACING) {}

  /** Counts the request and returns true, or returns false (a violation) and counts nothing. */
  admit(request: PacedRequest, now: number): boolean {
    const { identicalMs, burstCount, burstMs, maxRequests, windowMs } = this.limits;
    const horizon = Math.max(identicalMs, burstMs, windowMs);
    let drop = 0;
    while (drop < this.served.length && now - this.served[drop]!.at >= horizon) drop++;
    if (drop > 0) this.served = this.served.slice(drop);
    let total = request.weight;
    let burst = request.weight;
    for (const s of this.served) {
      const age = now - s.at;
      if (age < identicalMs && s.request.identity === request.identity) return false;
      if (age < burstMs && s.request.series === request.series) burst += s.request.weight;
      if (age < windowMs) total += s.request.weight;
    }
    if (burst >= burstCount || total > maxRequests) return false;
    this.served.push({ at: now, request });
    return true;
  }

  /** How many served requests the state holds (for tests of its bound). */
  get size(): number {
    return this.served.length;
  }

  /** Pacing is the TWS session's, not a client's: a client leaving changes nothing. */
  dropClient(): void {}

  dispose(): void {
    this.served = [];
  }
}
