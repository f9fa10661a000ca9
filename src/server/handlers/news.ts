import type {
  ReqHistoricalNewsMessage,
  ReqNewsArticleMessage,
  ReqNewsBulletinsMessage,
} from "../../protocol/messages/news-and-scanners/news-requests.js";
import { NewsArticleType } from "../../protocol/models/news.js";
import { universeAt } from "../engine/reference/universe.js";
import { requestError } from "../errors-table.js";
import { MarketDataCode, MarketDataText } from "../market-data/codes.js";
import { bulletinsOf } from "../news/bulletins.js";
import { NewsDesk, parseArticleId } from "../news/headlines.js";
import { isNewsProvider, NEWS_PROVIDERS } from "../news/providers.js";
import { newsTime, parseNewsTime } from "../news/time.js";
import type { RequestContext, RequestHandler } from "./types.js";

/**
 * News: REQ_NEWS_PROVIDERS, REQ_NEWS_ARTICLE, REQ_HISTORICAL_NEWS (synthetic headlines from the market engine,
 * src/server/news/) and the IB bulletins (REQ_NEWS_BULLETINS / CANCEL_NEWS_BULLETINS). Refusals TWS's sources do
 * not show (an unknown provider or article, bad times) are 321s naming the request and the cause.
 */

/** The most headlines one request gets (API documentation: totalResults is 1 to 300). */
export const MAX_NEWS_RESULTS = 300;
/** How far back a request without a start looks, in hours (ours: 30 days). */
export const DEFAULT_LOOKBACK_HOURS = 30 * 24;
/** How far back any request looks, in hours (ours: a year). */
export const MAX_LOOKBACK_HOURS = 366 * 24;

function refuse(ctx: RequestContext, reqId: number, request: string, why: string): void {
  const e = requestError("validate", request, why);
  ctx.error(reqId, e.code, e.text);
}

export const newsHandlers: Record<string, RequestHandler> = {
  REQ_NEWS_PROVIDERS: {
    handle(ctx) {
      ctx.reply("NEWS_PROVIDERS", { newsProviders: NEWS_PROVIDERS.map((p) => ({ ...p })) });
    },
  },
  REQ_NEWS_ARTICLE: {
    handle(ctx, request) {
      const m = request.value as ReqNewsArticleMessage;
      const now = ctx.host.clock.now();
      const id = parseArticleId(m.articleId);
      const entry = id && id.provider === m.providerCode ? universeAt(now).byConId(id.conId) : undefined;
      const desk = new NewsDesk(ctx.host.marketData.engine);
      const h = id && entry ? desk.headlineAt(entry, id.provider, id.hour) : undefined;
      if (!h || !entry || h.time > now) {
        refuse(ctx, m.reqId, request.name, `no article '${m.articleId}' from provider '${m.providerCode}'`);
        return;
      }
      const name = NEWS_PROVIDERS.find((p) => p.code === h.providerCode)!.name;
      ctx.reply("NEWS_ARTICLE", {
        reqId: m.reqId,
        articleType: NewsArticleType.TEXT_OR_HTML,
        articleText: desk.article(entry, h, name),
      });
    },
  },
  REQ_HISTORICAL_NEWS: {
    handle(ctx, request) {
      const m = request.value as ReqHistoricalNewsMessage;
      const reqId = m.reqId;
      const providers = m.providerCodes
        .split("+")
        .map((p) => p.trim())
        .filter(Boolean);
      const unknown = providers.find((p) => !isNewsProvider(p));
      if (providers.length === 0 || unknown !== undefined) {
        refuse(ctx, reqId, request.name, `provider code '${unknown ?? m.providerCodes}' is not one of this account's`);
        return;
      }
      if (!Number.isInteger(m.totalResults) || m.totalResults < 1) {
        refuse(ctx, reqId, request.name, `totalResults ${m.totalResults} is not 1 to ${MAX_NEWS_RESULTS}`);
        return;
      }
      const now = ctx.host.clock.now();
      const end = m.endDateTime.trim() === "" ? now : parseNewsTime(m.endDateTime);
      const start = m.startDateTime.trim() === "" ? Number.NEGATIVE_INFINITY : parseNewsTime(m.startDateTime);
      if (end === undefined || start === undefined) {
        const bad = end === undefined ? m.endDateTime : m.startDateTime;
        refuse(ctx, reqId, request.name, `'${bad}' is not a time of the form yyyy-MM-dd HH:mm:ss`);
        return;
      }
      const entry = universeAt(now).byConId(m.conId);
      if (!entry) {
        ctx.error(reqId, MarketDataCode.NO_SECURITY_DEFINITION, MarketDataText.noSecurityDefinition);
        return;
      }
      const lookback = Number.isFinite(start) ? MAX_LOOKBACK_HOURS : DEFAULT_LOOKBACK_HOURS;
      const limit = Math.min(m.totalResults, MAX_NEWS_RESULTS);
      // Nothing is published after the host's now.
      const to = Math.min(end, now);
      const desk = new NewsDesk(ctx.host.marketData.engine);
      const { headlines, hasMore } = desk.headlines(entry, providers, start, to, limit, lookback);
      for (const h of headlines) {
        ctx.reply("HISTORICAL_NEWS", {
          requestId: reqId,
          time: newsTime(h.time),
          providerCode: h.providerCode,
          articleId: h.articleId,
          headline: h.headline,
        });
      }
      ctx.reply("HISTORICAL_NEWS_END", { reqId, hasMore });
    },
  },
  REQ_NEWS_BULLETINS: {
    handle(ctx, request) {
      const { allMsgs } = request.value as ReqNewsBulletinsMessage;
      bulletinsOf(ctx.host).subscribe(ctx.clientId, allMsgs, (value) => ctx.reply("NEWS_BULLETINS", value));
    },
  },
  CANCEL_NEWS_BULLETINS: {
    handle(ctx) {
      bulletinsOf(ctx.host).unsubscribe(ctx.clientId);
    },
  },
};
