import { IncomingMessageId } from "../../message-ids.js";
import { RerouteMarketDataRequest, RerouteMarketDepthRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { type IncomingSpec, protobufForm, reply } from "../spec.js";
import { ABSENT } from "./ticks.js";

/**
 * REROUTE_MKT_DATA_REQ / REROUTE_MKT_DEPTH_REQ (MIN_SERVER_VER_CFD_REROUTE): TWS asks the client to request the
 * data again for another contract, typically a CFD's underlying (`conId` on `exchange`). Text: reqId, conId,
 * exchange, no version; protobuf from MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_1.
 */
export interface RerouteMessage {
  reqId: number;
  /** Undefined when a protobuf message leaves it out (the official client then reports 0 and ""). */
  conId?: number;
  exchange?: string;
}

function rerouteSpec(
  id: number,
  name: "REROUTE_MKT_DATA_REQ" | "REROUTE_MKT_DEPTH_REQ",
  callback: "rerouteMktDataReq" | "rerouteMktDepthReq",
  codec: typeof RerouteMarketDataRequest | typeof RerouteMarketDepthRequest,
): IncomingSpec<RerouteMessage> {
  return reply<RerouteMessage>({
    id,
    name,
    minServerVersion: ServerVersion.CFD_REROUTE,
    text: {
      write(w, m) {
        w.int(m.reqId)
          .int(m.conId ?? 0)
          .utf8(m.exchange ?? "");
      },
      read(r) {
        return { reqId: r.readInt(), conId: r.readInt(), exchange: r.readString() };
      },
    },
    protobuf: protobufForm(codec, {
      toProto: (m) => ({ reqId: m.reqId, conId: m.conId, exchange: m.exchange }),
      fromProto: (p) => ({ reqId: p.reqId ?? ABSENT.reqId, conId: p.conId, exchange: p.exchange }),
    }),
    callbacks: (m) => [[callback, m.reqId, m.conId ?? 0, m.exchange ?? ""]],
  });
}

export const rerouteMktDataReq = rerouteSpec(
  IncomingMessageId.REROUTE_MKT_DATA_REQ,
  "REROUTE_MKT_DATA_REQ",
  "rerouteMktDataReq",
  RerouteMarketDataRequest,
);

export const rerouteMktDepthReq = rerouteSpec(
  IncomingMessageId.REROUTE_MKT_DEPTH_REQ,
  "REROUTE_MKT_DEPTH_REQ",
  "rerouteMktDepthReq",
  RerouteMarketDepthRequest,
);
