import type { ReqMktDepthMessage } from "../../protocol/messages/depth-and-bars/market-depth-requests.js";
import type { ReqRealTimeBarsMessage } from "../../protocol/messages/depth-and-bars/real-time-bars.js";
import type { ReqTickByTickDataMessage } from "../../protocol/messages/depth-and-bars/tick-by-tick-requests.js";
import { UNSET_INTEGER } from "../../protocol/values.js";
import type { MarketInstrument } from "../engine/market/index.js";
import { requestError } from "../errors-table.js";
import { DepthCode, DepthText, MAX_DEPTH_ROWS } from "../streams/depth.js";
import { MAX_DEPTH_SUBSCRIPTIONS, type StreamKind, streamsOf } from "../streams/service.js";
import { BAR_KINDS, tickByTickTypeOf } from "../streams/tape.js";
import type { RequestContext, RequestHandler } from "./types.js";

/**
 * Market depth (REQ_MKT_DEPTH / CANCEL_MKT_DEPTH), tick-by-tick data (REQ_TICK_BY_TICK_DATA /
 * CANCEL_TICK_BY_TICK_DATA) and real-time bars (REQ_REAL_TIME_BARS / CANCEL_REAL_TIME_BARS), served from the
 * host's market engine on the host clock (src/server/streams/). Contracts resolve as for level-1 market data.
 * REQ_MKT_DEPTH_EXCHANGES is served with the reference data.
 */

/** TWS's tick-by-tick limit (reference §9: 5 % of the market data lines). */
export const TICK_BY_TICK_LIMIT = {
  code: 10190,
  text: "Max number of tick-by-tick requests has been reached.",
} as const;

/**
 * A tick-by-tick request for an instrument and type within 15 s of the last one (TWS API docs). The docs give no
 * code for it; assumed: TWS's tick-by-tick failure code 10189 "Failed to request tick-by-tick data." with the
 * rule as its reason.
 */
export const TICK_BY_TICK_TOO_SOON = {
  code: 10189,
  text: "Failed to request tick-by-tick data.No more than 1 tick-by-tick request can be made for the same instrument within 15 seconds",
} as const;

/** The bar size real-time bars support, in seconds. */
export const REAL_TIME_BAR_SECONDS = 5;

/**
 * The checks every subscribing request shares: a free request id (102) and a contract the market knows (200).
 * Returns the instrument, or undefined after sending the error.
 */
function instrumentFor(
  ctx: RequestContext,
  kind: StreamKind,
  reqId: number,
  contract: ReqMktDepthMessage["contract"],
): MarketInstrument | undefined {
  const streams = streamsOf(ctx.host);
  if (streams.has(kind, ctx.clientId, reqId)) {
    ctx.error(reqId, DepthCode.DUPLICATE_TICKER_ID, DepthText.duplicateTickerId);
    return undefined;
  }
  const instrument = ctx.host.marketData.engine.instrumentOf(contract);
  if (!instrument) ctx.error(reqId, DepthCode.NO_SECURITY_DEFINITION, DepthText.noSecurityDefinition);
  return instrument;
}

function invalid(ctx: RequestContext, reqId: number, request: string, why: string): void {
  const e = requestError("validate", request, why);
  ctx.error(reqId, e.code, e.text);
}

const send = (ctx: RequestContext) => (name: Parameters<RequestContext["reply"]>[0], value: unknown) =>
  ctx.reply(name, value);

