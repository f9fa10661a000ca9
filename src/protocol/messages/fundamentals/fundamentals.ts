import { ProtocolError } from "../../errors.js";
import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { Contract, TagValue } from "../../models/contract.js";
import { CancelFundamentalsData, FundamentalsData, FundamentalsDataRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID } from "../../values.js";
import { contractFromProto, contractToRequestProto, requireVersion } from "../common/contract.js";
import {
  intOrUnset,
  optionsFromProto,
  optionsToProto,
  readOptions,
  setInt,
  setString,
  writeOptions,
} from "../news-and-scanners/option-lists.js";
import { readWrapperInt, readWrapperText, writeWrapperText } from "../session/text-fields.js";
import { protobufForm, reply, request } from "../spec.js";

/**
 * Fundamental data: Reuters/Refinitiv XML reports of a stock (official `client.py` reqFundamentalData,
 * cancelFundamentalData; `decoder.py` wrapper-style FUNDAMENTAL_DATA and processFundamentalsDataMsgProtoBuf).
 * Protobuf from MIN_SERVER_VER_PROTOBUF_SCAN_DATA (210) in 10.46.
 *
 * Status: present up to API 10.46 (the authority here); gone from the official clients in 10.50 — Java 10.50
 * `EClient` has no fundamentals request or cancel and its protobuf routing no longer lists them, and the 10.50
 * `.proto` set drops FundamentalsData, FundamentalsDataRequest and CancelFundamentalsData. The codec is kept so
 * older clients and hosts still interoperate; whether TWS still answers is not known.
 */

/** REQ_FUNDAMENTAL_DATA (`reqFundamentalData`): one report of a stock. */
export interface ReqFundamentalDataMessage {
  reqId: number;
  /**
   * The stock. The text form carries conId, symbol, secType, exchange, primaryExchange, currency and
   * localSymbol only (the official client leaves the rest out: "not tradingClass or multiplier"); protobuf the
   * whole contract as `createContractProto` builds it.
   */
  contract: Contract;
  /** ReportSnapshot, ReportsFinSummary, ReportRatios, ReportsFinStatements, RESC, ... */
  reportType: string;
  /** MIN_SERVER_VER_LINKING (70); none is `undefined`. */
  fundamentalDataOptions: TagValue[] | undefined;
}

/** The version field of REQ_FUNDAMENTAL_DATA's text form. */
const REQUEST_VERSION = 2;
/** The version field of CANCEL_FUNDAMENTAL_DATA's text form, and the one TWS writes in FUNDAMENTAL_DATA. */
const VERSION = 1;

/**
 * REQ_FUNDAMENTAL_DATA. Status: present up to API 10.46, gone in 10.50 (see the module note).
 *
 * Below MIN_SERVER_VER_TRADING_CLASS
 * (68) the official client refuses the whole request ("does not support conId parameter"), not just the conId,
 * so that is the message's minimum; the conId field is unconditional here.
 */
