import type { ReqHistoricalDataMessage } from "../../protocol/messages/historical/bars-request.js";
import type { ReqHeadTimestampMessage } from "../../protocol/messages/historical/head-timestamp.js";
import { ServerVersion } from "../../protocol/server-versions.js";
import type { HostClock, TimerHandle } from "../clock.js";
import { zoneOffset } from "../engine/market/calendar.js";
import type { MarketInstrument } from "../engine/market/index.js";
import { requestError } from "../errors-table.js";
import { type BarQuery, buildBars, zonedText } from "../history/bars.js";
import {
  BAR_SIZES,
  checkWhatToShow,
  durationStart,
  hmdsError,
  parseDuration,
  parseEndDateTime,
  stepAllowed,
} from "../history/request.js";
import { NO_SECURITY_DEFINITION } from "./reference.js";
import type { HostState, RequestContext, RequestHandler } from "./types.js";

/** The historical pacing window for identical requests (TWS: 15 s, bars of 30 s or less). */
const IDENTICAL_WINDOW_MS = 15_000;
/** How often a keepUpToDate request sends its current bar, in ms of host time. */
const UPDATE_MS = 1000;

/** Each host's keepUpToDate requests (by `clientId:reqId`) and recent requests (for pacing). */
class HistoryState {
  readonly live = new Map<string, TimerHandle>();
  readonly recent = new Map<string, number>();
  constructor(private readonly clock: HostClock) {}

  dropClient(clientId: number): void {
    for (const [key, timer] of this.live) {
      if (key.startsWith(`${clientId}:`)) {
        this.clock.clearTimer(timer);
        this.live.delete(key);
      }
    }
  }

  dispose(): void {
    for (const timer of this.live.values()) this.clock.clearTimer(timer);
    this.live.clear();
  }
}

const HISTORY = Symbol("history");

function stateOf(host: HostState): HistoryState {
  return host.services.get(HISTORY, () => new HistoryState(host.clock));
}

const zoneOf = (i: MarketInstrument) => i.timeZone ?? "US/Eastern";

/** Checks a request; the query to answer, or the error sent. */
function validate(ctx: RequestContext, name: string, m: ReqHistoricalDataMessage): BarQuery | undefined {
  const fail = (code: number, text: string) => {
    ctx.error(m.reqId, code, code === 321 ? requestError("validate", name, text).text : text);
    return undefined;
  };
  const barSeconds = BAR_SIZES.get(m.barSizeSetting.trim());
  if (barSeconds === undefined) return fail(321, `bar size setting '${m.barSizeSetting}' is invalid`);
  const duration = parseDuration(m.durationStr);
  if (!duration) return fail(321, `duration '${m.durationStr}' is invalid (<n> S|D|W|M|Y)`);
  const what = checkWhatToShow(m.whatToShow);
  if (typeof what !== "string") return fail(what.code, what.text);
  if (!stepAllowed(barSeconds, duration)) {
    const e = hmdsError(`Invalid step: ${m.barSizeSetting} bars over ${m.durationStr}`);
    return fail(e.code, e.text);
  }
  if (m.formatDate !== 1 && m.formatDate !== 2) return fail(321, `formatDate ${m.formatDate} is not 1 or 2`);
  if (m.keepUpToDate && m.endDateTime.trim() !== "") return fail(321, "End date not supported with live updates");
  const now = ctx.host.clock.now();
  const end = parseEndDateTime(m.endDateTime, now, ctx.host.options.timeZone);
  if (end === undefined) return fail(321, `end date/time '${m.endDateTime}' is invalid`);
  const instrument = ctx.host.marketData.engine.instrumentOf(m.contract);
  if (!instrument) return fail(NO_SECURITY_DEFINITION.code, NO_SECURITY_DEFINITION.text);
  const start = durationStart(duration, end);
  return { instrument, start, end, barSeconds, what, useRTH: m.useRTH !== 0, formatDate: m.formatDate };
}

/** The identical-request rule: true (and 162 sent) when the same request came within 15 s. */
function paced(ctx: RequestContext, m: ReqHistoricalDataMessage, q: BarQuery): boolean {
  if (q.barSeconds > 30) return false;
  const { recent } = stateOf(ctx.host);
  const now = ctx.host.clock.now();
  for (const [k, at] of recent) if (now - at >= IDENTICAL_WINDOW_MS) recent.delete(k);
  const { reqId: _, ...rest } = m;
  const key = JSON.stringify(rest);
  if (recent.has(key)) {
    const e = hmdsError("Historical data request pacing violation");
    ctx.error(m.reqId, e.code, e.text);
    return true;
  }
  recent.set(key, now);
  return false;
}

/** Where the bar holding `now` begins (local alignment; calendar bars reach back over their whole period). */
function currentBarStart(q: BarQuery, now: number): number {
  if (q.barSeconds >= 86_400) return now - (q.barSeconds + 86_400) * 1000;
  const offset = zoneOffset(zoneOf(q.instrument), now);
  const size = q.barSeconds * 1000;
  return Math.floor((now + offset) / size) * size - offset;
}

