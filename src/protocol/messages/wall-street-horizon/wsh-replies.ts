import { IncomingMessageId, type IncomingMessageName } from "../../message-ids.js";
import { WshEventData, WshMetaData } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID } from "../../values.js";
import { type IncomingSpec, type ProtoCodec, protobufForm, reply } from "../spec.js";

/**
 * Wall Street Horizon replies (official `decoder.py` processWshMetaDataMsg, processWshEventDataMsg and their
 * protobuf twins), from MIN_SERVER_VER_WSHE_CALENDAR (161); protobuf from MIN_SERVER_VER_PROTOBUF_NEWS_DATA
 * (209). Text: reqId, then the JSON (no version field). In protobuf either field may be absent: the value keeps
 * it undefined and the callback gets NO_VALID_ID or "" as the official decoder substitutes.
 */

/** WSH_META_DATA and WSH_EVENT_DATA: one JSON document answering a request. */
export interface WshDataMessage {
  reqId: number | undefined;
  /** The meta data (event types, filters) or the events, as JSON. */
  dataJson: string | undefined;
}

function wshDataReply(
  id: number,
  name: IncomingMessageName,
  codec: ProtoCodec<{ reqId?: number | undefined; dataJson?: string | undefined }>,
  callback: "wshMetaData" | "wshEventData",
): IncomingSpec<WshDataMessage> {
  return reply<WshDataMessage>({
    id,
    name,
    minServerVersion: ServerVersion.WSHE_CALENDAR,
    text: {
      write(w, m) {
        w.int(m.reqId ?? NO_VALID_ID).utf8(m.dataJson ?? "");
      },
      read: (r) => ({ reqId: r.readInt(), dataJson: r.readString() }),
    },
    protobuf: protobufForm(codec, {
      toProto: (m) => ({ reqId: m.reqId, dataJson: m.dataJson }),
      fromProto: (p) => ({ reqId: p.reqId, dataJson: p.dataJson }),
    }),
    callbacks: (m) => [[callback, m.reqId ?? NO_VALID_ID, m.dataJson ?? ""]],
  });
}

/** WSH_META_DATA: answers REQ_WSH_META_DATA. */
export const wshMetaData = wshDataReply(IncomingMessageId.WSH_META_DATA, "WSH_META_DATA", WshMetaData, "wshMetaData");

/** WSH_EVENT_DATA: answers REQ_WSH_EVENT_DATA. */
export const wshEventData = wshDataReply(
  IncomingMessageId.WSH_EVENT_DATA,
  "WSH_EVENT_DATA",
  WshEventData,
  "wshEventData",
);
