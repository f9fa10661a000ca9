import { OutgoingMessageId } from "../../message-ids.js";
import type { Contract, TagValue } from "../../models/contract.js";
import { CancelMarketData, MarketDataRequest, MarketDataTypeRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { UNSET_INTEGER } from "../../values.js";
import {
  contractFromProto,
  contractToRequestProto,
  readContractBody,
  readDataComboLegs,
  requireVersion,
  tagValueList,
  tagValueMap,
  writeContractBody,
  writeDataComboLegs,
} from "../common/contract.js";
import { protobufForm, request } from "../spec.js";
import { readOptionsField, writeOptionsField } from "./options-field.js";

/**
 * Subscribing to level-1 market data: REQ_MKT_DATA, CANCEL_MKT_DATA and REQ_MARKET_DATA_TYPE (official
 * `reqMktData`, `cancelMktData`, `reqMarketDataType`; protobuf from MIN_SERVER_VER_PROTOBUF_MARKET_DATA).
 */

/** REQ_MKT_DATA: the arguments of `reqMktData`. */
export interface ReqMktDataMessage {
  reqId: number;
  /** Text carries conId (MIN_SERVER_VER_REQ_MKT_DATA_CONID), the contract body, BAG legs and the delta-neutral hedge. */
  contract: Contract;
  /** Comma-separated generic tick ids, e.g. `"233,236"`; `mdoff,...` suppresses the top-of-book ticks. */
  genericTickList: string;
  snapshot: boolean;
  /** A paid regulatory snapshot (MIN_SERVER_VER_REQ_SMART_COMPONENTS). */
  regulatorySnapshot: boolean;
  /** Internal options (MIN_SERVER_VER_LINKING); see writeOptionsField. */
  mktDataOptions: TagValue[];
}

/** CANCEL_MKT_DATA. */
export interface CancelMktDataMessage {
  reqId: number;
}

/** REQ_MARKET_DATA_TYPE: a `MarketDataType` (models/market-data.ts) for the subscriptions that follow. */
export interface ReqMarketDataTypeMessage {
  marketDataType: number;
}

/** The version field of each request's text form. */
const REQ_MKT_DATA_VERSION = 11;
const CANCEL_MKT_DATA_VERSION = 2;
const REQ_MARKET_DATA_TYPE_VERSION = 1;

/** An int the official protobuf builders leave out when it is UNSET_INTEGER. */
export const validInt = (n: number): number | undefined => (n === UNSET_INTEGER ? undefined : n);

export const reqMktData = request<ReqMktDataMessage>({
  id: OutgoingMessageId.REQ_MKT_DATA,
  name: "REQ_MKT_DATA",
  text: {
    write(w, m, sv) {
      const c = m.contract;
      const dn = c.deltaNeutralContract;
      // The official client's 503 refusals, in its order, then the field added since (silently dropped there).
      requireVersion(sv, ServerVersion.DELTA_NEUTRAL, dn !== undefined, "reqMktData delta-neutral contract");
      requireVersion(sv, ServerVersion.REQ_MKT_DATA_CONID, (c.conId ?? 0) > 0, "reqMktData conId");
      requireVersion(sv, ServerVersion.TRADING_CLASS, Boolean(c.tradingClass), "reqMktData tradingClass");
      requireVersion(sv, ServerVersion.REQ_SMART_COMPONENTS, m.regulatorySnapshot, "reqMktData regulatorySnapshot");
      w.int(REQ_MKT_DATA_VERSION).int(m.reqId);
      if (sv >= ServerVersion.REQ_MKT_DATA_CONID) w.int(c.conId ?? 0);
      writeContractBody(w, c, sv);
      if (c.secType === "BAG") writeDataComboLegs(w, c);
      if (sv >= ServerVersion.DELTA_NEUTRAL) {
        w.bool(dn !== undefined);
        if (dn)
          w.int(dn.conId ?? 0)
            .double(dn.delta ?? 0)
            .double(dn.price ?? 0);
      }
      w.string(m.genericTickList).bool(m.snapshot);
      if (sv >= ServerVersion.REQ_SMART_COMPONENTS) w.bool(m.regulatorySnapshot);
      writeOptionsField(w, m.mktDataOptions, sv, "reqMktData mktDataOptions");
    },
    read(r, sv) {
      r.skip(); // version
      const reqId = r.readInt();
      const contract: Contract = {};
      if (sv >= ServerVersion.REQ_MKT_DATA_CONID) contract.conId = r.readInt();
      readContractBody(r, contract, sv);
      if (contract.secType === "BAG") contract.comboLegs = readDataComboLegs(r);
      if (sv >= ServerVersion.DELTA_NEUTRAL && r.readBool()) {
        contract.deltaNeutralContract = { conId: r.readInt(), delta: r.readDouble(), price: r.readDouble() };
      }
      const genericTickList = r.readString();
      const snapshot = r.readBool();
      const regulatorySnapshot = sv >= ServerVersion.REQ_SMART_COMPONENTS ? r.readBool() : false;
      const mktDataOptions = readOptionsField(r, sv);
      return { reqId, contract, genericTickList, snapshot, regulatorySnapshot, mktDataOptions };
    },
  },
  protobuf: protobufForm(MarketDataRequest, {
    // createMarketDataRequestProto: flags only when true, the tick list only when non-empty.
    toProto: (m) => ({
      reqId: validInt(m.reqId),
      contract: contractToRequestProto(m.contract),
      genericTickList: m.genericTickList ? m.genericTickList : undefined,
      snapshot: m.snapshot ? true : undefined,
      regulatorySnapshot: m.regulatorySnapshot ? true : undefined,
      marketDataOptions: tagValueMap(m.mktDataOptions),
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? UNSET_INTEGER,
      contract: contractFromProto(p.contract),
      genericTickList: p.genericTickList ?? "",
      snapshot: p.snapshot ?? false,
      regulatorySnapshot: p.regulatorySnapshot ?? false,
      mktDataOptions: tagValueList(p.marketDataOptions),
    }),
  }),
});

export const cancelMktData = request<CancelMktDataMessage>({
  id: OutgoingMessageId.CANCEL_MKT_DATA,
  name: "CANCEL_MKT_DATA",
  text: {
    write(w, m) {
      w.int(CANCEL_MKT_DATA_VERSION).int(m.reqId);
    },
    read(r) {
      r.skip();
      return { reqId: r.readInt() };
    },
  },
  protobuf: protobufForm(CancelMarketData, {
    toProto: (m) => ({ reqId: validInt(m.reqId) }),
    fromProto: (p) => ({ reqId: p.reqId ?? UNSET_INTEGER }),
  }),
});

export const reqMarketDataType = request<ReqMarketDataTypeMessage>({
  id: OutgoingMessageId.REQ_MARKET_DATA_TYPE,
  name: "REQ_MARKET_DATA_TYPE",
  // The official client refuses the request (503) below this version.
  minServerVersion: ServerVersion.REQ_MARKET_DATA_TYPE,
  text: {
    write(w, m) {
      w.int(REQ_MARKET_DATA_TYPE_VERSION).int(m.marketDataType);
    },
    read(r) {
      r.skip();
      return { marketDataType: r.readInt() };
    },
  },
  protobuf: protobufForm(MarketDataTypeRequest, {
    toProto: (m) => ({ marketDataType: validInt(m.marketDataType) }),
    fromProto: (p) => ({ marketDataType: p.marketDataType ?? UNSET_INTEGER }),
  }),
});
