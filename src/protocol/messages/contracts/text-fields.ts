import { FieldError } from "../../errors.js";
import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import type { TagValue } from "../../models/contract.js";
import { UNSET_DOUBLE, UNSET_INTEGER } from "../../values.js";

/**
 * Field helpers for the text replies of this family. Replies carry free text (long names, descriptions), so
 * strings are written as UTF-8 without the request-side ASCII check; numbers follow the official decoder's
 * plain rule (empty reads as 0) and an unset sentinel reads as `undefined`.
 */

/** An int the decoder reads plainly; 2^31-1 means unset. */
export function readIntOrUnset(r: FieldReader): number | undefined {
  const v = r.readInt();
  return v === UNSET_INTEGER ? undefined : v;
}

/** A double the decoder reads plainly; the max double means unset. */
export function readDoubleOrUnset(r: FieldReader): number | undefined {
  const v = r.readDouble();
  return v === UNSET_DOUBLE ? undefined : v;
}

/** Writes an int read by {@link readIntOrUnset}: unset as 2^31-1. */
export function writeIntOrUnset(w: FieldWriter, v: number | undefined): void {
  w.int(v ?? UNSET_INTEGER);
}

/** Writes a double read by {@link readDoubleOrUnset}: unset as the max double. */
export function writeDoubleOrUnset(w: FieldWriter, v: number | undefined): void {
  w.double(v ?? UNSET_DOUBLE);
}

/** Writes a reply's text field; unset as empty. */
export function writeText(w: FieldWriter, v: string | undefined): void {
  w.utf8(v ?? "");
}

/** A count, then (tag, value) per pair; the official decoder leaves the list unset when the count is 0. */
export function readTagValuePairs(r: FieldReader): TagValue[] | undefined {
  const n = r.readInt();
  if (n <= 0) return undefined;
  const list: TagValue[] = [];
  for (let i = 0; i < n; i++) list.push({ tag: r.readString(), value: r.readString() });
  return list;
}

/** Writes what {@link readTagValuePairs} reads. */
export function writeTagValuePairs(w: FieldWriter, list: readonly TagValue[] | undefined): void {
  w.int(list?.length ?? 0);
  for (const t of list ?? []) w.utf8(t.tag).utf8(t.value);
}

/** A count, then that many strings. */
export function readStrings(r: FieldReader): string[] {
  const n = r.readInt();
  const list: string[] = [];
  for (let i = 0; i < n; i++) list.push(r.readString());
  return list;
}

/** Writes what {@link readStrings} reads. */
export function writeStrings(w: FieldWriter, list: readonly string[]): void {
  w.int(list.length);
  for (const s of list) w.utf8(s);
}

/** An int read the "wrapper-style" way (README §3): `int(text)`, so an empty field is an error, not 0. */
export function readStrictInt(r: FieldReader): number {
  const index = r.index;
  const text = r.readString();
  if (!/^[+-]?\d+$/.test(text.trim())) throw new FieldError("int", text, index);
  return Number(text);
}
