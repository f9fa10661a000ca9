import type { IncomingMessageName } from "../protocol/message-ids.js";
import { type IncomingSpec, specByName } from "../protocol/messages/index.js";

/**
 * The values of the replies the host builds itself, by the names the session specs give their fields (the official
 * decoder's names). Kept in one place so a change of a spec's value touches one file.
 */
export const replyValues = {
  // advancedOrderRejectJson stays unset: TWS leaves the protobuf field out (recorded), and text writes it empty.
  error: (reqId: number, errorCode: number, errorString: string, errorTimeMs: number) => ({
    reqId,
    errorCode,
    errorString,
    advancedOrderRejectJson: undefined,
    errorTime: errorTimeMs,
  }),
  nextValidId: (orderId: number) => ({ orderId }),
  managedAccounts: (accounts: readonly string[]) => ({ accountsList: accounts.join(",") }),
  currentTime: (epochMs: number) => ({ time: Math.floor(epochMs / 1000) }),
  currentTimeInMillis: (epochMs: number) => ({ timeInMillis: epochMs }),
  userInfo: (reqId: number, whiteBrandingId: string) => ({ reqId, whiteBrandingId }),
} as const;

/** The replies the host cannot start without. */
export const REQUIRED_REPLIES: readonly IncomingMessageName[] = ["ERR_MSG", "MANAGED_ACCTS", "NEXT_VALID_ID"];

/** The reply spec of `name`, or undefined while nobody has written it. */
export function replySpec(name: IncomingMessageName): IncomingSpec | undefined {
  const spec = specByName("host", name);
  return spec?.direction === "in" ? spec : undefined;
}

/** Throws when a reply the host needs has no spec, naming them all. */
export function checkRequiredReplies(): void {
  const missing = REQUIRED_REPLIES.filter((name) => replySpec(name) === undefined);
  if (missing.length > 0) {
    throw new Error(
      `the simulated host needs the message specs of ${missing.join(", ")}, which are not registered in ` +
        "src/protocol/messages (session family)",
    );
  }
}
