import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { PriceIncrement } from "../../models/market-data.js";
import { MarketRule, MarketRuleRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { UNSET_INTEGER } from "../../values.js";
import { protobufForm, reply, request } from "../spec.js";
import { validInt } from "./market-data-requests.js";

/**
 * Market rules (MIN_SERVER_VER_MARKET_RULES): the price increments behind the `marketRuleIds` of a contract's
 * details. REQ_MARKET_RULE asks for one rule, MARKET_RULE answers; protobuf from
 * MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_2. Neither text form has a version field.
 */

/** REQ_MARKET_RULE: the argument of `reqMarketRule`. */
export interface ReqMarketRuleMessage {
  marketRuleId: number;
}

/** MARKET_RULE: text marketRuleId, count, then lowEdge and increment per step. */
export interface MarketRuleMessage {
  /** Undefined when a protobuf message leaves it out (the official client then reports 0). */
  marketRuleId?: number;
  priceIncrements: PriceIncrement[];
}

export const reqMarketRule = request<ReqMarketRuleMessage>({
  id: OutgoingMessageId.REQ_MARKET_RULE,
  name: "REQ_MARKET_RULE",
  minServerVersion: ServerVersion.MARKET_RULES,
  text: {
    write(w, m) {
      w.int(m.marketRuleId);
    },
    read(r) {
      return { marketRuleId: r.readInt() };
    },
  },
  protobuf: protobufForm(MarketRuleRequest, {
    toProto: (m) => ({ marketRuleId: validInt(m.marketRuleId) }),
    fromProto: (p) => ({ marketRuleId: p.marketRuleId ?? UNSET_INTEGER }),
  }),
});

export const marketRule = reply<MarketRuleMessage>({
  id: IncomingMessageId.MARKET_RULE,
  name: "MARKET_RULE",
  minServerVersion: ServerVersion.MARKET_RULES,
  text: {
    write(w, m) {
      w.int(m.marketRuleId ?? 0).int(m.priceIncrements.length);
      for (const p of m.priceIncrements) w.double(p.lowEdge ?? 0).double(p.increment ?? 0);
    },
    read(r) {
      const marketRuleId = r.readInt();
      const n = r.readInt();
      const priceIncrements: PriceIncrement[] = [];
      for (let i = 0; i < n; i++) priceIncrements.push({ lowEdge: r.readDouble(), increment: r.readDouble() });
      return { marketRuleId, priceIncrements };
    },
  },
  protobuf: protobufForm(MarketRule, {
    toProto: (m) => ({
      marketRuleId: m.marketRuleId,
      priceIncrements: m.priceIncrements.map((p) => ({ lowEdge: p.lowEdge, increment: p.increment })),
    }),
    fromProto: (p) => ({
      marketRuleId: p.marketRuleId,
      priceIncrements: (p.priceIncrements ?? []).map((i) => {
        const out: PriceIncrement = {};
        if (i.lowEdge !== undefined) out.lowEdge = i.lowEdge;
        if (i.increment !== undefined) out.increment = i.increment;
        return out;
      }),
    }),
  }),
  // PriceIncrement objects with the official defaults (0.0) for absent fields.
  callbacks: (m) => [
    [
      "marketRule",
      m.marketRuleId ?? 0,
      m.priceIncrements.map((p) => ({ lowEdge: p.lowEdge ?? 0, increment: p.increment ?? 0 })),
    ],
  ],
});
