import { OutgoingMessageId } from "../../message-ids.js";
import { VerifyMessageRequest, VerifyRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { setString } from "../news-and-scanners/option-lists.js";
import { protobufForm, request } from "../spec.js";

/**
 * API verification requests (official `client.py` verifyRequest, verifyMessage, verifyAndAuthRequest,
 * verifyAndAuthMessage): how a third-party program proves itself to TWS. All from MIN_SERVER_VER_LINKING (70),
 * the official client's only gate for the four (it does not test MIN_SERVER_VER_LINKING_AUTH); text with
 * version 1. VERIFY_REQUEST and VERIFY_MESSAGE are protobuf from MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_3 (213);
 * the verify-and-auth pair has no protobuf form and stays text at every version.
 *
 * The two "request" messages are only sent by a client that announced at connect that it will authenticate
 * (the official `extraAuth` flag; Java's `eConnect(..., extraAuth)`). That is session state, not part of the
 * message, so the specs do not check it. (The Python 10.46.01 client has no way to set the flag: its
 * verifyRequest and verifyAndAuthRequest always refuse.)
 */

/** The version field of every verification request's text form. */
const VERSION = 1;

/** VERIFY_REQUEST: opens verification, naming the program. */
export interface VerifyRequestMessage {
  apiName: string;
  apiVersion: string;
}

export const verifyRequest = request<VerifyRequestMessage>({
  id: OutgoingMessageId.VERIFY_REQUEST,
  name: "VERIFY_REQUEST",
  minServerVersion: ServerVersion.LINKING,
  text: {
    write(w, m) {
      w.int(VERSION).string(m.apiName).string(m.apiVersion);
    },
    read(r) {
      r.skip(); // version
      return { apiName: r.readString(), apiVersion: r.readString() };
    },
  },
  protobuf: protobufForm(VerifyRequest, {
    // createVerifyRequestProto sets the strings when non-empty.
    toProto: (m) => ({ apiName: setString(m.apiName), apiVersion: setString(m.apiVersion) }),
    fromProto: (p) => ({ apiName: p.apiName ?? "", apiVersion: p.apiVersion ?? "" }),
  }),
});

/** VERIFY_MESSAGE: the program's answer to VERIFY_MESSAGE_API. */
export interface VerifyMessageMessage {
  apiData: string;
}

export const verifyMessage = request<VerifyMessageMessage>({
  id: OutgoingMessageId.VERIFY_MESSAGE,
  name: "VERIFY_MESSAGE",
  minServerVersion: ServerVersion.LINKING,
  text: {
    write(w, m) {
      w.int(VERSION).string(m.apiData);
    },
    read(r) {
      r.skip(); // version
      return { apiData: r.readString() };
    },
  },
  protobuf: protobufForm(VerifyMessageRequest, {
    toProto: (m) => ({ apiData: setString(m.apiData) }),
    fromProto: (p) => ({ apiData: p.apiData ?? "" }),
  }),
});

/** VERIFY_AND_AUTH_REQUEST: opens verification with an ISV key (text only). */
export interface VerifyAndAuthRequestMessage {
  apiName: string;
  apiVersion: string;
  opaqueIsvKey: string;
}

export const verifyAndAuthRequest = request<VerifyAndAuthRequestMessage>({
  id: OutgoingMessageId.VERIFY_AND_AUTH_REQUEST,
  name: "VERIFY_AND_AUTH_REQUEST",
  minServerVersion: ServerVersion.LINKING,
  text: {
    write(w, m) {
      w.int(VERSION).string(m.apiName).string(m.apiVersion).string(m.opaqueIsvKey);
    },
    read(r) {
      r.skip(); // version
      return { apiName: r.readString(), apiVersion: r.readString(), opaqueIsvKey: r.readString() };
    },
  },
});

/** VERIFY_AND_AUTH_MESSAGE: the program's answer to VERIFY_AND_AUTH_MESSAGE_API (text only). */
export interface VerifyAndAuthMessageMessage {
  apiData: string;
  /** The response to the challenge (`xyzChallange`) of VERIFY_AND_AUTH_MESSAGE_API. */
  xyzResponse: string;
}

export const verifyAndAuthMessage = request<VerifyAndAuthMessageMessage>({
  id: OutgoingMessageId.VERIFY_AND_AUTH_MESSAGE,
  name: "VERIFY_AND_AUTH_MESSAGE",
  minServerVersion: ServerVersion.LINKING,
  text: {
    write(w, m) {
      w.int(VERSION).string(m.apiData).string(m.xyzResponse);
    },
    read(r) {
      r.skip(); // version
      return { apiData: r.readString(), xyzResponse: r.readString() };
    },
  },
});
