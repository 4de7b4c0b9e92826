import { rootSeed, type Seed, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';

/** What `setGlobalSeed` and the explicit helpers accept as a seed. */
export type SeedInput = number | bigint | string | Seed;

/** True for a `@seedkit/core` Seed (duck-typed, so seeds from another copy of core work too). */
export function isSeed(value: unknown): value is Seed {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Seed).derive === 'function' &&
    typeof (value as Seed).uint32 === 'function'
  );
}

/**
 * Validates a seed argument and turns it into a core Seed. Numbers must be non-negative safe integers, bigints
 * non-negative; strings are handed to core's `rootSeed` (which rejects what it cannot read).
 */
export function toSeed(value: unknown, arg = 'seed'): Seed {
  if (isSeed(value)) return value;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new SeedkitValueError(`${arg} must be a non-negative integer, got NaN`);
    if (!Number.isFinite(value))
      throw new SeedkitValueError(`${arg} must be a non-negative integer, got ${value}`);
    if (!Number.isInteger(value)) {
      throw new SeedkitValueError(`${arg} must be a non-negative integer, got ${value} (not an integer)`);
    }
    if (value < 0) throw new SeedkitValueError(`${arg} must be non-negative, got ${value}`);
    if (!Number.isSafeInteger(value)) {
      throw new SeedkitValueError(
        `${arg} ${value} is above Number.MAX_SAFE_INTEGER and cannot be represented exactly; pass a bigint or a string`,
      );
    }
    return rootSeed(value);
  }
  if (typeof value === 'bigint') {
    if (value < 0n) throw new SeedkitValueError(`${arg} must be non-negative, got ${value}n`);
    return rootSeed(value);
  }
  if (typeof value === 'string') {
    if (value.length === 0) throw new SeedkitValueError(`${arg} must not be an empty string`);
    return rootSeed(value);
  }
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  throw new SeedkitTypeError(`${arg} must be a number, bigint, string or a @seedkit/core Seed, got ${kind}`);
}

/**
 * The integer handed to a tf.js op as its `seed`: in [1, 2^31 − 1], never 0 (0 means "unseeded" to
 * randomNormal, truncatedNormal, randomGamma and multinomial) and small enough for every backend.
 */
export function opSeedOf(seed: Seed): number {
  return 1 + (seed.uint32() % 0x7fffffff);
}

export type { Seed };