/** Sends the current bar of a keepUpToDate request each second of host time until it is cancelled. */
function keepUpToDate(ctx: RequestContext, reqId: number, q: BarQuery): void {
  const { live } = stateOf(ctx.host);
  const key = `${ctx.clientId}:${reqId}`;
  const clock = ctx.host.clock;
  const tick = () => {
    const now = clock.now();
    const bars = buildBars(ctx.host.marketData.engine, { ...q, start: currentBarStart(q, now), end: now });
    const bar = bars[bars.length - 1];
    if (bar) ctx.reply("HISTORICAL_DATA_UPDATE", { reqId, bar });
    live.set(key, clock.setTimer(tick, UPDATE_MS - (clock.now() % UPDATE_MS)));
  };
  live.set(key, clock.setTimer(tick, UPDATE_MS - (clock.now() % UPDATE_MS)));
}

function historicalData(ctx: RequestContext, name: string, m: ReqHistoricalDataMessage): void {
  const q = validate(ctx, name, m);
  if (!q || paced(ctx, m, q)) return;
  const bars = buildBars(ctx.host.marketData.engine, q).map(({ startSecond: _, ...b }) => b);
  const startDateStr = zonedText(q.start, zoneOf(q.instrument));
  const endDateStr = zonedText(q.end, zoneOf(q.instrument));
  if (ctx.serverVersion < ServerVersion.HISTORICAL_DATA_END) {
    ctx.reply("HISTORICAL_DATA", { reqId: m.reqId, startDateStr, endDateStr, bars });
  } else {
    ctx.reply("HISTORICAL_DATA", { reqId: m.reqId, startDateStr: undefined, endDateStr: undefined, bars });
    ctx.reply("HISTORICAL_DATA_END", { reqId: m.reqId, startDateStr, endDateStr });
  }
  if (m.keepUpToDate) keepUpToDate(ctx, m.reqId, q);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The head timestamp of an instrument: fixed per instrument (AAPL's as recorded: 1980-12-12 14:30 UTC). */
export function headTimestampOf(instrument: MarketInstrument): number {
  if (instrument.symbol === "AAPL" && instrument.secType === "STK") return Date.UTC(1980, 11, 12, 14, 30);
  const key = instrument.conId > 0 ? instrument.conId : instrument.symbol.length * 7919;
  return Date.UTC(2000, 0, 3, 14, 30) + (key % 5000) * 86_400_000;
}

/** Historical bars (with keepUpToDate), their cancel, and head timestamps. */
export const historicalHandlers: Record<string, RequestHandler> = {
  REQ_HISTORICAL_DATA: {
    handle: (ctx, request) => historicalData(ctx, request.name, request.value as ReqHistoricalDataMessage),
  },
  CANCEL_HISTORICAL_DATA: {
    handle(ctx, request) {
      const { reqId } = request.value as { reqId: number };
      const { live } = stateOf(ctx.host);
      const timer = live.get(`${ctx.clientId}:${reqId}`);
      if (timer === undefined) {
        ctx.error(reqId, 366, `No historical data query found for ticker id:${reqId}`);
        return;
      }
      ctx.host.clock.clearTimer(timer);
      live.delete(`${ctx.clientId}:${reqId}`);
      const e = hmdsError(`API historical data query cancelled: ${reqId}`);
      ctx.error(reqId, e.code, e.text);
    },
  },
  REQ_HEAD_TIMESTAMP: {
    handle(ctx, request) {
      const m = request.value as ReqHeadTimestampMessage;
      const what = checkWhatToShow(m.whatToShow);
      if (typeof what !== "string") {
        ctx.error(
          m.reqId,
          what.code,
          what.code === 321 ? requestError("validate", request.name, what.text).text : what.text,
        );
        return;
      }
      const instrument = ctx.host.marketData.engine.instrumentOf(m.contract);
      if (!instrument) {
        ctx.error(m.reqId, NO_SECURITY_DEFINITION.code, NO_SECURITY_DEFINITION.text);
        return;
      }
      const head = new Date(headTimestampOf(instrument));
      const text =
        m.formatDate === 2
          ? String(head.getTime() / 1000)
          : `${head.getUTCFullYear()}${pad(head.getUTCMonth() + 1)}${pad(head.getUTCDate())}-${pad(head.getUTCHours())}:${pad(head.getUTCMinutes())}:${pad(head.getUTCSeconds())}`;
      ctx.reply("HEAD_TIMESTAMP", { reqId: m.reqId, headTimestamp: text });
    },
  },
  CANCEL_HEAD_TIMESTAMP: {
    // The host answers at once, so nothing is left to cancel; the recorded gateway replies nothing either.
    handle() {},
  },
};
