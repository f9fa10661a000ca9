/**
 * Counter-based randomness: every draw is a pure function of its coordinates (seed, instrument, stream, index), so
 * any instant of the simulated market is computed directly, without replaying what came before.
 */

/** A 32-bit mix of up to four integers (murmur3's finaliser over a running combine). */
export function hash32(a: number, b: number, c: number, d: number): number {
  let h = 0x9e3779b9 ^ (a | 0);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = (h + Math.imul(b | 0, 0xcc9e2d51)) | 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h = (h + Math.imul(c | 0, 0x1b873593)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = (h + Math.imul(d | 0, 0xe6546b64)) | 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return h >>> 0;
}

/** A uniform draw in [0, 1) at the given coordinates (53 bits from two hashes). */
export function uniform(seed: number, key: number, stream: number, index: number): number {
  const hi = hash32(seed, key, stream, index) >>> 5;
  const lo = hash32(seed ^ 0x5bd1e995, key, stream, index) >>> 6;
  return (hi * 67108864 + lo) / 9007199254740992;
}

/** A standard normal draw at the given coordinates (Box–Muller over two uniforms). */
export function normal(seed: number, key: number, stream: number, index: number): number {
  const u1 = 1 - uniform(seed, key, stream, 2 * index);
  const u2 = uniform(seed, key, stream, 2 * index + 1);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A stable 31-bit key of a string (an instrument without a conId, say). */
export function keyOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 1) | 0;
}
