import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import { SecDefOptParameter, SecDefOptParameterEnd, SecDefOptParamsRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID, UNSET_INTEGER } from "../../values.js";
import { protobufForm, reply, request } from "../spec.js";
import { readStrings, writeStrings, writeText } from "./text-fields.js";

/**
 * Option chains: REQ_SEC_DEF_OPT_PARAMS (official `reqSecDefOptParams`, from
 * MIN_SERVER_VER_SEC_DEF_OPT_PARAMS_REQ; protobuf from MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_2), answered by one
 * SECURITY_DEFINITION_OPTION_PARAMETER per exchange and trading class, then
 * SECURITY_DEFINITION_OPTION_PARAMETER_END. No text form has a version field.
 */

/** REQ_SEC_DEF_OPT_PARAMS: the arguments of `reqSecDefOptParams`. */
export interface ReqSecDefOptParamsMessage {
  reqId: number;
  underlyingSymbol: string;
  /** The exchange of futures options; empty for every exchange. */
  futFopExchange: string;
  /** `STK`, `IND`, `FUT`, ... */
  underlyingSecType: string;
  underlyingConId: number;
}

/** SECURITY_DEFINITION_OPTION_PARAMETER: the chain on one exchange for one trading class. */
export interface SecurityDefinitionOptionParameterMessage {
  reqId: number;
  exchange: string;
  underlyingConId: number;
  tradingClass: string;
  multiplier: string;
  /** As sent. The official decoder collects them in a set: the callback gets each once, in first-seen order. */
  expirations: string[];
  /** As sent; the callback gets each once, like {@link expirations}. */
  strikes: number[];
}

/** SECURITY_DEFINITION_OPTION_PARAMETER_END. */
export interface SecurityDefinitionOptionParameterEndMessage {
  reqId: number;
}

/** An int the official protobuf builders leave out when it is UNSET_INTEGER. */
const validInt = (n: number): number | undefined => (n === UNSET_INTEGER ? undefined : n);

export const reqSecDefOptParams = request<ReqSecDefOptParamsMessage>({
  id: OutgoingMessageId.REQ_SEC_DEF_OPT_PARAMS,
  name: "REQ_SEC_DEF_OPT_PARAMS",
  // The official client refuses the request (503) below this version.
  minServerVersion: ServerVersion.SEC_DEF_OPT_PARAMS_REQ,
  text: {
    write(w, m) {
      w.int(m.reqId).string(m.underlyingSymbol).string(m.futFopExchange).string(m.underlyingSecType);
      w.int(m.underlyingConId);
    },
    read: (r) => ({
      reqId: r.readInt(),
      underlyingSymbol: r.readString(),
      futFopExchange: r.readString(),
      underlyingSecType: r.readString(),
      underlyingConId: r.readInt(),
    }),
  },
  protobuf: protobufForm(SecDefOptParamsRequest, {
    // createSecDefOptParamsRequestProto: strings only when non-empty, ints unless UNSET_INTEGER.
    toProto: (m) => ({
      reqId: validInt(m.reqId),
      underlyingSymbol: m.underlyingSymbol ? m.underlyingSymbol : undefined,
      futFopExchange: m.futFopExchange ? m.futFopExchange : undefined,
      underlyingSecType: m.underlyingSecType ? m.underlyingSecType : undefined,
      underlyingConId: validInt(m.underlyingConId),
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? UNSET_INTEGER,
      underlyingSymbol: p.underlyingSymbol ?? "",
      futFopExchange: p.futFopExchange ?? "",
      underlyingSecType: p.underlyingSecType ?? "",
      underlyingConId: p.underlyingConId ?? UNSET_INTEGER,
    }),
  }),
});

export const securityDefinitionOptionParameter = reply<SecurityDefinitionOptionParameterMessage>({
  id: IncomingMessageId.SECURITY_DEFINITION_OPTION_PARAMETER,
  name: "SECURITY_DEFINITION_OPTION_PARAMETER",
  text: {
    write(w, m) {
      w.int(m.reqId);
      writeText(w, m.exchange);
      w.int(m.underlyingConId);
      writeText(w, m.tradingClass);
      writeText(w, m.multiplier);
      writeStrings(w, m.expirations);
      w.int(m.strikes.length);
      for (const s of m.strikes) w.double(s);
    },
    read(r) {
      const reqId = r.readInt();
      const exchange = r.readString();
      const underlyingConId = r.readInt();
      const tradingClass = r.readString();
      const multiplier = r.readString();
      const expirations = readStrings(r);
      const strikes: number[] = [];
      for (let i = r.readInt(); i > 0; i--) strikes.push(r.readDouble());
      return { reqId, exchange, underlyingConId, tradingClass, multiplier, expirations, strikes };
    },
  },
  protobuf: protobufForm(SecDefOptParameter, {
    toProto: (m) => ({ ...m }),
    // The official reader's defaults for absent fields.
    fromProto: (p) => ({
      reqId: p.reqId ?? NO_VALID_ID,
      exchange: p.exchange ?? "",
      underlyingConId: p.underlyingConId ?? 0,
      tradingClass: p.tradingClass ?? "",
      multiplier: p.multiplier ?? "",
      expirations: p.expirations ?? [],
      strikes: p.strikes ?? [],
    }),
  }),
  callbacks: (m) => [
    [
      "securityDefinitionOptionParameter",
      m.reqId,
      m.exchange,
      m.underlyingConId,
      m.tradingClass,
      m.multiplier,
      [...new Set(m.expirations)],
      [...new Set(m.strikes)],
    ],
  ],
});

export const securityDefinitionOptionParameterEnd = reply<SecurityDefinitionOptionParameterEndMessage>({
  id: IncomingMessageId.SECURITY_DEFINITION_OPTION_PARAMETER_END,
  name: "SECURITY_DEFINITION_OPTION_PARAMETER_END",
  text: {
    write(w, m) {
      w.int(m.reqId);
    },
    read: (r) => ({ reqId: r.readInt() }),
  },
  protobuf: protobufForm(SecDefOptParameterEnd, {
    toProto: (m) => ({ reqId: m.reqId }),
    fromProto: (p) => ({ reqId: p.reqId ?? NO_VALID_ID }),
  }),
  callbacks: (m) => [["securityDefinitionOptionParameterEnd", m.reqId]],
});
