import { describe, SeedkitTypeError } from './errors.js';
import { rootSeed, type Seed, type SeedInput } from './seed.js';

/** The path below the root that seeds the Math.random replacement. */
export const MATH_RANDOM_PATH = 'Math.random';

// The platform's Math.random while a seeded one is installed; on globalThis so the ESM and CJS builds agree.
const ORIGINAL = Symbol.for('@seedkit/core/original-math-random');
type Holder = Record<symbol, (() => number) | undefined>;
const holder = globalThis as unknown as Holder;

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

/**
 * A 32-bit MT19937 stream seeded the way NumPy's `MT19937(seedSequence)` is: key = the sequence's first 624
 * words with key[0] = 0x80000000, position 623 (so the first output is the tempered key[623]).
 */
function mt19937(words: Uint32Array): () => number {
  const key = Uint32Array.from(words);
  key[0] = UPPER;
  let pos = N - 1;
  const regenerate = (): void => {
    for (let i = 0; i < N; i++) {
      const y = (key[i]! & UPPER) | (key[(i + 1) % N]! & LOWER);
      key[i] = key[(i + M) % N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    pos = 0;
  };
  return () => {
    if (pos === N) regenerate();
    let y = key[pos++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
}

/**
 * A seeded `() => number` in [0, 1) with 53 random bits per value, bit-exact with NumPy:
 * `numpy.random.Generator(numpy.random.MT19937(derive(seed, 'Math.random'))).random()` (see PROTOCOL.md).
 * Not cryptographic.
 */
export function seededRandom(seed: SeedInput): () => number {
  const next = mt19937(rootSeed(seed).derive(MATH_RANDOM_PATH).generateState(N, 'uint32'));
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
  if (holder[ORIGINAL] === undefined) holder[ORIGINAL] = Math.random;
  Math.random = fn;
  return restoreMathRandom;
}

/** Puts the platform's `Math.random` back (no-op when no seeded one is installed). */
export function restoreMathRandom(): void {
  const original = holder[ORIGINAL];
  if (original !== undefined) {
    Math.random = original;
    holder[ORIGINAL] = undefined;
  }
}

/** Whether a seeded Math.random is installed. */
export function isMathRandomSeeded(): boolean {
  return holder[ORIGINAL] !== undefined;
}
