import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { DepthMktDataDescription } from "../../models/depth.js";
import { MarketDepthExchanges, MarketDepthExchangesRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { UNSET_INTEGER } from "../../values.js";
import { protobufForm, reply, request, type WrapperCall } from "../spec.js";

/**
 * REQ_MKT_DEPTH_EXCHANGES / MKT_DEPTH_EXCHANGES: the venues that offer market depth (official
 * `reqMktDepthExchanges`, `processMktDepthExchanges`). Both exist from MIN_SERVER_VER_REQ_MKT_DEPTH_EXCHANGES
 * (112); protobuf from MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_3 (213). Neither text form has a version field.
 */

/** REQ_MKT_DEPTH_EXCHANGES has no arguments. */
export type ReqMktDepthExchangesMessage = Record<string, never>;

/**
 * One venue as it was on the wire. Protobuf fields TWS left out stay undefined, so the frame re-encodes to its
 * bytes; the callback gets the official defaults.
 */
export interface DepthMktDataDescriptionEntry {
  exchange?: string;
  secType?: string;
  listingExch?: string;
  serviceDataType?: string;
  /** Undefined when unset (absent, or UNSET_INTEGER in the text form). */
  aggGroup?: number;
  /**
   * Text below MIN_SERVER_VER_SERVICE_DATA_TYPE (120) only: TWS's "L2 not supported" flag, which took the place
   * of listingExch, serviceDataType and aggGroup there. The official decoder reads and drops it.
   */
  notSuppIsL2?: boolean;
}

/** MKT_DEPTH_EXCHANGES. */
export interface MktDepthExchangesMessage {
  depthMktDataDescriptions: DepthMktDataDescriptionEntry[];
}

export const reqMktDepthExchanges = request<ReqMktDepthExchangesMessage>({
  id: OutgoingMessageId.REQ_MKT_DEPTH_EXCHANGES,
  name: "REQ_MKT_DEPTH_EXCHANGES",
  minServerVersion: ServerVersion.REQ_MKT_DEPTH_EXCHANGES,
  text: {
    write() {},
    read: () => ({}),
  },
  protobuf: protobufForm(MarketDepthExchangesRequest, {
    toProto: () => ({}),
    fromProto: () => ({}),
  }),
});

/**
 * The text layout changed at MIN_SERVER_VER_SERVICE_DATA_TYPE (120): the official decoder reads listingExch,
 * serviceDataType and aggGroup from there on. (aggGroup has its own constant, MIN_SERVER_VER_AGG_GROUP = 121,
 * which contract details use; the official decoder reads it here from 120.)
 */
export const mktDepthExchanges = reply<MktDepthExchangesMessage>({
  id: IncomingMessageId.MKT_DEPTH_EXCHANGES,
  name: "MKT_DEPTH_EXCHANGES",
  minServerVersion: ServerVersion.REQ_MKT_DEPTH_EXCHANGES,
  text: {
    write(w, m, sv) {
      w.int(m.depthMktDataDescriptions.length);
      for (const d of m.depthMktDataDescriptions) {
        w.utf8(d.exchange ?? "").utf8(d.secType ?? "");
        if (sv >= ServerVersion.SERVICE_DATA_TYPE) {
          w.utf8(d.listingExch ?? "")
            .utf8(d.serviceDataType ?? "")
            .int(d.aggGroup ?? UNSET_INTEGER);
        } else {
          w.bool(d.notSuppIsL2);
        }
      }
    },
    read(r, sv) {
      const n = r.readInt();
      const depthMktDataDescriptions: DepthMktDataDescriptionEntry[] = [];
      for (let i = 0; i < n; i++) {
        const exchange = r.readString();
        const secType = r.readString();
        if (sv >= ServerVersion.SERVICE_DATA_TYPE) {
          const listingExch = r.readString();
          const serviceDataType = r.readString();
          const aggGroup = r.readInt();
          depthMktDataDescriptions.push({
            exchange,
            secType,
            listingExch,
            serviceDataType,
            aggGroup: aggGroup === UNSET_INTEGER ? undefined : aggGroup,
          });
        } else {
          depthMktDataDescriptions.push({ exchange, secType, notSuppIsL2: r.readBool() });
        }
      }
      return { depthMktDataDescriptions };
    },
  },
  protobuf: protobufForm(MarketDepthExchanges, {
    toProto: (m) => ({
      depthMarketDataDescriptions: m.depthMktDataDescriptions.map((d) => ({
        exchange: d.exchange,
        secType: d.secType,
        listingExch: d.listingExch,
        serviceDataType: d.serviceDataType,
        aggGroup: d.aggGroup,
      })),
    }),
    fromProto: (p) => ({
      depthMktDataDescriptions: (p.depthMarketDataDescriptions ?? []).map((d) => {
        const entry: DepthMktDataDescriptionEntry = {};
        if (d.exchange !== undefined) entry.exchange = d.exchange;
        if (d.secType !== undefined) entry.secType = d.secType;
        if (d.listingExch !== undefined) entry.listingExch = d.listingExch;
        if (d.serviceDataType !== undefined) entry.serviceDataType = d.serviceDataType;
        if (d.aggGroup !== undefined) entry.aggGroup = d.aggGroup;
        return entry;
      }),
    }),
  }),
  callbacks: (m): WrapperCall[] => [["mktDepthExchanges", m.depthMktDataDescriptions.map(toDescription)]],
});

/** The official `DepthMktDataDescription` for one wire entry. */
function toDescription(d: DepthMktDataDescriptionEntry): DepthMktDataDescription {
  return {
    exchange: d.exchange ?? "",
    secType: d.secType ?? "",
    listingExch: d.listingExch ?? "",
    serviceDataType: d.serviceDataType ?? "",
    aggGroup: d.aggGroup === UNSET_INTEGER ? undefined : d.aggGroup,
  };
}
