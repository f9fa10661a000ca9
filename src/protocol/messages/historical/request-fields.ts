import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import type { Contract } from "../../models/contract.js";
import { UNSET_INTEGER } from "../../values.js";
import { readContractBody, writeContractBody } from "../common/contract.js";

/**
 * Pieces shared by the historical-data requests: the contract block of the HMDS requests and the presence rules
 * of the official protobuf request builders (`client_utils.py`).
 */

/**
 * The contract as REQ_HEAD_TIMESTAMP, REQ_HISTOGRAM_DATA and REQ_HISTORICAL_TICKS write it: conId, the 11 body
 * fields with tradingClass, then includeExpired. (These requests postdate MIN_SERVER_VER_TRADING_CLASS, so none
 * of their fields is gated.)
 */
export function writeHmdsContract(w: FieldWriter, c: Contract, sv: number): void {
  w.int(c.conId ?? 0);
  writeContractBody(w, c, sv);
  w.bool(c.includeExpired);
}

/** Reads what {@link writeHmdsContract} writes. */
export function readHmdsContract(r: FieldReader, sv: number): Contract {
  const c: Contract = { conId: r.readInt() };
  readContractBody(r, c, sv);
  c.includeExpired = r.readBool();
  return c;
}

/** A request text the builders set only when non-empty. */
export const textIfSet = (s: string | undefined): string | undefined => (s ? s : undefined);

/**
 * A request int the builders set unless it is UNSET_INTEGER (`isValidIntValue`). Read back, an absent int is
 * UNSET_INTEGER again, so a request decodes to exactly what was encoded.
 */
export const intIfValid = (n: number): number | undefined => (n === UNSET_INTEGER ? undefined : n);

/** The inverse of {@link intIfValid}. */
export const intOrUnset = (n: number | undefined): number => n ?? UNSET_INTEGER;

/** A request flag the builders set only when true. */
export const trueOrAbsent = (b: boolean): true | undefined => (b ? true : undefined);
