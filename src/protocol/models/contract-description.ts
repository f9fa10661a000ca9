import type { Contract } from "./contract.js";

/**
 * One match of a symbol search (SYMBOL_SAMPLES), as the official `ContractDescription` has it: the contract
 * (conId, symbol, secType, primaryExchange, currency, and from MIN_SERVER_VER_BOND_ISSUERID description and
 * issuerId) and the security types of the derivatives listed on it.
 */
export interface ContractDescription {
  contract: Contract;
  /** E.g. `["OPT", "WAR", "CFD"]`. */
  derivativeSecTypes: string[];
}
