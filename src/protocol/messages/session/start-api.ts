import { OutgoingMessageId } from "../../message-ids.js";
import { StartApiRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { UNSET_INTEGER } from "../../values.js";
import { protobufForm, request } from "../spec.js";

/** START_API: sent right after the handshake; TWS starts talking once it arrives. */
export interface StartApiMessage {
  clientId: number;
  /** Free text, e.g. `+PACEAPI`; empty when none. */
  optionalCapabilities: string;
}

/** The version field of the text form. */
const VERSION = 2;

export const startApi = request<StartApiMessage>({
  id: OutgoingMessageId.START_API,
  name: "START_API",
  text: {
    write(w, m, sv) {
      w.int(VERSION).int(m.clientId);
      if (sv >= ServerVersion.OPTIONAL_CAPABILITIES) w.string(m.optionalCapabilities);
    },
    read(r, sv) {
      r.skip(); // version
      const clientId = r.readInt();
      const optionalCapabilities = sv >= ServerVersion.OPTIONAL_CAPABILITIES && !r.atEnd ? r.readString() : "";
      return { clientId, optionalCapabilities };
    },
  },
  protobuf: protobufForm(StartApiRequest, {
    // createStartApiRequestProto: clientId unless unset, capabilities only when non-empty.
    toProto: (m) => ({
      clientId: m.clientId === UNSET_INTEGER ? undefined : m.clientId,
      optionalCapabilities: m.optionalCapabilities ? m.optionalCapabilities : undefined,
    }),
    fromProto: (p) => ({ clientId: p.clientId ?? 0, optionalCapabilities: p.optionalCapabilities ?? "" }),
  }),
});
