import { ProtocolError } from "../../errors.js";
import { IncomingMessageId } from "../../message-ids.js";
import type { CommissionAndFeesReport } from "../../models/execution.js";
import { CommissionAndFeesReport as CommissionAndFeesReportProto } from "../../proto/index.js";
import { protobufForm, reply } from "../spec.js";
import { protoDoubleOrZero, readDoubleOrUnset, writeDoubleOrUnset, writeText } from "./reply-fields.js";

/**
 * COMMISSION_AND_FEES_REPORT (official `processCommissionAndFeesReportMsg`, `…MsgProtoBuf`; called
 * COMMISSION_REPORT in older releases and in the gw1040 recordings): the commission of one
 * execution, sent after its EXECUTION_DATA. Protobuf from MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_1 (211).
 *
 * Text: a version (TWS writes 1; skipped), execId, commissionAndFees, currency, realizedPNL, yield,
 * yieldRedemptionDate (int `yyyyMMdd`). TWS writes an unset double as the max-double literal (realizedPNL of an
 * opening fill, yield of a non-bond): it reads as undefined here, and as unset in the official client.
 *
 * Protobuf: an absent field is undefined here; the official client then reports `""` / 0. The protobuf
 * `bondYield` is `yield`, and `yieldRedemptionDate` is text there, which the official decoder turns into an int
 * (so anything but digits ends its reader; here it is a decode error).
 */
export type CommissionAndFeesReportMessage = CommissionAndFeesReport;

/** The version TWS writes first in the text form. */
const VERSION = 1;

/** Python's `int()` of the protobuf yieldRedemptionDate text. */
function redemptionDateOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed) || !Number.isSafeInteger(Number(trimmed))) {
    throw new ProtocolError(`yieldRedemptionDate ${JSON.stringify(text)} is not an int`);
  }
  return Number(trimmed);
}

export const commissionAndFeesReport = reply<CommissionAndFeesReportMessage>({
  id: IncomingMessageId.COMMISSION_AND_FEES_REPORT,
  name: "COMMISSION_AND_FEES_REPORT",
  text: {
    write(w, m) {
      w.int(VERSION);
      writeText(w, m.execId);
      writeDoubleOrUnset(w, m.commissionAndFees);
      writeText(w, m.currency);
      writeDoubleOrUnset(w, m.realizedPNL);
      writeDoubleOrUnset(w, m.yield);
      w.int(m.yieldRedemptionDate ?? 0);
    },
    read(r) {
      r.skip(); // version
      return {
        execId: r.readString(),
        commissionAndFees: readDoubleOrUnset(r),
        currency: r.readString(),
        realizedPNL: readDoubleOrUnset(r),
        yield: readDoubleOrUnset(r),
        yieldRedemptionDate: r.readInt(),
      };
    },
  },
  protobuf: protobufForm(CommissionAndFeesReportProto, {
    toProto: (m) => ({
      execId: m.execId,
      commissionAndFees: m.commissionAndFees,
      currency: m.currency,
      realizedPNL: m.realizedPNL,
      bondYield: m.yield,
      yieldRedemptionDate: m.yieldRedemptionDate === undefined ? undefined : String(m.yieldRedemptionDate),
    }),
    fromProto: (p) => {
      const m: CommissionAndFeesReportMessage = {};
      if (p.execId !== undefined) m.execId = p.execId;
      if (p.commissionAndFees !== undefined) m.commissionAndFees = p.commissionAndFees;
      if (p.currency !== undefined) m.currency = p.currency;
      if (p.realizedPNL !== undefined) m.realizedPNL = p.realizedPNL;
      if (p.bondYield !== undefined) m.yield = p.bondYield;
      const date = redemptionDateOf(p.yieldRedemptionDate);
      if (date !== undefined) m.yieldRedemptionDate = date;
      return m;
    },
  }),
  callbacks(m, _sv, form) {
    // Text carries every field (unset doubles already undefined); protobuf defaults an absent one.
    const report: CommissionAndFeesReport =
      form === "text"
        ? { ...m }
        : {
            execId: m.execId ?? "",
            commissionAndFees: protoDoubleOrZero(m.commissionAndFees),
            currency: m.currency ?? "",
            realizedPNL: protoDoubleOrZero(m.realizedPNL),
            yield: protoDoubleOrZero(m.yield),
            yieldRedemptionDate: m.yieldRedemptionDate ?? 0,
          };
    return [["commissionAndFeesReport", report]];
  },
});
