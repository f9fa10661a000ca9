import type { Contract } from "../../protocol/models/contract.js";
import type { ContractDetails } from "../../protocol/models/contract-details.js";
import { CliError, EXIT_CODES, usageError } from "../exit-codes.js";
import type { Session } from "./session.js";

/**
 * SYMBOL arguments: `AAPL` (a US stock or ETF on SMART), `EUR.USD` (a currency pair on IDEALPRO), `ES` (a futures
 * root: its front month), or a conId (`265598`). --sec-type, --exchange and --currency override the guess.
 */

/** The exchange of common futures roots, so `ES` alone means the E-mini's front month. */
export const FUTURES_ROOTS: Readonly<Record<string, string>> = {
  ES: "CME",
  MES: "CME",
  NQ: "CME",
  MNQ: "CME",
  RTY: "CME",
  M2K: "CME",
  "6E": "CME",
  YM: "CBOT",
  MYM: "CBOT",
  ZN: "CBOT",
  ZB: "CBOT",
  ZF: "CBOT",
  ZT: "CBOT",
  ZC: "CBOT",
  ZS: "CBOT",
  ZW: "CBOT",
  CL: "NYMEX",
  NG: "NYMEX",
  GC: "COMEX",
  SI: "COMEX",
  HG: "COMEX",
};

/** Overrides of the guess, from --sec-type, --exchange and --currency. */
export interface SymbolOptions {
  readonly secType?: string | undefined;
  readonly exchange?: string | undefined;
  readonly currency?: string | undefined;
}

/** A parsed SYMBOL: the contract to ask about and whether it must be looked up first. */
export interface SymbolSpec {
  /** The SYMBOL as typed (upper-cased), for output and messages. */
  readonly label: string;
  readonly contract: Contract;
  /** `conId`: fill in the contract from its details; `front`: pick the nearest future; `none`: use as is. */
  readonly lookup: "none" | "conId" | "front";
}

const PAIR = /^([A-Z]{3})\.([A-Z]{3})$/;

/** Reads a SYMBOL argument (no network). */
export function parseSymbol(text: string, options: SymbolOptions = {}): SymbolSpec {
  const label = text.trim().toUpperCase();
  if (label === "") throw usageError("a SYMBOL must not be empty (for example AAPL, EUR.USD, ES or a conId)");
  const secType = options.secType?.trim().toUpperCase() || undefined;
  const exchange = options.exchange?.trim().toUpperCase() || undefined;
  const currency = options.currency?.trim().toUpperCase() || undefined;
  if (/^\d+$/.test(label)) {
    return { label, contract: { conId: Number(label), ...(exchange ? { exchange } : {}) }, lookup: "conId" };
  }
  const pair = PAIR.exec(label);
  if (pair && (secType === undefined || secType === "CASH")) {
    return {
      label,
      contract: { symbol: pair[1]!, secType: "CASH", currency: pair[2]!, exchange: exchange ?? "IDEALPRO" },
      lookup: "none",
    };
  }
  const root = FUTURES_ROOTS[label];
  if (secType === "FUT" || (secType === undefined && root !== undefined)) {
    return {
      label,
      contract: { symbol: label, secType: "FUT", exchange: exchange ?? root ?? "", currency: currency ?? "USD" },
      lookup: "front",
    };
  }
  return {
    label,
    contract: {
      symbol: label,
      secType: secType ?? "STK",
      exchange: exchange ?? (secType === undefined || secType === "STK" ? "SMART" : ""),
      currency: currency ?? "USD",
    },
    lookup: "none",
  };
}

/** Every contract matching `contract` (reqContractDetails); a TWS 200 rejects with exit code 3. */
export function contractDetails(session: Session, contract: Contract, about: string): Promise<ContractDetails[]> {
  return session.request<ContractDetails[]>(
    about,
    (reqId) => session.client.reqContractDetails(reqId, contract),
    (done) => {
      const found: ContractDetails[] = [];
      return {
        contractDetails: (_id, d) => found.push(d),
        bondContractDetails: (_id, d) => found.push(d),
        contractDetailsEnd: () => done(found),
      };
    },
  );
}

/** The future that expires first (TWS lists only unexpired ones unless includeExpired is set). */
export function frontMonth(details: readonly ContractDetails[]): ContractDetails | undefined {
  const expiry = (d: ContractDetails) => d.contract.lastTradeDateOrContractMonth ?? "99999999";
  return [...details].sort((a, b) => expiry(a).localeCompare(expiry(b)))[0];
}

/** A contract ready for market data or history, and a label to show for it. */
export interface ResolvedContract {
  readonly label: string;
  readonly contract: Contract;
}

/** Looks a SYMBOL up where needed: a conId gets its contract, a futures root its front month. */
export async function resolveSymbol(session: Session, spec: SymbolSpec): Promise<ResolvedContract> {
  if (spec.lookup === "none") return { label: spec.label, contract: spec.contract };
  const details = await contractDetails(session, spec.contract, spec.label);
  const chosen = spec.lookup === "front" ? frontMonth(details) : details[0];
  if (!chosen) throw new CliError(`${spec.label}: no contract found`, EXIT_CODES.notFound);
  const c = chosen.contract;
  const contract: Contract = {
    ...c,
    // Market data wants a routing exchange: SMART where the contract trades there.
    exchange:
      spec.contract.exchange ||
      ((chosen.validExchanges ?? "").split(",").includes("SMART") ? "SMART" : (c.exchange ?? "")),
  };
  const label = spec.lookup === "front" ? `${spec.label} ${c.localSymbol ?? c.lastTradeDateOrContractMonth}` : c.symbol;
  return { label: label ?? spec.label, contract };
}
