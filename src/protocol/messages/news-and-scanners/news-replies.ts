import { IncomingMessageId } from "../../message-ids.js";
import type { NewsProvider } from "../../models/news.js";
import { HistoricalNews, HistoricalNewsEnd, NewsArticle, NewsBulletin, NewsProviders } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID } from "../../values.js";
import { readWrapperInt, readWrapperText, writeWrapperText } from "../session/text-fields.js";
import { protobufForm, reply } from "../spec.js";

/**
 * News replies (official `decoder.py` processNewsProviders, processNewsArticle, processHistoricalNews(End), and
 * the wrapper-style NEWS_BULLETINS). Protobuf from MIN_SERVER_VER_PROTOBUF_NEWS_DATA (209).
 *
 * The text form always carries every field. In protobuf every field may be absent: the value keeps it
 * `undefined` (so a decoded frame re-encodes to its bytes) and `callbacks()` substitutes what the official
 * decoder does: NO_VALID_ID for request ids, 0, "" and false otherwise.
 */

/** NEWS_PROVIDERS: answers REQ_NEWS_PROVIDERS. Text: count, then code and name per provider (no version). */
export interface NewsProvidersMessage {
  newsProviders: Partial<NewsProvider>[];
}

export const newsProviders = reply<NewsProvidersMessage>({
  id: IncomingMessageId.NEWS_PROVIDERS,
  name: "NEWS_PROVIDERS",
  minServerVersion: ServerVersion.REQ_NEWS_PROVIDERS,
  text: {
    write(w, m) {
      w.int(m.newsProviders.length);
      for (const p of m.newsProviders) w.utf8(p.code ?? "").utf8(p.name ?? "");
    },
    read(r) {
      const n = r.readInt();
      const newsProviders: NewsProvider[] = [];
      for (let i = 0; i < n; i++) newsProviders.push({ code: r.readString(), name: r.readString() });
      return { newsProviders };
    },
  },
  protobuf: protobufForm(NewsProviders, {
    toProto: (m) => ({
      newsProviders: m.newsProviders.map((p) => ({ providerCode: p.code, providerName: p.name })),
    }),
    fromProto: (p) => ({
      newsProviders: (p.newsProviders ?? []).map((x) => ({ code: x.providerCode, name: x.providerName })),
    }),
  }),
  callbacks: (m) => [
    ["newsProviders", m.newsProviders.map((p): NewsProvider => ({ code: p.code ?? "", name: p.name ?? "" }))],
  ],
});

/** NEWS_ARTICLE: answers REQ_NEWS_ARTICLE. Text: reqId, articleType, articleText (no version). */
export interface NewsArticleMessage {
  reqId: number | undefined;
  /** {@link NewsArticleType}: 0 text or HTML, 1 base64 binary (PDF). */
  articleType: number | undefined;
  articleText: string | undefined;
}

export const newsArticle = reply<NewsArticleMessage>({
  id: IncomingMessageId.NEWS_ARTICLE,
  name: "NEWS_ARTICLE",
  minServerVersion: ServerVersion.REQ_NEWS_ARTICLE,
  text: {
    write(w, m) {
      w.int(m.reqId ?? NO_VALID_ID)
        .int(m.articleType ?? 0)
        .utf8(m.articleText ?? "");
    },
    read: (r) => ({ reqId: r.readInt(), articleType: r.readInt(), articleText: r.readString() }),
  },
  protobuf: protobufForm(NewsArticle, {
    toProto: (m) => ({ reqId: m.reqId, articleType: m.articleType, articleText: m.articleText }),
    fromProto: (p) => ({ reqId: p.reqId, articleType: p.articleType, articleText: p.articleText }),
  }),
  callbacks: (m) => [["newsArticle", m.reqId ?? NO_VALID_ID, m.articleType ?? 0, m.articleText ?? ""]],
});

/** HISTORICAL_NEWS: one headline of a REQ_HISTORICAL_NEWS answer. Text: the five fields below (no version). */
export interface HistoricalNewsMessage {
  requestId: number | undefined;
  /** `yyyy-MM-dd HH:mm:ss.0` as TWS writes it. */
  time: string | undefined;
  providerCode: string | undefined;
  articleId: string | undefined;
  headline: string | undefined;
}

