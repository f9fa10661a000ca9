import { reqConfig, updateConfig } from "../protocol/messages/configuration/config.js";
import {
  queryDisplayGroups,
  subscribeToGroupEvents,
  unsubscribeFromGroupEvents,
  updateDisplayGroup,
} from "../protocol/messages/display-groups/display-group-requests.js";
import { replaceFa, reqFa } from "../protocol/messages/financial-advisor/fa-requests.js";
import { cancelFundamentalData, reqFundamentalData } from "../protocol/messages/fundamentals/fundamentals.js";
import {
  verifyAndAuthMessage,
  verifyAndAuthRequest,
  verifyMessage,
  verifyRequest,
} from "../protocol/messages/verification/verify-requests.js";
import {
  cancelWshEventData,
  cancelWshMetaData,
  reqWshEventData,
  reqWshMetaData,
} from "../protocol/messages/wall-street-horizon/wsh-requests.js";
import type { UpdateConfigRequestMessage } from "../protocol/models/config.js";
import type { Contract, TagValue } from "../protocol/models/contract.js";
import type { WshEventData } from "../protocol/models/wsh.js";
import { OrderAndAccountRequests } from "./eclient-orders-and-accounts.js";

/** EClient requests (official names and parameter order); one link of the class chain of eclient.ts. */
export class AdvisorAndMoreRequests extends OrderAndAccountRequests {
  /** The financial-advisor configuration XML (1 groups, 3 aliases), through `receiveFA`. */
  requestFA(faData: number): void {
    this.send(reqFa, { faData });
  }

  /** Replaces the financial-advisor configuration; `replaceFAEnd` confirms. */
  replaceFA(reqId: number, faData: number, cxml: string): void {
    this.send(replaceFa, { reqId, faData, cxml }, reqId);
  }

  /** Wall Street Horizon calendar meta data, through `wshMetaData`. */
  reqWshMetaData(reqId: number): void {
    this.send(reqWshMetaData, { reqId }, reqId);
  }

  /** Cancels a WSH meta data request. */
  cancelWshMetaData(reqId: number): void {
    this.send(cancelWshMetaData, { reqId }, reqId);
  }

  /** Wall Street Horizon events, through `wshEventData`. */
  reqWshEventData(reqId: number, wshEventData: WshEventData): void {
    this.send(reqWshEventData, { reqId, wshEventData }, reqId);
  }

  /** Cancels a WSH event data request. */
  cancelWshEventData(reqId: number): void {
    this.send(cancelWshEventData, { reqId }, reqId);
  }

  /** The TWS display groups, through `displayGroupList`. */
  queryDisplayGroups(reqId: number): void {
    this.send(queryDisplayGroups, { reqId }, reqId);
  }

  /** Follows a display group, through `displayGroupUpdated`. */
  subscribeToGroupEvents(reqId: number, groupId: number): void {
    this.send(subscribeToGroupEvents, { reqId, groupId }, reqId);
  }

  /** Shows a contract in a subscribed display group. */
  updateDisplayGroup(reqId: number, contractInfo: string): void {
    this.send(updateDisplayGroup, { reqId, contractInfo }, reqId);
  }

  /** Stops following a display group. */
  unsubscribeFromGroupEvents(reqId: number): void {
    this.send(unsubscribeFromGroupEvents, { reqId }, reqId);
  }

  /** Starts API verification (IB-approved third-party applications). */
  verifyRequest(apiName: string, apiVersion: string): void {
    this.send(verifyRequest, { apiName, apiVersion });
  }

  /** Answers a verification challenge. */
  verifyMessage(apiData: string): void {
    this.send(verifyMessage, { apiData });
  }

  /** Starts verification with authentication. */
  verifyAndAuthRequest(apiName: string, apiVersion: string, opaqueIsvKey: string): void {
    this.send(verifyAndAuthRequest, { apiName, apiVersion, opaqueIsvKey });
  }

  /** Answers a verification-and-authentication challenge. */
  verifyAndAuthMessage(apiData: string, xyzResponse: string): void {
    this.send(verifyAndAuthMessage, { apiData, xyzResponse });
  }

  /** TWS's configuration, through `configResponse` (server version 219). */
  reqConfig(reqId: number): void {
    this.send(reqConfig, { reqId }, reqId);
  }

  /** Fundamental data reports, through `fundamentalData` (present up to API 10.46, gone in 10.50). */
  reqFundamentalData(
    reqId: number,
    contract: Contract,
    reportType: string,
    fundamentalDataOptions: TagValue[] = [],
  ): void {
    this.send(reqFundamentalData, { reqId, contract, reportType, fundamentalDataOptions }, reqId);
  }

  /** Cancels a fundamental data request. */
  cancelFundamentalData(reqId: number): void {
    this.send(cancelFundamentalData, { reqId }, reqId);
  }

  /** Changes TWS's configuration (server version 221); `updateConfigResponse` answers. Security settings cannot be changed. */
  updateConfig(update: UpdateConfigRequestMessage): void {
    this.send(updateConfig, update, update.reqId);
  }
}
