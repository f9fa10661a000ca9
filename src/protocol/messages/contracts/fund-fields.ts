import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import type { ContractDetails } from "../../models/contract-details.js";
import { writeText } from "./text-fields.js";

/**
 * The 17 mutual-fund fields CONTRACT_DATA carries for secType FUND from MIN_SERVER_VER_FUND_DATA_FIELDS, in
 * wire order. The two enum-like fields are kept as the codes sent (`Y`, `004`, ...).
 */

/** Reads the fund fields into `d`. */
export function readFundFields(r: FieldReader, d: ContractDetails): void {
  d.fundName = r.readString();
  d.fundFamily = r.readString();
  d.fundType = r.readString();
  d.fundFrontLoad = r.readString();
  d.fundBackLoad = r.readString();
  d.fundBackLoadTimeInterval = r.readString();
  d.fundManagementFee = r.readString();
  d.fundClosed = r.readBool();
  d.fundClosedForNewInvestors = r.readBool();
  d.fundClosedForNewMoney = r.readBool();
  d.fundNotifyAmount = r.readString();
  d.fundMinimumInitialPurchase = r.readString();
  d.fundSubsequentMinimumPurchase = r.readString();
  d.fundBlueSkyStates = r.readString();
  d.fundBlueSkyTerritories = r.readString();
  d.fundDistributionPolicyIndicator = r.readString();
  d.fundAssetType = r.readString();
}

/** Writes what {@link readFundFields} reads. */
export function writeFundFields(w: FieldWriter, d: ContractDetails): void {
  for (const s of [d.fundName, d.fundFamily, d.fundType, d.fundFrontLoad, d.fundBackLoad]) writeText(w, s);
  writeText(w, d.fundBackLoadTimeInterval);
  writeText(w, d.fundManagementFee);
  w.bool(d.fundClosed).bool(d.fundClosedForNewInvestors).bool(d.fundClosedForNewMoney);
  writeText(w, d.fundNotifyAmount);
  writeText(w, d.fundMinimumInitialPurchase);
  writeText(w, d.fundSubsequentMinimumPurchase);
  writeText(w, d.fundBlueSkyStates);
  writeText(w, d.fundBlueSkyTerritories);
  writeText(w, d.fundDistributionPolicyIndicator);
  writeText(w, d.fundAssetType);
}
