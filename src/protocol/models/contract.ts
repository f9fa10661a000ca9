/**
 * Contract, as the official `Contract` class has it (`contract.py`). Every field is optional so a plain object
 * literal with only the fields a user sets is a valid contract; an absent field means the official default
 * (`""`, `0` for conId, unset for strike, false for includeExpired).
 */
export interface Contract {
  conId?: number;
  symbol?: string;
  /** STK, OPT, FUT, IND, FOP, CASH, BAG, WAR, BOND, CMDTY, NEWS, FUND, CRYPTO, ... */
  secType?: string;
  lastTradeDateOrContractMonth?: string;
  /** Last trade date (MIN_SERVER_VER_LAST_TRADE_DATE), read from contract details and open orders. */
  lastTradeDate?: string;
  strike?: number;
  /** `P`/`PUT` or `C`/`CALL`. */
  right?: string;
  /** Text, as in the official client (`"100"`). */
  multiplier?: string;
  exchange?: string;
  /** The listing exchange; never SMART. */
  primaryExchange?: string;
  currency?: string;
  localSymbol?: string;
  tradingClass?: string;
  includeExpired?: boolean;
  /** CUSIP, SEDOL, ISIN, RIC. */
  secIdType?: string;
  secId?: string;
  description?: string;
  issuerId?: string;
  /** Description of the combo legs, as open orders report it. */
  comboLegsDescrip?: string;
  comboLegs?: ComboLeg[];
  deltaNeutralContract?: DeltaNeutralContract;
}

/** One leg of a BAG (combo) contract. */
export interface ComboLeg {
  conId?: number;
  ratio?: number;
  /** BUY, SELL, SSHORT. */
  action?: string;
  exchange?: string;
  /** 0 same as parent, 1 open, 2 close, 3 unknown. */
  openClose?: number;
  /** For stock legs of a short sale: 1 clearing broker, 2 third party. */
  shortSaleSlot?: number;
  designatedLocation?: string;
  /** Official default -1. */
  exemptCode?: number;
}

/** The hedge of a delta-neutral combo. */
export interface DeltaNeutralContract {
  conId?: number;
  delta?: number;
  price?: number;
}

/** A name-value pair of an option list (`TagValue`). */
export interface TagValue {
  tag: string;
  value: string;
}
