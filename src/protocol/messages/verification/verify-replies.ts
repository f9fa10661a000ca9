import { IncomingMessageId } from "../../message-ids.js";
import { VerifyCompleted, VerifyMessageApi } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { readWrapperText, writeWrapperText } from "../session/text-fields.js";
import { protobufForm, reply } from "../spec.js";

/**
 * API verification replies (official `decoder.py`: all four wrapper-style in text, VERIFY_MESSAGE_API and
 * VERIFY_COMPLETED also protobuf from MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_3, 213; the verify-and-auth pair is
 * text only). Text: version 1, then exactly the callback's arguments, un-escaped from ENCODE_MSG_ASCII7.
 *
 * `isSuccessful` quirk: TWS writes it as the text `true` / `false` (the Java decoder compares with "true"). The
 * official Python decoder converts wrapper-style arguments only when the parameter is an int, float or Decimal,
 * so a text `verifyCompleted` / `verifyAndAuthCompleted` receives that text itself: the value keeps it as a
 * string (lossless, and what the callback gets). Protobuf VERIFY_COMPLETED carries a real bool.
 */

/** The version TWS writes first in these replies; the wrapper-style decoder skips it. */
const VERSION = 1;

/** VERIFY_MESSAGE_API: TWS's challenge data for VERIFY_MESSAGE. */
export interface VerifyMessageApiMessage {
  apiData: string | undefined;
}

export const verifyMessageApi = reply<VerifyMessageApiMessage>({
  id: IncomingMessageId.VERIFY_MESSAGE_API,
  name: "VERIFY_MESSAGE_API",
  minServerVersion: ServerVersion.LINKING,
  text: {
    write(w, m, sv) {
      w.int(VERSION);
      writeWrapperText(w, m.apiData ?? "", sv);
    },
    read(r, sv) {
      r.skip(); // version
      return { apiData: readWrapperText(r, sv) };
    },
  },
  protobuf: protobufForm(VerifyMessageApi, {
    toProto: (m) => ({ apiData: m.apiData }),
    fromProto: (p) => ({ apiData: p.apiData }),
  }),
  callbacks: (m) => [["verifyMessageAPI", m.apiData ?? ""]],
});

/** VERIFY_COMPLETED and VERIFY_AND_AUTH_COMPLETED: the outcome of verification. */
export interface VerifyCompletedMessage {
  /** Text form: `true` or `false` as written (see the module note); protobuf: a bool, undefined when absent. */
  isSuccessful: string | boolean | undefined;
  errorText: string | undefined;
}

/** Writes `isSuccessful` as TWS does: a string as it is, a bool as `true` / `false`. */
function successText(v: string | boolean | undefined): string {
  return typeof v === "string" ? v : v ? "true" : "false";
}

export const verifyCompleted = reply<VerifyCompletedMessage>({
  id: IncomingMessageId.VERIFY_COMPLETED,
  name: "VERIFY_COMPLETED",
  minServerVersion: ServerVersion.LINKING,
  text: {
    write(w, m, sv) {
      w.int(VERSION);
      writeWrapperText(w, successText(m.isSuccessful), sv);
      writeWrapperText(w, m.errorText ?? "", sv);
    },
    read(r, sv) {
      r.skip(); // version
      return { isSuccessful: readWrapperText(r, sv), errorText: readWrapperText(r, sv) };
    },
  },
  protobuf: protobufForm(VerifyCompleted, {
    toProto: (m) => ({
      isSuccessful: typeof m.isSuccessful === "string" ? m.isSuccessful === "true" : m.isSuccessful,
      errorText: m.errorText,
    }),
    fromProto: (p) => ({ isSuccessful: p.isSuccessful, errorText: p.errorText }),
  }),
  callbacks: (m) => [["verifyCompleted", m.isSuccessful ?? false, m.errorText ?? ""]],
});

/** VERIFY_AND_AUTH_MESSAGE_API: TWS's data and challenge for VERIFY_AND_AUTH_MESSAGE (text only). */
export interface VerifyAndAuthMessageApiMessage {
  apiData: string;
  /** The challenge; the official callback parameter is spelled `xyzChallange`. */
  xyzChallange: string;
}

export const verifyAndAuthMessageApi = reply<VerifyAndAuthMessageApiMessage>({
  id: IncomingMessageId.VERIFY_AND_AUTH_MESSAGE_API,
  name: "VERIFY_AND_AUTH_MESSAGE_API",
  minServerVersion: ServerVersion.LINKING,
  text: {
    write(w, m, sv) {
      w.int(VERSION);
      writeWrapperText(w, m.apiData, sv);
      writeWrapperText(w, m.xyzChallange, sv);
    },
    read(r, sv) {
      r.skip(); // version
      return { apiData: readWrapperText(r, sv), xyzChallange: readWrapperText(r, sv) };
    },
  },
  callbacks: (m) => [["verifyAndAuthMessageAPI", m.apiData, m.xyzChallange]],
});

/** VERIFY_AND_AUTH_COMPLETED: the outcome of verify-and-auth (text only; `isSuccessful` as written). */
export interface VerifyAndAuthCompletedMessage {
  isSuccessful: string;
  errorText: string;
}

export const verifyAndAuthCompleted = reply<VerifyAndAuthCompletedMessage>({
  id: IncomingMessageId.VERIFY_AND_AUTH_COMPLETED,
  name: "VERIFY_AND_AUTH_COMPLETED",
  minServerVersion: ServerVersion.LINKING,
  text: {
    write(w, m, sv) {
      w.int(VERSION);
      writeWrapperText(w, m.isSuccessful, sv);
      writeWrapperText(w, m.errorText, sv);
    },
    read(r, sv) {
      r.skip(); // version
      return { isSuccessful: readWrapperText(r, sv), errorText: readWrapperText(r, sv) };
    },
  },
  callbacks: (m) => [["verifyAndAuthCompleted", m.isSuccessful, m.errorText]],
});
