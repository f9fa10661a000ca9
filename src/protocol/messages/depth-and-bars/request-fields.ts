import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import type { Contract } from "../../models/contract.js";
import { ServerVersion } from "../../server-versions.js";
import { UNSET_INTEGER } from "../../values.js";
import { readContractBody, writeContractBody } from "../common/contract.js";

/**
 * Field helpers shared by the requests of this family (market depth, tick-by-tick, real-time bars).
 */

/**
 * An int request parameter as the official protobuf builders set it: left out only when it is UNSET_INTEGER
 * (`isValidIntValue`), so 0 and negative values go on the wire.
 */
export function intUnlessUnset(value: number): number | undefined {
  return value === UNSET_INTEGER ? undefined : value;
}

/**
 * The int parameter a protobuf request carried. An absent field can only come from an official client that was
 * given UNSET_INTEGER (the one value its builders leave out), so that is what it reads back as — and it
 * re-encodes to the same bytes.
 */
export function intOrUnset(value: number | undefined): number {
  return value ?? UNSET_INTEGER;
}

/**
 * The contract of the real-time bars and tick-by-tick requests: conId (MIN_SERVER_VER_TRADING_CLASS), then the
 * 11-field body up to tradingClass.
 */
export function writeConIdAndContract(w: FieldWriter, c: Contract, sv: number): void {
  if (sv >= ServerVersion.TRADING_CLASS) w.int(c.conId ?? 0);
  writeContractBody(w, c, sv);
}

/** Reads what {@link writeConIdAndContract} writes. */
export function readConIdAndContract(r: FieldReader, sv: number): Contract {
  const c: Contract = {};
  if (sv >= ServerVersion.TRADING_CLASS) c.conId = r.readInt();
  return readContractBody(r, c, sv);
}
