import { describe, SeedkitTypeError } from './errors.js';
import { rootSeed, type Seed, type SeedInput } from './seed.js';

/** The path below the root that seeds the Math.random replacement. */
export const MATH_RANDOM_PATH = 'Math.random';

let original: (() => number) | undefined;

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * A seeded `() => number` in [0, 1) with 53 random bits per value: xoshiro128** (Blackman & Vigna) seeded with
 * `generateState(4)` of `rootSeed(seed).derive('Math.random')`. Not cryptographic; not NumPy's stream.
 */
export function seededRandom(seed: SeedInput): () => number {
  const s = rootSeed(seed).derive(MATH_RANDOM_PATH).generateState(4, 'uint32');
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1; // the all-zero state is the one fixed point
  let s0 = s[0]!;
  let s1 = s[1]!;
  let s2 = s[2]!;
  let s3 = s[3]!;
  const next = (): number => {
    const r = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3, 11);
    return r;
  };
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

/**
 * Replaces `Math.random` with {@link seededRandom}(seed) until {@link restoreMathRandom} (or the returned
 * function) is called. Off unless you call it (or pass `{ mathRandom: true }` to seedEverything).
 * Installing again replaces the seeded stream; restore always brings back the platform's Math.random.
 */
export function installSeededMathRandom(seed: Seed | SeedInput): () => void {
  if (seed === undefined || seed === null) {
    throw new SeedkitTypeError(`seed: installSeededMathRandom needs a seed, got ${describe(seed)}`);
  }
  const fn = seededRandom(seed);
  if (original === undefined) original = Math.random;
  Math.random = fn;
  return restoreMathRandom;
}

/** Puts the platform's `Math.random` back (no-op when no seeded one is installed). */
export function restoreMathRandom(): void {
  if (original !== undefined) {
    Math.random = original;
    original = undefined;
  }
}

/** Whether a seeded Math.random is installed. */
export function isMathRandomSeeded(): boolean {
  return original !== undefined;
}
