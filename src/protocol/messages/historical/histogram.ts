import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { Contract } from "../../models/contract.js";
import type { HistogramEntry } from "../../models/historical-ticks.js";
import { CancelHistogramData, HistogramData, HistogramDataRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID } from "../../values.js";
import { contractFromProto, contractToRequestProto } from "../common/contract.js";
import { protobufForm, reply, request } from "../spec.js";
import {
  intIfValid,
  intOrUnset,
  readHmdsContract,
  textIfSet,
  trueOrAbsent,
  writeHmdsContract,
} from "./request-fields.js";

/** REQ_HISTOGRAM_DATA: the arguments of the official `reqHistogramData`. */
export interface ReqHistogramDataMessage {
  tickerId: number;
  contract: Contract;
  /** A bool here, unlike the int useRTH of the other historical requests. */
  useRTH: boolean;
  /** `<n> days|weeks|months|years`, e.g. `3 days`. */
  timePeriod: string;
}

/** CANCEL_HISTOGRAM_DATA. */
export interface CancelHistogramDataMessage {
  tickerId: number;
}

/** HISTOGRAM_DATA: the size traded at each price level. */
export interface HistogramDataMessage {
  reqId: number;
  histogram: HistogramEntry[];
}

/**
 * REQ_HISTOGRAM_DATA (MIN_SERVER_VER_REQ_HISTOGRAM): text `tickerId, conId, contract body, includeExpired,
 * useRTH, timePeriod`, no version.
 */
export const reqHistogramData = request<ReqHistogramDataMessage>({
  id: OutgoingMessageId.REQ_HISTOGRAM_DATA,
  name: "REQ_HISTOGRAM_DATA",
  minServerVersion: ServerVersion.REQ_HISTOGRAM,
  text: {
    write(w, m, sv) {
      w.int(m.tickerId);
      writeHmdsContract(w, m.contract, sv);
      w.bool(m.useRTH).string(m.timePeriod);
    },
    read(r, sv) {
      const tickerId = r.readInt();
      const contract = readHmdsContract(r, sv);
      return { tickerId, contract, useRTH: r.readBool(), timePeriod: r.readString() };
    },
  },
  protobuf: protobufForm(HistogramDataRequest, {
    toProto: (m) => ({
      reqId: intIfValid(m.tickerId),
      contract: contractToRequestProto(m.contract),
      useRTH: trueOrAbsent(m.useRTH),
      timePeriod: textIfSet(m.timePeriod),
    }),
    fromProto: (p) => ({
      tickerId: intOrUnset(p.reqId),
      contract: contractFromProto(p.contract),
      useRTH: p.useRTH ?? false,
      timePeriod: p.timePeriod ?? "",
    }),
  }),
});

/** CANCEL_HISTOGRAM_DATA (MIN_SERVER_VER_REQ_HISTOGRAM): text `tickerId`, no version. */
export const cancelHistogramData = request<CancelHistogramDataMessage>({
  id: OutgoingMessageId.CANCEL_HISTOGRAM_DATA,
  name: "CANCEL_HISTOGRAM_DATA",
  minServerVersion: ServerVersion.REQ_HISTOGRAM,
  text: {
    write(w, m) {
      w.int(m.tickerId);
    },
    read: (r) => ({ tickerId: r.readInt() }),
  },
  protobuf: protobufForm(CancelHistogramData, {
    toProto: (m) => ({ reqId: intIfValid(m.tickerId) }),
    fromProto: (p) => ({ tickerId: intOrUnset(p.reqId) }),
  }),
});

/** HISTOGRAM_DATA: text `reqId, count, (price, size) per entry`, no version. */
export const histogramData = reply<HistogramDataMessage>({
  id: IncomingMessageId.HISTOGRAM_DATA,
  name: "HISTOGRAM_DATA",
  minServerVersion: ServerVersion.REQ_HISTOGRAM,
  text: {
    write(w, m) {
      w.int(m.reqId).int(m.histogram.length);
      for (const e of m.histogram) w.double(e.price).decimalMax(e.size);
    },
    read(r) {
      const reqId = r.readInt();
      const n = r.readInt();
      const histogram: HistogramEntry[] = [];
      for (let i = 0; i < n; i++) histogram.push({ price: r.readDouble(), size: r.readDecimal() });
      return { reqId, histogram };
    },
  },
  protobuf: protobufForm(HistogramData, {
    toProto: (m) => ({
      reqId: m.reqId,
      histogramDataEntries: m.histogram.map((e) => ({ price: e.price, size: e.size })),
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? NO_VALID_ID,
      histogram: (p.histogramDataEntries ?? []).map((e) => ({ price: e.price ?? 0, size: e.size })),
    }),
  }),
  callbacks: (m) => [["histogramData", m.reqId, m.histogram]],
});
