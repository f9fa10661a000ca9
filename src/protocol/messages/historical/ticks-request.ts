import { OutgoingMessageId } from "../../message-ids.js";
import type { Contract, TagValue } from "../../models/contract.js";
import { CancelHistoricalTicks, HistoricalTicksRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import {
  contractFromProto,
  contractToRequestProto,
  parseTagValueText,
  tagValueList,
  tagValueMap,
  tagValueText,
} from "../common/contract.js";
import { protobufForm, request } from "../spec.js";
import {
  intIfValid,
  intOrUnset,
  readHmdsContract,
  textIfSet,
  trueOrAbsent,
  writeHmdsContract,
} from "./request-fields.js";

/** REQ_HISTORICAL_TICKS: the arguments of the official `reqHistoricalTicks`. */
export interface ReqHistoricalTicksMessage {
  reqId: number;
  contract: Contract;
  /** Exactly one of startDateTime and endDateTime is set. */
  startDateTime: string;
  endDateTime: string;
  /** At most 1000. */
  numberOfTicks: number;
  /** TRADES, BID_ASK or MIDPOINT: picks HISTORICAL_TICKS_LAST, _BID_ASK or HISTORICAL_TICKS for the reply. */
  whatToShow: string;
  /** 1: regular trading hours only; 0: all hours. (The official parameter is spelled `useRth`.) */
  useRth: number;
  ignoreSize: boolean;
  miscOptions: TagValue[];
}

/** CANCEL_HISTORICAL_TICKS. */
export interface CancelHistoricalTicksMessage {
  reqId: number;
}

/**
 * REQ_HISTORICAL_TICKS (MIN_SERVER_VER_HISTORICAL_TICKS): text `reqId, conId, contract body, includeExpired,
 * startDateTime, endDateTime, numberOfTicks, whatToShow, useRth, ignoreSize, miscOptions`, no version.
 */
export const reqHistoricalTicks = request<ReqHistoricalTicksMessage>({
  id: OutgoingMessageId.REQ_HISTORICAL_TICKS,
  name: "REQ_HISTORICAL_TICKS",
  minServerVersion: ServerVersion.HISTORICAL_TICKS,
  text: {
    write(w, m, sv) {
      w.int(m.reqId);
      writeHmdsContract(w, m.contract, sv);
      w.string(m.startDateTime)
        .string(m.endDateTime)
        .int(m.numberOfTicks)
        .string(m.whatToShow)
        .int(m.useRth)
        .bool(m.ignoreSize)
        .string(tagValueText(m.miscOptions));
    },
    read(r, sv) {
      const reqId = r.readInt();
      const contract = readHmdsContract(r, sv);
      return {
        reqId,
        contract,
        startDateTime: r.readString(),
        endDateTime: r.readString(),
        numberOfTicks: r.readInt(),
        whatToShow: r.readString(),
        useRth: r.readInt(),
        ignoreSize: r.readBool(),
        miscOptions: parseTagValueText(r.readString()),
      };
    },
  },
  protobuf: protobufForm(HistoricalTicksRequest, {
    // createHistoricalTicksRequestProto: texts and flags only when set, useRTH as `useRth != 0`.
    toProto: (m) => ({
      reqId: intIfValid(m.reqId),
      contract: contractToRequestProto(m.contract),
      startDateTime: textIfSet(m.startDateTime),
      endDateTime: textIfSet(m.endDateTime),
      numberOfTicks: intIfValid(m.numberOfTicks),
      whatToShow: textIfSet(m.whatToShow),
      useRTH: trueOrAbsent(m.useRth !== 0),
      ignoreSize: trueOrAbsent(m.ignoreSize),
      miscOptions: tagValueMap(m.miscOptions),
    }),
    fromProto: (p) => ({
      reqId: intOrUnset(p.reqId),
      contract: contractFromProto(p.contract),
      startDateTime: p.startDateTime ?? "",
      endDateTime: p.endDateTime ?? "",
      numberOfTicks: intOrUnset(p.numberOfTicks),
      whatToShow: p.whatToShow ?? "",
      useRth: p.useRTH ? 1 : 0,
      ignoreSize: p.ignoreSize ?? false,
      miscOptions: tagValueList(p.miscOptions),
    }),
  }),
});

/**
 * CANCEL_HISTORICAL_TICKS: protobuf only, from MIN_SERVER_VER_CANCEL_CONTRACT_DATA (215); there never was a
 * text form.
 */
export const cancelHistoricalTicks = request<CancelHistoricalTicksMessage>({
  id: OutgoingMessageId.CANCEL_HISTORICAL_TICKS,
  name: "CANCEL_HISTORICAL_TICKS",
  minServerVersion: ServerVersion.CANCEL_CONTRACT_DATA,
  protobuf: protobufForm(CancelHistoricalTicks, {
    toProto: (m) => ({ reqId: intIfValid(m.reqId) }),
    fromProto: (p) => ({ reqId: intOrUnset(p.reqId) }),
  }),
});