export const historicalNews = reply<HistoricalNewsMessage>({
  id: IncomingMessageId.HISTORICAL_NEWS,
  name: "HISTORICAL_NEWS",
  minServerVersion: ServerVersion.REQ_HISTORICAL_NEWS,
  text: {
    write(w, m) {
      w.int(m.requestId ?? NO_VALID_ID)
        .utf8(m.time ?? "")
        .utf8(m.providerCode ?? "")
        .utf8(m.articleId ?? "")
        .utf8(m.headline ?? "");
    },
    read: (r) => ({
      requestId: r.readInt(),
      time: r.readString(),
      providerCode: r.readString(),
      articleId: r.readString(),
      headline: r.readString(),
    }),
  },
  protobuf: protobufForm(HistoricalNews, {
    toProto: (m) => ({
      reqId: m.requestId,
      time: m.time,
      providerCode: m.providerCode,
      articleId: m.articleId,
      headline: m.headline,
    }),
    fromProto: (p) => ({
      requestId: p.reqId,
      time: p.time,
      providerCode: p.providerCode,
      articleId: p.articleId,
      headline: p.headline,
    }),
  }),
  callbacks: (m) => [
    [
      "historicalNews",
      m.requestId ?? NO_VALID_ID,
      m.time ?? "",
      m.providerCode ?? "",
      m.articleId ?? "",
      m.headline ?? "",
    ],
  ],
});

/** HISTORICAL_NEWS_END: the end of a REQ_HISTORICAL_NEWS answer. Text: reqId, hasMore (no version). */
export interface HistoricalNewsEndMessage {
  reqId: number | undefined;
  /** More headlines exist than `totalResults` allowed. */
  hasMore: boolean | undefined;
}

export const historicalNewsEnd = reply<HistoricalNewsEndMessage>({
  id: IncomingMessageId.HISTORICAL_NEWS_END,
  name: "HISTORICAL_NEWS_END",
  minServerVersion: ServerVersion.REQ_HISTORICAL_NEWS,
  text: {
    write(w, m) {
      w.int(m.reqId ?? NO_VALID_ID).bool(m.hasMore);
    },
    read: (r) => ({ reqId: r.readInt(), hasMore: r.readBool() }),
  },
  protobuf: protobufForm(HistoricalNewsEnd, {
    toProto: (m) => ({ reqId: m.reqId, hasMore: m.hasMore }),
    fromProto: (p) => ({ reqId: p.reqId, hasMore: p.hasMore }),
  }),
  callbacks: (m) => [["historicalNewsEnd", m.reqId ?? NO_VALID_ID, m.hasMore ?? false]],
});

/** The version TWS writes first in a text NEWS_BULLETINS; the wrapper-style decoder skips it. */
const NEWS_BULLETINS_VERSION = 1;

/**
 * NEWS_BULLETINS: an IB bulletin (REQ_NEWS_BULLETINS). Wrapper-style in text: version, then exactly the four
 * `updateNewsBulletin` arguments, converted as the official decoder converts wrapper-style fields (texts
 * un-escaped from ENCODE_MSG_ASCII7, ints by a bare `int()`). Names are the callback's; protobuf calls them
 * newsMsgId, newsMsgType, newsMessage and originatingExch.
 */
export interface NewsBulletinsMessage {
  msgId: number | undefined;
  /** {@link NewsBulletinType}. */
  msgType: number | undefined;
  newsMessage: string | undefined;
  /** The exchange the bulletin is about (exchange availability bulletins). */
  originExch: string | undefined;
}

export const newsBulletins = reply<NewsBulletinsMessage>({
  id: IncomingMessageId.NEWS_BULLETINS,
  name: "NEWS_BULLETINS",
  text: {
    write(w, m, sv) {
      w.int(NEWS_BULLETINS_VERSION)
        .int(m.msgId ?? 0)
        .int(m.msgType ?? 0);
      writeWrapperText(w, m.newsMessage ?? "", sv);
      writeWrapperText(w, m.originExch ?? "", sv);
    },
    read(r, sv) {
      r.skip(); // version
      return {
        msgId: readWrapperInt(r, sv),
        msgType: readWrapperInt(r, sv),
        newsMessage: readWrapperText(r, sv),
        originExch: readWrapperText(r, sv),
      };
    },
  },
  protobuf: protobufForm(NewsBulletin, {
    toProto: (m) => ({
      newsMsgId: m.msgId,
      newsMsgType: m.msgType,
      newsMessage: m.newsMessage,
      originatingExch: m.originExch,
    }),
    fromProto: (p) => ({
      msgId: p.newsMsgId,
      msgType: p.newsMsgType,
      newsMessage: p.newsMessage,
      originExch: p.originatingExch,
    }),
  }),
  callbacks: (m) => [["updateNewsBulletin", m.msgId ?? 0, m.msgType ?? 0, m.newsMessage ?? "", m.originExch ?? ""]],
});
