import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { SmartComponent, SmartComponentMap } from "../../models/market-data.js";
import { SmartComponents, SmartComponentsRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { UNSET_INTEGER } from "../../values.js";
import { protobufForm, reply, request } from "../spec.js";
import { validInt } from "./market-data-requests.js";
import { ABSENT } from "./ticks.js";

/**
 * The exchanges behind a SMART exchange mask (MIN_SERVER_VER_REQ_SMART_COMPONENTS): REQ_SMART_COMPONENTS with the
 * `bboExchange` of a TICK_REQ_PARAMS, answered by SMART_COMPONENTS. Protobuf from
 * MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_2. Neither text form has a version field.
 */

/** REQ_SMART_COMPONENTS: the arguments of `reqSmartComponents`. */
export interface ReqSmartComponentsMessage {
  reqId: number;
  bboExchange: string;
}

/** SMART_COMPONENTS: the components in wire order (text: count, then bitNumber, exchange, letter each). */
export interface SmartComponentsMessage {
  reqId: number;
  smartComponents: SmartComponent[];
}

export const reqSmartComponents = request<ReqSmartComponentsMessage>({
  id: OutgoingMessageId.REQ_SMART_COMPONENTS,
  name: "REQ_SMART_COMPONENTS",
  minServerVersion: ServerVersion.REQ_SMART_COMPONENTS,
  text: {
    write(w, m) {
      w.int(m.reqId).string(m.bboExchange);
    },
    read(r) {
      return { reqId: r.readInt(), bboExchange: r.readString() };
    },
  },
  protobuf: protobufForm(SmartComponentsRequest, {
    toProto: (m) => ({ reqId: validInt(m.reqId), bboExchange: m.bboExchange ? m.bboExchange : undefined }),
    fromProto: (p) => ({ reqId: p.reqId ?? UNSET_INTEGER, bboExchange: p.bboExchange ?? "" }),
  }),
});

/**
 * The official client's `smartComponents` argument differs by form: its text decoder passes a list of
 * SmartComponent objects, its protobuf decoder a map bitNumber → (exchange, exchangeLetter), filling an absent
 * bitNumber with 0, exchange with "" and exchangeLetter with a space.
 */
function smartComponentsArgument(list: readonly SmartComponent[], form: "text" | "protobuf"): unknown {
  if (form === "text") {
    return list.map((c) => ({
      bitNumber: c.bitNumber ?? 0,
      exchange: c.exchange ?? "",
      exchangeLetter: c.exchangeLetter ?? "",
    }));
  }
  const map: SmartComponentMap = {};
  for (const c of list) map[c.bitNumber ?? 0] = [c.exchange ?? "", c.exchangeLetter ?? " "];
  return map;
}

export const smartComponents = reply<SmartComponentsMessage>({
  id: IncomingMessageId.SMART_COMPONENTS,
  name: "SMART_COMPONENTS",
  minServerVersion: ServerVersion.REQ_SMART_COMPONENTS,
  text: {
    write(w, m) {
      w.int(m.reqId).int(m.smartComponents.length);
      for (const c of m.smartComponents) {
        w.int(c.bitNumber ?? 0)
          .utf8(c.exchange ?? "")
          .utf8(c.exchangeLetter ?? "");
      }
    },
    read(r) {
      const reqId = r.readInt();
      const n = r.readInt();
      const list: SmartComponent[] = [];
      for (let i = 0; i < n; i++) {
        list.push({ bitNumber: r.readInt(), exchange: r.readString(), exchangeLetter: r.readString() });
      }
      return { reqId, smartComponents: list };
    },
  },
  protobuf: protobufForm(SmartComponents, {
    // Fields stay as present or absent: TWS leaves out a bitNumber of 0.
    toProto: (m) => ({
      reqId: m.reqId,
      smartComponents: m.smartComponents.map((c) => ({
        bitNumber: c.bitNumber,
        exchange: c.exchange,
        exchangeLetter: c.exchangeLetter,
      })),
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? ABSENT.reqId,
      smartComponents: (p.smartComponents ?? []).map((c) => {
        const out: SmartComponent = {};
        if (c.bitNumber !== undefined) out.bitNumber = c.bitNumber;
        if (c.exchange !== undefined) out.exchange = c.exchange;
        if (c.exchangeLetter !== undefined) out.exchangeLetter = c.exchangeLetter;
        return out;
      }),
    }),
  }),
  callbacks: (m, _sv, form) => [["smartComponents", m.reqId, smartComponentsArgument(m.smartComponents, form)]],
});
