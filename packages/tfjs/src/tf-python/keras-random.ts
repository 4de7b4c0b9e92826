/**
 * `keras.random` on the TensorFlow backend (Keras 3.15): seeds become an int64 pair (`SeedGenerator` state or
 * `[seed, 0]`), are reduced with `floormod(pair, 2^31 − 2)` and drive TF's stateless Philox ops.
 */

import { describeValue } from '@seedkit/core';
import * as tf from '@tensorflow/tfjs';
import { checkShape, SeedkitTypeError, SeedkitValueError, toFloat, toInt64 } from './errors.js';
import type { IntLike } from './random.js';
import { statelessNormalValues, statelessTruncatedNormalValues, statelessUniformValues } from './random.js';
import { pythonRandom } from './state.js';

/** `keras.random.SeedGenerator(seed)`: int64 state `[seed, 0]`; `next()` returns it, then adds `[0, 1]`. */
export class SeedGenerator {
  /** The seed given at construction (`null` when drawn by `makeDefaultSeed`). */
  readonly initialSeed: bigint | null;
  private value: [bigint, bigint];

  constructor(seed?: IntLike | null) {
    this.initialSeed = seed === undefined || seed === null ? null : kerasInt(seed, 'seed');
    const s = this.initialSeed ?? BigInt(makeDefaultSeed());
    this.value = [toInt64(s, 'seed'), 0n];
  }

  /** Current int64 state pair. */
  get state(): [bigint, bigint] {
    return [this.value[0], this.value[1]];
  }

  /**
   * Returns the current state, then advances it: `+[0, 1]` (ordered, the default) or
   * `(state + 1) · 5387 mod 933199` element-wise (`ordered=false`, what the global generator uses).
   */
  next(ordered = true): [bigint, bigint] {
    const out = this.state;
    if (ordered) {
      this.value = [this.value[0], BigInt.asIntN(64, this.value[1] + 1n)];
    } else {
      const step = (v: bigint): bigint => {
        const r = BigInt.asIntN(64, BigInt.asIntN(64, v + 1n) * 5387n) % 933199n;
        return r < 0n ? r + 933199n : r;
      };
      this.value = [step(this.value[0]), step(this.value[1])];
    }
    return out;
  }
}

/** A Keras int argument: an integer number or bigint, else ValueError as Keras raises it. */
export function kerasInt(value: unknown, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new SeedkitValueError(
    `Argument \`${what}\` must be an integer. Received: ${what}=${describeValue(value)}`,
  );
}

/** `keras.random.make_default_seed()`: Python's global `random.randint(1, 10^9)`. */
export function makeDefaultSeed(): number {
  return pythonRandom.rng.randint(1, 1_000_000_000);
}

const globalState: { generator: SeedGenerator | null } = { generator: null };

/** The global SeedGenerator behind `seed=None` (created lazily from `makeDefaultSeed()`). */
export function globalSeedGenerator(): SeedGenerator {
  globalState.generator ??= new SeedGenerator();
  return globalState.generator;
}

/** Drops the global SeedGenerator (`keras.utils.set_random_seed` does this). */
export function resetGlobalSeedGenerator(): void {
  globalState.generator = null;
}

export type KerasSeed = IntLike | SeedGenerator | null | undefined;

/** `draw_seed(seed)`: the int64 pair for an int seed, a SeedGenerator, or the global generator. */
export function drawSeed(seed: KerasSeed): [bigint, bigint] {
  if (seed instanceof SeedGenerator) return seed.next();
  if (seed === null || seed === undefined) return globalSeedGenerator().next(false);
  if (typeof seed === 'number' || typeof seed === 'bigint')
    return [toInt64(kerasInt(seed, 'seed'), 'seed'), 0n];
  throw new SeedkitValueError(
    `Argument \`seed\` must be either an integer or an instance of \`SeedGenerator\`. Received: seed=${describeValue(seed)}`,
  );
}

const SEED_MOD = 2147483646n;

