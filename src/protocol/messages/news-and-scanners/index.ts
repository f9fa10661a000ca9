import type { MessageSpec } from "../spec.js";
import { historicalNews, historicalNewsEnd, newsArticle, newsBulletins, newsProviders } from "./news-replies.js";
import {
  cancelNewsBulletins,
  reqHistoricalNews,
  reqNewsArticle,
  reqNewsBulletins,
  reqNewsProviders,
} from "./news-requests.js";
import { scannerData, scannerParameters } from "./scanner-replies.js";
import { cancelScannerSubscription, reqScannerParameters, reqScannerSubscription } from "./scanner-requests.js";

/** News and market scanners. */
export const newsAndScannerSpecs: readonly MessageSpec[] = [
  reqNewsProviders,
  newsProviders,
  reqNewsArticle,
  newsArticle,
  reqHistoricalNews,
  historicalNews,
  historicalNewsEnd,
  reqNewsBulletins,
  cancelNewsBulletins,
  newsBulletins,
  reqScannerParameters,
  scannerParameters,
  reqScannerSubscription,
  cancelScannerSubscription,
  scannerData,
];
