import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { IncomingMessageId } from "../../message-ids.js";
import type { Contract } from "../../models/contract.js";
import type { ScanData, ScannerContractDetails } from "../../models/scanner.js";
import { ScannerData, type ScannerDataElement, ScannerParameters } from "../../proto/index.js";
import { NO_VALID_ID } from "../../values.js";
import { contractFromProto, contractToProto } from "../common/contract.js";
import { readWrapperText, writeWrapperText } from "../session/text-fields.js";
import { protobufForm, reply, type WrapperCall } from "../spec.js";

/**
 * Scanner replies (official `decoder.py`: wrapper-style SCANNER_PARAMETERS, processScannerDataMsg and their
 * protobuf readers). Protobuf from MIN_SERVER_VER_PROTOBUF_SCAN_DATA (210). As with the news replies, a field
 * absent from a protobuf frame stays `undefined` in the value and `callbacks()` substitutes the official default.
 */

/** The version TWS writes first in a text SCANNER_PARAMETERS; the wrapper-style decoder skips it. */
const SCANNER_PARAMETERS_VERSION = 1;

/**
 * SCANNER_PARAMETERS: answers REQ_SCANNER_PARAMETERS. Wrapper-style in text: version, xml (un-escaped from
 * ENCODE_MSG_ASCII7 like every wrapper-style text).
 */
export interface ScannerParametersMessage {
  /** The scanner parameters document (instruments, locations, scan codes, filters); often megabytes long. */
  xml: string | undefined;
}

export const scannerParameters = reply<ScannerParametersMessage>({
  id: IncomingMessageId.SCANNER_PARAMETERS,
  name: "SCANNER_PARAMETERS",
  text: {
    write(w, m, sv) {
      w.int(SCANNER_PARAMETERS_VERSION);
      writeWrapperText(w, m.xml ?? "", sv);
    },
    read(r, sv) {
      r.skip(); // version
      return { xml: readWrapperText(r, sv) };
    },
  },
  protobuf: protobufForm(ScannerParameters, {
    toProto: (m) => ({ xml: m.xml }),
    fromProto: (p) => ({ xml: p.xml }),
  }),
  callbacks: (m) => [["scannerParameters", m.xml ?? ""]],
});

/**
 * The version TWS writes first in a text SCANNER_DATA. The Python decoder ignores it; the Java one reads conId
 * only from version 3 and legsStr from version 2, so 3 is the layout both read.
 */
const SCANNER_DATA_VERSION = 3;

/** SCANNER_DATA: one full snapshot of a scan, every row at once, for REQ_SCANNER_SUBSCRIPTION `reqId`. */
export interface ScannerDataMessage {
  reqId: number | undefined;
  /** The rows, in the order TWS sent them (`scannerDataElement` in protobuf). */
  elements: ScanData[];
}

/**
 * One text row: rank, then conId, symbol, secType, lastTradeDateOrContractMonth, strike, right, exchange,
 * currency, localSymbol, marketName (between the contract fields), tradingClass, distance, benchmark,
 * projection, legsStr. No multiplier and no primaryExchange in the text form.
 */
function writeRow(w: FieldWriter, row: ScanData): void {
  const c = row.contract ?? {};
  w.int(row.rank ?? 0)
    .int(c.conId ?? 0)
    .utf8(c.symbol ?? "")
    .utf8(c.secType ?? "")
    .utf8(c.lastTradeDateOrContractMonth ?? "")
    // A plain double: the decoder reads an empty strike as 0, so 0 is what an absent strike means here.
    .double(c.strike ?? 0)
    .utf8(c.right ?? "")
    .utf8(c.exchange ?? "")
    .utf8(c.currency ?? "")
    .utf8(c.localSymbol ?? "")
    .utf8(row.marketName ?? "")
    .utf8(c.tradingClass ?? "")
    .utf8(row.distance ?? "")
    .utf8(row.benchmark ?? "")
    .utf8(row.projection ?? "")
    .utf8(row.legsStr ?? "");
}

function readRow(r: FieldReader): ScanData {
  const rank = r.readInt();
  const contract: Contract = {
    conId: r.readInt(),
    symbol: r.readString(),
    secType: r.readString(),
    lastTradeDateOrContractMonth: r.readString(),
    strike: r.readDouble(),
    right: r.readString(),
    exchange: r.readString(),
    currency: r.readString(),
    localSymbol: r.readString(),
  };
  const marketName = r.readString();
  contract.tradingClass = r.readString();
  return {
    rank,
    contract,
    marketName,
    distance: r.readString(),
    benchmark: r.readString(),
    projection: r.readString(),
    legsStr: r.readString(),
  };
}

function rowToProto(row: ScanData): ScannerDataElement {
  return {
    rank: row.rank,
    contract: row.contract ? contractToProto(row.contract) : undefined,
    marketName: row.marketName,
    distance: row.distance,
    benchmark: row.benchmark,
    projection: row.projection,
    comboKey: row.legsStr,
  };
}

function rowFromProto(e: ScannerDataElement): ScanData {
  return {
    rank: e.rank,
    contract: e.contract ? contractFromProto(e.contract) : undefined,
    marketName: e.marketName,
    distance: e.distance,
    benchmark: e.benchmark,
    projection: e.projection,
    legsStr: e.comboKey,
  };
}

/**
 * The ContractDetails the official decoder hands to `scannerData`. Without a contract it is a fresh one (a
 * marketName on the wire is then ignored). The protobuf contract reader of the official decoder skips
 * secIdType, secId and includeExpired, so the callback never has them.
 */
function contractDetailsOf(row: ScanData): ScannerContractDetails {
  if (!row.contract) return { contract: {}, marketName: "" };
  const { secIdType: _secIdType, secId: _secId, includeExpired: _includeExpired, ...contract } = row.contract;
  return { contract, marketName: row.marketName ?? "" };
}

export const scannerData = reply<ScannerDataMessage>({
  id: IncomingMessageId.SCANNER_DATA,
  name: "SCANNER_DATA",
  text: {
    write(w, m) {
      w.int(SCANNER_DATA_VERSION)
        .int(m.reqId ?? NO_VALID_ID)
        .int(m.elements.length);
      for (const row of m.elements) writeRow(w, row);
    },
    read(r) {
      r.skip(); // version
      const reqId = r.readInt();
      const n = r.readInt();
      const elements: ScanData[] = [];
      for (let i = 0; i < n; i++) elements.push(readRow(r));
      return { reqId, elements };
    },
  },
  protobuf: protobufForm(ScannerData, {
    toProto: (m) => ({ reqId: m.reqId, scannerDataElement: m.elements.map(rowToProto) }),
    fromProto: (p) => ({ reqId: p.reqId, elements: (p.scannerDataElement ?? []).map(rowFromProto) }),
  }),
  // One scannerData per row, then scannerDataEnd: the official client reports the end of every snapshot.
  callbacks(m): WrapperCall[] {
    const reqId = m.reqId ?? NO_VALID_ID;
    const calls: WrapperCall[] = m.elements.map((row) => [
      "scannerData",
      reqId,
      row.rank ?? 0,
      contractDetailsOf(row),
      row.distance ?? "",
      row.benchmark ?? "",
      row.projection ?? "",
      row.legsStr ?? "",
    ]);
    calls.push(["scannerDataEnd", reqId]);
    return calls;
  },
});
