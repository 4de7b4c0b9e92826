/**
 * `tf.random` with TensorFlow 2.21's own numbers (CPU, eager): stateful ops under `setSeed` and the stateless
 * Philox ops. Tensor-returning functions give float32 / int32 tf.js tensors; the `*Values` twins return the
 * same numbers as typed arrays and also cover float64 / int64 (and uint32 / uint64 for full-range stateless).
 */
import * as tf from '@tensorflow/tfjs';
import {
  checkShape,
  InvalidArgumentError,
  SeedkitTypeError,
  SeedkitValueError,
  toBigInt,
  toFloat,
  toInt64,
} from './errors.js';
import {
  fullRangeInt,
  normalFloat32,
  normalFloat64,
  scaleFloat32,
  scaleFloat64,
  truncatedNormal as truncatedNormalKernel,
  uniformFloat32,
  uniformFloat64,
  uniformInt32,
  uniformInt64,
} from './kernels.js';
import { Philox, philoxBlock } from './philox.js';
import { entropyWords, PyRandom } from './py-random.js';
import { tfContext } from './state.js';

export type IntLike = number | bigint;
export type FloatDType = 'float32' | 'float64';
export type IntDType = 'int32' | 'int64';
export type DType = FloatDType | IntDType;
export type StatelessDType = DType | 'uint32' | 'uint64';
/** A stateless seed: a pair of int64 values (`[a, b]`, an Int32Array or a BigInt64Array of length 2). */
export type StatelessSeed = readonly IntLike[] | Int32Array | BigInt64Array;
export type Values = Float32Array | Float64Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array;
/** The typed array a dtype's values come in. */
export type ValuesOf<D extends StatelessDType> = D extends 'float32'
  ? Float32Array
  : D extends 'float64'
    ? Float64Array
    : D extends 'int32'
      ? Int32Array
      : D extends 'uint32'
        ? Uint32Array
        : D extends 'int64'
          ? BigInt64Array
          : BigUint64Array;

export interface UniformOptions<D extends DType = DType> {
  /** Lower bound (default 0). */
  minval?: IntLike;
  /** Upper bound (default 1 for floats; required for integer dtypes). */
  maxval?: IntLike | null;
  /** Default 'float32'. */
  dtype?: D;
  /** Op seed (`seed=` in TF); `null`/absent draws one as TF does. */
  seed?: IntLike | null;
}

export interface NormalOptions<D extends FloatDType = FloatDType> {
  mean?: number;
  stddev?: number;
  /** Default 'float32'; 'float64' values come from the `*Values` functions. */
  dtype?: D;
  seed?: IntLike | null;
}

export interface StatelessUniformOptions<D extends StatelessDType = StatelessDType> {
  /** Default 0; pass `null` together with `maxval: null` for full-range integers. */
  minval?: IntLike | null;
  maxval?: IntLike | null;
  dtype?: D;
}

export interface StatelessNormalOptions<D extends FloatDType = FloatDType> {
  mean?: number;
  stddev?: number;
  dtype?: D;
}

const MAXINT32 = 2147483647n;
const DEFAULT_GRAPH_SEED = 87654321n;
const STATEFUL_DTYPES = ['float32', 'float64', 'int32', 'int64'];
const STATELESS_DTYPES = [...STATEFUL_DTYPES, 'uint32', 'uint64'];
const INT32_MIN = -2147483648n;
const INT32_MAX = 2147483647n;

const pyMod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;

// ---------------------------------------------------------------------------------------------------------
// Seeds

/**
 * `tf.random.set_seed(seed)`: sets the global seed, re-creates the op-seed generator (`random.Random(seed)`)
 * and clears the kernel cache, so the same sequence of calls restarts identically. `null` unsets it.
 */
export function setSeed(seed: IntLike | null): void {
  if (seed === null) {
    tfContext.globalSeed = null;
    tfContext.rng = null;
  } else {
    const s = toBigInt(seed, 'seed');
    tfContext.globalSeed = s;
    tfContext.rng = new PyRandom(s);
  }
  tfContext.kernels.clear();
}

/**
 * `tf.compat.v1.get_seed(op_seed)` in eager mode: the (seed, seed2) pair a random op uses. Without a global
 * seed, an op seed pairs with 87654321; with one, a missing op seed is drawn from the context's
 * `random.Random` (so successive calls differ). `[null, null]` means nondeterministic.
 */
