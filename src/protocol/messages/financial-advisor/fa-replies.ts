import { IncomingMessageId } from "../../message-ids.js";
import { ReceiveFA, ReplaceFAEnd } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID } from "../../values.js";
import { readWrapperInt, readWrapperText, writeWrapperText } from "../session/text-fields.js";
import { protobufForm, reply } from "../spec.js";

/**
 * Financial-advisor replies (official `decoder.py`: the wrapper-style RECEIVE_FA, processReplaceFAEndMsg, and
 * their protobuf twins). Protobuf from MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_1 (211). In protobuf any field may
 * be absent: the value keeps it undefined and the callback gets what the official decoder substitutes.
 */

/** The version TWS writes first in a text RECEIVE_FA; the wrapper-style decoder skips it. */
const RECEIVE_FA_VERSION = 1;

/**
 * RECEIVE_FA: the FA configuration REQ_FA asked for. Wrapper-style in text: version, then exactly the two
 * `receiveFA` arguments (the type as a bare `int()`, the XML un-escaped from ENCODE_MSG_ASCII7). Names are the
 * callback's; protobuf calls them faDataType and xml.
 */
export interface ReceiveFaMessage {
  /** The FaDataType (1 groups, 3 aliases); the callback gets 0 when a protobuf message leaves it out. */
  faData: number | undefined;
  /** The configuration as XML. */
  cxml: string | undefined;
}

export const receiveFa = reply<ReceiveFaMessage>({
  id: IncomingMessageId.RECEIVE_FA,
  name: "RECEIVE_FA",
  text: {
    write(w, m, sv) {
      w.int(RECEIVE_FA_VERSION).int(m.faData ?? 0);
      writeWrapperText(w, m.cxml ?? "", sv);
    },
    read(r, sv) {
      r.skip(); // version
      return { faData: readWrapperInt(r, sv), cxml: readWrapperText(r, sv) };
    },
  },
  protobuf: protobufForm(ReceiveFA, {
    toProto: (m) => ({ faDataType: m.faData, xml: m.cxml }),
    fromProto: (p) => ({ faData: p.faDataType, cxml: p.xml }),
  }),
  callbacks: (m) => [["receiveFA", m.faData ?? 0, m.cxml ?? ""]],
});

/**
 * REPLACE_FA_END: REPLACE_FA with this request id is done (MIN_SERVER_VER_REPLACE_FA_END, 157). Text: reqId,
 * text (no version field).
 */
export interface ReplaceFaEndMessage {
  reqId: number | undefined;
  /** What TWS says about the replacement, e.g. `FA groups replaced`. */
  text: string | undefined;
}

export const replaceFaEnd = reply<ReplaceFaEndMessage>({
  id: IncomingMessageId.REPLACE_FA_END,
  name: "REPLACE_FA_END",
  minServerVersion: ServerVersion.REPLACE_FA_END,
  text: {
    write(w, m) {
      w.int(m.reqId ?? NO_VALID_ID).utf8(m.text ?? "");
    },
    read: (r) => ({ reqId: r.readInt(), text: r.readString() }),
  },
  protobuf: protobufForm(ReplaceFAEnd, {
    toProto: (m) => ({ reqId: m.reqId, text: m.text }),
    fromProto: (p) => ({ reqId: p.reqId, text: p.text }),
  }),
  callbacks: (m) => [["replaceFAEnd", m.reqId ?? NO_VALID_ID, m.text ?? ""]],
});
