import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { Position } from "../../models/account.js";
import { CancelPositions, PositionEnd, Position as PositionProto, PositionsRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { contractFromProto, contractToProto } from "../common/contract.js";
import { type NoArguments, versionOnlyText } from "../common/no-arguments.js";
import { protobufForm, reply, request } from "../spec.js";
import {
  protoDoubleOrZero,
  readDoubleOrUnset,
  readPositionContract,
  writeDoubleOrUnset,
  writePositionContract,
  writeText,
} from "./reply-fields.js";

/**
 * The positions subscription of every account (official `reqPositions`, `cancelPositions`): POSITION_DATA per
 * position, POSITION_END after the first round, then updates until cancelled. The official client refuses both
 * requests below MIN_SERVER_VER_POSITIONS (error 503). Protobuf from MIN_SERVER_VER_PROTOBUF_ACCOUNTS_POSITIONS
 * (207).
 */

/** The version of both text requests, and the one TWS writes in POSITION_END. */
const VERSION = 1;

export const reqPositions = request<NoArguments>({
  id: OutgoingMessageId.REQ_POSITIONS,
  name: "REQ_POSITIONS",
  minServerVersion: ServerVersion.POSITIONS,
  text: versionOnlyText(VERSION),
  protobuf: protobufForm(PositionsRequest, { toProto: () => ({}), fromProto: () => ({}) }),
});

export const cancelPositions = request<NoArguments>({
  id: OutgoingMessageId.CANCEL_POSITIONS,
  name: "CANCEL_POSITIONS",
  minServerVersion: ServerVersion.POSITIONS,
  text: versionOnlyText(VERSION),
  protobuf: protobufForm(CancelPositions, { toProto: () => ({}), fromProto: () => ({}) }),
});

/**
 * POSITION_DATA: one position. Text: version (TWS writes 3), account, conId, symbol, secType,
 * lastTradeDateOrContractMonth, strike, right, multiplier, exchange, currency, localSymbol, tradingClass
 * (version 2 on), position, avgCost (version 3 on; the official client reports 0 below). Protobuf: without a
 * contract the official client makes no callback; an absent avgCost is 0 there.
 */
export interface PositionDataMessage extends Position {
  /** Text only: the message version (written as 3 when undefined). */
  version?: number;
}

/** The version TWS writes; the decoder reads tradingClass from 2 and avgCost from 3. */
export const POSITION_DATA_VERSION = 3;

export const positionData = reply<PositionDataMessage>({
  id: IncomingMessageId.POSITION_DATA,
  name: "POSITION_DATA",
  text: {
    write(w, m) {
      const v = m.version ?? POSITION_DATA_VERSION;
      w.int(v);
      writeText(w, m.account);
      writePositionContract(w, m.contract ?? {}, v >= 2);
      w.decimalMax(m.position);
      if (v >= 3) writeDoubleOrUnset(w, m.avgCost);
    },
    read(r) {
      const version = r.readInt();
      const account = r.readString();
      const contract = readPositionContract(r, version >= 2);
      const position = r.readDecimal();
      const avgCost = version >= 3 ? readDoubleOrUnset(r) : undefined;
      return { version, account, contract, position, avgCost };
    },
  },
  protobuf: protobufForm(PositionProto, {
    toProto: (m) => ({
      account: m.account,
      contract: m.contract ? contractToProto(m.contract) : undefined,
      position: m.position,
      avgCost: m.avgCost,
    }),
    fromProto: (p) => ({
      account: p.account,
      contract: p.contract ? contractFromProto(p.contract) : undefined,
      position: p.position,
      avgCost: p.avgCost,
    }),
  }),
  callbacks(m, _sv, form) {
    if (!m.contract) return [];
    const textWithoutAvgCost = form === "text" && (m.version ?? POSITION_DATA_VERSION) < 3;
    const avgCost = form === "protobuf" || textWithoutAvgCost ? protoDoubleOrZero(m.avgCost) : m.avgCost;
    return [["position", m.account ?? "", m.contract, m.position, avgCost]];
  },
});

/** POSITION_END: the first round of positions is complete. Text: version only (wrapper-style). */
export type PositionEndMessage = NoArguments;

export const positionEnd = reply<PositionEndMessage>({
  id: IncomingMessageId.POSITION_END,
  name: "POSITION_END",
  text: versionOnlyText(VERSION),
  protobuf: protobufForm(PositionEnd, { toProto: () => ({}), fromProto: () => ({}) }),
  callbacks: () => [["positionEnd"]],
});
