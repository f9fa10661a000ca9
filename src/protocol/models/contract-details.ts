import type { Decimal } from "../values.js";
import type { Contract, TagValue } from "./contract.js";

/**
 * Contract details, as the official `ContractDetails` class has them (`contract.py`), plus the 10.50 protobuf
 * field `settlementMethod`. Field names are the official decoder's (`notes`, `putable`,
 * `fundSubsequentMinimumPurchase`, where protobuf says `bondNotes`, `puttable`, `fundMinimumSubsequentPurchase`).
 *
 * Every field but `contract` is optional: `undefined` means the message did not carry it (an older server
 * version, a field of another security type, an absent protobuf field) or carried an unset sentinel.
 */
export interface ContractDetails {
  contract: Contract;
  /** Market name, e.g. `NMS`; for options the trading class. */
  marketName?: string;
  /** Smallest price increment. */
  minTick?: number;
  /** Comma-separated order types the contract accepts (`LMT,MKT,STP,...`). */
  orderTypes?: string;
  /** Comma-separated exchanges the contract can be routed to. */
  validExchanges?: string;
  priceMagnifier?: number;
  /** conId of the underlying (derivatives). */
  underConId?: number;
  longName?: string;
  /** Contract month of a derivative, e.g. `202512`. */
  contractMonth?: string;
  industry?: string;
  category?: string;
  subcategory?: string;
  /** Time zone of the trading hours, e.g. `US/Eastern`. */
  timeZoneId?: string;
  /** `20251015:0400-20251015:2000;20251018:CLOSED;...` */
  tradingHours?: string;
  liquidHours?: string;
  /** Economic-value rule (options on some futures). */
  evRule?: string;
  evMultiplier?: number;
  /** Security ids, e.g. `[{ tag: "ISIN", value: "US0378331005" }]`. */
  secIdList?: TagValue[];
  /** Aggregation group (MIN_SERVER_VER_AGG_GROUP). */
  aggGroup?: number;
  underSymbol?: string;
  underSecType?: string;
  /** Comma-separated market-rule ids, one per valid exchange (MIN_SERVER_VER_MARKET_RULES). */
  marketRuleIds?: string;
  realExpirationDate?: string;
  /** Time of the last trade date, split off the expiry by the official decoder. */
  lastTradeTime?: string;
  /** `COMMON`, `ETF`, `ADR`, `REIT`, ... (MIN_SERVER_VER_STOCK_TYPE). */
  stockType?: string;
  minSize?: Decimal;
  sizeIncrement?: Decimal;
  suggestedSizeIncrement?: Decimal;
  /** Protobuf only. */
  minAlgoSize?: Decimal;
  /** Protobuf only. */
  lastPricePrecision?: Decimal;
  /** Protobuf only. */
  lastSizePrecision?: Decimal;

  // Bonds (BOND_CONTRACT_DATA).
  cusip?: string;
  ratings?: string;
  descAppend?: string;
  bondType?: string;
  couponType?: string;
  callable?: boolean;
  putable?: boolean;
  coupon?: number;
  convertible?: boolean;
  /** Maturity date, split off the bond's expiry field by the official decoder. */
  maturity?: string;
  issueDate?: string;
  nextOptionDate?: string;
  nextOptionType?: string;
  nextOptionPartial?: boolean;
  notes?: string;

  // Mutual funds (MIN_SERVER_VER_FUND_DATA_FIELDS, secType FUND only).
  fundName?: string;
  fundFamily?: string;
  fundType?: string;
  fundFrontLoad?: string;
  fundBackLoad?: string;
  fundBackLoadTimeInterval?: string;
  fundManagementFee?: string;
  fundClosed?: boolean;
  fundClosedForNewInvestors?: boolean;
  fundClosedForNewMoney?: boolean;
  fundNotifyAmount?: string;
  fundMinimumInitialPurchase?: string;
  fundSubsequentMinimumPurchase?: string;
  fundBlueSkyStates?: string;
  fundBlueSkyTerritories?: string;
  /** The code as sent: a key of {@link FUND_DISTRIBUTION_POLICY_INDICATORS} (`N`, `Y`). */
  fundDistributionPolicyIndicator?: string;
  /** The code as sent: a key of {@link FUND_ASSET_TYPES} (`000` … `007`). */
  fundAssetType?: string;

  /** Why this account may not trade the contract (MIN_SERVER_VER_INELIGIBILITY_REASONS). */
  ineligibilityReasonList?: IneligibilityReason[];

  // Event contracts (protobuf only).
  eventContract1?: string;
  eventContractDescription1?: string;
  eventContractDescription2?: string;

  /** `Cash`, `Physical Delivery`, ... (protobuf field 65, API 10.50; any protobuf server version). */
  settlementMethod?: string;
}

/** One reason why the account may not trade a contract. */
export interface IneligibilityReason {
  id?: string;
  description?: string;
}

/**
 * The fund asset types the official clients know, by code. (The Python 10.46.01 enum mistypes `Others`, so
 * its decoder reports `000` as "None"; Java maps it to Others.)
 */
export const FUND_ASSET_TYPES: Readonly<Record<string, string>> = {
  "000": "Others",
  "001": "Money Market",
  "002": "Fixed Income",
  "003": "Multi-asset",
  "004": "Equity",
  "005": "Sector",
  "006": "Guaranteed",
  "007": "Alternative",
};

/** The fund distribution policies the official clients know, by code. */
export const FUND_DISTRIBUTION_POLICY_INDICATORS: Readonly<Record<string, string>> = {
  N: "Accumulation Fund",
  Y: "Income Fund",
};
