import type { ReqHeadTimestampMessage } from "../../protocol/messages/historical/head-timestamp.js";
import type { ReqHistogramDataMessage } from "../../protocol/messages/historical/histogram.js";
import type { ReqHistoricalTicksMessage } from "../../protocol/messages/historical/ticks-request.js";
import type { MarketInstrument } from "../engine/market/index.js";
import { dashText } from "../history/dates.js";
import { invalid, PACING_VIOLATION } from "../history/errors.js";
import { histogramOf, parsePeriod } from "../history/histogram.js";
import { historicalTicksOf, validateTicks } from "../history/ticks.js";
import { WHAT_TO_SHOW } from "../history/what-to-show.js";
import { admitted, sendHistoryError } from "./historical.js";
import type { RequestHandler } from "./types.js";

const NO_SECURITY = { code: 200, text: "No security definition has been found for the request" };

/** The head timestamp of an instrument: fixed per instrument (AAPL's as recorded: 1980-12-12 14:30 UTC). */
export function headTimestampOf(instrument: MarketInstrument): number {
  if (instrument.symbol === "AAPL" && instrument.secType === "STK") return Date.UTC(1980, 11, 12, 14, 30);
  const key = instrument.conId > 0 ? instrument.conId : instrument.symbol.length * 7919;
  return Date.UTC(2000, 0, 3, 14, 30) + (key % 5000) * 86_400_000;
}

/**
 * Historical ticks, histograms and head timestamps: each answered at once, so their cancels find nothing running
 * and are answered with nothing (recorded for CANCEL_HEAD_TIMESTAMP; assumed for the other two).
 */
export const historicalMoreHandlers: Record<string, RequestHandler> = {
  REQ_HISTORICAL_TICKS: {
    handle(ctx, request) {
      const m = request.value as ReqHistoricalTicksMessage;
      const engine = ctx.host.marketData.engine;
      const q = validateTicks(m, engine, ctx.host.clock.now(), ctx.host.options.timeZone);
      if ("code" in q) {
        sendHistoryError(ctx, m.reqId, request.name, q);
        return;
      }
      // Ticks are the finest historical data: the small-bar pacing rules apply to them too (assumed).
      const { reqId: _, ...identity } = m;
      const series = `${q.instrument.conId}:${q.instrument.symbol}@${m.contract.exchange}:ticks:${q.what}`;
      if (!admitted(ctx, identity, series, q.what))
        return sendHistoryError(ctx, m.reqId, request.name, PACING_VIOLATION);
      ctx.reply(q.reply, { reqId: m.reqId, ticks: historicalTicksOf(engine, q), done: true });
    },
  },
  CANCEL_HISTORICAL_TICKS: { handle() {} },
  REQ_HISTOGRAM_DATA: {
    handle(ctx, request) {
      const m = request.value as ReqHistogramDataMessage;
      const days = parsePeriod(m.timePeriod);
      if (days === undefined) {
        const e = invalid(`Histogram period [${m.timePeriod}] is invalid: use <n> days, weeks or months.`);
        return sendHistoryError(ctx, m.tickerId, request.name, e);
      }
      const engine = ctx.host.marketData.engine;
      const instrument = engine.instrumentOf(m.contract);
      if (!instrument) {
        ctx.error(m.tickerId, NO_SECURITY.code, NO_SECURITY.text);
        return;
      }
      const end = ctx.host.clock.now();
      const histogram = histogramOf(engine, instrument, end - days * 86_400_000, end, m.useRTH);
      ctx.reply("HISTOGRAM_DATA", { reqId: m.tickerId, histogram });
    },
  },
  CANCEL_HISTOGRAM_DATA: { handle() {} },
  REQ_HEAD_TIMESTAMP: {
    handle(ctx, request) {
      const m = request.value as ReqHeadTimestampMessage;
      const what = m.whatToShow.trim().toUpperCase();
      if (!WHAT_TO_SHOW.has(what)) {
        const e = invalid(`Historical data query whatToShow [${m.whatToShow}] is invalid.`);
        return sendHistoryError(ctx, m.reqId, request.name, e);
      }
      const instrument = ctx.host.marketData.engine.instrumentOf(m.contract);
      if (!instrument) {
        ctx.error(m.reqId, NO_SECURITY.code, NO_SECURITY.text);
        return;
      }
      const head = headTimestampOf(instrument);
      // Recorded: formatDate 1 → `19801212-14:30:00` (UTC), 2 → epoch seconds.
      const headTimestamp = m.formatDate === 2 ? String(head / 1000) : dashText(head);
      ctx.reply("HEAD_TIMESTAMP", { reqId: m.reqId, headTimestamp });
    },
  },
  CANCEL_HEAD_TIMESTAMP: { handle() {} },
};
