import { IncomingMessageId } from "../../message-ids.js";
import type { HistoricalSession } from "../../models/historical-ticks.js";
import { HistoricalSchedule } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID } from "../../values.js";
import { protobufForm, reply } from "../spec.js";

/** HISTORICAL_SCHEDULE: the answer to a REQ_HISTORICAL_DATA with whatToShow SCHEDULE. */
export interface HistoricalScheduleMessage {
  reqId: number;
  startDateTime: string;
  endDateTime: string;
  timeZone: string;
  sessions: HistoricalSession[];
}

/**
 * HISTORICAL_SCHEDULE (MIN_SERVER_VER_HISTORICAL_SCHEDULE): text `reqId, startDateTime, endDateTime, timeZone,
 * count, (startDateTime, endDateTime, refDate) per session`, no version.
 */
export const historicalSchedule = reply<HistoricalScheduleMessage>({
  id: IncomingMessageId.HISTORICAL_SCHEDULE,
  name: "HISTORICAL_SCHEDULE",
  minServerVersion: ServerVersion.HISTORICAL_SCHEDULE,
  text: {
    write(w, m) {
      w.int(m.reqId).utf8(m.startDateTime).utf8(m.endDateTime).utf8(m.timeZone).int(m.sessions.length);
      for (const s of m.sessions) w.utf8(s.startDateTime).utf8(s.endDateTime).utf8(s.refDate);
    },
    read(r) {
      const reqId = r.readInt();
      const startDateTime = r.readString();
      const endDateTime = r.readString();
      const timeZone = r.readString();
      const n = r.readInt();
      const sessions: HistoricalSession[] = [];
      for (let i = 0; i < n; i++) {
        sessions.push({ startDateTime: r.readString(), endDateTime: r.readString(), refDate: r.readString() });
      }
      return { reqId, startDateTime, endDateTime, timeZone, sessions };
    },
  },
  protobuf: protobufForm(HistoricalSchedule, {
    toProto: (m) => ({
      reqId: m.reqId,
      startDateTime: m.startDateTime,
      endDateTime: m.endDateTime,
      timeZone: m.timeZone,
      historicalSessions: m.sessions.map((s) => ({
        startDateTime: s.startDateTime,
        endDateTime: s.endDateTime,
        refDate: s.refDate,
      })),
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? NO_VALID_ID,
      startDateTime: p.startDateTime ?? "",
      endDateTime: p.endDateTime ?? "",
      timeZone: p.timeZone ?? "",
      sessions: (p.historicalSessions ?? []).map((s) => ({
        startDateTime: s.startDateTime ?? "",
        endDateTime: s.endDateTime ?? "",
        refDate: s.refDate ?? "",
      })),
    }),
  }),
  callbacks: (m) => [["historicalSchedule", m.reqId, m.startDateTime, m.endDateTime, m.timeZone, m.sessions]],
});
