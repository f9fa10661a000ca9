import type {
  ReqMarketDataTypeMessage,
  ReqMktDataMessage,
} from "../../protocol/messages/market-data/market-data-requests.js";
import { requestError } from "../errors-table.js";
import { LEGAL_GENERIC_TICKS, MarketDataCode, MarketDataText } from "../market-data/codes.js";
import { streamExtras } from "../market-data/extras.js";
import type { StreamView } from "../market-data/ticks.js";
import { isNewsProvider, NEWS_PROVIDERS } from "../news/providers.js";
import type { RequestHandler } from "./types.js";

/**
 * Parses a generic tick list: the ids, `mdoff`, the news providers of `292:BRFG+DJNL` (every provider for a bare
 * `292`), and the first item TWS does not know (if any).
 */
function parseGenericTicks(list: string): { ids: Set<number>; mdoff: boolean; news: string[]; bad?: string } {
  const ids = new Set<number>();
  const news = new Set<string>();
  let mdoff = false;
  for (const item of list.split(",")) {
    const t = item.trim();
    if (t === "") continue;
    const providers = /^292:([A-Za-z0-9_+]+)$/.exec(t)?.[1]?.split("+").filter(Boolean);
    if (t.toLowerCase() === "mdoff") mdoff = true;
    else if (providers) {
      const unknown = providers.find((p) => !isNewsProvider(p));
      if (unknown !== undefined) return { ids, mdoff, news: [], bad: t };
      for (const p of providers) news.add(p);
    } else if (/^\d+$/.test(t) && LEGAL_GENERIC_TICKS.has(Number(t))) {
      ids.add(Number(t));
      if (t === "292") for (const p of NEWS_PROVIDERS) news.add(p.code);
    } else return { ids, mdoff, news: [], bad: t };
  }
  return { ids, mdoff, news: [...news] };
}

/**
 * Level-1 market data: REQ_MKT_DATA (streaming and snapshots), CANCEL_MKT_DATA and REQ_MARKET_DATA_TYPE, served
 * from the host's market engine. The first replies follow IB Gateway 1040's order: MARKET_DATA_TYPE, (10167 for
 * delayed data), TICK_REQ_PARAMS, then the ticks.
 */
export const marketDataHandlers: Record<string, RequestHandler> = {
  REQ_MKT_DATA: {
    handle(ctx, request) {
      const m = request.value as ReqMktDataMessage;
      const md = ctx.host.marketData;
      const { reqId } = m;
      const streaming = !m.snapshot && !m.regulatorySnapshot;
      if (md.has(ctx.clientId, reqId)) {
        ctx.error(reqId, MarketDataCode.DUPLICATE_TICKER_ID, MarketDataText.duplicateTickerId);
        return;
      }
      const generic = parseGenericTicks(m.genericTickList);
      if (generic.bad !== undefined) {
        const legal = [...LEGAL_GENERIC_TICKS].join(",");
        const why = `Incorrect generic tick list of ${generic.bad}.  Legal ones for (${m.contract.secType ?? ""}) are: ${legal}`;
        const e = requestError("validate", request.name, why);
        ctx.error(reqId, e.code, e.text);
        return;
      }
      if (!streaming && (generic.ids.size > 0 || generic.mdoff || generic.news.length > 0)) {
        const e = requestError("validate", request.name, MarketDataText.snapshotGenericTicks);
        ctx.error(reqId, e.code, e.text);
        return;
      }
      const instrument = md.engine.instrumentOf(m.contract);
      if (!instrument) {
        ctx.error(reqId, MarketDataCode.NO_SECURITY_DEFINITION, MarketDataText.noSecurityDefinition);
        return;
      }
      if (streaming && md.linesInUse >= md.lines) {
        ctx.error(reqId, MarketDataCode.MAX_TICKERS, MarketDataText.maxTickers);
        return;
      }
      const kind = md.kindOf(ctx.clientId, instrument);
      if (!kind) {
        ctx.error(reqId, MarketDataCode.NOT_SUBSCRIBED, MarketDataText.notSubscribed(instrument.symbol));
        return;
      }
      ctx.reply("MARKET_DATA_TYPE", { reqId, marketDataType: kind.reported });
      if (kind.delayed) ctx.error(reqId, MarketDataCode.DELAYED_DATA, MarketDataText.delayedData);
      ctx.reply("TICK_REQ_PARAMS", {
        tickerId: reqId,
        minTick: String(instrument.minTick),
        // Recorded: delayed streams carry no BBO exchange and no snapshot permissions.
        bboExchange: kind.delayed ? "" : (instrument.bboExchange ?? ""),
        snapshotPermissions: kind.delayed ? 0 : 3,
      });
      const view: StreamView = {
        reqId,
        instrument,
        delayed: kind.delayed,
        generic: generic.ids,
        mdoff: generic.mdoff,
        newsProviders: generic.news,
        extras: streamExtras(md.engine, instrument, kind.delayed, generic.ids, ctx.host.clock.now(), generic.news),
      };
      const send = (name: Parameters<typeof ctx.reply>[0], value: unknown) => ctx.reply(name, value);
      if (m.regulatorySnapshot) md.regulatorySnapshot(ctx.clientId, view, send);
      else md.open(ctx.clientId, view, send, !streaming);
      if (!streaming) ctx.reply("TICK_SNAPSHOT_END", { reqId });
    },
  },
  CANCEL_MKT_DATA: {
    handle(ctx, request) {
      const { reqId } = request.value as { reqId: number };
      if (!ctx.host.marketData.cancel(ctx.clientId, reqId)) {
        ctx.error(reqId, MarketDataCode.UNKNOWN_TICKER_ID, MarketDataText.unknownTickerId(reqId));
      }
    },
  },
  REQ_MARKET_DATA_TYPE: {
    handle(ctx, request) {
      const { marketDataType } = request.value as ReqMarketDataTypeMessage;
      if (!Number.isInteger(marketDataType) || marketDataType < 1 || marketDataType > 4) {
        const e = requestError("validate", request.name, `market data type ${marketDataType} is not 1 to 4`);
        ctx.error(-1, e.code, e.text);
        return;
      }
      ctx.host.marketData.setType(ctx.clientId, marketDataType);
    },
  },
};
