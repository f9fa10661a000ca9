import { ServerVersion as V } from "../../server-versions.js";
import {
  bool,
  decimal,
  double,
  doubleMax,
  doubleOrUnset,
  type FieldGroup,
  fromServerVersion,
  fromVersion,
  ignored,
  int,
  intMax,
  long,
  text,
  when,
} from "./text-fields.js";

/**
 * The first part of a text order reply, reader by reader as `OrderDecoder` has them (decodeContractFields up to
 * decodeTriggerMethod). OPEN_ORDER and COMPLETED_ORDER use most of them, in the same order; the few that only one
 * of them reads are marked. Gates: `fromVersion` tests the message version (below MIN_SERVER_VER_ORDER_CONTAINER
 * TWS writes 34, so all pass), `fromServerVersion` the server version.
 */

/** decodeContractFields: no primaryExchange here; multiplier and tradingClass from version 32. */
export const contractFields: FieldGroup[] = [
  int("contract", "conId"),
  text("contract", "symbol"),
  text("contract", "secType"),
  text("contract", "lastTradeDateOrContractMonth"),
  doubleOrUnset("contract", "strike"),
  text("contract", "right"),
  fromVersion(32, text("contract", "multiplier")),
  text("contract", "exchange"),
  text("contract", "currency"),
  text("contract", "localSymbol"),
  fromVersion(32, text("contract", "tradingClass")),
];

/** decodeAction, decodeTotalQuantity, decodeOrderType, decodeLmtPrice, decodeAuxPrice. */
export const mainFields: FieldGroup[] = [
  text("order", "action"),
  decimal("order", "totalQuantity"),
  text("order", "orderType"),
  // Read plainly (empty = 0) before version 29 / 30, "show unset" after.
  when((c) => c.version < 29, doubleOrUnset("order", "lmtPrice")),
  when((c) => c.version >= 29, doubleMax("order", "lmtPrice")),
  when((c) => c.version < 30, doubleOrUnset("order", "auxPrice")),
  when((c) => c.version >= 30, doubleMax("order", "auxPrice")),
];

/** decodeTIF, decodeOcaGroup, decodeAccount, decodeOpenClose, decodeOrigin, decodeOrderRef. */
export const extendedFields: FieldGroup[] = [
  text("order", "tif"),
  text("order", "ocaGroup"),
  text("order", "account"),
  text("order", "openClose"),
  int("order", "origin"),
  text("order", "orderRef"),
];

/** decodeClientId (OPEN_ORDER only). */
export const clientId: FieldGroup = int("order", "clientId");

/**
 * decodePermId (a long: from MIN_SERVER_VER_PERM_ID_AS_LONG TWS may send ids beyond 2^31), decodeOutsideRth,
 * decodeHidden, decodeDiscretionaryAmt, decodeGoodAfterTime.
 */
export const permIdToGoodAfterTime: FieldGroup[] = [
  long("order", "permId"),
  bool("order", "outsideRth"),
  bool("order", "hidden"),
  double("order", "discretionaryAmt"),
  text("order", "goodAfterTime"),
];

/** skipSharesAllocation (OPEN_ORDER only): a retired field, read and dropped. */
export const sharesAllocation: FieldGroup = ignored("text", "");

/** decodeFAParams (faProfile until MIN_SERVER_VER_FA_PROFILE_DESUPPORT, dropped), decodeModelCode. */
export const faAndModelFields: FieldGroup[] = [
  text("order", "faGroup"),
  text("order", "faMethod"),
  text("order", "faPercentage"),
  when((c) => c.sv < V.FA_PROFILE_DESUPPORT, ignored("text", "")),
  fromServerVersion(V.MODELS_SUPPORT, text("order", "modelCode")),
];

/**
 * decodeGoodTillDate, decodeRule80A, decodePercentOffset, decodeSettlingFirm, decodeShortSaleParams. (At exactly
 * MIN_SERVER_VER_SSHORTX_OLD, 51, the decoder reads an int in exemptCode's place; no v100 session has that
 * version.)
 */
export const goodTillDateToShortSale: FieldGroup[] = [
  text("order", "goodTillDate"),
  text("order", "rule80A"),
  doubleMax("order", "percentOffset"),
  text("order", "settlingFirm"),
  int("order", "shortSaleSlot"),
  text("order", "designatedLocation"),
  fromVersion(23, int("order", "exemptCode", -1)),
];

/** decodeAuctionStrategy (OPEN_ORDER only). */
export const auctionStrategy: FieldGroup = int("order", "auctionStrategy");

/** decodeBoxOrderParams, decodePegToStkOrVolOrderParams, decodeDisplaySize. */
export const boxToDisplaySize: FieldGroup[] = [
  doubleMax("order", "startingPrice"),
  doubleMax("order", "stockRefPrice"),
  doubleMax("order", "delta"),
  doubleMax("order", "stockRangeLower"),
  doubleMax("order", "stockRangeUpper"),
  // "Show unset" although the official default is 0: an empty field is UNSET_INTEGER, not the default.
  intMax("order", "displaySize", 0),
];

/** decodeBlockOrder (OPEN_ORDER only). */
export const blockOrder: FieldGroup = bool("order", "blockOrder");

/** decodeSweepToFill, decodeAllOrNone, decodeMinQty, decodeOcaType. */
export const sweepToOcaType: FieldGroup[] = [
  bool("order", "sweepToFill"),
  bool("order", "allOrNone"),
  intMax("order", "minQty"),
  int("order", "ocaType"),
];

/** skipETradeOnly, skipFirmQuoteOnly, skipNbboPriceCap, decodeParentId (OPEN_ORDER only). */
export const retiredFlagsAndParentId: FieldGroup[] = [
  ignored("bool", "0"),
  ignored("bool", "0"),
  ignored("doubleMax", ""),
  int("order", "parentId"),
];

/** decodeTriggerMethod. */
export const triggerMethod: FieldGroup = int("order", "triggerMethod");