export const streamHandlers: Record<string, RequestHandler> = {
  REQ_MKT_DEPTH: {
    handle(ctx, request) {
      const m = request.value as ReqMktDepthMessage;
      const streams = streamsOf(ctx.host);
      if (!Number.isInteger(m.numRows) || m.numRows < 1) {
        invalid(ctx, m.reqId, request.name, `numRows ${m.numRows} is not a positive number of rows`);
        return;
      }
      const instrument = instrumentFor(ctx, "depth", m.reqId, m.contract);
      if (!instrument) return;
      if (streams.count("depth") >= MAX_DEPTH_SUBSCRIPTIONS) {
        ctx.error(m.reqId, DepthCode.MAX_DEPTH, DepthText.maxDepth(MAX_DEPTH_SUBSCRIPTIONS));
        return;
      }
      streams.openDepth({
        clientId: ctx.clientId,
        reqId: m.reqId,
        send: send(ctx),
        instrument,
        rows: Math.min(m.numRows, MAX_DEPTH_ROWS),
        smart: m.isSmartDepth,
      });
    },
  },
  CANCEL_MKT_DEPTH: {
    handle(ctx, request) {
      const { reqId } = request.value as { reqId: number };
      if (!streamsOf(ctx.host).cancel("depth", ctx.clientId, reqId)) {
        ctx.error(reqId, DepthCode.UNKNOWN_DEPTH, DepthText.unknownDepth(reqId));
      }
    },
  },
  REQ_TICK_BY_TICK_DATA: {
    handle(ctx, request) {
      const m = request.value as ReqTickByTickDataMessage;
      const streams = streamsOf(ctx.host);
      const type = tickByTickTypeOf(m.tickType);
      if (type === undefined) {
        invalid(ctx, m.reqId, request.name, `tick type '${m.tickType}' is not Last, AllLast, BidAsk or MidPoint`);
        return;
      }
      const instrument = instrumentFor(ctx, "ticks", m.reqId, m.contract);
      if (!instrument) return;
      if (streams.count("ticks") >= streams.maxTickByTick) {
        ctx.error(m.reqId, TICK_BY_TICK_LIMIT.code, TICK_BY_TICK_LIMIT.text);
        return;
      }
      if (streams.tickRequestTooSoon(instrument, type)) {
        ctx.error(m.reqId, TICK_BY_TICK_TOO_SOON.code, TICK_BY_TICK_TOO_SOON.text);
        return;
      }
      // numberOfTicks is unset (2^31 - 1) when a protobuf request leaves it out: no history then.
      const history = m.numberOfTicks > 0 && m.numberOfTicks < UNSET_INTEGER ? Math.min(m.numberOfTicks, 1000) : 0;
      streams.openTicks({
        clientId: ctx.clientId,
        reqId: m.reqId,
        send: send(ctx),
        instrument,
        type,
        ignoreSize: m.ignoreSize,
        history,
      });
    },
  },
  CANCEL_TICK_BY_TICK_DATA: {
    handle(ctx, request) {
      // TWS answers an unknown tick-by-tick cancel with nothing.
      streamsOf(ctx.host).cancel("ticks", ctx.clientId, (request.value as { reqId: number }).reqId);
    },
  },
  REQ_REAL_TIME_BARS: {
    handle(ctx, request) {
      const m = request.value as ReqRealTimeBarsMessage;
      if (m.barSize !== REAL_TIME_BAR_SECONDS) {
        invalid(ctx, m.reqId, request.name, `bar size ${m.barSize}: real-time bars are 5 seconds only`);
        return;
      }
      const whatToShow = m.whatToShow.toUpperCase();
      if (!BAR_KINDS.has(whatToShow)) {
        invalid(ctx, m.reqId, request.name, `whatToShow '${m.whatToShow}' is not TRADES, BID, ASK or MIDPOINT`);
        return;
      }
      const instrument = instrumentFor(ctx, "bars", m.reqId, m.contract);
      if (!instrument) return;
      streamsOf(ctx.host).openBars({
        clientId: ctx.clientId,
        reqId: m.reqId,
        send: send(ctx),
        instrument,
        whatToShow,
        rth: m.useRTH,
      });
    },
  },
  CANCEL_REAL_TIME_BARS: {
    handle(ctx, request) {
      // TWS answers an unknown real-time bars cancel with nothing.
      streamsOf(ctx.host).cancel("bars", ctx.clientId, (request.value as { reqId: number }).reqId);
    },
  },
};
