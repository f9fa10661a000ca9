/**
 * The ceiling: one plain loop over the same bytes that reads every frame length and finds every field boundary
 * (NUL terminators in text frames; tags and lengths in protobuf bodies) and does nothing else. No decoder can be
 * faster than this; benchmarks report their distance to it.
 */

/** Walks a stream of length-prefixed text frames; returns the number of fields seen. */
export function ceilingText(stream: Uint8Array): number {
  let fields = 0;
  let pos = 0;
  const n = stream.length;
  while (pos + 4 <= n) {
    const len = ((stream[pos]! << 24) | (stream[pos + 1]! << 16) | (stream[pos + 2]! << 8) | stream[pos + 3]!) >>> 0;
    const end = pos + 4 + len;
    for (let i = pos + 4; i < end; i++) if (stream[i] === 0) fields++;
    pos = end;
  }
  return fields;
}

/** Walks a stream of length-prefixed frames with a 4-byte id and a protobuf body; returns the fields seen. */
export function ceilingProtobuf(stream: Uint8Array): number {
  let fields = 0;
  let pos = 0;
  const n = stream.length;
  while (pos + 4 <= n) {
    const len = ((stream[pos]! << 24) | (stream[pos + 1]! << 16) | (stream[pos + 2]! << 8) | stream[pos + 3]!) >>> 0;
    const end = pos + 4 + len;
    let i = pos + 8; // after the length and the 4-byte message id
    while (i < end) {
      let key = 0;
      let shift = 0;
      let b: number;
      do {
        b = stream[i++]!;
        key |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      switch (key & 7) {
        case 0:
          while (stream[i++]! & 0x80);
          break;
        case 1:
          i += 8;
          break;
        case 2: {
          let l = 0;
          shift = 0;
          do {
            b = stream[i++]!;
            l |= (b & 0x7f) << shift;
            shift += 7;
          } while (b & 0x80);
          i += l;
          break;
        }
        case 5:
          i += 4;
          break;
        default:
          i = end;
      }
      fields++;
    }
    pos = end;
  }
  return fields;
}
