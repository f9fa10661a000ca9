import { EncodeError } from "../../errors.js";
import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { IncomingMessageId } from "../../message-ids.js";
import type { Bar } from "../../models/bar.js";
import { HistoricalData, type HistoricalDataBar, HistoricalDataEnd, HistoricalDataUpdate } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID } from "../../values.js";
import { protobufForm, reply, type WrapperCall } from "../spec.js";

/** HISTORICAL_DATA: the bars of a REQ_HISTORICAL_DATA. */
export interface HistoricalDataMessage {
  reqId: number;
  /** Start of the returned period: carried here only in the text form below MIN_SERVER_VER_HISTORICAL_DATA_END. */
  startDateStr: string | undefined;
  /** End of the returned period: as startDateStr. */
  endDateStr: string | undefined;
  bars: Bar[];
}

/** HISTORICAL_DATA_END (MIN_SERVER_VER_HISTORICAL_DATA_END): the period the bars covered. */
export interface HistoricalDataEndMessage {
  reqId: number;
  startDateStr: string;
  endDateStr: string;
}

/** HISTORICAL_DATA_UPDATE: the changing last bar of a keepUpToDate request. */
export interface HistoricalDataUpdateMessage {
  reqId: number;
  /** Absent only in a protobuf frame without a bar (the official client then makes no callback). */
  bar: Bar | undefined;
}

/**
 * The version TWS wrote below MIN_SERVER_VER_SYNT_REALTIME_BARS (the decoder skips it; barCount is its
 * "version 3" field).
 */
const LEGACY_VERSION = 3;
/** Below 124 every bar carried a hasGaps text, which the official decoder skips; TWS wrote `false`. */
const LEGACY_HAS_GAPS = "false";

function writeBar(w: FieldWriter, b: Bar, sv: number): void {
  w.utf8(b.date).double(b.open).double(b.high).double(b.low).double(b.close).decimalMax(b.volume).decimalMax(b.wap);
  if (sv < ServerVersion.SYNT_REALTIME_BARS) w.string(LEGACY_HAS_GAPS);
  w.int(b.barCount);
}

function readBar(r: FieldReader, sv: number): Bar {
  const date = r.readString();
  const open = r.readDouble();
  const high = r.readDouble();
  const low = r.readDouble();
  const close = r.readDouble();
  const volume = r.readDecimal();
  const wap = r.readDecimal();
  if (sv < ServerVersion.SYNT_REALTIME_BARS) r.skip(); // hasGaps
  return { date, open, high, low, close, volume, wap, barCount: r.readInt() };
}

/** A bar as a host writes it in protobuf: every field (volume and WAP only when set). */
export function barToProto(b: Bar): HistoricalDataBar {
  return {
    date: b.date,
    open: b.open,
    high: b.high,
    low: b.low,
    close: b.close,
    volume: b.volume,
    WAP: b.wap,
    barCount: b.barCount,
  };
}

/** A protobuf bar with the official defaults for absent fields (`decodeHistoricalDataBar`). */
export function barFromProto(p: HistoricalDataBar): Bar {
  return {
    date: p.date ?? "",
    open: p.open ?? 0,
    high: p.high ?? 0,
    low: p.low ?? 0,
    close: p.close ?? 0,
    volume: p.volume,
    wap: p.WAP,
    barCount: p.barCount ?? 0,
  };
}

/**
 * HISTORICAL_DATA, three text layouts (reference 6.5):
 * - below 124: version, reqId, startDateStr, endDateStr, count, bars with a hasGaps field before barCount;
 * - 124–195: the same without version and hasGaps;
 * - from 196 (MIN_SERVER_VER_HISTORICAL_DATA_END): reqId, count, bars; the dates come in HISTORICAL_DATA_END.
 * Where the message carries the dates, the official client ends with historicalDataEnd itself.
 */
