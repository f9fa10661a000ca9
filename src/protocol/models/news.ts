/**
 * News: providers, articles and IB bulletins, as the official client models them (`common.py` NewsProvider,
 * `news.py`, and the article types the API documentation gives for `newsArticle`).
 */

/** A news provider the account may query (`newsProviders` callback). */
export interface NewsProvider {
  /** Short code used in requests, e.g. `BRFG`, `DJNL`. */
  code: string;
  /** Display name, e.g. `Briefing.com General Market Columns`. */
  name: string;
}

/** What `articleText` of a `newsArticle` holds. */
export const NewsArticleType = {
  /** Plain text or HTML. */
  TEXT_OR_HTML: 0,
  /** A binary document (PDF) in base64. */
  BINARY_BASE64: 1,
} as const;
export type NewsArticleType = (typeof NewsArticleType)[keyof typeof NewsArticleType];

/** The `msgType` of an IB news bulletin (`updateNewsBulletin`). */
export const NewsBulletinType = {
  /** A regular IB news bulletin. */
  NEWS: 1,
  /** An exchange is available for trading again; `originExch` names it. */
  EXCHANGE_AVAILABLE: 2,
  /** An exchange is unavailable for trading; `originExch` names it. */
  EXCHANGE_UNAVAILABLE: 3,
} as const;
export type NewsBulletinType = (typeof NewsBulletinType)[keyof typeof NewsBulletinType];
