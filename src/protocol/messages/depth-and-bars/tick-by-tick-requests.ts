import { OutgoingMessageId } from "../../message-ids.js";
import type { Contract } from "../../models/contract.js";
import { CancelTickByTick, TickByTickRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { contractFromProto, contractToRequestProto } from "../common/contract.js";
import { protobufForm, request } from "../spec.js";
import { intOrUnset, intUnlessUnset, readConIdAndContract, writeConIdAndContract } from "./request-fields.js";

/**
 * REQ_TICK_BY_TICK_DATA and CANCEL_TICK_BY_TICK_DATA (official `reqTickByTickData` / `cancelTickByTickData`).
 * Neither text form has a version field. Protobuf from MIN_SERVER_VER_PROTOBUF_HISTORICAL_DATA (208).
 */

/** REQ_TICK_BY_TICK_DATA: the official `reqTickByTickData` arguments. */
export interface ReqTickByTickDataMessage {
  reqId: number;
  contract: Contract;
  /** `Last`, `AllLast`, `BidAsk` or `MidPoint`. */
  tickType: string;
  /** Historical ticks sent before the live stream starts (0: none; MIN_SERVER_VER_TICK_BY_TICK_IGNORE_SIZE). */
  numberOfTicks: number;
  /** BidAsk only: no tick when only the sizes change (MIN_SERVER_VER_TICK_BY_TICK_IGNORE_SIZE). */
  ignoreSize: boolean;
}

/** CANCEL_TICK_BY_TICK_DATA. */
export interface CancelTickByTickDataMessage {
  reqId: number;
}

/**
 * The request came with MIN_SERVER_VER_TICK_BY_TICK (137), and numberOfTicks and ignoreSize were added at
 * MIN_SERVER_VER_TICK_BY_TICK_IGNORE_SIZE (140). The official Python client refuses every request below 140
 * (503), whatever the two values, so that is where the message starts for the encoder; the reader still
 * accepts the 137 layout (no numberOfTicks, no ignoreSize) from other clients.
 */
export const reqTickByTickData = request<ReqTickByTickDataMessage>({
  id: OutgoingMessageId.REQ_TICK_BY_TICK_DATA,
  name: "REQ_TICK_BY_TICK_DATA",
  minServerVersion: ServerVersion.TICK_BY_TICK_IGNORE_SIZE,
  text: {
    write(w, m, sv) {
      // conId and tradingClass are sent unconditionally here; the message postdates TRADING_CLASS (68).
      w.int(m.reqId);
      writeConIdAndContract(w, m.contract, sv);
      w.string(m.tickType);
      if (sv >= ServerVersion.TICK_BY_TICK_IGNORE_SIZE) w.int(m.numberOfTicks).bool(m.ignoreSize);
    },
    read(r, sv) {
      const reqId = r.readInt();
      const contract = readConIdAndContract(r, sv);
      const tickType = r.readString();
      const later = sv >= ServerVersion.TICK_BY_TICK_IGNORE_SIZE;
      const numberOfTicks = later ? r.readInt() : 0;
      const ignoreSize = later ? r.readBool() : false;
      return { reqId, contract, tickType, numberOfTicks, ignoreSize };
    },
  },
  protobuf: protobufForm(TickByTickRequest, {
    // createTickByTickRequestProto: ints unless unset, tickType when non-empty, ignoreSize only when true.
    toProto: (m) => ({
      reqId: intUnlessUnset(m.reqId),
      contract: contractToRequestProto(m.contract),
      tickType: m.tickType ? m.tickType : undefined,
      numberOfTicks: intUnlessUnset(m.numberOfTicks),
      ignoreSize: m.ignoreSize ? true : undefined,
    }),
    fromProto: (p) => ({
      reqId: intOrUnset(p.reqId),
      contract: contractFromProto(p.contract),
      tickType: p.tickType ?? "",
      numberOfTicks: intOrUnset(p.numberOfTicks),
      ignoreSize: p.ignoreSize ?? false,
    }),
  }),
});

export const cancelTickByTickData = request<CancelTickByTickDataMessage>({
  id: OutgoingMessageId.CANCEL_TICK_BY_TICK_DATA,
  name: "CANCEL_TICK_BY_TICK_DATA",
  minServerVersion: ServerVersion.TICK_BY_TICK,
  text: {
    write(w, m) {
      w.int(m.reqId);
    },
    read: (r) => ({ reqId: r.readInt() }),
  },
  protobuf: protobufForm(CancelTickByTick, {
    toProto: (m) => ({ reqId: intUnlessUnset(m.reqId) }),
    fromProto: (p) => ({ reqId: intOrUnset(p.reqId) }),
  }),
});