export const historicalData = reply<HistoricalDataMessage>({
  id: IncomingMessageId.HISTORICAL_DATA,
  name: "HISTORICAL_DATA",
  text: {
    write(w, m, sv) {
      if (sv < ServerVersion.SYNT_REALTIME_BARS) w.int(LEGACY_VERSION);
      w.int(m.reqId);
      if (sv < ServerVersion.HISTORICAL_DATA_END) w.utf8(m.startDateStr ?? "").utf8(m.endDateStr ?? "");
      w.int(m.bars.length);
      for (const b of m.bars) writeBar(w, b, sv);
    },
    read(r, sv) {
      if (sv < ServerVersion.SYNT_REALTIME_BARS) r.skip(); // version
      const reqId = r.readInt();
      let startDateStr: string | undefined;
      let endDateStr: string | undefined;
      if (sv < ServerVersion.HISTORICAL_DATA_END) {
        startDateStr = r.readString();
        endDateStr = r.readString();
      }
      const n = r.readInt();
      const bars: Bar[] = [];
      for (let i = 0; i < n; i++) bars.push(readBar(r, sv));
      return { reqId, startDateStr, endDateStr, bars };
    },
  },
  protobuf: protobufForm(HistoricalData, {
    toProto: (m) => ({ reqId: m.reqId, historicalDataBars: m.bars.map(barToProto) }),
    fromProto: (p) => ({
      reqId: p.reqId ?? NO_VALID_ID,
      startDateStr: undefined,
      endDateStr: undefined,
      bars: (p.historicalDataBars ?? []).map(barFromProto),
    }),
  }),
  callbacks(m, sv, form): WrapperCall[] {
    const calls: WrapperCall[] = m.bars.map((b) => ["historicalData", m.reqId, b]);
    if (form === "text" && sv < ServerVersion.HISTORICAL_DATA_END) {
      calls.push(["historicalDataEnd", m.reqId, m.startDateStr ?? "", m.endDateStr ?? ""]);
    }
    return calls;
  },
});

/** HISTORICAL_DATA_END: text `reqId, startDateStr, endDateStr`, no version. */
export const historicalDataEnd = reply<HistoricalDataEndMessage>({
  id: IncomingMessageId.HISTORICAL_DATA_END,
  name: "HISTORICAL_DATA_END",
  minServerVersion: ServerVersion.HISTORICAL_DATA_END,
  text: {
    write(w, m) {
      w.int(m.reqId).utf8(m.startDateStr).utf8(m.endDateStr);
    },
    read: (r) => ({ reqId: r.readInt(), startDateStr: r.readString(), endDateStr: r.readString() }),
  },
  protobuf: protobufForm(HistoricalDataEnd, {
    toProto: (m) => ({ reqId: m.reqId, startDateStr: m.startDateStr, endDateStr: m.endDateStr }),
    fromProto: (p) => ({
      reqId: p.reqId ?? NO_VALID_ID,
      startDateStr: p.startDateStr ?? "",
      endDateStr: p.endDateStr ?? "",
    }),
  }),
  callbacks: (m) => [["historicalDataEnd", m.reqId, m.startDateStr, m.endDateStr]],
});

/**
 * HISTORICAL_DATA_UPDATE: text `reqId, barCount, date, open, close, high, low, wap, volume`, no version. Mind
 * the order: barCount first, close before high and low, wap before volume.
 */
export const historicalDataUpdate = reply<HistoricalDataUpdateMessage>({
  id: IncomingMessageId.HISTORICAL_DATA_UPDATE,
  name: "HISTORICAL_DATA_UPDATE",
  minServerVersion: ServerVersion.SYNT_REALTIME_BARS,
  text: {
    write(w, m) {
      const b = m.bar;
      if (!b) throw new EncodeError("HISTORICAL_DATA_UPDATE needs a bar in its text form");
      w.int(m.reqId).int(b.barCount).utf8(b.date).double(b.open).double(b.close).double(b.high).double(b.low);
      w.decimalMax(b.wap).decimalMax(b.volume);
    },
    read(r) {
      const reqId = r.readInt();
      const barCount = r.readInt();
      const date = r.readString();
      const open = r.readDouble();
      const close = r.readDouble();
      const high = r.readDouble();
      const low = r.readDouble();
      const wap = r.readDecimal();
      const volume = r.readDecimal();
      return { reqId, bar: { date, open, high, low, close, volume, wap, barCount } };
    },
  },
  protobuf: protobufForm(HistoricalDataUpdate, {
    toProto: (m) => ({ reqId: m.reqId, historicalDataBar: m.bar && barToProto(m.bar) }),
    fromProto: (p) => ({
      reqId: p.reqId ?? NO_VALID_ID,
      bar: p.historicalDataBar && barFromProto(p.historicalDataBar),
    }),
  }),
  callbacks: (m) => (m.bar ? [["historicalDataUpdate", m.reqId, m.bar]] : []),
});
