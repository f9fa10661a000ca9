import { cancelContractData, reqContractData } from "../protocol/messages/contracts/contract-requests.js";
import { reqSecDefOptParams } from "../protocol/messages/contracts/option-chains.js";
import { reqFamilyCodes, reqSoftDollarTiers } from "../protocol/messages/contracts/reference-data.js";
import { reqMatchingSymbols } from "../protocol/messages/contracts/symbol-samples.js";
import { reqCurrentTime, reqCurrentTimeInMillis } from "../protocol/messages/session/current-time.js";
import { reqIds, reqManagedAccts } from "../protocol/messages/session/ids-and-accounts.js";
import { setServerLogLevel } from "../protocol/messages/session/server-log-level.js";
import { reqUserInfo } from "../protocol/messages/session/user-info.js";
import type { Contract } from "../protocol/models/contract.js";
import { EClientCore } from "./eclient-core.js";

/** EClient requests (official names and parameter order); see SessionAndReferenceRequests in the class chain of eclient.ts. */
export class SessionAndReferenceRequests extends EClientCore {
  /** The host's current time, through `currentTime`. */
  reqCurrentTime(): void {
    this.send(reqCurrentTime, {});
  }

  /** The host's current time in milliseconds, through `currentTimeInMillis` (server version 197). */
  reqCurrentTimeInMillis(): void {
    this.send(reqCurrentTimeInMillis, {});
  }

  /** The next valid order id, through `nextValidId` (TWS ignores the count). */
  reqIds(numIds: number = 1): void {
    this.send(reqIds, { numIds });
  }

  /** The accounts this login can trade, through `managedAccounts`. */
  reqManagedAccts(): void {
    this.send(reqManagedAccts, {});
  }

  /** TWS's API log level: 1 system, 2 error, 3 warning, 4 information, 5 detail. */
  setServerLogLevel(logLevel: number): void {
    this.send(setServerLogLevel, { logLevel });
  }

  /** The white-branding id of the user, through `userInfo` (server version 167). */
  reqUserInfo(reqId: number): void {
    this.send(reqUserInfo, { reqId }, reqId);
  }

  /** Every contract matching `contract`, through `contractDetails` (or `bondContractDetails`), then `contractDetailsEnd`. */
  reqContractDetails(reqId: number, contract: Contract): void {
    this.send(reqContractData, { reqId, contract }, reqId);
  }

  /** Cancels a contract details request (server version 215, protobuf only). */
  cancelContractData(reqId: number): void {
    this.send(cancelContractData, { reqId }, reqId);
  }

  /** Contracts whose symbol or name starts with `pattern`, through `symbolSamples`. */
  reqMatchingSymbols(reqId: number, pattern: string): void {
    this.send(reqMatchingSymbols, { reqId, pattern }, reqId);
  }

  /** Option chain parameters (expirations, strikes) per exchange, through `securityDefinitionOptionParameter`. */
  reqSecDefOptParams(
    reqId: number,
    underlyingSymbol: string,
    futFopExchange: string,
    underlyingSecType: string,
    underlyingConId: number,
  ): void {
    this.send(
      reqSecDefOptParams,
      { reqId, underlyingSymbol, futFopExchange, underlyingSecType, underlyingConId },
      reqId,
    );
  }

  /** The family codes of the accounts, through `familyCodes`. */
  reqFamilyCodes(): void {
    this.send(reqFamilyCodes, {});
  }

  /** The soft-dollar tiers of the account, through `softDollarTiers`. */
  reqSoftDollarTiers(reqId: number): void {
    this.send(reqSoftDollarTiers, { reqId }, reqId);
  }
}
