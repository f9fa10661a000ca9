/**
 * Small reference records TWS sends on request: family codes of linked accounts and soft-dollar tiers.
 */

/** The family code of one account (`FamilyCode`: the official names). */
export interface FamilyCode {
  accountID: string;
  /** Empty when the account has none. */
  familyCodeStr: string;
}

/**
 * A soft-dollar tier (`SoftDollarTier`): listed by SOFT_DOLLAR_TIERS, chosen on an order. The Python class calls
 * `value` `val`; Java and protobuf call it `value`.
 */
export interface SoftDollarTier {
  name: string;
  value: string;
  displayName: string;
}
