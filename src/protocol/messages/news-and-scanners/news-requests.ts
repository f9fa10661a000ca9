import { OutgoingMessageId } from "../../message-ids.js";
import type { TagValue } from "../../models/contract.js";
import {
  CancelNewsBulletins,
  HistoricalNewsRequest,
  NewsArticleRequest,
  NewsBulletinsRequest,
  NewsProvidersRequest,
} from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { requireVersion } from "../common/contract.js";
import type { NoArguments } from "../common/no-arguments.js";
import { protobufForm, request } from "../spec.js";
import {
  intOrUnset,
  optionsFromProto,
  optionsToProto,
  readOptions,
  setInt,
  setString,
  writeOptions,
} from "./option-lists.js";

/**
 * News requests (official `client.py` reqNewsProviders, reqNewsArticle, reqHistoricalNews, reqNewsBulletins,
 * cancelNewsBulletins). Protobuf from MIN_SERVER_VER_PROTOBUF_NEWS_DATA (209). The three news-service requests
 * (providers, article, historical news) came with server versions 115–117 and have no version field; the
 * bulletin pair is older and writes version 1.
 */

/** REQ_NEWS_PROVIDERS: the news sources the account may query. */
export const reqNewsProviders = request<NoArguments>({
  id: OutgoingMessageId.REQ_NEWS_PROVIDERS,
  name: "REQ_NEWS_PROVIDERS",
  minServerVersion: ServerVersion.REQ_NEWS_PROVIDERS,
  // The text form is the message id alone.
  text: { write() {}, read: () => ({}) },
  protobuf: protobufForm(NewsProvidersRequest, { toProto: () => ({}), fromProto: () => ({}) }),
});

/** REQ_NEWS_ARTICLE: the body of one article. */
export interface ReqNewsArticleMessage {
  reqId: number;
  providerCode: string;
  articleId: string;
  /** MIN_SERVER_VER_NEWS_QUERY_ORIGINS (128). */
  newsArticleOptions: TagValue[] | undefined;
}

export const reqNewsArticle = request<ReqNewsArticleMessage>({
  id: OutgoingMessageId.REQ_NEWS_ARTICLE,
  name: "REQ_NEWS_ARTICLE",
  minServerVersion: ServerVersion.REQ_NEWS_ARTICLE,
  text: {
    write(w, m, sv) {
      // The official client drops the options silently below 128; we refuse them instead.
      requireVersion(sv, ServerVersion.NEWS_QUERY_ORIGINS, !!m.newsArticleOptions?.length, "newsArticleOptions");
      w.int(m.reqId).string(m.providerCode).string(m.articleId);
      if (sv >= ServerVersion.NEWS_QUERY_ORIGINS) writeOptions(w, m.newsArticleOptions);
    },
    read(r, sv) {
      return {
        reqId: r.readInt(),
        providerCode: r.readString(),
        articleId: r.readString(),
        newsArticleOptions: sv >= ServerVersion.NEWS_QUERY_ORIGINS ? readOptions(r) : undefined,
      };
    },
  },
  protobuf: protobufForm(NewsArticleRequest, {
    // createNewsArticleRequestProto: reqId unless unset, strings when non-empty, options as a map.
    toProto: (m) => ({
      reqId: setInt(m.reqId),
      providerCode: setString(m.providerCode),
      articleId: setString(m.articleId),
      newsArticleOptions: optionsToProto(m.newsArticleOptions),
    }),
    fromProto: (p) => ({
      reqId: intOrUnset(p.reqId),
      providerCode: p.providerCode ?? "",
      articleId: p.articleId ?? "",
      newsArticleOptions: optionsFromProto(p.newsArticleOptions),
    }),
  }),
});

/** REQ_HISTORICAL_NEWS: headlines of a contract between two times. */
export interface ReqHistoricalNewsMessage {
  reqId: number;
  conId: number;
  /** Provider codes joined by `+`, e.g. `BRFG+DJNL`. */
  providerCodes: string;
  /** `yyyy-MM-dd HH:mm:ss.0`, exclusive; empty for no bound. */
  startDateTime: string;
  /** `yyyy-MM-dd HH:mm:ss.0`, inclusive; empty for now. */
  endDateTime: string;
  /** At most 300. */
  totalResults: number;
  /** MIN_SERVER_VER_NEWS_QUERY_ORIGINS (128). */
  historicalNewsOptions: TagValue[] | undefined;
}

