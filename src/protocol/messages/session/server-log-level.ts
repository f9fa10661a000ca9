import { OutgoingMessageId } from "../../message-ids.js";
import { SetServerLogLevelRequest } from "../../proto/index.js";
import { UNSET_INTEGER } from "../../values.js";
import { protobufForm, request } from "../spec.js";

/**
 * SET_SERVER_LOGLEVEL: how much TWS writes to its API log (1 system, 2 error, 3 warning, 4 information, 5 detail).
 * No reply. Protobuf from PROTOBUF_REST_MESSAGES_3 (213).
 */
export interface SetServerLogLevelMessage {
  logLevel: number;
}

/** The version field of the text form. */
const VERSION = 1;

export const setServerLogLevel = request<SetServerLogLevelMessage>({
  id: OutgoingMessageId.SET_SERVER_LOGLEVEL,
  name: "SET_SERVER_LOGLEVEL",
  text: {
    write(w, m) {
      w.int(VERSION).int(m.logLevel);
    },
    read(r) {
      r.skip(); // version
      return { logLevel: r.readInt() };
    },
  },
  protobuf: protobufForm(SetServerLogLevelRequest, {
    // createSetServerLogLevelRequestProto leaves an unset level out.
    toProto: (m) => ({ logLevel: m.logLevel === UNSET_INTEGER ? undefined : m.logLevel }),
    fromProto: (p) => ({ logLevel: p.logLevel ?? UNSET_INTEGER }),
  }),
});
