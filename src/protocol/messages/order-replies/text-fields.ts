import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import type { Contract } from "../../models/contract.js";
import type { Order } from "../../models/order.js";
import type { OrderState } from "../../models/order-state.js";
import { UNSET_DOUBLE, UNSET_INTEGER } from "../../values.js";

/**
 * The building blocks of the text OPEN_ORDER and COMPLETED_ORDER layouts. The official decoder reads both with
 * one set of small readers (`orderdecoder.py`), called in a different order and with different version gates per
 * message; here each reader is a {@link FieldGroup} that reads its fields into the models and writes them back
 * as TWS writes them, so a layout is the list of groups in the official order and cannot read what it does not
 * write.
 *
 * How a field reads depends on how the decoder reads it, which is not always how its value defaults:
 * - plain `decode(int|float)`: empty is 0. Where the official default is unset, TWS writes the sentinel
 *   (`2147483647`, the max double), which reads back as unset; {@link intOrUnset}, {@link doubleOrUnset}.
 * - "show unset" reads: empty is unset ({@link intMax}, {@link doubleMax}); `Infinity` is +∞.
 * - strings are free UTF-8 text; flags `0`/`1`; Decimals exact text, the unset spellings unset.
 * Models hold the official defaults as absent fields: the messages make their models canonical after reading.
 */

/** What a text order reply is read into and written from. */
export interface OrderTextContext {
  readonly sv: number;
  /**
   * The version the old gates test: below MIN_SERVER_VER_ORDER_CONTAINER the message's own version field, from
   * there the server version; COMPLETED_ORDER always passes (the decoder gives it UNSET_INTEGER).
   */
  readonly version: number;
  /** OPEN_ORDER: the delta-neutral clearing fields are there (`readOpenOrderAttribs`); COMPLETED_ORDER: not. */
  readonly open: boolean;
  contract: Contract;
  order: Order;
  state: OrderState;
}

/** Consecutive fields that one official reader reads. */
export interface FieldGroup {
  read(r: FieldReader, c: OrderTextContext): void;
  write(w: FieldWriter, c: OrderTextContext): void;
}

interface Models {
  contract: Contract;
  order: Order;
  state: OrderState;
}
type Target = keyof Models;
/** The keys of a model whose values are of type `V`. */
type KeyOf<T extends Target, V> = {
  [K in keyof Models[T]]-?: NonNullable<Models[T][K]> extends V ? K : never;
}[keyof Models[T]] &
  string;

function get(c: OrderTextContext, t: Target, key: string): unknown {
  return (c[t] as Record<string, unknown>)[key];
}

function put(c: OrderTextContext, t: Target, key: string, v: unknown): void {
  (c[t] as Record<string, unknown>)[key] = v;
}

function field<V>(
  t: Target,
  key: string,
  read: (r: FieldReader) => V | undefined,
  write: (w: FieldWriter, v: V | undefined) => void,
): FieldGroup {
  return {
    read: (r, c) => put(c, t, key, read(r)),
    write: (w, c) => write(w, get(c, t, key) as V | undefined),
  };
}

/** A string. */
export function text<T extends Target>(t: T, key: KeyOf<T, string>): FieldGroup {
  return field(
    t,
    key,
    (r) => r.readString(),
    (w, v: string | undefined) => w.utf8(v ?? ""),
  );
}

/** A plain int whose official default is `dflt` (0 unless told): kept as read. */
export function int<T extends Target>(t: T, key: KeyOf<T, number>, dflt = 0): FieldGroup {
  return field(
    t,
    key,
    (r) => r.readInt(),
    (w, v: number | undefined) => w.int(v ?? dflt),
  );
}

/** A plain int whose official default is unset: `2147483647` reads as unset and unset is written so. */
export function intOrUnset<T extends Target>(t: T, key: KeyOf<T, number>): FieldGroup {
  return field(
    t,
    key,
    (r) => unsetInt(r.readInt()),
    (w, v: number | undefined) => w.int(v ?? UNSET_INTEGER),
  );
}

/**
 * A "show unset" int: empty is unset. Where the official default is not unset (`dflt`: displaySize's 0), an empty
 * field is kept as UNSET_INTEGER, a value of its own.
 */
export function intMax<T extends Target>(t: T, key: KeyOf<T, number>, dflt?: number): FieldGroup {
  return field(
    t,
    key,
    (r) => r.readIntMax() ?? (dflt === undefined ? undefined : UNSET_INTEGER),
    (w, v: number | undefined) => w.intMax(v ?? dflt),
  );
}

