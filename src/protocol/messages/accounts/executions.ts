import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { IncomingMessageId } from "../../message-ids.js";
import type { Contract } from "../../models/contract.js";
import type { Execution } from "../../models/execution.js";
import { ExecutionDetails, ExecutionDetailsEnd } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID } from "../../values.js";
import { contractFromProto, contractToProto } from "../common/contract.js";
import { protobufForm, reply } from "../spec.js";
import { executionForCallback, executionFromProto, executionToProto } from "./execution-proto.js";
import { readDoubleOrUnset, reqIdEndReply, writeDoubleOrUnset, writeText } from "./reply-fields.js";

/**
 * EXECUTION_DATA (official `processExecutionDataMsg`, `processExecutionDataMsgProtoBuf`): one fill, answering
 * REQ_EXECUTIONS (reqId) or sent unasked when an order of this client fills (reqId -1). Protobuf from
 * MIN_SERVER_VER_PROTOBUF (201).
 *
 * Text layouts:
 * - below MIN_SERVER_VER_LAST_LIQUIDITY (136) a version field leads (TWS writes 10); the decoder reads reqId
 *   from version 7, the contract's multiplier from 9, its tradingClass from 10, cumQty and avgPrice from 6,
 *   orderRef from 8, evRule and evMultiplier from 9;
 * - from 136 there is no version and the decoder takes the server version in its place, so every field above
 *   is present;
 * - whatever the version: modelCode from MIN_SERVER_VER_MODELS_SUPPORT (103), lastLiquidity from 136,
 *   pendingPriceRevision from MIN_SERVER_VER_PENDING_PRICE_REVISION (178), submitter from MIN_SERVER_VER_SUBMITTER
 *   (198).
 *
 * Field order: [version], [reqId], orderId, contract (conId, symbol, secType, lastTradeDateOrContractMonth,
 * strike, right, [multiplier], exchange, currency, localSymbol, [tradingClass]), execId, time, acctNumber,
 * exchange, side, shares, price, permId, clientId, liquidation, [cumQty, avgPrice], [orderRef],
 * [evRule, evMultiplier], [modelCode], [lastLiquidity], [pendingPriceRevision], [submitter].
 */
export interface ExecutionDataMessage {
  /** Text below MIN_SERVER_VER_LAST_LIQUIDITY only: the message version (written as 10 when undefined). */
  version?: number;
  /** Undefined when the text version (below 7) or the protobuf reply leaves it out; the callback gets -1. */
  reqId: number | undefined;
  /** Undefined only when a protobuf reply leaves it out: the official client then makes no callback. */
  contract: Contract | undefined;
  /** The fill, orderId included. Undefined only when a protobuf reply leaves it out (then no callback). */
  execution: Execution | undefined;
}

/** The version TWS writes below MIN_SERVER_VER_LAST_LIQUIDITY; from there on the decoder assumes every field. */
export const EXECUTION_DATA_VERSION = 10;

/** The version (or, from MIN_SERVER_VER_LAST_LIQUIDITY, the server version) that gates the fields. */
function layoutVersion(sv: number, version: number | undefined): number {
  return sv >= ServerVersion.LAST_LIQUIDITY ? sv : (version ?? EXECUTION_DATA_VERSION);
}

function readExecutionData(r: FieldReader, sv: number): ExecutionDataMessage {
  const version = sv < ServerVersion.LAST_LIQUIDITY ? r.readInt() : undefined;
  const v = layoutVersion(sv, version);
  const reqId = v >= 7 ? r.readInt() : undefined;
  const orderId = r.readInt();
  const contract: Contract = {
    conId: r.readInt(),
    symbol: r.readString(),
    secType: r.readString(),
    lastTradeDateOrContractMonth: r.readString(),
    strike: readDoubleOrUnset(r),
    right: r.readString(),
  };
  if (v >= 9) contract.multiplier = r.readString();
  contract.exchange = r.readString();
  contract.currency = r.readString();
  contract.localSymbol = r.readString();
  if (v >= 10) contract.tradingClass = r.readString();
  const e: Execution = {
    orderId,
    execId: r.readString(),
    time: r.readString(),
    acctNumber: r.readString(),
    exchange: r.readString(),
    side: r.readString(),
    shares: r.readDecimal(),
    price: readDoubleOrUnset(r),
    permId: r.readLong(),
    clientId: r.readInt(),
    liquidation: r.readInt(),
  };
  if (v >= 6) {
    e.cumQty = r.readDecimal();
    e.avgPrice = readDoubleOrUnset(r);
  }
  if (v >= 8) e.orderRef = r.readString();
  if (v >= 9) {
    e.evRule = r.readString();
    e.evMultiplier = readDoubleOrUnset(r);
  }
  if (sv >= ServerVersion.MODELS_SUPPORT) e.modelCode = r.readString();
  if (sv >= ServerVersion.LAST_LIQUIDITY) e.lastLiquidity = r.readInt();
  if (sv >= ServerVersion.PENDING_PRICE_REVISION) e.pendingPriceRevision = r.readBool();
  if (sv >= ServerVersion.SUBMITTER) e.submitter = r.readString();
  const m: ExecutionDataMessage = { reqId, contract, execution: e };
  if (version !== undefined) m.version = version;
  return m;
}

