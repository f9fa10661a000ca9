import { EncodeError } from "../../errors.js";
import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { OutgoingMessageId } from "../../message-ids.js";
import type { Contract, TagValue } from "../../models/contract.js";
import { CancelMarketDepth, MarketDepthRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import {
  contractFromProto,
  contractToRequestProto,
  parseTagValueText,
  requireVersion,
  tagValueList,
  tagValueMap,
} from "../common/contract.js";
import { protobufForm, request } from "../spec.js";
import { intOrUnset, intUnlessUnset } from "./request-fields.js";

/**
 * REQ_MKT_DEPTH and CANCEL_MKT_DEPTH (official `reqMktDepth` / `cancelMktDepth`). Protobuf from
 * MIN_SERVER_VER_PROTOBUF_MARKET_DATA (206).
 */

/** REQ_MKT_DEPTH: the official `reqMktDepth` arguments. */
export interface ReqMktDepthMessage {
  reqId: number;
  /** Direct-routed: depth is per exchange (or SMART with `isSmartDepth`). */
  contract: Contract;
  /** The number of book rows per side. */
  numRows: number;
  /** SMART depth, aggregated over the venues (MIN_SERVER_VER_SMART_DEPTH). */
  isSmartDepth: boolean;
  /** "For internal use only"; the official text form refuses a non-empty list, protobuf carries it as a map. */
  mktDepthOptions: TagValue[];
}

/** CANCEL_MKT_DEPTH: the official `cancelMktDepth` arguments. */
export interface CancelMktDepthMessage {
  reqId: number;
  /** Must match the request (MIN_SERVER_VER_SMART_DEPTH). */
  isSmartDepth: boolean;
}

const REQ_MKT_DEPTH_VERSION = 5;
const CANCEL_MKT_DEPTH_VERSION = 1;

/**
 * The contract of REQ_MKT_DEPTH: unlike the other data requests, primaryExchange is only sent from
 * MIN_SERVER_VER_MKT_DEPTH_PRIM_EXCHANGE (149), between exchange and currency.
 */
function writeDepthContract(w: FieldWriter, c: Contract, sv: number): void {
  if (sv >= ServerVersion.TRADING_CLASS) w.int(c.conId ?? 0);
  w.string(c.symbol)
    .string(c.secType)
    .string(c.lastTradeDateOrContractMonth)
    .doubleMax(c.strike)
    .string(c.right)
    .string(c.multiplier)
    .string(c.exchange);
  if (sv >= ServerVersion.MKT_DEPTH_PRIM_EXCHANGE) w.string(c.primaryExchange);
  w.string(c.currency).string(c.localSymbol);
  if (sv >= ServerVersion.TRADING_CLASS) w.string(c.tradingClass);
}

function readDepthContract(r: FieldReader, sv: number): Contract {
  const c: Contract = {};
  if (sv >= ServerVersion.TRADING_CLASS) c.conId = r.readInt();
  c.symbol = r.readString();
  c.secType = r.readString();
  c.lastTradeDateOrContractMonth = r.readString();
  c.strike = r.readDoubleMax();
  c.right = r.readString();
  c.multiplier = r.readString();
  c.exchange = r.readString();
  if (sv >= ServerVersion.MKT_DEPTH_PRIM_EXCHANGE) c.primaryExchange = r.readString();
  c.currency = r.readString();
  c.localSymbol = r.readString();
  if (sv >= ServerVersion.TRADING_CLASS) c.tradingClass = r.readString();
  return c;
}

export const reqMktDepth = request<ReqMktDepthMessage>({
  id: OutgoingMessageId.REQ_MKT_DEPTH,
  name: "REQ_MKT_DEPTH",
  text: {
    write(w, m, sv) {
      const c = m.contract;
      // The official client's 503 refusals, in its order. A conId of 0 or below is dropped silently below 68.
      requireVersion(
        sv,
        ServerVersion.TRADING_CLASS,
        Boolean(c.tradingClass) || (c.conId ?? 0) > 0,
        "REQ_MKT_DEPTH conId and tradingClass",
      );
      requireVersion(sv, ServerVersion.SMART_DEPTH, m.isSmartDepth, "REQ_MKT_DEPTH isSmartDepth");
      requireVersion(
        sv,
        ServerVersion.MKT_DEPTH_PRIM_EXCHANGE,
        Boolean(c.primaryExchange),
        "REQ_MKT_DEPTH primaryExchange",
      );
      // The official client always sends an empty options field and refuses a non-empty list (its error 519).
      if (sv >= ServerVersion.LINKING && m.mktDepthOptions.length > 0) {
        throw new EncodeError("REQ_MKT_DEPTH: mktDepthOptions cannot be sent in the text form");
      }
      w.int(REQ_MKT_DEPTH_VERSION).int(m.reqId);
      writeDepthContract(w, c, sv);
      w.int(m.numRows);
      if (sv >= ServerVersion.SMART_DEPTH) w.bool(m.isSmartDepth);
      if (sv >= ServerVersion.LINKING) w.empty();
    },
    read(r, sv) {
      r.skip(); // version
      const reqId = r.readInt();
      const contract = readDepthContract(r, sv);
      const numRows = r.readInt();
      const isSmartDepth = sv >= ServerVersion.SMART_DEPTH ? r.readBool() : false;
      const mktDepthOptions = sv >= ServerVersion.LINKING ? parseTagValueText(r.readString()) : [];
      return { reqId, contract, numRows, isSmartDepth, mktDepthOptions };
    },
  },
  protobuf: protobufForm(MarketDepthRequest, {
    // createMarketDepthRequestProto: ints unless unset, isSmartDepth only when true, options as a map.
    toProto: (m) => ({
      reqId: intUnlessUnset(m.reqId),
      contract: contractToRequestProto(m.contract),
      numRows: intUnlessUnset(m.numRows),
      isSmartDepth: m.isSmartDepth ? true : undefined,
      marketDepthOptions: tagValueMap(m.mktDepthOptions),
    }),
    fromProto: (p) => ({
      reqId: intOrUnset(p.reqId),
      contract: contractFromProto(p.contract),
      numRows: intOrUnset(p.numRows),
      isSmartDepth: p.isSmartDepth ?? false,
      mktDepthOptions: tagValueList(p.marketDepthOptions),
    }),
  }),
});

export const cancelMktDepth = request<CancelMktDepthMessage>({
  id: OutgoingMessageId.CANCEL_MKT_DEPTH,
  name: "CANCEL_MKT_DEPTH",
  text: {
    write(w, m, sv) {
      requireVersion(sv, ServerVersion.SMART_DEPTH, m.isSmartDepth, "CANCEL_MKT_DEPTH isSmartDepth");
      w.int(CANCEL_MKT_DEPTH_VERSION).int(m.reqId);
      if (sv >= ServerVersion.SMART_DEPTH) w.bool(m.isSmartDepth);
    },
    read(r, sv) {
      r.skip(); // version
      const reqId = r.readInt();
      const isSmartDepth = sv >= ServerVersion.SMART_DEPTH ? r.readBool() : false;
      return { reqId, isSmartDepth };
    },
  },
  protobuf: protobufForm(CancelMarketDepth, {
    // createCancelMarketDepthProto: reqId unless unset, isSmartDepth only when true.
    toProto: (m) => ({ reqId: intUnlessUnset(m.reqId), isSmartDepth: m.isSmartDepth ? true : undefined }),
    fromProto: (p) => ({ reqId: intOrUnset(p.reqId), isSmartDepth: p.isSmartDepth ?? false }),
  }),
});
