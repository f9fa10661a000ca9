import { OutgoingMessageId } from "../../message-ids.js";
import { type WshEventData, wshEventDataWithDefaults } from "../../models/wsh.js";
import { CancelWshEventData, CancelWshMetaData, WshEventDataRequest, WshMetaDataRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { UNSET_INTEGER } from "../../values.js";
import { requireVersion } from "../common/contract.js";
import { intOrUnset, setInt, setString } from "../news-and-scanners/option-lists.js";
import { type ProtobufForm, type ProtoCodec, protobufForm, request, type TextForm } from "../spec.js";

/**
 * Wall Street Horizon requests (official `client.py` reqWshMetaData, cancelWshMetaData, reqWshEventData,
 * cancelWshEventData), from MIN_SERVER_VER_WSHE_CALENDAR (161); protobuf from MIN_SERVER_VER_PROTOBUF_NEWS_DATA
 * (209). They came after version fields were given up: the text form has none.
 */

/** A request that names only its request id. */
export interface WshReqIdMessage {
  reqId: number;
}

/** The text and protobuf forms of a request whose only field is its request id. */
function reqIdOnly<P extends { reqId?: number | undefined }>(
  codec: ProtoCodec<P>,
): { text: TextForm<WshReqIdMessage>; protobuf: ProtobufForm<WshReqIdMessage, P> } {
  return {
    text: {
      write(w, m) {
        w.int(m.reqId);
      },
      read: (r) => ({ reqId: r.readInt() }),
    },
    // The official builders leave out an unset (UNSET_INTEGER) reqId.
    protobuf: protobufForm<WshReqIdMessage, P>(codec, {
      toProto: (m) => ({ reqId: setInt(m.reqId) }) as P,
      fromProto: (p) => ({ reqId: intOrUnset(p.reqId) }),
    }),
  };
}

/** REQ_WSH_META_DATA: the JSON description of the event types and filters WSH offers. */
export const reqWshMetaData = request<WshReqIdMessage>({
  id: OutgoingMessageId.REQ_WSH_META_DATA,
  name: "REQ_WSH_META_DATA",
  minServerVersion: ServerVersion.WSHE_CALENDAR,
  ...reqIdOnly(WshMetaDataRequest),
});

/** CANCEL_WSH_META_DATA. */
export const cancelWshMetaData = request<WshReqIdMessage>({
  id: OutgoingMessageId.CANCEL_WSH_META_DATA,
  name: "CANCEL_WSH_META_DATA",
  minServerVersion: ServerVersion.WSHE_CALENDAR,
  ...reqIdOnly(CancelWshMetaData),
});

/** CANCEL_WSH_EVENT_DATA. */
export const cancelWshEventData = request<WshReqIdMessage>({
  id: OutgoingMessageId.CANCEL_WSH_EVENT_DATA,
  name: "CANCEL_WSH_EVENT_DATA",
  minServerVersion: ServerVersion.WSHE_CALENDAR,
  ...reqIdOnly(CancelWshEventData),
});

/** REQ_WSH_EVENT_DATA (`reqWshEventData`): corporate events of a contract, or of those a filter selects. */
export interface ReqWshEventDataMessage {
  reqId: number;
  /** Decoded requests carry every field (see {@link WshEventData}). */
  wshEventData: WshEventData;
}

/**
 * The official client's 503 refusals of text REQ_WSH_EVENT_DATA: any filter field below
 * MIN_SERVER_VER_WSH_EVENT_DATA_FILTERS (171), any date field or a set totalLimit below
 * MIN_SERVER_VER_WSH_EVENT_DATA_FILTERS_DATE (173).
 */
export function refuseWshEventData(d: WshEventData, sv: number): void {
  const filters = Boolean(d.filter || d.fillWatchlist || d.fillPortfolio || d.fillCompetitors);
  requireVersion(sv, ServerVersion.WSH_EVENT_DATA_FILTERS, filters, "reqWshEventData filters");
  const dates = Boolean(d.startDate || d.endDate) || isSet(d.totalLimit);
  requireVersion(sv, ServerVersion.WSH_EVENT_DATA_FILTERS_DATE, dates, "reqWshEventData date filters");
}

const isSet = (n: number | undefined) => n !== undefined && n !== UNSET_INTEGER;
/** The two ints are plain text fields: unset goes out as the UNSET_INTEGER literal and reads back as unset. */
const unsetLiteral = (n: number | undefined) => n ?? UNSET_INTEGER;

/**
 * Text: reqId, conId, then filter, fillWatchlist, fillPortfolio, fillCompetitors (171), then startDate, endDate,
 * totalLimit (173); the ints are plain fields, so an unset one is written as the UNSET_INTEGER literal.
 */
export const reqWshEventData = request<ReqWshEventDataMessage>({
  id: OutgoingMessageId.REQ_WSH_EVENT_DATA,
  name: "REQ_WSH_EVENT_DATA",
  minServerVersion: ServerVersion.WSHE_CALENDAR,
  text: {
    write(w, m, sv) {
      const d = m.wshEventData;
      refuseWshEventData(d, sv);
      w.int(m.reqId).int(unsetLiteral(d.conId));
      if (sv >= ServerVersion.WSH_EVENT_DATA_FILTERS) {
        w.string(d.filter).bool(d.fillWatchlist).bool(d.fillPortfolio).bool(d.fillCompetitors);
      }
      if (sv >= ServerVersion.WSH_EVENT_DATA_FILTERS_DATE) {
        w.string(d.startDate).string(d.endDate).int(unsetLiteral(d.totalLimit));
      }
    },
    read(r, sv) {
      const reqId = r.readInt();
      const d: WshEventData = { conId: r.readIntMax() };
      if (sv >= ServerVersion.WSH_EVENT_DATA_FILTERS) {
        d.filter = r.readString();
        d.fillWatchlist = r.readBool();
        d.fillPortfolio = r.readBool();
        d.fillCompetitors = r.readBool();
      }
      if (sv >= ServerVersion.WSH_EVENT_DATA_FILTERS_DATE) {
        d.startDate = r.readString();
        d.endDate = r.readString();
        d.totalLimit = r.readIntMax();
      }
      return { reqId, wshEventData: wshEventDataWithDefaults(d) };
    },
  },
  protobuf: protobufForm(WshEventDataRequest, {
    // createWshEventDataRequestProto: ints unless unset, strings when non-empty, flags only when true.
    toProto: (m) => {
      const d = m.wshEventData;
      return {
        reqId: setInt(m.reqId),
        conId: isSet(d.conId) ? d.conId : undefined,
        filter: setString(d.filter),
        fillWatchlist: d.fillWatchlist ? true : undefined,
        fillPortfolio: d.fillPortfolio ? true : undefined,
        fillCompetitors: d.fillCompetitors ? true : undefined,
        startDate: setString(d.startDate),
        endDate: setString(d.endDate),
        totalLimit: isSet(d.totalLimit) ? d.totalLimit : undefined,
      };
    },
    fromProto: (p) => ({
      reqId: intOrUnset(p.reqId),
      wshEventData: wshEventDataWithDefaults({
        conId: p.conId,
        filter: p.filter,
        fillWatchlist: p.fillWatchlist,
        fillPortfolio: p.fillPortfolio,
        fillCompetitors: p.fillCompetitors,
        startDate: p.startDate,
        endDate: p.endDate,
        totalLimit: p.totalLimit,
      }),
    }),
  }),
});
