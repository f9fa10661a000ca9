import type {
  CancelHistoricalDataMessage,
  ReqHistoricalDataMessage,
} from "../../protocol/messages/historical/bars-request.js";
import { ServerVersion } from "../../protocol/server-versions.js";
import { zoneOffset } from "../engine/market/calendar.js";
import { requestError } from "../errors-table.js";
import { buildBars } from "../history/bars.js";
import { zonedText } from "../history/dates.js";
import { cancelled, type HistoryError, noQuery, PACING_VIOLATION } from "../history/errors.js";
import { LiveBars } from "../history/live.js";
import { HistoricalPacing } from "../history/pacing.js";
import { scheduleOf } from "../history/schedule.js";
import { type BarQuery, validateBars } from "../history/validation.js";
import type { HostState, RequestContext, RequestHandler } from "./types.js";

/** How often a keepUpToDate request sends its current bar: TWS updates "approximately every 4-6 seconds" (docs). */
export const UPDATE_MS = 5000;

const LIVE = Symbol("history.live");
const PACING = Symbol("history.pacing");

export const liveBarsOf = (host: HostState) => host.services.get(LIVE, () => new LiveBars(host.clock));
export const pacingOf = (host: HostState) =>
  host.services.get(PACING, () => new HistoricalPacing(host.options.historicalPacing));

/** Sends a history error: a 321 in TWS's validation shape, the others as they are. */
export function sendHistoryError(ctx: RequestContext, reqId: number, name: string, e: HistoryError): void {
  ctx.error(reqId, e.code, e.validation ? requestError("validate", name, e.text).text : e.text);
}

/**
 * The pacing rules bite on bars of 30 s or less (docs "Pacing Violations for Small Bars"); the identity of a request
 * is everything in it but its id, its series the contract, exchange and data type.
 */
export function admitted(ctx: RequestContext, identity: unknown, series: string, what: string): boolean {
  const weight = what === "BID_ASK" ? 2 : 1;
  return pacingOf(ctx.host).admit({ identity: JSON.stringify(identity), series, weight }, ctx.host.clock.now());
}

/** Where the bar holding `now` begins (calendar bars reach back over their whole period). */
function currentBarStart(q: BarQuery, now: number): number {
  if (q.barSeconds >= 86_400) return now - (q.barSeconds + 86_400) * 1000;
  const size = q.barSeconds * 1000;
  const offset = zoneOffset(q.zone, now);
  return Math.floor((now + offset) / size) * size - offset;
}

function keepUpToDate(ctx: RequestContext, reqId: number, q: BarQuery): void {
  const clock = ctx.host.clock;
  const engine = ctx.host.marketData.engine;
  liveBarsOf(ctx.host).start(ctx.clientId, reqId, UPDATE_MS, () => {
    const now = clock.now();
    // The bar being built, as it stands; nothing while the market is closed (recorded: no updates on a Saturday).
    const from = Math.min(currentBarStart(q, now), now - UPDATE_MS);
    const bars = buildBars(engine, { ...q, from, to: now });
    const last = bars[bars.length - 1];
    if (!last) return;
    const { startSecond: _, ...bar } = last;
    ctx.reply("HISTORICAL_DATA_UPDATE", { reqId, bar });
  });
}

function historicalData(ctx: RequestContext, name: string, m: ReqHistoricalDataMessage): void {
  const now = ctx.host.clock.now();
  const engine = ctx.host.marketData.engine;
  const live = liveBarsOf(ctx.host);
  const q = validateBars(m, {
    engine,
    now,
    zone: ctx.host.options.timeZone,
    live: (id) => live.has(ctx.clientId, id),
  });
  if ("code" in q) {
    sendHistoryError(ctx, m.reqId, name, q);
    return;
  }
  if (q.barSeconds <= 30) {
    const { reqId: _, ...identity } = m;
    const series = `${q.instrument.conId}:${q.instrument.symbol}@${m.contract.exchange}:${q.what}`;
    if (!admitted(ctx, identity, series, q.what)) {
      sendHistoryError(ctx, m.reqId, name, PACING_VIOLATION);
      return;
    }
  }
  if (q.kind === "schedule") {
    const s = scheduleOf(engine.hours(q.instrument), q.start, q.end, q.useRTH);
    ctx.reply("HISTORICAL_SCHEDULE", { reqId: m.reqId, ...s });
    return;
  }
  const bars = buildBars(engine, q).map(({ startSecond: _, ...b }) => b);
  const startDateStr = zonedText(q.start, q.zone);
  const endDateStr = zonedText(q.end, q.zone);
  if (ctx.serverVersion < ServerVersion.HISTORICAL_DATA_END) {
    ctx.reply("HISTORICAL_DATA", { reqId: m.reqId, startDateStr, endDateStr, bars });
  } else {
    ctx.reply("HISTORICAL_DATA", { reqId: m.reqId, startDateStr: undefined, endDateStr: undefined, bars });
    ctx.reply("HISTORICAL_DATA_END", { reqId: m.reqId, startDateStr, endDateStr });
  }
  if (m.keepUpToDate) keepUpToDate(ctx, m.reqId, q);
}

/** Historical bars (with keepUpToDate and the schedule) and their cancel. */
export const historicalHandlers: Record<string, RequestHandler> = {
  REQ_HISTORICAL_DATA: {
    handle: (ctx, request) => historicalData(ctx, request.name, request.value as ReqHistoricalDataMessage),
  },
  CANCEL_HISTORICAL_DATA: {
    handle(ctx, request) {
      const { reqId } = request.value as CancelHistoricalDataMessage;
      // Only keepUpToDate requests outlive their answer; any other id is unknown (recorded: 366 for id 99).
      const e = liveBarsOf(ctx.host).stop(ctx.clientId, reqId) ? cancelled(reqId) : noQuery(reqId);
      ctx.error(reqId, e.code, e.text);
    },
  },
};
