import { cancelHistoricalData, reqHistoricalData } from "../protocol/messages/historical/bars-request.js";
import { cancelHeadTimestamp, reqHeadTimestamp } from "../protocol/messages/historical/head-timestamp.js";
import { cancelHistogramData, reqHistogramData } from "../protocol/messages/historical/histogram.js";
import { cancelHistoricalTicks, reqHistoricalTicks } from "../protocol/messages/historical/ticks-request.js";
import {
  cancelNewsBulletins,
  reqHistoricalNews,
  reqNewsArticle,
  reqNewsBulletins,
  reqNewsProviders,
} from "../protocol/messages/news-and-scanners/news-requests.js";
import {
  cancelScannerSubscription,
  reqScannerParameters,
  reqScannerSubscription,
} from "../protocol/messages/news-and-scanners/scanner-requests.js";
import type { Contract, TagValue } from "../protocol/models/contract.js";
import type { ScannerSubscription } from "../protocol/models/scanner.js";
import { MarketDataRequests } from "./eclient-market-data.js";

/** EClient requests (official names and parameter order); see HistoryNewsAndScannerRequests in the class chain of eclient.ts. */
export class HistoryNewsAndScannerRequests extends MarketDataRequests {
  /** Historical bars through `historicalData` and `historicalDataEnd` (and `historicalDataUpdate` with keepUpToDate). */
  reqHistoricalData(
    reqId: number,
    contract: Contract,
    endDateTime: string,
    durationStr: string,
    barSizeSetting: string,
    whatToShow: string,
    useRTH: number,
    formatDate: number,
    keepUpToDate: boolean,
    chartOptions: TagValue[] = [],
  ): void {
    this.send(
      reqHistoricalData,
      {
        reqId,
        contract,
        endDateTime,
        durationStr,
        barSizeSetting,
        whatToShow,
        useRTH,
        formatDate,
        keepUpToDate,
        chartOptions,
      },
      reqId,
    );
  }

  /** Cancels a historical data request or its keepUpToDate stream. */
  cancelHistoricalData(reqId: number): void {
    this.send(cancelHistoricalData, { reqId }, reqId);
  }

  /** The earliest date with data, through `headTimestamp`. */
  reqHeadTimeStamp(reqId: number, contract: Contract, whatToShow: string, useRTH: number, formatDate: number): void {
    this.send(reqHeadTimestamp, { reqId, contract, whatToShow, useRTH, formatDate }, reqId);
  }

  /** Cancels a head timestamp request. */
  cancelHeadTimeStamp(reqId: number): void {
    this.send(cancelHeadTimestamp, { reqId }, reqId);
  }

  /** Volume at price over a period, through `histogramData`. */
  reqHistogramData(tickerId: number, contract: Contract, useRTH: boolean, timePeriod: string): void {
    this.send(reqHistogramData, { tickerId, contract, useRTH, timePeriod }, tickerId);
  }

  /** Cancels a histogram request. */
  cancelHistogramData(tickerId: number): void {
    this.send(cancelHistogramData, { tickerId }, tickerId);
  }

  /** Historical ticks through `historicalTicks`, `historicalTicksBidAsk` or `historicalTicksLast`. */
  reqHistoricalTicks(
    reqId: number,
    contract: Contract,
    startDateTime: string,
    endDateTime: string,
    numberOfTicks: number,
    whatToShow: string,
    useRth: number,
    ignoreSize: boolean,
    miscOptions: TagValue[] = [],
  ): void {
    this.send(
      reqHistoricalTicks,
      { reqId, contract, startDateTime, endDateTime, numberOfTicks, whatToShow, useRth, ignoreSize, miscOptions },
      reqId,
    );
  }

  /** Cancels a historical ticks request (server version 215, protobuf only). */
  cancelHistoricalTicks(reqId: number): void {
    this.send(cancelHistoricalTicks, { reqId }, reqId);
  }

  /** The news providers of the account, through `newsProviders`. */
  reqNewsProviders(): void {
    this.send(reqNewsProviders, {});
  }

  /** A news article, through `newsArticle`. */
  reqNewsArticle(reqId: number, providerCode: string, articleId: string, newsArticleOptions?: TagValue[]): void {
    this.send(reqNewsArticle, { reqId, providerCode, articleId, newsArticleOptions }, reqId);
  }

  /** Past headlines, through `historicalNews` and `historicalNewsEnd`. */
  reqHistoricalNews(
    reqId: number,
    conId: number,
    providerCodes: string,
    startDateTime: string,
    endDateTime: string,
    totalResults: number,
    historicalNewsOptions?: TagValue[],
  ): void {
    this.send(
      reqHistoricalNews,
      { reqId, conId, providerCodes, startDateTime, endDateTime, totalResults, historicalNewsOptions },
      reqId,
    );
  }

  /** IB news bulletins, through `updateNewsBulletin`. */
  reqNewsBulletins(allMsgs: boolean): void {
    this.send(reqNewsBulletins, { allMsgs });
  }

  /** Stops news bulletins. */
  cancelNewsBulletins(): void {
    this.send(cancelNewsBulletins, {});
  }

  /** The scanner parameters XML, through `scannerParameters`. */
  reqScannerParameters(): void {
    this.send(reqScannerParameters, {});
  }

  /** A market scan, through `scannerData` and `scannerDataEnd`, repeated while subscribed. */
  reqScannerSubscription(
    reqId: number,
    subscription: ScannerSubscription,
    scannerSubscriptionOptions?: TagValue[],
    scannerSubscriptionFilterOptions?: TagValue[],
  ): void {
    this.send(
      reqScannerSubscription,
      { reqId, subscription, scannerSubscriptionOptions, scannerSubscriptionFilterOptions },
      reqId,
    );
  }

  /** Stops a market scan. */
  cancelScannerSubscription(reqId: number): void {
    this.send(cancelScannerSubscription, { reqId }, reqId);
  }
}
