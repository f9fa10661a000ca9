import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { AccountValue, PortfolioValue } from "../../models/account.js";
import type { Contract } from "../../models/contract.js";
import {
  AccountDataEnd,
  AccountDataRequest,
  AccountUpdateTime,
  AccountValue as AccountValueProto,
  PortfolioValue as PortfolioValueProto,
} from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { contractFromProto, contractToProto } from "../common/contract.js";
import { readWrapperText, writeWrapperText } from "../session/text-fields.js";
import { protobufForm, reply, request } from "../spec.js";
import { protoDoubleOrZero, readDoubleOrUnset, writeDoubleOrUnset, writeText } from "./reply-fields.js";

/**
 * The account-updates subscription (official `reqAccountUpdates`): REQ_ACCT_DATA, then ACCT_VALUE per value,
 * PORTFOLIO_VALUE per position, ACCT_UPDATE_TIME, and ACCT_DOWNLOAD_END once the first snapshot is complete.
 * Protobuf from MIN_SERVER_VER_PROTOBUF_ACCOUNTS_POSITIONS (207). ACCT_VALUE, ACCT_UPDATE_TIME and
 * ACCT_DOWNLOAD_END are wrapper-style in text (README §3): a skipped version, then exactly one field per
 * callback argument, un-escaped from MIN_SERVER_VER_ENCODE_MSG_ASCII7.
 */

/** The version field of REQ_ACCT_DATA, and the one TWS writes in ACCT_VALUE. */
const VERSION_2 = 2;
/** The version TWS writes in ACCT_UPDATE_TIME and ACCT_DOWNLOAD_END (the decoder skips it). */
const VERSION_1 = 1;

/** REQ_ACCT_DATA: starts (subscribe) or stops the updates of one account (acctCode; needed for FA logins). */
export interface ReqAccountUpdatesMessage {
  subscribe: boolean;
  acctCode: string;
}

export const reqAccountUpdates = request<ReqAccountUpdatesMessage>({
  id: OutgoingMessageId.REQ_ACCT_DATA,
  name: "REQ_ACCT_DATA",
  text: {
    write(w, m) {
      w.int(VERSION_2).bool(m.subscribe).string(m.acctCode);
    },
    read(r) {
      r.skip(); // version
      return { subscribe: r.readBool(), acctCode: r.readString() };
    },
  },
  protobuf: protobufForm(AccountDataRequest, {
    // createAccountDataRequestProto: subscribe only when true, acctCode only when non-empty.
    toProto: (m) => ({ subscribe: m.subscribe ? true : undefined, acctCode: m.acctCode ? m.acctCode : undefined }),
    fromProto: (p) => ({ subscribe: p.subscribe ?? false, acctCode: p.acctCode ?? "" }),
  }),
});

/** ACCT_VALUE: one account value. Text: version (TWS writes 2), key, value, currency, accountName. */
export type AccountValueMessage = AccountValue;

export const accountValue = reply<AccountValueMessage>({
  id: IncomingMessageId.ACCT_VALUE,
  name: "ACCT_VALUE",
  text: {
    write(w, m, sv) {
      w.int(VERSION_2);
      for (const f of [m.key, m.value, m.currency, m.accountName]) writeWrapperText(w, f ?? "", sv);
    },
    read(r, sv) {
      r.skip();
      return {
        key: readWrapperText(r, sv),
        value: readWrapperText(r, sv),
        currency: readWrapperText(r, sv),
        accountName: readWrapperText(r, sv),
      };
    },
  },
  protobuf: protobufForm(AccountValueProto, {
    toProto: (m) => ({ key: m.key, value: m.value, currency: m.currency, accountName: m.accountName }),
    fromProto: (p) => ({ key: p.key, value: p.value, currency: p.currency, accountName: p.accountName }),
  }),
  callbacks: (m) => [["updateAccountValue", m.key ?? "", m.value ?? "", m.currency ?? "", m.accountName ?? ""]],
});

/**
 * PORTFOLIO_VALUE: one position with its market values. Text: version (TWS writes 8), conId, symbol, secType,
 * lastTradeDateOrContractMonth, strike, right, multiplier and primaryExchange (version 7 on), currency,
 * localSymbol, tradingClass (version 8 on), position, marketPrice, marketValue, averageCost, unrealizedPNL,
 * realizedPNL, accountName — and, for version 6 at server version 39 only, primaryExchange once more at the
 * end. Protobuf: without a contract the official client makes no callback; absent doubles are 0 there.
 */
export interface PortfolioValueMessage extends PortfolioValue {
  /** Text only: the message version (written as 8 when undefined). */
  version?: number;
}

/** The version TWS writes; the decoder gates multiplier, primaryExchange (7) and tradingClass (8) on it. */
export const PORTFOLIO_VALUE_VERSION = 8;

/** The one server version at which a version-6 PORTFOLIO_VALUE ends with primaryExchange (it equals PTA_ORDERS). */
const TRAILING_PRIMARY_EXCHANGE_SV = ServerVersion.PTA_ORDERS;