export function getSeed(opSeed?: IntLike | null): [bigint, bigint] | [null, null] {
  const g = tfContext.globalSeed;
  let op = opSeed === undefined || opSeed === null ? null : toBigInt(opSeed, 'seed');
  let seeds: [bigint, bigint];
  if (g !== null) {
    if (op === null) op = BigInt(tfContext.rng!.randint(0, 2147483647));
    seeds = [pyMod(g, MAXINT32), pyMod(op, MAXINT32)];
  } else if (op !== null) {
    seeds = [DEFAULT_GRAPH_SEED, pyMod(op, MAXINT32)];
  } else {
    return [null, null];
  }
  if (seeds[0] === 0n && seeds[1] === 0n) return [0n, MAXINT32];
  return seeds;
}

/** The cached kernel generator for (op, dtype, seeds); a call reads from a copy and skips n·256 blocks. */
function reserve(op: string, dtype: string, seeds: [bigint, bigint] | [null, null], n: number): Philox {
  const id = `${op}/${dtype}/${seeds[0]}/${seeds[1]}`;
  let gen = tfContext.kernels.get(id);
  if (gen === undefined) {
    if (seeds[0] === null) {
      const w = entropyWords(4);
      gen = new Philox([w[0]!, w[1]!], [0, 0, w[2]!, w[3]!]);
    } else {
      gen = Philox.fromSeeds(seeds[0], seeds[1]!);
    }
    tfContext.kernels.set(id, gen);
  }
  const view = gen.clone();
  gen.skip(n * 256);
  return view;
}

// ---------------------------------------------------------------------------------------------------------
// Argument checks shared by the stateful and stateless ops

function checkDType(dtype: unknown, allowed: readonly string[]): string {
  if (typeof dtype !== 'string' || !allowed.includes(dtype)) {
    throw new SeedkitValueError(
      `Argument \`dtype\` got invalid value ${JSON.stringify(dtype)}. Accepted dtypes are (${allowed.join(', ')}).`,
    );
  }
  return dtype;
}

function intBound(value: unknown, dtype: string, what: string): bigint {
  if (typeof value === 'number' && !Number.isInteger(value)) {
    throw new SeedkitTypeError(`${what}: Cannot convert ${value} to EagerTensor of dtype ${dtype}`);
  }
  const v = dtype === 'int32' ? toBigInt(value, what) : toInt64(value, what);
  if (dtype === 'int32' && (v < INT32_MIN || v > INT32_MAX)) {
    throw new SeedkitValueError(`${what}: ${v} is out of range for dtype int32`);
  }
  return v;
}

function checkFloatDType(dtype: unknown): FloatDType {
  const d = checkDType(dtype, STATEFUL_DTYPES);
  if (d !== 'float32' && d !== 'float64') {
    throw new SeedkitTypeError(`dtype: Cannot convert 0.0 to EagerTensor of dtype ${d}`);
  }
  return d;
}

function checkIntMinMax(lo: bigint, hi: bigint, n: number, op: string): void {
  if (n > 0 && lo >= hi)
    throw new InvalidArgumentError(`minval/maxval: Need minval < maxval, got ${lo} >= ${hi} [Op:${op}]`);
}

