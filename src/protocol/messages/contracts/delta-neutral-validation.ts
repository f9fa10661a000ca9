import { IncomingMessageId } from "../../message-ids.js";
import type { DeltaNeutralContract } from "../../models/contract.js";
import { reply } from "../spec.js";

/**
 * DELTA_NEUTRAL_VALIDATION: TWS's answer to a delta-neutral order, naming the hedge it accepted (official
 * `processDeltaNeutralValidationMsg`). Text only, at every server version: version (TWS writes 1, ignored),
 * reqId, then the hedge's conId, delta and price.
 */
export interface DeltaNeutralValidationMessage {
  reqId: number;
  deltaNeutralContract: DeltaNeutralContract;
}

/** The version TWS writes as the first field. */
const DELTA_NEUTRAL_VALIDATION_VERSION = 1;

export const deltaNeutralValidation = reply<DeltaNeutralValidationMessage>({
  id: IncomingMessageId.DELTA_NEUTRAL_VALIDATION,
  name: "DELTA_NEUTRAL_VALIDATION",
  text: {
    write(w, m) {
      const d = m.deltaNeutralContract;
      w.int(DELTA_NEUTRAL_VALIDATION_VERSION).int(m.reqId);
      w.int(d.conId ?? 0)
        .double(d.delta ?? 0)
        .double(d.price ?? 0);
    },
    read(r) {
      r.skip(); // version
      const reqId = r.readInt();
      return { reqId, deltaNeutralContract: { conId: r.readInt(), delta: r.readDouble(), price: r.readDouble() } };
    },
  },
  callbacks: (m) => [["deltaNeutralValidation", m.reqId, m.deltaNeutralContract]],
});