export const portfolioValue = reply<PortfolioValueMessage>({
  id: IncomingMessageId.PORTFOLIO_VALUE,
  name: "PORTFOLIO_VALUE",
  text: {
    write(w, m, sv) {
      const v = m.version ?? PORTFOLIO_VALUE_VERSION;
      const c = m.contract ?? {};
      w.int(v).int(c.conId ?? 0);
      writeText(w, c.symbol);
      writeText(w, c.secType);
      writeText(w, c.lastTradeDateOrContractMonth);
      writeDoubleOrUnset(w, c.strike);
      writeText(w, c.right);
      if (v >= 7) {
        writeText(w, c.multiplier);
        writeText(w, c.primaryExchange);
      }
      writeText(w, c.currency);
      writeText(w, c.localSymbol);
      if (v >= 8) writeText(w, c.tradingClass);
      w.decimalMax(m.position);
      for (const d of [m.marketPrice, m.marketValue, m.averageCost, m.unrealizedPNL, m.realizedPNL]) {
        writeDoubleOrUnset(w, d);
      }
      writeText(w, m.accountName);
      if (v === 6 && sv === TRAILING_PRIMARY_EXCHANGE_SV) writeText(w, c.primaryExchange);
    },
    read(r, sv) {
      const version = r.readInt();
      const contract: Contract = {
        conId: r.readInt(),
        symbol: r.readString(),
        secType: r.readString(),
        lastTradeDateOrContractMonth: r.readString(),
        strike: readDoubleOrUnset(r),
        right: r.readString(),
      };
      if (version >= 7) {
        contract.multiplier = r.readString();
        contract.primaryExchange = r.readString();
      }
      contract.currency = r.readString();
      contract.localSymbol = r.readString();
      if (version >= 8) contract.tradingClass = r.readString();
      const m: PortfolioValueMessage = {
        version,
        contract,
        position: r.readDecimal(),
        marketPrice: readDoubleOrUnset(r),
        marketValue: readDoubleOrUnset(r),
        averageCost: readDoubleOrUnset(r),
        unrealizedPNL: readDoubleOrUnset(r),
        realizedPNL: readDoubleOrUnset(r),
        accountName: r.readString(),
      };
      if (version === 6 && sv === TRAILING_PRIMARY_EXCHANGE_SV) contract.primaryExchange = r.readString();
      return m;
    },
  },
  protobuf: protobufForm(PortfolioValueProto, {
    toProto: (m) => ({
      contract: m.contract ? contractToProto(m.contract) : undefined,
      position: m.position,
      marketPrice: m.marketPrice,
      marketValue: m.marketValue,
      averageCost: m.averageCost,
      unrealizedPNL: m.unrealizedPNL,
      realizedPNL: m.realizedPNL,
      accountName: m.accountName,
    }),
    fromProto: (p) => ({
      contract: p.contract ? contractFromProto(p.contract) : undefined,
      position: p.position,
      marketPrice: p.marketPrice,
      marketValue: p.marketValue,
      averageCost: p.averageCost,
      unrealizedPNL: p.unrealizedPNL,
      realizedPNL: p.realizedPNL,
      accountName: p.accountName,
    }),
  }),
  callbacks(m, _sv, form) {
    if (!m.contract) return [];
    const d = form === "text" ? (x: number | undefined) => x : protoDoubleOrZero;
    return [
      [
        "updatePortfolio",
        m.contract,
        m.position,
        d(m.marketPrice),
        d(m.marketValue),
        d(m.averageCost),
        d(m.unrealizedPNL),
        d(m.realizedPNL),
        m.accountName ?? "",
      ],
    ];
  },
});

/** ACCT_UPDATE_TIME: the time of the last account update, `HH:mm`. Text: version (TWS writes 1), timeStamp. */
export interface AccountUpdateTimeMessage {
  timeStamp: string | undefined;
}

export const accountUpdateTime = reply<AccountUpdateTimeMessage>({
  id: IncomingMessageId.ACCT_UPDATE_TIME,
  name: "ACCT_UPDATE_TIME",
  text: {
    write(w, m, sv) {
      w.int(VERSION_1);
      writeWrapperText(w, m.timeStamp ?? "", sv);
    },
    read(r, sv) {
      r.skip();
      return { timeStamp: readWrapperText(r, sv) };
    },
  },
  protobuf: protobufForm(AccountUpdateTime, {
    toProto: (m) => ({ timeStamp: m.timeStamp }),
    fromProto: (p) => ({ timeStamp: p.timeStamp }),
  }),
  callbacks: (m) => [["updateAccountTime", m.timeStamp ?? ""]],
});

/** ACCT_DOWNLOAD_END: the first snapshot of an account is complete. Text: version (TWS writes 1), accountName. */
export interface AccountDownloadEndMessage {
  accountName: string | undefined;
}

export const accountDownloadEnd = reply<AccountDownloadEndMessage>({
  id: IncomingMessageId.ACCT_DOWNLOAD_END,
  name: "ACCT_DOWNLOAD_END",
  text: {
    write(w, m, sv) {
      w.int(VERSION_1);
      writeWrapperText(w, m.accountName ?? "", sv);
    },
    read(r, sv) {
      r.skip();
      return { accountName: readWrapperText(r, sv) };
    },
  },
  protobuf: protobufForm(AccountDataEnd, {
    toProto: (m) => ({ accountName: m.accountName }),
    fromProto: (p) => ({ accountName: p.accountName }),
  }),
  callbacks: (m) => [["accountDownloadEnd", m.accountName ?? ""]],
});