function toTensor(values: Values, dims: number[], fn: string): tf.Tensor {
  if (values instanceof Float32Array) return tf.tensor(values, dims, 'float32');
  if (values instanceof Int32Array) return tf.tensor(values, dims, 'int32');
  const kind =
    values instanceof Float64Array
      ? 'float64'
      : values instanceof Uint32Array
        ? 'uint32'
        : values instanceof BigInt64Array
          ? 'int64'
          : 'uint64';
  throw new SeedkitTypeError(
    `dtype: tf.js has no ${kind} tensors; use random.${fn}Values for ${kind} values`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Stateful ops

/** Values of `tf.random.uniform(shape, minval, maxval, dtype, seed)` as a typed array. */
export function uniformValues<D extends DType = 'float32'>(
  shape: readonly number[],
  options: UniformOptions<D> = {},
): ValuesOf<D> {
  return uniformImpl(shape, options) as ValuesOf<D>;
}

function uniformImpl(shape: readonly number[], options: UniformOptions): Values {
  const dtype = checkDType(options.dtype ?? 'float32', STATEFUL_DTYPES);
  const minval = options.minval ?? 0;
  const maxval = options.maxval;
  if (dtype === 'int32' || dtype === 'int64') {
    if (maxval === undefined || maxval === null) {
      throw new SeedkitValueError(`maxval: Must specify maxval for integer dtype ${dtype}`);
    }
    const lo = intBound(minval, dtype, 'minval');
    const hi = intBound(maxval, dtype, 'maxval');
    const seeds = getSeed(options.seed);
    const { size } = checkShape(shape);
    checkIntMinMax(lo, hi, size, 'RandomUniformInt');
    const gen = reserve('RandomUniformInt', dtype, seeds, size);
    return dtype === 'int32'
      ? uniformInt32(gen, size, Number(lo), Number(hi))
      : uniformInt64(gen, size, lo, hi);
  }
  const lo = toFloat(minval, 'minval');
  const hi = maxval === undefined || maxval === null ? 1 : toFloat(maxval, 'maxval');
  const seeds = getSeed(options.seed);
  const { size } = checkShape(shape);
  const gen = reserve('RandomUniform', dtype, seeds, size);
  // TF skips the scaling for the literal defaults (0, 1) and only multiplies when minval is 0.
  if (dtype === 'float32') {
    const out = uniformFloat32(gen, size);
    if (lo === 0 && hi === 1) return out;
    const flo = Math.fround(lo);
    const fhi = Math.fround(hi);
    if (lo === 0) scaleFloat32(out, fhi, -0);
    else scaleFloat32(out, Math.fround(fhi - flo), flo);
    return out;
  }
  const out = uniformFloat64(gen, size);
  if (lo === 0 && hi === 1) return out;
  if (lo === 0) scaleFloat64(out, hi, -0);
  else scaleFloat64(out, hi - lo, lo);
  return out;
}

/** `tf.random.uniform`: float32 or int32 tensor (see {@link uniformValues} for float64/int64). */
export function uniform(shape: readonly number[], options: UniformOptions = {}): tf.Tensor {
  checkTensorDType(options.dtype, 'uniform');
  return toTensor(uniformImpl(shape, options), checkShape(shape).dims, 'uniform');
}

function checkTensorDType(dtype: unknown, fn: string): void {
  if (dtype === 'float64' || dtype === 'int64' || dtype === 'uint32' || dtype === 'uint64') {
    throw new SeedkitTypeError(
      `dtype: tf.js has no ${dtype} tensors; use random.${fn}Values for ${dtype} values`,
    );
  }
}

function normalLike(
  op: 'RandomStandardNormal' | 'TruncatedNormal',
  shape: readonly number[],
  options: NormalOptions,
): Float32Array | Float64Array {
  const dtype = checkFloatDType(options.dtype ?? 'float32');
  const mean = toFloat(options.mean ?? 0, 'mean');
  const stddev = toFloat(options.stddev ?? 1, 'stddev');
  const seeds = getSeed(options.seed);
  const { size } = checkShape(shape);
  const gen = reserve(op, dtype, seeds, size);
  return normalKernel(op === 'TruncatedNormal', gen, size, dtype, mean, stddev);
}

/** Standard or truncated normals, then `z · stddev + mean` in the dtype's precision. */
function normalKernel(
  truncated: boolean,
  gen: Philox,
  size: number,
  dtype: FloatDType,
  mean: number,
  stddev: number,
): Float32Array | Float64Array {
  if (dtype === 'float32') {
    const out = truncated ? truncatedNormalKernel(gen, size, 'float32') : normalFloat32(gen, size);
    scaleFloat32(out, Math.fround(stddev), Math.fround(mean));
    return out;
  }
  const out = truncated ? truncatedNormalKernel(gen, size, 'float64') : normalFloat64(gen, size);
  scaleFloat64(out, stddev, mean);
  return out;
}

/** Values of `tf.random.normal(shape, mean, stddev, dtype, seed)` (float32 or float64). */
export function normalValues<D extends FloatDType = 'float32'>(
  shape: readonly number[],
  options: NormalOptions<D> = {},
): ValuesOf<D> {
  return normalLike('RandomStandardNormal', shape, options) as ValuesOf<D>;
}

/** `tf.random.normal` as a float32 tensor. */
export function normal(shape: readonly number[], options: NormalOptions<'float32'> = {}): tf.Tensor {
  checkTensorDType(options.dtype, 'normal');
  return tf.tensor(normalLike('RandomStandardNormal', shape, options), checkShape(shape).dims, 'float32');
}

/** Values of `tf.random.truncated_normal(shape, mean, stddev, dtype, seed)` (float32 or float64). */
export function truncatedNormalValues<D extends FloatDType = 'float32'>(
  shape: readonly number[],
  options: NormalOptions<D> = {},
): ValuesOf<D> {
  return normalLike('TruncatedNormal', shape, options) as ValuesOf<D>;
}

/** `tf.random.truncated_normal` as a float32 tensor. */
export function truncatedNormal(shape: readonly number[], options: NormalOptions<'float32'> = {}): tf.Tensor {
  checkTensorDType(options.dtype, 'truncatedNormal');
  return tf.tensor(normalLike('TruncatedNormal', shape, options), checkShape(shape).dims, 'float32');
}

// ---------------------------------------------------------------------------------------------------------
// Stateless ops

function statelessSeed(seed: unknown): [bigint, bigint] {
  const isList = Array.isArray(seed) || seed instanceof Int32Array || seed instanceof BigInt64Array;
  if (!isList) {
    throw new InvalidArgumentError(`seed must have shape [2], not [] (got ${typeof seed})`);
  }
  const arr = seed as ArrayLike<unknown>;
  if (arr.length !== 2) throw new InvalidArgumentError(`seed must have shape [2], not [${arr.length}]`);
  return [0, 1].map((i) => {
    const v = arr[i];
    if (typeof v === 'number' && !Number.isInteger(v)) {
      throw new InvalidArgumentError(`seed[${i}]: seed values must be int32 or int64, got ${v}`);
    }
    return toInt64(v, `seed[${i}]`);
  }) as [bigint, bigint];
}

const SCRAMBLE_KEY0 = 0x3ec8f720;
const SCRAMBLE_KEY1 = 0x02461e29;

/** Key and counter words of `StatelessRandomGetKeyCounter` (Philox). */
function keyCounterWords(seed: [bigint, bigint]): Uint32Array {
  const s0 = BigInt.asUintN(64, seed[0]);
  const s1 = BigInt.asUintN(64, seed[1]);
  const mix = new Uint32Array(4);
  philoxBlock(
    Number(s0 & 0xffffffffn),
    Number(s0 >> 32n),
    Number(s1 & 0xffffffffn),
    Number(s1 >> 32n),
    SCRAMBLE_KEY0,
    SCRAMBLE_KEY1,
    mix,
    0,
  );
  return mix;
}

function statelessGenerator(seed: [bigint, bigint]): Philox {
  const m = keyCounterWords(seed);
  return new Philox([m[0]!, m[1]!], [0, 0, m[2]!, m[3]!]);
}

/**
 * `tf.random.experimental.stateless_random_get_key_counter(seed)`: the Philox key (uint64) and counter
 * (two uint64) a stateless op derives from its seed.
 */
export function statelessRandomGetKeyCounter(seed: StatelessSeed): {
  key: bigint;
  counter: [bigint, bigint];
} {
  const m = keyCounterWords(statelessSeed(seed));
  return {
    key: BigInt(m[0]!) | (BigInt(m[1]!) << 32n),
    counter: [0n, BigInt(m[2]!) | (BigInt(m[3]!) << 32n)],
  };
}

/** Values of `tf.random.stateless_uniform(shape, seed, minval, maxval, dtype)`. */
export function statelessUniformValues<D extends StatelessDType = 'float32'>(
  shape: readonly number[],
  seed: StatelessSeed,
  options: StatelessUniformOptions<D> = {},
): ValuesOf<D> {
  return statelessUniformImpl(shape, seed, options) as ValuesOf<D>;
}

function statelessUniformImpl(
  shape: readonly number[],
  seed: StatelessSeed,
  options: StatelessUniformOptions,
): Values {
  const dtype = checkDType(options.dtype ?? 'float32', STATELESS_DTYPES);
  const minval = options.minval === undefined ? 0 : options.minval;
  let maxval = options.maxval === undefined ? null : options.maxval;
  const isInt = dtype !== 'float32' && dtype !== 'float64';
  if (isInt) {
    if ((minval === null) !== (maxval === null)) {
      throw new SeedkitValueError(
        `For integer \`dtype\` argument ${dtype}, argument \`minval\` and \`maxval\` must be both None or not ` +
          `None. Got \`minval\`=${minval} and \`maxval\`=${maxval}.`,
      );
    }
    if (minval !== null && (dtype === 'uint32' || dtype === 'uint64')) {
      throw new SeedkitValueError(
        `minval: Argument \`dtype\` got invalid value ${dtype} with minval/maxval set`,
      );
    }
  } else if (maxval === null) {
    maxval = 1;
  }
  if (isInt && minval === null) {
    const { size } = checkShape(shape);
    const gen = statelessGenerator(statelessSeed(seed));
    return fullRangeInt(gen, size, dtype as 'int32' | 'int64' | 'uint32' | 'uint64');
  }
  if (isInt) {
    const lo = intBound(minval, dtype, 'minval');
    const hi = intBound(maxval, dtype, 'maxval');
    const { size } = checkShape(shape);
    const gen = statelessGenerator(statelessSeed(seed));
    checkIntMinMax(lo, hi, size, 'StatelessRandomUniformIntV2');
    return dtype === 'int32'
      ? uniformInt32(gen, size, Number(lo), Number(hi))
      : uniformInt64(gen, size, lo, hi);
  }
  const lo = toFloat(minval, 'minval');
  const hi = toFloat(maxval, 'maxval');
  const { size } = checkShape(shape);
  const gen = statelessGenerator(statelessSeed(seed));
  if (dtype === 'float32') {
    const out = uniformFloat32(gen, size);
    const flo = Math.fround(lo);
    scaleFloat32(out, Math.fround(Math.fround(hi) - flo), flo);
    return out;
  }
  const out = uniformFloat64(gen, size);
  scaleFloat64(out, hi - lo, lo);
  return out;
}

/** `tf.random.stateless_uniform` as a float32 or int32 tensor. */
export function statelessUniform(
  shape: readonly number[],
  seed: StatelessSeed,
  options: StatelessUniformOptions = {},
): tf.Tensor {
  checkTensorDType(options.dtype, 'statelessUniform');
  return toTensor(statelessUniformImpl(shape, seed, options), checkShape(shape).dims, 'statelessUniform');
}

function statelessNormalLike(
  truncated: boolean,
  shape: readonly number[],
  seed: StatelessSeed,
  options: StatelessNormalOptions,
): Float32Array | Float64Array {
  const dtype = checkFloatDType(options.dtype ?? 'float32');
  const mean = toFloat(options.mean ?? 0, 'mean');
  const stddev = toFloat(options.stddev ?? 1, 'stddev');
  const { size } = checkShape(shape);
  const gen = statelessGenerator(statelessSeed(seed));
  return normalKernel(truncated, gen, size, dtype, mean, stddev);
}

/** Values of `tf.random.stateless_normal(shape, seed, mean, stddev, dtype)` (float32 or float64). */
export function statelessNormalValues<D extends FloatDType = 'float32'>(
  shape: readonly number[],
  seed: StatelessSeed,
  options: StatelessNormalOptions<D> = {},
): ValuesOf<D> {
  return statelessNormalLike(false, shape, seed, options) as ValuesOf<D>;
}

/** `tf.random.stateless_normal` as a float32 tensor. */
export function statelessNormal(
  shape: readonly number[],
  seed: StatelessSeed,
  options: StatelessNormalOptions<'float32'> = {},
): tf.Tensor {
  checkTensorDType(options.dtype, 'statelessNormal');
  return tf.tensor(statelessNormalLike(false, shape, seed, options), checkShape(shape).dims, 'float32');
}

/** Values of `tf.random.stateless_truncated_normal(shape, seed, mean, stddev, dtype)` (float32 or float64). */
export function statelessTruncatedNormalValues<D extends FloatDType = 'float32'>(
  shape: readonly number[],
  seed: StatelessSeed,
  options: StatelessNormalOptions<D> = {},
): ValuesOf<D> {
  return statelessNormalLike(true, shape, seed, options) as ValuesOf<D>;
}

/** `tf.random.stateless_truncated_normal` as a float32 tensor. */
export function statelessTruncatedNormal(
  shape: readonly number[],
  seed: StatelessSeed,
  options: StatelessNormalOptions<'float32'> = {},
): tf.Tensor {
  checkTensorDType(options.dtype, 'statelessTruncatedNormal');
  return tf.tensor(statelessNormalLike(true, shape, seed, options), checkShape(shape).dims, 'float32');
}
