import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import type { IncomingMessageName, OutgoingMessageName } from "../../message-ids.js";
import type { Contract } from "../../models/contract.js";
import { NO_VALID_ID, UNSET_DOUBLE, UNSET_INTEGER } from "../../values.js";
import { readWrapperInt } from "../session/text-fields.js";
import { type ProtoCodec, protobufForm, reply, request } from "../spec.js";

/**
 * Field helpers of the account family's text replies, and factories for its many one-field messages.
 *
 * Text replies are read as the official decoder reads them with plain `decode()`: an empty int or double is 0, a
 * string is UTF-8 free text (written without the request-side ASCII check). A double TWS sends as the max-double
 * literal (unset commissions, P&L) reads as `undefined` and is written back as that literal.
 */

/** A double the decoder reads plainly; the max double (either spelling) means unset. */
export function readDoubleOrUnset(r: FieldReader): number | undefined {
  const v = r.readDouble();
  return v === UNSET_DOUBLE ? undefined : v;
}

/** Writes a double read by {@link readDoubleOrUnset}: unset as the max-double literal. */
export function writeDoubleOrUnset(w: FieldWriter, v: number | undefined): void {
  w.double(v ?? UNSET_DOUBLE);
}

/** Writes a reply's free-text field; unset as empty. */
export function writeText(w: FieldWriter, v: string | undefined): void {
  w.utf8(v ?? "");
}

/**
 * A protobuf double as the official decoder hands it on where an absent field defaults to 0: absent → 0, the
 * max double → unset (undefined), anything else as it is.
 */
export function protoDoubleOrZero(v: number | undefined): number | undefined {
  if (v === undefined) return 0;
  return v === UNSET_DOUBLE ? undefined : v;
}

/** A protobuf double where an absent field is unset to the official decoder: absent or max → undefined. */
export function protoDoubleOrUnset(v: number | undefined): number | undefined {
  return v === UNSET_DOUBLE ? undefined : v;
}

/**
 * The contract of POSITION_DATA and POSITION_MULTI text replies: conId, symbol, secType,
 * lastTradeDateOrContractMonth, strike, right, multiplier, exchange, currency, localSymbol, then tradingClass
 * when `withTradingClass`.
 */
export function readPositionContract(r: FieldReader, withTradingClass: boolean): Contract {
  const c: Contract = {
    conId: r.readInt(),
    symbol: r.readString(),
    secType: r.readString(),
    lastTradeDateOrContractMonth: r.readString(),
    strike: readDoubleOrUnset(r),
    right: r.readString(),
    multiplier: r.readString(),
    exchange: r.readString(),
    currency: r.readString(),
    localSymbol: r.readString(),
  };
  if (withTradingClass) c.tradingClass = r.readString();
  return c;
}

/** Writes what {@link readPositionContract} reads. */
export function writePositionContract(w: FieldWriter, c: Contract, withTradingClass: boolean): void {
  w.int(c.conId ?? 0);
  writeText(w, c.symbol);
  writeText(w, c.secType);
  writeText(w, c.lastTradeDateOrContractMonth);
  writeDoubleOrUnset(w, c.strike);
  writeText(w, c.right);
  writeText(w, c.multiplier);
  writeText(w, c.exchange);
  writeText(w, c.currency);
  writeText(w, c.localSymbol);
  if (withTradingClass) writeText(w, c.tradingClass);
}

/** The version of the text cancels that have one, and the one TWS writes in the "end" replies. */
const VERSION = 1;

/** A message that carries only a request id. */
export interface ReqIdMessage {
  reqId: number;
}

/** A reply that carries only a request id; undefined when a protobuf reply leaves it out. */
export interface ReqIdReplyMessage {
  reqId: number | undefined;
}

/**
 * A cancel request carrying only the request id: text is `[version 1,] reqId` (`withVersion` false for the P&L
 * cancels, which have none); protobuf sets reqId unless it is unset, as the official builders do.
 */
export function reqIdRequest(spec: {
  id: number;
  name: OutgoingMessageName;
  minServerVersion?: number;
  withVersion: boolean;
  codec: ProtoCodec<{ reqId?: number | undefined }>;
}) {
  return request<ReqIdMessage>({
    id: spec.id,
    name: spec.name,
    minServerVersion: spec.minServerVersion,
    text: {
      write(w, m) {
        if (spec.withVersion) w.int(VERSION);
        w.int(m.reqId);
      },
      read(r) {
        if (spec.withVersion) r.skip();
        return { reqId: r.readInt() };
      },
    },
    protobuf: protobufForm(spec.codec, {
      toProto: (m) => ({ reqId: m.reqId === UNSET_INTEGER ? undefined : m.reqId }),
      fromProto: (p) => ({ reqId: p.reqId ?? UNSET_INTEGER }),
    }),
  });
}

/**
 * The "end" reply of a subscription: wrapper-style text (a version TWS writes as 1, which the decoder skips,
 * then the reqId converted with a bare `int()`), protobuf `{ reqId }`. The callback gets NO_VALID_ID for an
 * absent reqId.
 */
export function reqIdEndReply(spec: {
  id: number;
  name: IncomingMessageName;
  minServerVersion?: number;
  callback: string;
  codec: ProtoCodec<{ reqId?: number | undefined }>;
}) {
  return reply<ReqIdReplyMessage>({
    id: spec.id,
    name: spec.name,
    minServerVersion: spec.minServerVersion,
    text: {
      write(w, m) {
        w.int(VERSION).int(m.reqId ?? NO_VALID_ID);
      },
      read(r, sv) {
        r.skip();
        return { reqId: readWrapperInt(r, sv) };
      },
    },
    protobuf: protobufForm(spec.codec, {
      toProto: (m) => ({ reqId: m.reqId }),
      fromProto: (p) => ({ reqId: p.reqId }),
    }),
    callbacks: (m) => [[spec.callback, m.reqId ?? NO_VALID_ID]],
  });
}
