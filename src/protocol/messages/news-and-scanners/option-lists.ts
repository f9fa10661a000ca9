import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import type { TagValue } from "../../models/contract.js";
import { UNSET_INTEGER } from "../../values.js";
import { parseTagValueText, tagValueList, tagValueMap, tagValueText } from "../common/contract.js";

/**
 * Helpers shared by the news and scanner specs: TagValue option lists and the presence rules of the official
 * protobuf builders. An option list is `undefined` when there is none: the official client writes an empty
 * list and `None` alike (one empty text field, or no map entry), so both read back as `undefined`.
 */

/** An option list as one text field (`tag=value;` per pair). */
export function writeOptions(w: FieldWriter, list: readonly TagValue[] | undefined): void {
  w.string(tagValueText(list));
}

/** Reads an option list field; empty reads as `undefined`. */
export function readOptions(r: FieldReader): TagValue[] | undefined {
  const list = parseTagValueText(r.readString());
  return list.length > 0 ? list : undefined;
}

/**
 * An option list as a protobuf map, keys in sorted order: the official (Python) protobuf runtime writes map
 * entries sorted by key, whatever order the list had. (Keys that look like integers would still be put first
 * by JavaScript's object key order.)
 */
export function optionsToProto(list: readonly TagValue[] | undefined): { [key: string]: string } | undefined {
  if (!list || list.length === 0) return undefined;
  return tagValueMap([...list].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)));
}

/** A protobuf map as an option list; an absent or empty map is `undefined`. */
export function optionsFromProto(map: { [key: string]: string } | undefined): TagValue[] | undefined {
  const list = tagValueList(map);
  return list.length > 0 ? list : undefined;
}

/** An int request argument as the official builders set it: left out only when it is UNSET_INTEGER. */
export const setInt = (n: number): number | undefined => (n === UNSET_INTEGER ? undefined : n);

/** An absent int request field: the official builders leave out only UNSET_INTEGER, so that is what was sent. */
export const intOrUnset = (n: number | undefined): number => n ?? UNSET_INTEGER;

/** A string request argument as the official builders set it: only when non-empty. */
export const setString = (s: string | undefined): string | undefined => (s ? s : undefined);
