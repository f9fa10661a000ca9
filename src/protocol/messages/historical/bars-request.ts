import { OutgoingMessageId } from "../../message-ids.js";
import type { Contract, TagValue } from "../../models/contract.js";
import { CancelHistoricalData, HistoricalDataRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import {
  contractFromProto,
  contractToRequestProto,
  parseTagValueText,
  readContractBody,
  readDataComboLegs,
  requireVersion,
  tagValueList,
  tagValueMap,
  tagValueText,
  writeContractBody,
  writeDataComboLegs,
} from "../common/contract.js";
import { protobufForm, request } from "../spec.js";
import { intIfValid, intOrUnset, textIfSet, trueOrAbsent } from "./request-fields.js";

/** REQ_HISTORICAL_DATA: the arguments of the official `reqHistoricalData`. */
export interface ReqHistoricalDataMessage {
  reqId: number;
  contract: Contract;
  /** `yyyyMMdd HH:mm:ss[ zone]`, or empty for "now" (must be empty with keepUpToDate). */
  endDateTime: string;
  /** `<n> S|D|W|M|Y`, e.g. `1 D`. */
  durationStr: string;
  /** `1 secs` … `1 month`, e.g. `1 hour`. */
  barSizeSetting: string;
  /** TRADES, MIDPOINT, BID, ASK, BID_ASK, ..., SCHEDULE. */
  whatToShow: string;
  /** 1: regular trading hours only; 0: all hours. */
  useRTH: number;
  /** 1: dates as text; 2: epoch seconds. */
  formatDate: number;
  /** Go on sending HISTORICAL_DATA_UPDATE for the last bar (MIN_SERVER_VER_SYNT_REALTIME_BARS). */
  keepUpToDate: boolean;
  chartOptions: TagValue[];
}

/** CANCEL_HISTORICAL_DATA. */
export interface CancelHistoricalDataMessage {
  reqId: number;
}

/** The version field, sent only below MIN_SERVER_VER_SYNT_REALTIME_BARS (124). */
const REQ_VERSION = 6;
const CANCEL_VERSION = 1;

/**
 * Text form (reference 6.5): [version below 124], reqId, conId (≥ TRADING_CLASS), the contract body,
 * includeExpired, endDateTime, barSizeSetting, durationStr (note: bar size before duration, unlike the method's
 * argument order), useRTH, whatToShow, formatDate, BAG legs, keepUpToDate (≥124), chartOptions (≥ LINKING).
 *
 * The official client silently drops keepUpToDate below 124 and chartOptions below 70; we refuse them instead,
 * as every field a version cannot carry.
 */
export const reqHistoricalData = request<ReqHistoricalDataMessage>({
  id: OutgoingMessageId.REQ_HISTORICAL_DATA,
  name: "REQ_HISTORICAL_DATA",
  text: {
    write(w, m, sv) {
      const c = m.contract;
      requireVersion(
        sv,
        ServerVersion.TRADING_CLASS,
        !!c.tradingClass || (c.conId ?? 0) > 0,
        "conId and tradingClass in REQ_HISTORICAL_DATA",
      );
      requireVersion(sv, ServerVersion.HISTORICAL_SCHEDULE, m.whatToShow === "SCHEDULE", "historical schedule");
      requireVersion(sv, ServerVersion.SYNT_REALTIME_BARS, m.keepUpToDate, "keepUpToDate in REQ_HISTORICAL_DATA");
      requireVersion(sv, ServerVersion.LINKING, m.chartOptions.length > 0, "chartOptions in REQ_HISTORICAL_DATA");
      if (sv < ServerVersion.SYNT_REALTIME_BARS) w.int(REQ_VERSION);
      w.int(m.reqId);
      if (sv >= ServerVersion.TRADING_CLASS) w.int(c.conId ?? 0);
      writeContractBody(w, c, sv);
      w.bool(c.includeExpired)
        .string(m.endDateTime)
        .string(m.barSizeSetting)
        .string(m.durationStr)
        .int(m.useRTH)
        .string(m.whatToShow)
        .int(m.formatDate);
      if (c.secType === "BAG") writeDataComboLegs(w, c);
      if (sv >= ServerVersion.SYNT_REALTIME_BARS) w.bool(m.keepUpToDate);
      if (sv >= ServerVersion.LINKING) w.string(tagValueText(m.chartOptions));
    },
    read(r, sv) {
      if (sv < ServerVersion.SYNT_REALTIME_BARS) r.skip(); // version
      const reqId = r.readInt();
      const contract: Contract = {};
      if (sv >= ServerVersion.TRADING_CLASS) contract.conId = r.readInt();
      readContractBody(r, contract, sv);
      contract.includeExpired = r.readBool();
      const endDateTime = r.readString();
      const barSizeSetting = r.readString();
      const durationStr = r.readString();
      const useRTH = r.readInt();
      const whatToShow = r.readString();
      const formatDate = r.readInt();
      if (contract.secType === "BAG") contract.comboLegs = readDataComboLegs(r);
      const keepUpToDate = sv >= ServerVersion.SYNT_REALTIME_BARS ? r.readBool() : false;
      const chartOptions = sv >= ServerVersion.LINKING ? parseTagValueText(r.readString()) : [];
      return {
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
      };
    },
  },
  protobuf: protobufForm(HistoricalDataRequest, {
    // createHistoricalDataRequestProto: texts and flags only when set, useRTH as `useRTH != 0`.
    toProto: (m) => ({
      reqId: intIfValid(m.reqId),
      contract: contractToRequestProto(m.contract),
      endDateTime: textIfSet(m.endDateTime),
      duration: textIfSet(m.durationStr),
      barSizeSetting: textIfSet(m.barSizeSetting),
      whatToShow: textIfSet(m.whatToShow),
      useRTH: trueOrAbsent(m.useRTH !== 0),
      formatDate: intIfValid(m.formatDate),
      keepUpToDate: trueOrAbsent(m.keepUpToDate),
      chartOptions: tagValueMap(m.chartOptions),
    }),
    fromProto: (p) => ({
      reqId: intOrUnset(p.reqId),
      contract: contractFromProto(p.contract),
      endDateTime: p.endDateTime ?? "",
      durationStr: p.duration ?? "",
      barSizeSetting: p.barSizeSetting ?? "",
      whatToShow: p.whatToShow ?? "",
      useRTH: p.useRTH ? 1 : 0,
      formatDate: intOrUnset(p.formatDate),
      keepUpToDate: p.keepUpToDate ?? false,
      chartOptions: tagValueList(p.chartOptions),
    }),
  }),
});

/** CANCEL_HISTORICAL_DATA: text `1 (version), reqId`. */
export const cancelHistoricalData = request<CancelHistoricalDataMessage>({
  id: OutgoingMessageId.CANCEL_HISTORICAL_DATA,
  name: "CANCEL_HISTORICAL_DATA",
  text: {
    write(w, m) {
      w.int(CANCEL_VERSION).int(m.reqId);
    },
    read(r) {
      r.skip(); // version
      return { reqId: r.readInt() };
    },
  },
  protobuf: protobufForm(CancelHistoricalData, {
    toProto: (m) => ({ reqId: intIfValid(m.reqId) }),
    fromProto: (p) => ({ reqId: intOrUnset(p.reqId) }),
  }),
});
