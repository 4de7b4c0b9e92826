/**
 * The training streams: every random draw of a seeded training run (initial weights, batch order, dropout
 * masks) as a plain function of a root seed and a path. One definition shared by the tf.js and ONNX Runtime
 * adapters (and reproducible in Python with the seedkit protocol reference + NumPy), so the same seed gives the
 * same weights, batches and masks in every framework:
 *
 * | draw | seed | recipe |
 * |---|---|---|
 * | initial value of parameter `p` | `root.derive('params', p)` | `initializeWeights(seed, shape, scheme, fans)` |
 * | sample order of epoch `e` | `root.derive('batches', e)` | `defaultRng(seed).permutation(n)` |
 * | keep mask of dropout node `d` at step `t` | `root.derive('dropout', d, t)` | `defaultRng(seed).random(size) >= rate` |
 */
import { describeValue, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { defaultRng } from './generator.js';
import { type InitializeWeightsOptions, type InitScheme, initializeWeights } from './init.js';

/** What the training streams need of a seed: a core `Seed` (or anything with `derive` and `generateState`). */
export interface StreamSeed {
  derive(...path: (string | number)[]): StreamSeed;
  generateState(nWords: number, dtype?: 'uint32' | 'uint64'): ArrayLike<number | bigint>;
}

/** The first path segment of each stream below the root. */
export const TRAINING_STREAM_PATHS = { params: 'params', batches: 'batches', dropout: 'dropout' } as const;

function checkSeed(root: unknown, arg = 'root'): StreamSeed {
  if (
    typeof root !== 'object' ||
    root === null ||
    typeof (root as StreamSeed).derive !== 'function' ||
    typeof (root as StreamSeed).generateState !== 'function'
  ) {
    throw new SeedkitTypeError(
      `${arg}: expected a Seed (e.g. rootSeed(42) from @seedkit/core), got ${describeValue(root)}`,
    );
  }
  return root as StreamSeed;
}

function checkIndex(v: unknown, arg: string): number {
  if (typeof v !== 'number')
    throw new SeedkitTypeError(`${arg}: expected an integer, got ${describeValue(v)}`);
  if (!Number.isInteger(v) || v < 0 || v >= 0x80000000)
    throw new SeedkitValueError(`${arg}: expected an integer in [0, 2^31), got ${v}`);
  return v;
}

function checkSize(v: unknown, arg: string): number {
  if (typeof v !== 'number')
    throw new SeedkitTypeError(`${arg}: expected an integer, got ${describeValue(v)}`);
  if (!Number.isSafeInteger(v) || v < 0)
    throw new SeedkitValueError(`${arg}: expected a non-negative integer, got ${v}`);
  return v;
}

function checkName(v: unknown, arg: string): string {
  if (typeof v !== 'string') throw new SeedkitTypeError(`${arg}: expected a string, got ${describeValue(v)}`);
  if (v.length === 0) throw new SeedkitValueError(`${arg}: expected a non-empty string`);
  return v;
}

/** The seed of parameter `path`: `root.derive('params', path)`. */
export function paramSeed(root: StreamSeed, path: string): StreamSeed {
  return checkSeed(root).derive(TRAINING_STREAM_PATHS.params, checkName(path, 'path'));
}

/**
 * Initial values of parameter `path` (C order, float32): `initializeWeights(root.derive('params', path), shape,
 * scheme, options)`. Fans default to Keras' `compute_fans(shape)` (kernel `[in, out]`).
 */
export function initParam(
  root: StreamSeed,
  path: string,
  shape: readonly number[],
  scheme: InitScheme,
  options: InitializeWeightsOptions = {},
): Float32Array {
  return initializeWeights(paramSeed(root, path) as never, shape, scheme, options);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The sample order of epoch `epoch` as NumPy returns it (int64): `defaultRng(root.derive('batches',
 * epoch)).permutation(n)`. {@link epochOrder} is the same order as a Uint32Array.
 */
export function epochPermutation(root: StreamSeed, epoch: number, n: number): BigInt64Array {
  const s = checkSeed(root).derive(TRAINING_STREAM_PATHS.batches, checkIndex(epoch, 'epoch'));
  const size = checkSize(n, 'n');
  if (size > 0xffffffff) throw new SeedkitValueError(`n: expected at most 2^32 - 1, got ${size}`);
  return defaultRng(s as never).permutation(size) as BigInt64Array;
}

/** The sample order of epoch `epoch`: `defaultRng(root.derive('batches', epoch)).permutation(n)`. */
export function epochOrder(root: StreamSeed, epoch: number, n: number): Uint32Array {
  const perm = epochPermutation(root, epoch, n);
  const size = perm.length;
  const out = new Uint32Array(size);
  if (LITTLE_ENDIAN) {
    // every index is < 2^32: the low words of the int64s, without creating a BigInt per element
    const words = new Uint32Array(perm.buffer, perm.byteOffset, 2 * size);
    for (let i = 0; i < size; i++) out[i] = words[2 * i] as number;
  } else for (let i = 0; i < size; i++) out[i] = Number(perm[i]);
  return out;
}

/**
 * The keep mask (1 = kept) of dropout node `node` at 0-based training step `step`: element i is kept when the
 * i-th double of `defaultRng(root.derive('dropout', node, step)).random(size)` is ≥ `rate` (tf.js' rule
 * `floor(u + 1 − rate)`). Kept values are scaled by 1/(1 − rate) by the framework applying the mask.
 */
export function dropoutKeepMask(
  root: StreamSeed,
  node: string,
  step: number,
  size: number,
  rate: number,
): Uint8Array {
  const s = checkSeed(root).derive(
    TRAINING_STREAM_PATHS.dropout,
    checkName(node, 'node'),
    checkIndex(step, 'step'),
  );
  const n = checkSize(size, 'size');
  if (typeof rate !== 'number')
    throw new SeedkitTypeError(`rate: expected a number, got ${describeValue(rate)}`);
  if (!(rate >= 0 && rate < 1)) throw new SeedkitValueError(`rate: expected a number in [0, 1), got ${rate}`);
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const u = defaultRng(s as never).random(n) as Float64Array;
  for (let i = 0; i < n; i++) out[i] = (u[i] as number) >= rate ? 1 : 0;
  return out;
}