export const reqFundamentalData = request<ReqFundamentalDataMessage>({
  id: OutgoingMessageId.REQ_FUNDAMENTAL_DATA,
  name: "REQ_FUNDAMENTAL_DATA",
  minServerVersion: ServerVersion.TRADING_CLASS,
  text: {
    write(w, m, sv) {
      // The official client drops the options silently below 70; we refuse them instead.
      const options = m.fundamentalDataOptions ?? [];
      requireVersion(sv, ServerVersion.LINKING, options.length > 0, "fundamentalDataOptions");
      const c = m.contract;
      w.int(REQUEST_VERSION)
        .int(m.reqId)
        .int(c.conId ?? 0)
        .string(c.symbol)
        .string(c.secType)
        .string(c.exchange)
        .string(c.primaryExchange)
        .string(c.currency)
        .string(c.localSymbol)
        .string(m.reportType);
      // From LINKING: a count, then the pairs as one `tag=value;` field.
      if (sv >= ServerVersion.LINKING) {
        w.int(options.length);
        writeOptions(w, options);
      }
    },
    read(r, sv) {
      r.skip(); // version
      const reqId = r.readInt();
      const contract: Contract = {
        conId: r.readInt(),
        symbol: r.readString(),
        secType: r.readString(),
        exchange: r.readString(),
        primaryExchange: r.readString(),
        currency: r.readString(),
        localSymbol: r.readString(),
      };
      const reportType = r.readString();
      let fundamentalDataOptions: TagValue[] | undefined;
      if (sv >= ServerVersion.LINKING) {
        const count = r.readInt();
        fundamentalDataOptions = readOptions(r);
        const n = fundamentalDataOptions?.length ?? 0;
        if (count !== n) throw new ProtocolError(`fundamentalDataOptions: count ${count} but ${n} tag=value pairs`);
      }
      return { reqId, contract, reportType, fundamentalDataOptions };
    },
  },
  protobuf: protobufForm(FundamentalsDataRequest, {
    // createFundamentalsDataRequestProto: reqId unless unset, the contract always, reportType when non-empty.
    toProto: (m) => ({
      reqId: setInt(m.reqId),
      contract: contractToRequestProto(m.contract),
      reportType: setString(m.reportType),
      fundamentalsDataOptions: optionsToProto(m.fundamentalDataOptions),
    }),
    fromProto: (p) => ({
      reqId: intOrUnset(p.reqId),
      contract: contractFromProto(p.contract),
      reportType: p.reportType ?? "",
      fundamentalDataOptions: optionsFromProto(p.fundamentalsDataOptions),
    }),
  }),
});

/** CANCEL_FUNDAMENTAL_DATA (`cancelFundamentalData`). */
export interface CancelFundamentalDataMessage {
  reqId: number;
}

/** CANCEL_FUNDAMENTAL_DATA. Status: present up to API 10.46, gone in 10.50 (see the module note). */
export const cancelFundamentalData = request<CancelFundamentalDataMessage>({
  id: OutgoingMessageId.CANCEL_FUNDAMENTAL_DATA,
  name: "CANCEL_FUNDAMENTAL_DATA",
  minServerVersion: ServerVersion.FUNDAMENTAL_DATA,
  text: {
    write(w, m) {
      w.int(VERSION).int(m.reqId);
    },
    read(r) {
      r.skip(); // version
      return { reqId: r.readInt() };
    },
  },
  protobuf: protobufForm(CancelFundamentalsData, {
    toProto: (m) => ({ reqId: setInt(m.reqId) }),
    fromProto: (p) => ({ reqId: intOrUnset(p.reqId) }),
  }),
});

/**
 * FUNDAMENTAL_DATA: the report as XML. Wrapper-style in text: version, then exactly `fundamentalData`'s two
 * arguments (reqId by a bare `int()`, the data un-escaped from ENCODE_MSG_ASCII7). In protobuf an absent field
 * stays undefined and becomes NO_VALID_ID or "" in the callback.
 */
export interface FundamentalDataMessage {
  reqId: number | undefined;
  data: string | undefined;
}

/** FUNDAMENTAL_DATA. Status: present up to API 10.46, gone in 10.50 (see the module note). */
export const fundamentalData = reply<FundamentalDataMessage>({
  id: IncomingMessageId.FUNDAMENTAL_DATA,
  name: "FUNDAMENTAL_DATA",
  minServerVersion: ServerVersion.FUNDAMENTAL_DATA,
  text: {
    write(w, m, sv) {
      w.int(VERSION).int(m.reqId ?? NO_VALID_ID);
      writeWrapperText(w, m.data ?? "", sv);
    },
    read(r, sv) {
      r.skip(); // version
      return { reqId: readWrapperInt(r, sv), data: readWrapperText(r, sv) };
    },
  },
  protobuf: protobufForm(FundamentalsData, {
    toProto: (m) => ({ reqId: m.reqId, data: m.data }),
    fromProto: (p) => ({ reqId: p.reqId, data: p.data }),
  }),
  callbacks: (m) => [["fundamentalData", m.reqId ?? NO_VALID_ID, m.data ?? ""]],
});
