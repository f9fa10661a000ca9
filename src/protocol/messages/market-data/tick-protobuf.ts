import type { ProtobufFields } from "../../protobuf-fields.js";
import {
  ABSENT,
  type TickGenericMessage,
  type TickPriceMessage,
  type TickSizeMessage,
  type TickStringMessage,
} from "./ticks.js";

/**
 * The protobuf bodies of the four tick messages read straight into a reusable message, for the client's hot path.
 * Each gives exactly what the spec's generated decoder and `fromProto` give (absent fields as in {@link ABSENT},
 * sizes as the exact strings sent; a test compares both on hand-made, golden and recorded frames) and returns
 * false, leaving `out` unspecified, when the cursor refuses the body: the caller then decodes it the generic way.
 * Field numbers and wire types are those of TickPrice.proto, TickSize.proto, TickString.proto, TickGeneric.proto;
 * a known field with another wire type is skipped, as the generated decoders skip it.
 */

const VARINT = 0;
const I64 = 1;
const LEN = 2;

/** TickPrice: reqId 1, tickType 2, price 3 (double), size 4 (string), attrMask 5. */
export function readTickPriceProtobuf(f: ProtobufFields, out: TickPriceMessage): boolean {
  let reqId: number = ABSENT.reqId;
  let tickType: number = ABSENT.tickType;
  let price: number | undefined;
  let size: string | undefined;
  let attrMask: number = ABSENT.attrMask;
  for (let n = f.next(); n !== 0; n = f.next()) {
    const wt = f.wireType;
    if (n === 1 && wt === VARINT) reqId = f.int32();
    else if (n === 2 && wt === VARINT) tickType = f.int32();
    else if (n === 3 && wt === I64) price = f.double();
    else if (n === 4 && wt === LEN) size = f.ascii();
    else if (n === 5 && wt === VARINT) attrMask = f.int32();
    else f.skip();
  }
  if (!f.ok) return false;
  out.reqId = reqId;
  out.tickType = tickType;
  out.price = price;
  out.size = size;
  out.attrMask = attrMask;
  return true;
}

/** TickSize: reqId 1, tickType 2, size 3 (string). */
export function readTickSizeProtobuf(f: ProtobufFields, out: TickSizeMessage): boolean {
  let reqId: number = ABSENT.reqId;
  let tickType: number = ABSENT.tickType;
  let size: string | undefined;
  for (let n = f.next(); n !== 0; n = f.next()) {
    const wt = f.wireType;
    if (n === 1 && wt === VARINT) reqId = f.int32();
    else if (n === 2 && wt === VARINT) tickType = f.int32();
    else if (n === 3 && wt === LEN) size = f.ascii();
    else f.skip();
  }
  if (!f.ok) return false;
  out.reqId = reqId;
  out.tickType = tickType;
  out.size = size;
  return true;
}

/** TickString: reqId 1, tickType 2, value 3 (string; absent reads as ""). */
export function readTickStringProtobuf(f: ProtobufFields, out: TickStringMessage): boolean {
  let reqId: number = ABSENT.reqId;
  let tickType: number = ABSENT.tickType;
  let value: string | undefined;
  for (let n = f.next(); n !== 0; n = f.next()) {
    const wt = f.wireType;
    if (n === 1 && wt === VARINT) reqId = f.int32();
    else if (n === 2 && wt === VARINT) tickType = f.int32();
    else if (n === 3 && wt === LEN) value = f.ascii();
    else f.skip();
  }
  if (!f.ok) return false;
  out.reqId = reqId;
  out.tickType = tickType;
  out.value = value ?? "";
  return true;
}

/** TickGeneric: reqId 1, tickType 2, value 3 (double). */
export function readTickGenericProtobuf(f: ProtobufFields, out: TickGenericMessage): boolean {
  let reqId: number = ABSENT.reqId;
  let tickType: number = ABSENT.tickType;
  let value: number | undefined;
  for (let n = f.next(); n !== 0; n = f.next()) {
    const wt = f.wireType;
    if (n === 1 && wt === VARINT) reqId = f.int32();
    else if (n === 2 && wt === VARINT) tickType = f.int32();
    else if (n === 3 && wt === I64) value = f.double();
    else f.skip();
  }
  if (!f.ok) return false;
  out.reqId = reqId;
  out.tickType = tickType;
  out.value = value;
  return true;
}
