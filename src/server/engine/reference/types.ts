import type { ContractDetails } from "../../../protocol/models/contract-details.js";

/** Where an instrument's identifiers come from (instruments.json's levels, plus ours for generated contracts). */
export type Confidence = "cited-twice" | "cited-once" | "inferred" | "synthetic";

/** One row of the generated universe-data.ts: an instrument (or a futures root) as instruments.json gives it. */
export interface UniverseSeed {
  readonly symbol: string;
  readonly secType: string;
  readonly exchange: string;
  readonly primaryExchange: string;
  readonly currency: string;
  /** Null when no source ties a number to the contract: the host gives it a synthetic one. */
  readonly conId: number | null;
  readonly localSymbol: string;
  readonly tradingClass: string;
  readonly multiplier: string;
  readonly minTick: number | null;
  readonly marketRuleId: number | null;
  readonly timeZoneId: string;
  readonly longName: string;
  readonly industry: string;
  readonly category: string;
  readonly subcategory: string;
  readonly isin: string;
  readonly stockType: string;
  readonly source: readonly string[];
  readonly confidence: string;
  /** Futures roots only: the conId of the file's (expired) template contract. */
  readonly templateConId?: number | null;
  readonly quarterly?: boolean;
}

/** One contract the host can describe: its details as CONTRACT_DATA carries them, and where they come from. */
export interface Instrument {
  readonly details: ContractDetails;
  readonly confidence: Confidence | string;
  /** Generated contracts (`synthetic`) have conIds from {@link SYNTHETIC_CONID_BASE} up. */
  readonly synthetic: boolean;
  /** Listing exchanges of an option chain (SMART first), for REQ_SEC_DEF_OPT_PARAMS. */
  readonly chainExchanges?: readonly string[];
}

/** Generated contracts get conIds from here up; no real IB conId cited in instruments.json comes close. */
export const SYNTHETIC_CONID_BASE = 900_000_000;
