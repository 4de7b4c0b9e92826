import { rootSeed, Seed, SeedkitTypeError } from '@seedkit/core';
import { initParam as sharedInitParam } from '@seedkit/numpy-random';
import type { InitScheme } from './mlp.js';

/**
 * The parts of `@seedkit/core`'s `Seed` the trainer uses. Every random draw of a training run comes from a
 * seed derived from the root by a path:
 * - parameter `p` is initialised from `root.derive('params', p)`;
 * - the batch order of epoch `e` is a permutation drawn from `root.derive('batches', e)`;
 * - the dropout mask of node `n` at step `t` is drawn from `root.derive('dropout', n, t)`.
 */
export interface SeedLike {
  derive(...path: (string | number)[]): SeedLike;
  generateState(nWords: number, dtype?: 'uint32'): Uint32Array;
  toJSON(): unknown;
  equals(other: never): boolean;
}

function isSeed(x: unknown): x is SeedLike {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as SeedLike).derive === 'function' &&
    typeof (x as SeedLike).generateState === 'function' &&
    typeof (x as SeedLike).toJSON === 'function'
  );
}

/** A `Seed` as is; anything else through `@seedkit/core`'s `rootSeed` (which validates it). */
export function toSeed(seed: unknown, argName = 'seed'): SeedLike {
  if (isSeed(seed)) return seed;
  if (seed === undefined || seed === null)
    throw new SeedkitTypeError(`${argName} must be a Seed (from rootSeed()) or a root seed value`);
  return rootSeed(seed as never) as unknown as SeedLike;
}

/** Rebuilds a seed from its `toJSON()` form. */
export function seedFromJSON(json: unknown): SeedLike {
  return Seed.fromJSON(json as never) as unknown as SeedLike;
}

export function sameSeed(a: SeedLike, b: SeedLike): boolean {
  return JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON()) || a.equals(b as never);
}

/**
 * The training streams (parameter init, epoch order, dropout keep masks) are defined once, framework-neutrally,
 * in `@seedkit/numpy-random` (src/training-streams.ts); tf.js (`@seedkit/tfjs`) uses the same functions.
 */
export { dropoutKeepMask, epochOrder, epochPermutation } from '@seedkit/numpy-random';

/** Initial values of parameter `path`, drawn from `root.derive('params', path)` (`initParam` of numpy-random). */
export function initParam(
  root: SeedLike,
  path: string,
  shape: number[],
  scheme: InitScheme,
  fanIn: number,
  fanOut: number,
): Float32Array {
  return sharedInitParam(root as never, path, shape, scheme, { fanIn, fanOut });
}
