import { ServerVersionError } from "../../errors.js";
import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import type { TagValue } from "../../models/contract.js";
import { ServerVersion } from "../../server-versions.js";
import { parseTagValueText, tagValueText } from "../common/contract.js";

/**
 * The trailing "options" TagValue list of REQ_MKT_DATA and the REQ_CALC_* requests (MIN_SERVER_VER_LINKING),
 * documented as internal. The official Python client always writes it empty and refuses to send a non-empty
 * list; the Java client writes `tag=value;` pairs, which is what we write, so a non-empty list still reaches TWS.
 * Below MIN_SERVER_VER_LINKING the field does not exist and a non-empty list is refused.
 */
export function writeOptionsField(
  w: FieldWriter,
  options: readonly TagValue[] | undefined,
  sv: number,
  what: string,
): void {
  const list = options ?? [];
  if (sv >= ServerVersion.LINKING) {
    w.string(tagValueText(list));
  } else if (list.length > 0) {
    throw new ServerVersionError(ServerVersion.LINKING, sv, what);
  }
}

/** Reads what {@link writeOptionsField} writes (an empty list below MIN_SERVER_VER_LINKING). */
export function readOptionsField(r: FieldReader, sv: number): TagValue[] {
  return sv >= ServerVersion.LINKING ? parseTagValueText(r.readString()) : [];
}
