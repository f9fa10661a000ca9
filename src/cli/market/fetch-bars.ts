import {
  type Duration,
  durationSeconds,
  durationStart,
  durationText,
  longestRequest,
} from "../../protocol/historical-settings.js";
import type { Bar } from "../../protocol/models/bar.js";
import type { Contract } from "../../protocol/models/contract.js";
import type { Session } from "../session/session.js";
import { HistoryPacer } from "./history-limits.js";
import { barStart, twsUtcText } from "./history-time.js";

/** A bars query, its settings checked. */
export interface BarsQuery {
  readonly label: string;
  readonly contract: Contract;
  readonly duration: Duration;
  readonly barSetting: string;
  readonly barSeconds: number;
  readonly whatToShow: string;
  readonly rth: boolean;
  /** The end (epoch ms); undefined: now. */
  readonly end?: number | undefined;
}

/** formatDate 2: intraday bar dates as epoch seconds, which read without a time zone. */
const EPOCH_DATES = 2;

/** One REQ_HISTORICAL_DATA: the bars between `historicalData` and `historicalDataEnd`. */
function requestBars(session: Session, q: BarsQuery, end: string, duration: string): Promise<Bar[]> {
  return session.request<Bar[]>(
    `bars for ${q.label}`,
    (reqId) =>
      session.client.reqHistoricalData(
        reqId,
        q.contract,
        end,
        duration,
        q.barSetting,
        q.whatToShow,
        q.rth ? 1 : 0,
        EPOCH_DATES,
        false,
      ),
    (done) => {
      const bars: Bar[] = [];
      return { historicalData: (_id, bar) => bars.push(bar), historicalDataEnd: () => done(bars) };
    },
  );
}

/** Whether the query is longer than one request may carry for its bar size. */
export function needsChunks(q: BarsQuery): boolean {
  const longest = longestRequest(q.barSeconds);
  return longest !== undefined && durationSeconds(q.duration) > durationSeconds(longest);
}

/**
 * The bars of a query, oldest first. A range longer than one request may carry is fetched backwards from the end
 * in the longest requests TWS allows, each starting where the previous one's data began, paced to TWS's
 * historical limits; `progress` hears the fraction of the range covered after each request.
 */
export async function fetchBars(session: Session, q: BarsQuery, progress?: (fraction: number) => void): Promise<Bar[]> {
  const longest = longestRequest(q.barSeconds);
  if (!longest || !needsChunks(q)) {
    return requestBars(session, q, q.end === undefined ? "" : twsUtcText(q.end), durationText(q.duration));
  }
  const [seconds] =
    q.end === undefined ? await session.reply("currentTime", () => session.client.reqCurrentTime()) : [];
  const end = q.end ?? seconds! * 1000;
  const start = durationStart(q.duration, end);
  const pacer = new HistoryPacer();
  const bars = new Map<number, Bar>();
  for (let e = end; e > start; ) {
    await Promise.race([pacer.wait(), session.stop.interrupted()]);
    const chunk = await requestBars(session, q, twsUtcText(e), durationText(longest));
    for (const bar of chunk) {
      const t = barStart(bar.date);
      if (t >= start && t < end) bars.set(t, bar);
    }
    const first = chunk.length > 0 ? barStart(chunk[0]!.date) : undefined;
    // Where this request's data began; with none (a holiday, say), a whole request's length earlier.
    e = first !== undefined && first < e ? first : durationStart(longest, e);
    progress?.(Math.min(1, (end - Math.max(e, start)) / (end - start)));
  }
  return [...bars.entries()].sort((a, b) => a[0] - b[0]).map(([, bar]) => bar);
}