export const reqHistoricalNews = request<ReqHistoricalNewsMessage>({
  id: OutgoingMessageId.REQ_HISTORICAL_NEWS,
  name: "REQ_HISTORICAL_NEWS",
  minServerVersion: ServerVersion.REQ_HISTORICAL_NEWS,
  text: {
    write(w, m, sv) {
      requireVersion(sv, ServerVersion.NEWS_QUERY_ORIGINS, !!m.historicalNewsOptions?.length, "historicalNewsOptions");
      w.int(m.reqId)
        .int(m.conId)
        .string(m.providerCodes)
        .string(m.startDateTime)
        .string(m.endDateTime)
        .int(m.totalResults);
      if (sv >= ServerVersion.NEWS_QUERY_ORIGINS) writeOptions(w, m.historicalNewsOptions);
    },
    read(r, sv) {
      return {
        reqId: r.readInt(),
        conId: r.readInt(),
        providerCodes: r.readString(),
        startDateTime: r.readString(),
        endDateTime: r.readString(),
        totalResults: r.readInt(),
        historicalNewsOptions: sv >= ServerVersion.NEWS_QUERY_ORIGINS ? readOptions(r) : undefined,
      };
    },
  },
  protobuf: protobufForm(HistoricalNewsRequest, {
    // createHistoricalNewsRequestProto: ints unless unset (conId 0 included), strings when non-empty.
    toProto: (m) => ({
      reqId: setInt(m.reqId),
      conId: setInt(m.conId),
      providerCodes: setString(m.providerCodes),
      startDateTime: setString(m.startDateTime),
      endDateTime: setString(m.endDateTime),
      totalResults: setInt(m.totalResults),
      historicalNewsOptions: optionsToProto(m.historicalNewsOptions),
    }),
    fromProto: (p) => ({
      reqId: intOrUnset(p.reqId),
      conId: intOrUnset(p.conId),
      providerCodes: p.providerCodes ?? "",
      startDateTime: p.startDateTime ?? "",
      endDateTime: p.endDateTime ?? "",
      totalResults: intOrUnset(p.totalResults),
      historicalNewsOptions: optionsFromProto(p.historicalNewsOptions),
    }),
  }),
});

/** The version field of the bulletin requests' text form. */
const BULLETINS_VERSION = 1;

/** REQ_NEWS_BULLETINS: subscribe to IB news bulletins. */
export interface ReqNewsBulletinsMessage {
  /** Today's bulletins so far as well as new ones (true), or only new ones. */
  allMsgs: boolean;
}

export const reqNewsBulletins = request<ReqNewsBulletinsMessage>({
  id: OutgoingMessageId.REQ_NEWS_BULLETINS,
  name: "REQ_NEWS_BULLETINS",
  text: {
    write(w, m) {
      w.int(BULLETINS_VERSION).bool(m.allMsgs);
    },
    read(r) {
      r.skip(); // version
      return { allMsgs: r.readBool() };
    },
  },
  protobuf: protobufForm(NewsBulletinsRequest, {
    // createNewsBulletinsRequestProto sets allMessages only when true.
    toProto: (m) => ({ allMessages: m.allMsgs ? true : undefined }),
    fromProto: (p) => ({ allMsgs: p.allMessages ?? false }),
  }),
});

/** CANCEL_NEWS_BULLETINS. */
export const cancelNewsBulletins = request<NoArguments>({
  id: OutgoingMessageId.CANCEL_NEWS_BULLETINS,
  name: "CANCEL_NEWS_BULLETINS",
  text: {
    write(w) {
      w.int(BULLETINS_VERSION);
    },
    read(r) {
      r.skip(); // version
      return {};
    },
  },
  protobuf: protobufForm(CancelNewsBulletins, { toProto: () => ({}), fromProto: () => ({}) }),
});
