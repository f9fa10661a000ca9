import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { Contract } from "../../models/contract.js";
import { CancelHeadTimestamp, HeadTimestamp, HeadTimestampRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID } from "../../values.js";
import { contractFromProto, contractToRequestProto } from "../common/contract.js";
import { protobufForm, reply, request } from "../spec.js";
import {
  intIfValid,
  intOrUnset,
  readHmdsContract,
  textIfSet,
  trueOrAbsent,
  writeHmdsContract,
} from "./request-fields.js";

/** REQ_HEAD_TIMESTAMP: the arguments of the official `reqHeadTimeStamp`. */
export interface ReqHeadTimestampMessage {
  reqId: number;
  contract: Contract;
  whatToShow: string;
  /** 1: regular trading hours only; 0: all hours. */
  useRTH: number;
  /** 1: text date; 2: epoch seconds. */
  formatDate: number;
}

/** CANCEL_HEAD_TIMESTAMP. */
export interface CancelHeadTimestampMessage {
  reqId: number;
}

/** HEAD_TIMESTAMP: the earliest date with data, formatted as the request asked. */
export interface HeadTimestampMessage {
  reqId: number;
  headTimestamp: string;
}

/**
 * REQ_HEAD_TIMESTAMP (MIN_SERVER_VER_REQ_HEAD_TIMESTAMP): text `reqId, conId, contract body, includeExpired,
 * useRTH, whatToShow, formatDate`, no version (useRTH before whatToShow, unlike the method's argument order).
 */
export const reqHeadTimestamp = request<ReqHeadTimestampMessage>({
  id: OutgoingMessageId.REQ_HEAD_TIMESTAMP,
  name: "REQ_HEAD_TIMESTAMP",
  minServerVersion: ServerVersion.REQ_HEAD_TIMESTAMP,
  text: {
    write(w, m, sv) {
      w.int(m.reqId);
      writeHmdsContract(w, m.contract, sv);
      w.int(m.useRTH).string(m.whatToShow).int(m.formatDate);
    },
    read(r, sv) {
      const reqId = r.readInt();
      const contract = readHmdsContract(r, sv);
      const useRTH = r.readInt();
      return { reqId, contract, whatToShow: r.readString(), useRTH, formatDate: r.readInt() };
    },
  },
  protobuf: protobufForm(HeadTimestampRequest, {
    // createHeadTimestampRequestProto: useRTH as `useRTH != 0`, set only when true.
    toProto: (m) => ({
      reqId: intIfValid(m.reqId),
      contract: contractToRequestProto(m.contract),
      whatToShow: textIfSet(m.whatToShow),
      useRTH: trueOrAbsent(m.useRTH !== 0),
      formatDate: intIfValid(m.formatDate),
    }),
    fromProto: (p) => ({
      reqId: intOrUnset(p.reqId),
      contract: contractFromProto(p.contract),
      whatToShow: p.whatToShow ?? "",
      useRTH: p.useRTH ? 1 : 0,
      formatDate: intOrUnset(p.formatDate),
    }),
  }),
});

/** CANCEL_HEAD_TIMESTAMP (MIN_SERVER_VER_CANCEL_HEADTIMESTAMP): text `reqId`, no version. */
export const cancelHeadTimestamp = request<CancelHeadTimestampMessage>({
  id: OutgoingMessageId.CANCEL_HEAD_TIMESTAMP,
  name: "CANCEL_HEAD_TIMESTAMP",
  minServerVersion: ServerVersion.CANCEL_HEADTIMESTAMP,
  text: {
    write(w, m) {
      w.int(m.reqId);
    },
    read: (r) => ({ reqId: r.readInt() }),
  },
  protobuf: protobufForm(CancelHeadTimestamp, {
    toProto: (m) => ({ reqId: intIfValid(m.reqId) }),
    fromProto: (p) => ({ reqId: intOrUnset(p.reqId) }),
  }),
});

/** HEAD_TIMESTAMP: text `reqId, headTimestamp`, no version. */
export const headTimestamp = reply<HeadTimestampMessage>({
  id: IncomingMessageId.HEAD_TIMESTAMP,
  name: "HEAD_TIMESTAMP",
  minServerVersion: ServerVersion.REQ_HEAD_TIMESTAMP,
  text: {
    write(w, m) {
      w.int(m.reqId).utf8(m.headTimestamp);
    },
    read: (r) => ({ reqId: r.readInt(), headTimestamp: r.readString() }),
  },
  protobuf: protobufForm(HeadTimestamp, {
    toProto: (m) => ({ reqId: m.reqId, headTimestamp: m.headTimestamp }),
    fromProto: (p) => ({ reqId: p.reqId ?? NO_VALID_ID, headTimestamp: p.headTimestamp ?? "" }),
  }),
  callbacks: (m) => [["headTimestamp", m.reqId, m.headTimestamp]],
});
