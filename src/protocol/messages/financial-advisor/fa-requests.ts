import { EncodeError } from "../../errors.js";
import { OutgoingMessageId } from "../../message-ids.js";
import { FAReplace, FARequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID } from "../../values.js";
import { intOrUnset, setInt, setString } from "../news-and-scanners/option-lists.js";
import { protobufForm, request } from "../spec.js";

/**
 * Financial-advisor configuration requests (official `client.py` requestFA, replaceFA). Text: version 1;
 * protobuf from MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_1 (211).
 */

/** What an FA request reads or replaces (`faData`, the official FaDataType). */
export const FaDataType = {
  GROUPS: 1,
  /** Allocation profiles: retired from MIN_SERVER_VER_FA_PROFILE_DESUPPORT (177), folded into groups. */
  PROFILES: 2,
  ALIASES: 3,
} as const;
export type FaDataType = (typeof FaDataType)[keyof typeof FaDataType];

/** The official client's code for a request that names the retired profile type (FA_PROFILE_NOT_SUPPORTED). */
export const FA_PROFILE_NOT_SUPPORTED_CODE = 585;

/**
 * A request for FA profiles on a connection that no longer has them (the official client's error 585, "FA
 * Profile is not supported anymore, use FA Group instead").
 */
export class FaProfileNotSupportedError extends EncodeError {
  override name = "FaProfileNotSupportedError";
  readonly code = FA_PROFILE_NOT_SUPPORTED_CODE;
  constructor(
    readonly feature: string,
    readonly serverVersion: number,
  ) {
    super(
      `${feature}: FA profiles (faData ${FaDataType.PROFILES}) are not supported from server version ` +
        `${ServerVersion.FA_PROFILE_DESUPPORT} on (the connection negotiated ${serverVersion}): use FA groups instead`,
    );
  }
}

/**
 * Refuses the profile type from MIN_SERVER_VER_FA_PROFILE_DESUPPORT on. The official client checks only on its
 * text path (the check sits after the switch to protobuf, so from 211 it sends profile requests unchecked); we
 * refuse in both forms, since TWS has no profiles at any of those versions.
 */
function refuseProfiles(faData: number, sv: number, feature: string): void {
  if (faData === FaDataType.PROFILES && sv >= ServerVersion.FA_PROFILE_DESUPPORT) {
    throw new FaProfileNotSupportedError(feature, sv);
  }
}

/** The version field of both requests' text form. */
const VERSION = 1;

/** REQ_FA (`requestFA`): the FA configuration of one type, answered by RECEIVE_FA. */
export interface ReqFaMessage {
  /** {@link FaDataType}. */
  faData: number;
}

export const reqFa = request<ReqFaMessage>({
  id: OutgoingMessageId.REQ_FA,
  name: "REQ_FA",
  text: {
    write(w, m, sv) {
      refuseProfiles(m.faData, sv, "requestFA");
      w.int(VERSION).int(m.faData);
    },
    read(r) {
      r.skip(); // version
      return { faData: r.readInt() };
    },
  },
  protobuf: protobufForm(FARequest, {
    // createFARequestProto leaves out an unset (UNSET_INTEGER) type.
    toProto(m, sv) {
      refuseProfiles(m.faData, sv, "requestFA");
      return { faDataType: setInt(m.faData) };
    },
    fromProto: (p) => ({ faData: intOrUnset(p.faDataType) }),
  }),
});

/** REPLACE_FA (`replaceFA`): replaces the FA configuration of one type with `cxml`. */
export interface ReplaceFaMessage {
  /**
   * Answered by REPLACE_FA_END with this id (MIN_SERVER_VER_REPLACE_FA_END, 157). Older versions do not carry
   * it; such a request decodes with NO_VALID_ID.
   */
  reqId: number;
  /** {@link FaDataType}. */
  faData: number;
  /** The new configuration, as XML. */
  cxml: string;
}

export const replaceFa = request<ReplaceFaMessage>({
  id: OutgoingMessageId.REPLACE_FA,
  name: "REPLACE_FA",
  text: {
    write(w, m, sv) {
      refuseProfiles(m.faData, sv, "replaceFA");
      w.int(VERSION).int(m.faData).string(m.cxml);
      if (sv >= ServerVersion.REPLACE_FA_END) w.int(m.reqId);
    },
    read(r, sv) {
      r.skip(); // version
      const faData = r.readInt();
      const cxml = r.readString();
      const reqId = sv >= ServerVersion.REPLACE_FA_END ? r.readInt() : NO_VALID_ID;
      return { reqId, faData, cxml };
    },
  },
  protobuf: protobufForm(FAReplace, {
    // createFAReplaceProto: ints unless unset, the XML when non-empty.
    toProto(m, sv) {
      refuseProfiles(m.faData, sv, "replaceFA");
      return { reqId: setInt(m.reqId), faDataType: setInt(m.faData), xml: setString(m.cxml) };
    },
    fromProto: (p) => ({ reqId: intOrUnset(p.reqId), faData: intOrUnset(p.faDataType), cxml: p.xml ?? "" }),
  }),
});
