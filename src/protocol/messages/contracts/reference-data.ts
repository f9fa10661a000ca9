import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { FamilyCode, SoftDollarTier } from "../../models/reference-data.js";
import {
  FamilyCodes,
  FamilyCodesRequest,
  type SoftDollarTier as SoftDollarTierProto,
  SoftDollarTiers,
  SoftDollarTiersRequest,
} from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID, UNSET_INTEGER } from "../../values.js";
import { protobufForm, reply, request } from "../spec.js";
import { writeText } from "./text-fields.js";

/**
 * Account reference data: REQ_FAMILY_CODES / FAMILY_CODES (official `reqFamilyCodes`, from
 * MIN_SERVER_VER_REQ_FAMILY_CODES) and REQ_SOFT_DOLLAR_TIERS / SOFT_DOLLAR_TIERS (`reqSoftDollarTiers`, no version
 * check). Protobuf from MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_2; no text form has a version field.
 */

/** REQ_FAMILY_CODES: `reqFamilyCodes()` has no arguments (and the frame no fields). */
export type ReqFamilyCodesMessage = Record<string, never>;

/** FAMILY_CODES: one code per linked account (no request id). */
export interface FamilyCodesMessage {
  familyCodes: FamilyCode[];
}

/** REQ_SOFT_DOLLAR_TIERS. */
export interface ReqSoftDollarTiersMessage {
  reqId: number;
}

/** SOFT_DOLLAR_TIERS. */
export interface SoftDollarTiersMessage {
  reqId: number;
  tiers: SoftDollarTier[];
}

/** An int the official protobuf builders leave out when it is UNSET_INTEGER. */
const validInt = (n: number): number | undefined => (n === UNSET_INTEGER ? undefined : n);
/** A string a host leaves out of a protobuf record when it is empty (the official reader reads it back as ""). */
const nonEmpty = (s: string): string | undefined => (s ? s : undefined);

export const reqFamilyCodes = request<ReqFamilyCodesMessage>({
  id: OutgoingMessageId.REQ_FAMILY_CODES,
  name: "REQ_FAMILY_CODES",
  // The official client refuses the request (503) below this version.
  minServerVersion: ServerVersion.REQ_FAMILY_CODES,
  text: { write() {}, read: () => ({}) },
  protobuf: protobufForm(FamilyCodesRequest, { toProto: () => ({}), fromProto: () => ({}) }),
});

export const familyCodes = reply<FamilyCodesMessage>({
  id: IncomingMessageId.FAMILY_CODES,
  name: "FAMILY_CODES",
  text: {
    write(w, m) {
      w.int(m.familyCodes.length);
      for (const f of m.familyCodes) w.utf8(f.accountID).utf8(f.familyCodeStr);
    },
    read(r) {
      const familyCodes: FamilyCode[] = [];
      for (let n = r.readInt(); n > 0; n--)
        familyCodes.push({ accountID: r.readString(), familyCodeStr: r.readString() });
      return { familyCodes };
    },
  },
  protobuf: protobufForm(FamilyCodes, {
    toProto: (m) => ({
      familyCodes: m.familyCodes.map((f) => ({
        accountId: nonEmpty(f.accountID),
        familyCode: nonEmpty(f.familyCodeStr),
      })),
    }),
    fromProto: (p) => ({
      familyCodes: (p.familyCodes ?? []).map((f) => ({
        accountID: f.accountId ?? "",
        familyCodeStr: f.familyCode ?? "",
      })),
    }),
  }),
  callbacks: (m) => [["familyCodes", m.familyCodes]],
});

export const reqSoftDollarTiers = request<ReqSoftDollarTiersMessage>({
  id: OutgoingMessageId.REQ_SOFT_DOLLAR_TIERS,
  name: "REQ_SOFT_DOLLAR_TIERS",
  text: {
    write(w, m) {
      w.int(m.reqId);
    },
    read: (r) => ({ reqId: r.readInt() }),
  },
  protobuf: protobufForm(SoftDollarTiersRequest, {
    toProto: (m) => ({ reqId: validInt(m.reqId) }),
    fromProto: (p) => ({ reqId: p.reqId ?? UNSET_INTEGER }),
  }),
});

export const softDollarTiers = reply<SoftDollarTiersMessage>({
  id: IncomingMessageId.SOFT_DOLLAR_TIERS,
  name: "SOFT_DOLLAR_TIERS",
  text: {
    write(w, m) {
      w.int(m.reqId).int(m.tiers.length);
      for (const t of m.tiers) {
        writeText(w, t.name);
        writeText(w, t.value);
        writeText(w, t.displayName);
      }
    },
    read(r) {
      const reqId = r.readInt();
      const tiers: SoftDollarTier[] = [];
      for (let n = r.readInt(); n > 0; n--) {
        tiers.push({ name: r.readString(), value: r.readString(), displayName: r.readString() });
      }
      return { reqId, tiers };
    },
  },
  protobuf: protobufForm(SoftDollarTiers, {
    toProto: (m) => ({ reqId: m.reqId, softDollarTiers: m.tiers.map(softDollarTierToProto) }),
    fromProto: (p) => ({
      reqId: p.reqId ?? NO_VALID_ID,
      tiers: (p.softDollarTiers ?? []).map(softDollarTierFromProto),
    }),
  }),
  callbacks: (m) => [["softDollarTiers", m.reqId, m.tiers]],
});

/** A tier as a host sends it in protobuf: empty strings left out (orders reuse this). */
export function softDollarTierToProto(t: SoftDollarTier): SoftDollarTierProto {
  return { name: nonEmpty(t.name), value: nonEmpty(t.value), displayName: nonEmpty(t.displayName) };
}

/** A protobuf tier as the official `decodeSoftDollarTier` reads it: absent strings as "". */
export function softDollarTierFromProto(p: SoftDollarTierProto): SoftDollarTier {
  return { name: p.name ?? "", value: p.value ?? "", displayName: p.displayName ?? "" };
}