function writeExecutionData(w: FieldWriter, m: ExecutionDataMessage, sv: number): void {
  const v = layoutVersion(sv, m.version);
  if (sv < ServerVersion.LAST_LIQUIDITY) w.int(v);
  if (v >= 7) w.int(m.reqId ?? NO_VALID_ID);
  const c = m.contract ?? {};
  const e = m.execution ?? {};
  w.int(e.orderId ?? 0).int(c.conId ?? 0);
  writeText(w, c.symbol);
  writeText(w, c.secType);
  writeText(w, c.lastTradeDateOrContractMonth);
  writeDoubleOrUnset(w, c.strike);
  writeText(w, c.right);
  if (v >= 9) writeText(w, c.multiplier);
  writeText(w, c.exchange);
  writeText(w, c.currency);
  writeText(w, c.localSymbol);
  if (v >= 10) writeText(w, c.tradingClass);
  writeText(w, e.execId);
  writeText(w, e.time);
  writeText(w, e.acctNumber);
  writeText(w, e.exchange);
  writeText(w, e.side);
  w.decimalMax(e.shares);
  writeDoubleOrUnset(w, e.price);
  w.long(e.permId ?? 0n)
    .int(e.clientId ?? 0)
    .int(e.liquidation ?? 0);
  if (v >= 6) {
    w.decimalMax(e.cumQty);
    writeDoubleOrUnset(w, e.avgPrice);
  }
  if (v >= 8) writeText(w, e.orderRef);
  if (v >= 9) {
    writeText(w, e.evRule);
    writeDoubleOrUnset(w, e.evMultiplier);
  }
  if (sv >= ServerVersion.MODELS_SUPPORT) writeText(w, e.modelCode);
  if (sv >= ServerVersion.LAST_LIQUIDITY) w.int(e.lastLiquidity ?? 0);
  if (sv >= ServerVersion.PENDING_PRICE_REVISION) w.bool(e.pendingPriceRevision);
  if (sv >= ServerVersion.SUBMITTER) writeText(w, e.submitter);
}

export const executionData = reply<ExecutionDataMessage>({
  id: IncomingMessageId.EXECUTION_DATA,
  name: "EXECUTION_DATA",
  text: { write: writeExecutionData, read: readExecutionData },
  protobuf: protobufForm(ExecutionDetails, {
    toProto: (m) => ({
      reqId: m.reqId,
      contract: m.contract ? contractToProto(m.contract) : undefined,
      execution: m.execution ? executionToProto(m.execution) : undefined,
    }),
    fromProto: (p) => ({
      reqId: p.reqId,
      contract: p.contract ? contractFromProto(p.contract) : undefined,
      execution: p.execution ? executionFromProto(p.execution) : undefined,
    }),
  }),
  callbacks: (m) =>
    m.contract && m.execution
      ? [["execDetails", m.reqId ?? NO_VALID_ID, m.contract, executionForCallback(m.execution)]]
      : [],
});

/** EXECUTION_DATA_END: the end of a REQ_EXECUTIONS answer (wrapper-style text; protobuf from 201). */
export const executionDataEnd = reqIdEndReply({
  id: IncomingMessageId.EXECUTION_DATA_END,
  name: "EXECUTION_DATA_END",
  callback: "execDetailsEnd",
  codec: ExecutionDetailsEnd,
});
