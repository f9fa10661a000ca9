import type { MessageSpec } from "../spec.js";
import { currentTime, currentTimeInMillis, reqCurrentTime, reqCurrentTimeInMillis } from "./current-time.js";
import { errorMessage } from "./error-message.js";
import { managedAccounts, nextValidId, reqIds, reqManagedAccts } from "./ids-and-accounts.js";
import { setServerLogLevel } from "./server-log-level.js";
import { startApi } from "./start-api.js";
import { reqUserInfo, userInfo } from "./user-info.js";

/** Session and error messages. */
export const sessionSpecs: readonly MessageSpec[] = [
  startApi,
  reqIds,
  nextValidId,
  reqManagedAccts,
  managedAccounts,
  reqCurrentTime,
  currentTime,
  reqCurrentTimeInMillis,
  currentTimeInMillis,
  setServerLogLevel,
  reqUserInfo,
  userInfo,
  errorMessage,
];
