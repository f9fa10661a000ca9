import type { ReqScannerSubscriptionMessage } from "../../protocol/messages/news-and-scanners/scanner-requests.js";
import { ScannerCode, ScannerText } from "../scanner/codes.js";
import { rowFilterOf } from "../scanner/filters.js";
import { SCAN_INSTRUMENTS, scanLocationOf } from "../scanner/locations.js";
import { scannerParametersXml } from "../scanner/parameters-xml.js";
import { MAX_SCAN_ROWS } from "../scanner/scan.js";
import { scanCodeOf } from "../scanner/scan-codes.js";
import { MAX_SCAN_SUBSCRIPTIONS, scannerOf } from "../scanner/service.js";
import type { RequestContext, RequestHandler } from "./types.js";

/**
 * Market scanners: REQ_SCANNER_PARAMETERS (the XML of what the host scans), REQ_SCANNER_SUBSCRIPTION and
 * CANCEL_SCANNER_SUBSCRIPTION, computed from the host's market engine over its universe (src/server/scanner/).
 */

/** The rows a subscription gets: TWS's 50 when none (or -1, the official default) is asked, and never more. */
export function rowsOf(numberOfRows: number | undefined): number {
  if (numberOfRows === undefined || !Number.isInteger(numberOfRows) || numberOfRows <= 0) return MAX_SCAN_ROWS;
  return Math.min(numberOfRows, MAX_SCAN_ROWS);
}

const farmError = (ctx: RequestContext, reqId: number, text: string) => ctx.error(reqId, ScannerCode.HMDS_ERROR, text);

export const scannerHandlers: Record<string, RequestHandler> = {
  REQ_SCANNER_PARAMETERS: {
    handle(ctx) {
      ctx.reply("SCANNER_PARAMETERS", { xml: scannerParametersXml() });
    },
  },
  REQ_SCANNER_SUBSCRIPTION: {
    handle(ctx, request) {
      const m = request.value as ReqScannerSubscriptionMessage;
      const { reqId, subscription: sub } = m;
      const scanner = scannerOf(ctx.host);
      if (scanner.has(ctx.clientId, reqId)) {
        ctx.error(reqId, ScannerCode.DUPLICATE_TICKER_ID, ScannerText.duplicateTickerId);
        return;
      }
      const type = sub.instrument ?? "";
      if (!SCAN_INSTRUMENTS.some((i) => i.type === type))
        return farmError(ctx, reqId, ScannerText.unknownInstrument(type));
      const location = scanLocationOf(sub.locationCode);
      if (!location) return farmError(ctx, reqId, ScannerText.unknownLocation(sub.locationCode ?? "", type));
      const code = scanCodeOf(sub.scanCode);
      if (!code) return farmError(ctx, reqId, ScannerText.unknownScanCode(sub.scanCode ?? ""));
      const filter = rowFilterOf(sub, m.scannerSubscriptionFilterOptions);
      if ("tag" in filter) return farmError(ctx, reqId, ScannerText.filterDisabled(filter.tag));
      if (scanner.count(ctx.clientId) >= MAX_SCAN_SUBSCRIPTIONS) {
        return farmError(ctx, reqId, ScannerText.tooMany(MAX_SCAN_SUBSCRIPTIONS));
      }
      scanner.open(ctx.clientId, reqId, { code, location, filter, rows: rowsOf(sub.numberOfRows) }, (name, value) =>
        ctx.reply(name, value),
      );
    },
  },
  CANCEL_SCANNER_SUBSCRIPTION: {
    handle(ctx, request) {
      const { reqId } = request.value as { reqId: number };
      if (scannerOf(ctx.host).cancel(ctx.clientId, reqId)) farmError(ctx, reqId, ScannerText.cancelled(reqId));
      else ctx.error(reqId, ScannerCode.NO_SUBSCRIPTION, ScannerText.noSubscription(reqId));
    },
  },
};
