import { sha256 } from '@noble/hashes/sha2';
import { describe, SeedkitTypeError, SeedkitValueError } from './errors.js';

/** A path segment: a name (any well-formed string) or an index in [0, 2^31). */
export type PathSegment = string | number;

/** Largest integer segment + 1: integer segments are one spawn-key word below 2^31. */
export const INTEGER_SEGMENT_LIMIT = 0x80000000;

const encoder = new TextEncoder();
const LONE_SURROGATE = /\p{Cs}/u;
const CACHE_LIMIT = 4096;
const cache = new Map<string, readonly number[]>();

/**
 * The spawn-key words of a string segment: SHA-256 of its UTF-8 bytes, first 12 bytes read as three
 * big-endian 32-bit words h0 h1 h2, encoded as `[0x80000000 | (h0 >>> 1), h1, h2]` (95 hash bits).
 * The set top bit tells a string's first word from an integer segment's word, so word streams decode uniquely.
 */
export function stringSegmentWords(s: string, where = 'path segment'): readonly number[] {
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  if (LONE_SURROGATE.test(s)) {
    throw new SeedkitValueError(
      `${where}: string ${describe(s)} contains a lone UTF-16 surrogate (not valid UTF-8)`,
    );
  }
  const h = sha256(encoder.encode(s));
  const w = (i: number) => ((h[i]! << 24) | (h[i + 1]! << 16) | (h[i + 2]! << 8) | h[i + 3]!) >>> 0;
  const words = Object.freeze([(0x80000000 | (w(0) >>> 1)) >>> 0, w(4), w(8)]);
  if (cache.size >= CACHE_LIMIT) {
    // Drop the oldest entry (Map keeps insertion order): a bounded cache with FIFO eviction.
    const oldest = cache.keys().next().value as string;
    cache.delete(oldest);
  }
  cache.set(s, words);
  return words;
}

/** Appends the spawn-key words of one path segment to `out`, validating it. */
export function pushSegmentWords(seg: unknown, index: number, out: number[]): void {
  if (typeof seg === 'string') {
    const w = cache.get(seg) ?? stringSegmentWords(seg, `derive: path[${index}]`);
    out.push(w[0]!, w[1]!, w[2]!);
    return;
  }
  if (typeof seg === 'number' && seg >= 0 && seg < INTEGER_SEGMENT_LIMIT && Number.isInteger(seg)) {
    out.push(seg | 0); // | 0 also turns -0 into 0
    return;
  }
  const where = `derive: path[${index}]`;
  if (typeof seg === 'number') {
    if (!Number.isInteger(seg)) {
      throw new SeedkitTypeError(`${where}: integer segments must be integers, got ${describe(seg)}`);
    }
    if (seg < 0 || seg >= INTEGER_SEGMENT_LIMIT) {
      throw new SeedkitValueError(
        `${where}: integer segments must be in [0, 2^31), got ${seg} (use a string segment for other values)`,
      );
    }
  }
  throw new SeedkitTypeError(
    `${where}: a path segment must be a string or an integer number, got ${describe(seg)}`,
  );
}

/**
 * Validates one path segment (same errors as {@link pushSegmentWords}) and returns it normalised (-0 → 0),
 * hashing a string only when its words are not cached yet.
 */
export function checkSegment(seg: unknown, index: number): PathSegment {
  if (typeof seg === 'string') {
    if (!cache.has(seg)) stringSegmentWords(seg, `derive: path[${index}]`);
    return seg;
  }
  if (typeof seg === 'number' && seg >= 0 && seg < INTEGER_SEGMENT_LIMIT && Number.isInteger(seg))
    return seg | 0;
  pushSegmentWords(seg, index, []); // throws the right error
  throw new SeedkitTypeError(`derive: path[${index}]: invalid segment ${describe(seg)}`);
}