/** A long (bigint) whose official default is 0. */
export function long<T extends Target>(t: T, key: KeyOf<T, bigint>): FieldGroup {
  return field(
    t,
    key,
    (r) => r.readLong(),
    (w, v: bigint | undefined) => w.long(v ?? 0n),
  );
}

/** A plain double whose official default is `dflt` (0): kept as read. */
export function double<T extends Target>(t: T, key: KeyOf<T, number>, dflt = 0): FieldGroup {
  return field(
    t,
    key,
    (r) => r.readDouble(),
    (w, v: number | undefined) => w.double(v ?? dflt),
  );
}

/** A plain double whose official default is unset: the max double reads as unset and unset is written so. */
export function doubleOrUnset<T extends Target>(t: T, key: KeyOf<T, number>): FieldGroup {
  return field(t, key, readDoubleOrUnset, writeDoubleOrUnset);
}

/** A "show unset" double: empty (or the max double) is unset, written empty; +∞ is written `Infinity`. */
export function doubleMax<T extends Target>(t: T, key: KeyOf<T, number>): FieldGroup {
  return field(
    t,
    key,
    (r) => r.readDoubleMax(),
    (w, v: number | undefined) => w.doubleMax(v),
  );
}

/** A flag. */
export function bool<T extends Target>(t: T, key: KeyOf<T, boolean>): FieldGroup {
  return field(
    t,
    key,
    (r) => r.readBool(),
    (w, v: boolean | undefined) => w.bool(v),
  );
}

/** A Decimal; unset is written as the 2^127-1 literal, which the decoder takes for unset too. */
export function decimal<T extends Target>(t: T, key: KeyOf<T, string>): FieldGroup {
  return field(
    t,
    key,
    (r) => r.readDecimal(),
    (w, v: string | undefined) => w.decimal(v),
  );
}

/**
 * A field the decoder reads and drops (retired attributes). It is still read as its type, since the official
 * decoder fails on a malformed one; TWS's value is written back as `written`.
 */
export function ignored(kind: "text" | "bool" | "intMax" | "doubleMax", written: string): FieldGroup {
  return {
    read(r) {
      if (kind === "bool") r.readBool();
      else if (kind === "intMax") r.readIntMax();
      else if (kind === "doubleMax") r.readDoubleMax();
      else r.readString();
    },
    write: (w) => (written === "" ? w.empty() : w.string(written)),
  };
}

/** Groups that are there only when `present` holds (a version gate, or a value read before). */
export function when(present: (c: OrderTextContext) => boolean, ...groups: FieldGroup[]): FieldGroup {
  return {
    read(r, c) {
      if (present(c)) for (const g of groups) g.read(r, c);
    },
    write(w, c) {
      if (present(c)) for (const g of groups) g.write(w, c);
    },
  };
}

/** Groups from server version `min` on. */
export const fromServerVersion = (min: number, ...groups: FieldGroup[]): FieldGroup =>
  when((c) => c.sv >= min, ...groups);

/** Groups from message version `min` on (always there from MIN_SERVER_VER_ORDER_CONTAINER). */
export const fromVersion = (min: number, ...groups: FieldGroup[]): FieldGroup =>
  when((c) => c.version >= min, ...groups);

/** Reads the groups of a layout in order. */
export function readGroups(r: FieldReader, c: OrderTextContext, layout: readonly FieldGroup[]): void {
  for (const g of layout) g.read(r, c);
}

/** Writes the groups of a layout in order. */
export function writeGroups(w: FieldWriter, c: OrderTextContext, layout: readonly FieldGroup[]): void {
  for (const g of layout) g.write(w, c);
}

/** `2147483647` as unset. */
export function unsetInt(v: number): number | undefined {
  return v === UNSET_INTEGER ? undefined : v;
}

/** A plain double; the max double (either spelling) is unset. */
export function readDoubleOrUnset(r: FieldReader): number | undefined {
  const v = r.readDouble();
  return v === UNSET_DOUBLE ? undefined : v;
}

/** Writes what {@link readDoubleOrUnset} reads: unset as the max double. */
export function writeDoubleOrUnset(w: FieldWriter, v: number | undefined): void {
  w.double(v ?? UNSET_DOUBLE);
}
