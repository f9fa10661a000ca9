import { requestError } from "../errors-table.js";
import { replyValues } from "../replies.js";
import type { RequestHandler } from "./types.js";

/**
 * The session requests: current time, order ids, managed accounts, the server log level and the user info.
 */
export const sessionHandlers: Record<string, RequestHandler> = {
  REQ_CURRENT_TIME: {
    handle(ctx) {
      ctx.reply("CURRENT_TIME", replyValues.currentTime(ctx.host.clock.now()));
    },
  },
  REQ_CURRENT_TIME_IN_MILLIS: {
    // Below CURRENT_TIME_IN_MILLIS (197) the router refuses it: the request spec says when it exists.
    handle(ctx) {
      ctx.reply("CURRENT_TIME_IN_MILLIS", replyValues.currentTimeInMillis(ctx.host.clock.now()));
    },
  },
  REQ_IDS: {
    // TWS ignores the count the client asks for and answers with the next valid id.
    handle(ctx) {
      ctx.reply("NEXT_VALID_ID", replyValues.nextValidId(ctx.host.nextOrderId(ctx.clientId)));
    },
  },
  REQ_MANAGED_ACCTS: {
    handle(ctx) {
      ctx.reply("MANAGED_ACCTS", replyValues.managedAccounts(ctx.host.options.accounts));
    },
  },
  SET_SERVER_LOGLEVEL: {
    // TWS answers nothing; it only changes the level of its own log.
    handle(ctx, request) {
      const level = (request.value as { logLevel?: unknown }).logLevel;
      if (typeof level === "number" && level >= 1 && level <= 5) ctx.host.serverLogLevel = level;
      else {
        const e = requestError("validate", request.name, `log level ${String(level)} is not 1 to 5`);
        ctx.error(-1, e.code, e.text);
      }
    },
  },
  REQ_USER_INFO: {
    handle(ctx, request) {
      // An empty white-branding id: a direct IBKR account, not one of a white-branded broker.
      ctx.reply("USER_INFO", replyValues.userInfo(request.reqId, ""));
    },
  },
};
