import type { MessageSpec } from "../spec.js";
import {
  verifyAndAuthCompleted,
  verifyAndAuthMessageApi,
  verifyCompleted,
  verifyMessageApi,
} from "./verify-replies.js";
import { verifyAndAuthMessage, verifyAndAuthRequest, verifyMessage, verifyRequest } from "./verify-requests.js";

/** API verification and verify-and-auth messages. */
export const verificationSpecs: readonly MessageSpec[] = [
  verifyRequest,
  verifyMessageApi,
  verifyMessage,
  verifyCompleted,
  verifyAndAuthRequest,
  verifyAndAuthMessageApi,
  verifyAndAuthMessage,
  verifyAndAuthCompleted,
];
