import { FieldReader } from "../src/protocol/field-reader.js";
import { FieldWriter } from "../src/protocol/field-writer.js";
import { type HistoricalDataMessage, historicalData } from "../src/protocol/messages/historical/bars.js";
import { decodeFrame, encodeMessage, specRegistry } from "../src/protocol/messages/index.js";
import type { Bar } from "../src/protocol/models/bar.js";
import { notationToPayload } from "../test/harness/notation.js";
import { allVectors } from "../test/vectors/index.js";

/**
 * Decode rates of the larger replies, text and protobuf: CONTRACT_DATA (a full AAPL contract-details reply, from
 * the golden vectors) and HISTORICAL_DATA (one reply of 1,000 bars). Each case is a buffer of back-to-back
 * payloads decoded through the generic codec.
 */
export interface MessageCase {
  name: string;
  payloads: Buffer[];
  serverVersion: number;
  /** Items per payload (bars for HISTORICAL_DATA), for an items-per-second figure. */
  items: number;
}

/** The largest golden reply frame of a message at a server version and form (the richest real shape we have). */
function largestVector(message: string, sv: number, protobuf: boolean): Buffer {
  const v = allVectors
    .filter((x) => x.message === message && x.sender === "host" && x.sv === sv && /^\d+#/.test(x.frame) === protobuf)
    .sort((a, b) => b.frame.length - a.frame.length)[0];
  if (!v) throw new Error(`no ${message} vector at ${sv}`);
  return notationToPayload(v.frame, sv);
}

/** The server version (up to `max`) of the largest golden reply frame of a message in a form. */
function richestVersion(message: string, protobuf: boolean, max: number): number {
  const v = allVectors
    .filter((x) => x.message === message && x.sender === "host" && /^\d+#/.test(x.frame) === protobuf && x.sv <= max)
    .sort((a, b) => b.frame.length - a.frame.length)[0];
  if (!v) throw new Error(`no ${message} vector`);
  return v.sv;
}

function bars(n: number): Bar[] {
  const out: Bar[] = [];
  let px = 187.25;
  for (let i = 0; i < n; i++) {
    const open = Math.round(px * 100) / 100;
    const close = Math.round((px + Math.sin(i) * 0.4) * 100) / 100;
    const high = Math.max(open, close) + 0.12;
    const low = Math.min(open, close) - 0.09;
    px = close;
    const minute = 570 + i;
    const date = `20261124 ${String(Math.floor(minute / 60) % 24).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}:00 US/Eastern`;
    out.push({
      date,
      open,
      high,
      low,
      close,
      volume: String(10_000 + i * 7),
      wap: (open + close) / 2 + "",
      barCount: 120 + (i % 50),
    });
  }
  return out;
}

export function messageCases(): MessageCase[] {
  const writer = new FieldWriter();
  const history = (sv: number): Buffer => {
    const m: HistoricalDataMessage = { reqId: 9001, startDateStr: undefined, endDateStr: undefined, bars: bars(1000) };
    return Buffer.from(encodeMessage(historicalData, m, sv, writer).subarray(4));
  };
  const times = <T>(n: number, x: T) => Array.from({ length: n }, () => x);
  const richest = (message: string, label: string, protobuf: boolean): MessageCase => {
    const sv = richestVersion(message, protobuf, protobuf ? 226 : 200);
    const payload = largestVector(message, sv, protobuf);
    return {
      name: `${label}.${protobuf ? "protobuf" : "text"}.sv${sv}`,
      payloads: times(2000, payload),
      serverVersion: sv,
      items: 1,
    };
  };
  return [
    richest("CONTRACT_DATA", "contract_data", false),
    richest("CONTRACT_DATA", "contract_data", true),
    {
      name: "historical_data_1000_bars.text.sv200",
      payloads: times(20, history(200)),
      serverVersion: 200,
      items: 1000,
    },
    {
      name: "historical_data_1000_bars.protobuf.sv225",
      payloads: times(20, history(225)),
      serverVersion: 225,
      items: 1000,
    },
    richest("OPEN_ORDER", "open_order", false),
    richest("OPEN_ORDER", "open_order", true),
    richest("EXECUTION_DATA", "execution_data", false),
    richest("EXECUTION_DATA", "execution_data", true),
  ];
}

/** Decodes every payload of a case; returns the number decoded. */
export function decodeCase(c: MessageCase, reader = new FieldReader()): number {
  let n = 0;
  for (const p of c.payloads) {
    decodeFrame(specRegistry, "host", p, 0, p.length, c.serverVersion, reader);
    n++;
  }
  return n;
}
