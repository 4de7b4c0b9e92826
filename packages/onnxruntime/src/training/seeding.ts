import { rootSeed, Seed, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { defaultRng, initializeWeights } from '@seedkit/numpy-random';
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

/** Initial values of parameter `path`, drawn from `root.derive('params', path)`. */
export function initParam(
  root: SeedLike,
  path: string,
  shape: number[],
  scheme: InitScheme,
  fanIn: number,
  fanOut: number,
): Float32Array {
  return initializeWeights(root.derive('params', path) as never, shape, scheme, { fanIn, fanOut });
}

/** The sample order of epoch `epoch`: a permutation of [0, n) drawn from `root.derive('batches', epoch)`. */
export function epochOrder(root: SeedLike, epoch: number, n: number): Uint32Array {
  const perm = defaultRng(root.derive('batches', epoch) as never).permutation(n);
  return Uint32Array.from(perm, (v) => Number(v));
}

/**
 * The keep mask (1 = kept) of dropout node `node` at 0-based training step `step`: element i is kept when
 * the i-th uniform double drawn from `root.derive('dropout', node, step)` is ≥ `rate` (tf.js' rule
 * `floor(u + 1 − rate)`).
 */
export function dropoutKeepMask(
  root: SeedLike,
  node: string,
  step: number,
  size: number,
  rate: number,
): Uint8Array {
  if (!(rate >= 0 && rate < 1)) throw new SeedkitValueError(`rate must be in [0, 1), got ${rate}`);
  const u = defaultRng(root.derive('dropout', node, step) as never).random(size);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (u[i] as number) >= rate ? 1 : 0;
  return out;
}
