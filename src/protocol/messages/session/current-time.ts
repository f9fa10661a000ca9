import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import {
  CurrentTimeInMillis as CurrentTimeInMillisProto,
  CurrentTimeInMillisRequest,
  CurrentTime as CurrentTimeProto,
  CurrentTimeRequest,
} from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import type { NoArguments } from "../common/no-arguments.js";
import { protobufForm, reply, request } from "../spec.js";
import { readWrapperInt, timeFromProto, timeToProto } from "./text-fields.js";

/**
 * The server clock: REQ_CURRENT_TIME / CURRENT_TIME (epoch seconds) and, from CURRENT_TIME_IN_MILLIS (197),
 * REQ_CURRENT_TIME_IN_MILLIS / CURRENT_TIME_IN_MILLIS (epoch milliseconds). Protobuf from
 * PROTOBUF_REST_MESSAGES_3 (213).
 */

/** CURRENT_TIME: the server's time in epoch seconds (absent protobuf field: undefined; the callback gets 0). */
export interface CurrentTimeMessage {
  time: number | undefined;
}

/** CURRENT_TIME_IN_MILLIS: the server's time in epoch milliseconds (absent protobuf field: undefined). */
export interface CurrentTimeInMillisMessage {
  timeInMillis: number | undefined;
}

/** The version field of REQ_CURRENT_TIME, and the one TWS writes in CURRENT_TIME. */
const VERSION = 1;

export const reqCurrentTime = request<NoArguments>({
  id: OutgoingMessageId.REQ_CURRENT_TIME,
  name: "REQ_CURRENT_TIME",
  text: {
    write(w) {
      w.int(VERSION);
    },
    read(r) {
      r.skip(); // version
      return {};
    },
  },
  protobuf: protobufForm(CurrentTimeRequest, { toProto: () => ({}), fromProto: () => ({}) }),
});

export const currentTime = reply<CurrentTimeMessage>({
  id: IncomingMessageId.CURRENT_TIME,
  name: "CURRENT_TIME",
  text: {
    write(w, m) {
      w.int(VERSION).int(m.time ?? 0);
    },
    // Wrapper-style: version skipped, then `time` through int().
    read(r, sv) {
      r.skip();
      return { time: readWrapperInt(r, sv) };
    },
  },
  protobuf: protobufForm(CurrentTimeProto, {
    toProto: (m) => ({ currentTime: timeToProto(m.time) }),
    fromProto: (p) => ({ time: timeFromProto(p.currentTime, "currentTime") }),
  }),
  callbacks: (m) => [["currentTime", m.time ?? 0]],
});

/** The official client refuses REQ_CURRENT_TIME_IN_MILLIS below CURRENT_TIME_IN_MILLIS (its 503). */
export const reqCurrentTimeInMillis = request<NoArguments>({
  id: OutgoingMessageId.REQ_CURRENT_TIME_IN_MILLIS,
  name: "REQ_CURRENT_TIME_IN_MILLIS",
  minServerVersion: ServerVersion.CURRENT_TIME_IN_MILLIS,
  // The text form is the message id alone: no version field.
  text: { write() {}, read: () => ({}) },
  protobuf: protobufForm(CurrentTimeInMillisRequest, { toProto: () => ({}), fromProto: () => ({}) }),
});

export const currentTimeInMillis = reply<CurrentTimeInMillisMessage>({
  id: IncomingMessageId.CURRENT_TIME_IN_MILLIS,
  name: "CURRENT_TIME_IN_MILLIS",
  minServerVersion: ServerVersion.CURRENT_TIME_IN_MILLIS,
  // No version field; read with decode(int), so an empty field is 0.
  text: {
    write(w, m) {
      w.int(m.timeInMillis ?? 0);
    },
    read: (r) => ({ timeInMillis: r.readInt() }),
  },
  protobuf: protobufForm(CurrentTimeInMillisProto, {
    toProto: (m) => ({ currentTimeInMillis: timeToProto(m.timeInMillis) }),
    fromProto: (p) => ({ timeInMillis: timeFromProto(p.currentTimeInMillis, "currentTimeInMillis") }),
  }),
  callbacks: (m) => [["currentTimeInMillis", m.timeInMillis ?? 0]],
});
