import { IncomingMessageId } from "../../message-ids.js";
import { ErrorMessage as ErrorMessageProto } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { protobufForm, reply } from "../spec.js";
import { readEscapedText, timeFromProto, timeToProto, writeEscapedText } from "./text-fields.js";

/**
 * ERR_MSG: an error, warning or notice (official `decoder.py` processErrorMsg / processErrorMsgProtoBuf). The
 * text layout changed twice:
 *
 * | server version | fields after the id |
 * | --- | --- |
 * | < ADVANCED_ORDER_REJECT (166) | version, id, errorCode, errorString |
 * | 166 – 193 | version, id, errorCode, errorString, advancedOrderRejectJson |
 * | ≥ ERROR_TIME (194) | id, errorCode, errorString, advancedOrderRejectJson, errorTime (epoch ms) |
 *
 * From ENCODE_MSG_ASCII7 (153) the texts are escaped to 7-bit ASCII (see `ascii7.ts`); the protobuf form (from
 * PROTOBUF, 201) carries them as plain UTF-8.
 */
export interface ErrorMessage {
  /** The request or order the message is about; NO_VALID_ID (-1) when none. Absent protobuf field: undefined. */
  reqId: number | undefined;
  errorCode: number | undefined;
  errorString: string | undefined;
  /** Why an order was rejected, as JSON; undefined below ADVANCED_ORDER_REJECT and when the protobuf lacks it. */
  advancedOrderRejectJson: string | undefined;
  /**
   * When TWS raised it, epoch milliseconds; undefined below ERROR_TIME (the official callback then gets 0) and
   * when the protobuf lacks it.
   */
  errorTime: number | undefined;
}

/** The version TWS writes as the first field below ERROR_TIME (the decoder skips it). */
export const ERR_MSG_VERSION = 2;

export const errorMessage = reply<ErrorMessage>({
  id: IncomingMessageId.ERR_MSG,
  name: "ERR_MSG",
  text: {
    // A host writing for an older version leaves out what that version lacks, as TWS does.
    write(w, m, sv) {
      if (sv < ServerVersion.ERROR_TIME) w.int(ERR_MSG_VERSION);
      w.int(m.reqId ?? 0).int(m.errorCode ?? 0);
      if (sv >= ServerVersion.ENCODE_MSG_ASCII7) writeEscapedText(w, m.errorString ?? "");
      else w.utf8(m.errorString ?? "");
      if (sv >= ServerVersion.ADVANCED_ORDER_REJECT) writeEscapedText(w, m.advancedOrderRejectJson ?? "");
      if (sv >= ServerVersion.ERROR_TIME) w.int(m.errorTime ?? 0);
    },
    read(r, sv) {
      if (sv < ServerVersion.ERROR_TIME) r.skip(); // version
      const reqId = r.readInt();
      const errorCode = r.readInt();
      const errorString = sv >= ServerVersion.ENCODE_MSG_ASCII7 ? readEscapedText(r) : r.readString();
      // The decoder un-escapes the JSON at every version that carries it.
      const advancedOrderRejectJson = sv >= ServerVersion.ADVANCED_ORDER_REJECT ? readEscapedText(r) : undefined;
      const errorTime = sv >= ServerVersion.ERROR_TIME ? r.readInt() : undefined;
      return { reqId, errorCode, errorString, advancedOrderRejectJson, errorTime };
    },
  },
  protobuf: protobufForm(ErrorMessageProto, {
    toProto: (m) => ({
      id: m.reqId,
      errorTime: timeToProto(m.errorTime),
      errorCode: m.errorCode,
      errorMsg: m.errorString,
      advancedOrderRejectJson: m.advancedOrderRejectJson,
    }),
    fromProto: (p) => ({
      reqId: p.id,
      errorCode: p.errorCode,
      errorString: p.errorMsg,
      advancedOrderRejectJson: p.advancedOrderRejectJson,
      errorTime: timeFromProto(p.errorTime, "errorTime"),
    }),
  }),
  // Absent values become what the official decoder substitutes: 0 for the numbers (the id too, not -1), "" for
  // the texts, and 0 for the time wherever the layout has none.
  callbacks: (m) => [
    ["error", m.reqId ?? 0, m.errorTime ?? 0, m.errorCode ?? 0, m.errorString ?? "", m.advancedOrderRejectJson ?? ""],
  ],
});