/** The TF backend's `_cast_seed`: floormod by 2^31 − 2, then int32. */
export function castSeed(pair: [bigint, bigint]): [number, number] {
  const m = (v: bigint) => Number(((v % SEED_MOD) + SEED_MOD) % SEED_MOD);
  return [m(pair[0]), m(pair[1])];
}

export type KerasFloatDType = 'float32' | 'float64';

export interface KerasUniformOptions {
  minval?: number;
  maxval?: number;
  dtype?: KerasFloatDType;
  seed?: KerasSeed;
}

export interface KerasNormalOptions {
  mean?: number;
  stddev?: number;
  dtype?: KerasFloatDType;
  seed?: KerasSeed;
}

function floatDType(dtype: unknown, allowed: readonly string[]): void {
  if (!allowed.includes(dtype as string)) {
    throw new SeedkitTypeError(`dtype: expected one of ${allowed.join(', ')}, got ${describeValue(dtype)}`);
  }
}

/** Values of `keras.random.uniform(shape, minval, maxval, dtype, seed)` (float32 or float64). */
export function uniformValues(
  shape: readonly number[],
  options: KerasUniformOptions = {},
): Float32Array | Float64Array {
  const dtype = options.dtype ?? 'float32';
  floatDType(dtype, ['float32', 'float64']);
  checkShape(shape);
  const seed = castSeed(drawSeed(options.seed));
  // `tf.cast(minval, dtype)` converts the Python float to a float32 tensor first, also for float64.
  return statelessUniformValues(shape, seed, {
    minval: Math.fround(toFloat(options.minval ?? 0, 'minval')),
    maxval: Math.fround(toFloat(options.maxval ?? 1, 'maxval')),
    dtype,
  });
}

/** `keras.random.uniform` as a float32 tensor. */
export function uniform(shape: readonly number[], options: KerasUniformOptions = {}): tf.Tensor {
  floatDType(options.dtype ?? 'float32', ['float32']);
  return tf.tensor(uniformValues(shape, options), checkShape(shape).dims, 'float32');
}

/** Draws the seed, then TF's stateless (truncated) normal with mean/stddev in the dtype. */
function kerasNormal(
  truncated: boolean,
  shape: readonly number[],
  options: KerasNormalOptions,
): Float32Array | Float64Array {
  const dtype = options.dtype ?? 'float32';
  floatDType(dtype, ['float32', 'float64']);
  checkShape(shape);
  const seed = castSeed(drawSeed(options.seed));
  const opts = { mean: options.mean ?? 0, stddev: options.stddev ?? 1, dtype };
  return truncated
    ? statelessTruncatedNormalValues(shape, seed, opts)
    : statelessNormalValues(shape, seed, opts);
}

/** Values of `keras.random.normal(shape, mean, stddev, dtype, seed)` (float32 or float64). */
export function normalValues(
  shape: readonly number[],
  options: KerasNormalOptions = {},
): Float32Array | Float64Array {
  return kerasNormal(false, shape, options);
}

/** `keras.random.normal` as a float32 tensor. */
export function normal(shape: readonly number[], options: KerasNormalOptions = {}): tf.Tensor {
  floatDType(options.dtype ?? 'float32', ['float32']);
  return tf.tensor(kerasNormal(false, shape, options), checkShape(shape).dims, 'float32');
}

/** Values of `keras.random.truncated_normal(shape, mean, stddev, dtype, seed)` (float32 or float64). */
export function truncatedNormalValues(
  shape: readonly number[],
  options: KerasNormalOptions = {},
): Float32Array | Float64Array {
  return kerasNormal(true, shape, options);
}

/** `keras.random.truncated_normal` as a float32 tensor. */
export function truncatedNormal(shape: readonly number[], options: KerasNormalOptions = {}): tf.Tensor {
  floatDType(options.dtype ?? 'float32', ['float32']);
  return tf.tensor(kerasNormal(true, shape, options), checkShape(shape).dims, 'float32');
}
