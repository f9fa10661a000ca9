/**
 * A cursor over one protobuf message body inside a larger buffer (a frame inside a socket chunk), for readers that
 * take a few scalar fields straight into their result without building the generated codec's object.
 *
 * It reads what the generated decoders (ts-proto over @bufbuild/protobuf's BinaryReader) read, to the same values,
 * and it refuses (`ok` turns false) wherever they would do anything else: a truncated field, an over-long varint,
 * a zero tag, a group or an invalid wire type, non-ASCII text. A refused message must then go to the generated
 * decoder, which reports it or decodes it in its own way; a caller dispatches nothing before the whole message has
 * been read with `ok` still true.
 */
export class ProtobufFields {
  private buf: Uint8Array = EMPTY;
  private pos = 0;
  private end = 0;
  /** The wire type of the tag `next()` returned. */
  wireType = 0;
  /** False once something was read that this cursor does not take; the values read since are meaningless. */
  ok = true;

  /** Starts on the body `buf[start, end)`. */
  reset(buf: Uint8Array, start: number, end: number): this {
    this.buf = buf;
    this.pos = start;
    this.end = end;
    this.ok = true;
    return this;
  }

  /**
   * The field number of the next tag, or 0 at the end of the body or once `ok` is false. Refused: field number 0
   * (0 means the end here; the generated decoders stop at a zero tag and skip the others) and the group and
   * invalid wire types (3, 4, 6, 7), on which they stop or throw.
   */
  next(): number {
    if (!this.ok || this.pos >= this.end) return 0;
    const tag = this.varint32() >>> 0;
    const wireType = tag & 7;
    if (tag < 8 || wireType === 3 || wireType === 4 || wireType > 5) return this.refuse();
    this.wireType = wireType;
    return tag >>> 3;
  }

  /** An int32 (or enum) varint: its low 32 bits, signed, as the generated decoders keep them. */
  int32(): number {
    return this.varint32() | 0;
  }

  /** A little-endian double (wire type 1). */
  double(): number {
    const p = this.pos;
    if (p + 8 > this.end) return this.refuse();
    const b = this.buf;
    for (let i = 0; i < 8; i++) SCRATCH[i] = b[p + i]!;
    this.pos = p + 8;
    return SCRATCH_VIEW.getFloat64(0, true);
  }

  /** A length-delimited string of ASCII text; refused (undefined) when it holds any other byte. */
  ascii(): string | undefined {
    const len = this.varint32() >>> 0;
    const start = this.pos;
    const stop = start + len;
    if (!this.ok || stop > this.end) {
      this.refuse();
      return undefined;
    }
    const b = this.buf;
    for (let i = start; i < stop; i++) {
      if (b[i]! > 0x7f) {
        this.refuse();
        return undefined;
      }
    }
    this.pos = stop;
    return latin1Slice.call(b, start, stop);
  }

  /** Skips the value of the field `next()` returned, as the generated decoders skip fields they do not know. */
  skip(): void {
    switch (this.wireType) {
      case 0: {
        // Any length, as the generated decoders' skip takes it: only the end of the body stops it.
        const b = this.buf;
        let p = this.pos;
        for (;;) {
          if (p >= this.end) {
            this.refuse();
            return;
          }
          if ((b[p++]! & 0x80) === 0) break;
        }
        this.pos = p;
        return;
      }
      case 1:
        this.advance(8);
        return;
      case 5:
        this.advance(4);
        return;
      default:
        this.advance(this.varint32() >>> 0);
    }
  }

  private advance(n: number): void {
    if (!this.ok || this.pos + n > this.end) this.refuse();
    else this.pos += n;
  }

  /**
   * A varint of up to 10 bytes, kept to its low 32 bits as @bufbuild/protobuf's `uint32()` keeps it (the bits
   * above are dropped). A varint running past the body or past 10 bytes is refused.
   */
  private varint32(): number {
    const b = this.buf;
    const end = this.end;
    let p = this.pos;
    let result = 0;
    for (let i = 0; i < 10; i++) {
      if (p >= end) return this.refuse();
      const byte = b[p++]!;
      if (i < 4) result |= (byte & 0x7f) << (7 * i);
      else if (i === 4) result |= (byte & 0x0f) << 28;
      if ((byte & 0x80) === 0) {
        this.pos = p;
        return result;
      }
    }
    return this.refuse();
  }

  private refuse(): 0 {
    this.ok = false;
    this.pos = this.end;
    return 0;
  }
}

const EMPTY = new Uint8Array(0);
// Doubles are assembled here byte by byte in wire (little-endian) order; a DataView keeps the platform's order out.
const SCRATCH = new Uint8Array(8);
const SCRATCH_VIEW = new DataView(SCRATCH.buffer);
/** Node's latin1 slice decoder, which takes any Uint8Array (ASCII is checked first, so latin1 is exact). */
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice(start: number, end: number): string }).latin1Slice;
