/**
 * `initializeWeights`: the framework-neutral weight initialiser shared by the tf.js and ONNX Runtime
 * adapters, so one seed gives bitwise-identical initial weights in both — and in Python with NumPy
 * (the exact recipe is in the README and in scripts/gen-fixtures-generator.py).
 *
 * Recipe (float64 arithmetic throughout, `Math.fround` of each final value):
 * 1. `rng = new Generator(new PCG64(seed))`.
 * 2. fans as Keras' `compute_fans`: rank 0 → (1, 1); rank 1 → (s0, s0); rank 2 → (s0, s1);
 *    rank ≥ 3 → receptive field r = prod(shape[:-2]), (shape[-2]·r, shape[-1]·r). `options.fanIn/fanOut`
 *    override. Each fan is then clamped to ≥ 1.
 * 3. uniform schemes: `rng.uniform(-limit, limit, n)` with limit = glorot `sqrt(6/(fanIn+fanOut))`,
 *    he `sqrt(6/fanIn)`, lecun `sqrt(3/fanIn)`, torchDefault `1/sqrt(fanIn)`.
 * 4. normal schemes (truncated as Keras): stddev = glorot `sqrt(2/(fanIn+fanOut))/0.87962566103423978`,
 *    he `sqrt(2/fanIn)/0.87962566103423978`, lecun `sqrt(1/fanIn)/0.87962566103423978`; for each element
 *    in C order: draw `z = rng.standardNormal()` until `|z| <= 2`, value = `z * stddev`.
 * 5. zeros / ones: no draws.
 */
import { describeValue, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { PCG64 } from './bitgen/pcg64.js';
import type { ISeedSequence, SeedLike } from './bitgen/seeding.js';
import { standardNormal } from './distributions/ziggurat.js';
import { Generator } from './generator.js';

export type InitScheme =
  | 'glorotUniform'
  | 'glorotNormal'
  | 'heUniform'
  | 'heNormal'
  | 'lecunUniform'
  | 'lecunNormal'
  | 'torchDefault'
  | 'zeros'
  | 'ones';

export const INIT_SCHEMES: readonly InitScheme[] = [
  'glorotUniform',
  'glorotNormal',
  'heUniform',
  'heNormal',
  'lecunUniform',
  'lecunNormal',
  'torchDefault',
  'zeros',
  'ones',
];

export interface InitializeWeightsOptions {
  /** Override the fan-in computed from the shape. */
  fanIn?: number;
  /** Override the fan-out computed from the shape. */
  fanOut?: number;
}

/** The truncated-normal correction Keras divides by (stddev of a standard normal truncated to ±2). */
export const TRUNCATED_NORMAL_STDDEV_FACTOR = 0.87962566103423978;

/** Keras' `compute_fans(shape)` for a kernel (no clamping). */
export function computeFans(shape: readonly number[]): [number, number] {
  if (shape.length < 1) return [1, 1];
  if (shape.length === 1) return [shape[0]!, shape[0]!];
  if (shape.length === 2) return [shape[0]!, shape[1]!];
  let r = 1;
  for (let i = 0; i < shape.length - 2; i++) r *= shape[i]!;
  return [shape[shape.length - 2]! * r, shape[shape.length - 1]! * r];
}

function checkFan(v: unknown, where: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new SeedkitValueError(`${where}: expected a non-negative number, got ${describeValue(v)}`);
  }
  return v;
}

/**
 * Initial weights for a kernel of `shape` (C order), as a Float32Array of length prod(shape). See the
 * module comment (and the README) for the exact, NumPy-reproducible recipe.
 */
export function initializeWeights(
  seed: ISeedSequence | SeedLike,
  shape: readonly number[],
  scheme: InitScheme,
  options: InitializeWeightsOptions = {},
): Float32Array {
  if (!Array.isArray(shape))
    throw new SeedkitTypeError(`shape: expected an array of integers, got ${describeValue(shape)}`);
  let n = 1;
  shape.forEach((d, i) => {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw new SeedkitValueError(`shape[${i}]: expected a non-negative integer, got ${describeValue(d)}`);
    }
    n *= d;
  });
  if (!INIT_SCHEMES.includes(scheme)) {
    throw new SeedkitValueError(
      `scheme: unknown initialiser ${describeValue(scheme)}; expected one of ${INIT_SCHEMES.join(', ')}`,
    );
  }
  if (typeof options !== 'object' || options === null) {
    throw new SeedkitTypeError(`options: expected an object, got ${describeValue(options)}`);
  }
  const out = new Float32Array(n);
  if (scheme === 'zeros') return out;
  if (scheme === 'ones') return out.fill(1);
  if (seed === undefined || seed === null) {
    throw new SeedkitTypeError(
      'seed: initializeWeights needs an explicit seed (a core Seed or SeedSequence)',
    );
  }
  const [fi0, fo0] = computeFans(shape);
  const fanIn = Math.max(1, checkFan(options.fanIn, 'options.fanIn') ?? fi0);
  const fanOut = Math.max(1, checkFan(options.fanOut, 'options.fanOut') ?? fo0);
  const bg = new PCG64(seed);
  const rng = new Generator(bg);
  let limit = 0;
  let stddev = 0;
  switch (scheme) {
    case 'glorotUniform':
      limit = Math.sqrt(6 / (fanIn + fanOut));
      break;
    case 'heUniform':
      limit = Math.sqrt(6 / fanIn);
      break;
    case 'lecunUniform':
      limit = Math.sqrt(3 / fanIn);
      break;
    case 'torchDefault':
      limit = 1 / Math.sqrt(fanIn);
      break;
    case 'glorotNormal':
      stddev = Math.sqrt(2 / (fanIn + fanOut)) / TRUNCATED_NORMAL_STDDEV_FACTOR;
      break;
    case 'heNormal':
      stddev = Math.sqrt(2 / fanIn) / TRUNCATED_NORMAL_STDDEV_FACTOR;
      break;
    case 'lecunNormal':
      stddev = Math.sqrt(1 / fanIn) / TRUNCATED_NORMAL_STDDEV_FACTOR;
      break;
  }
  if (stddev === 0) {
    if (n === 0) return out;
    const u = rng.uniform(-limit, limit, n);
    for (let i = 0; i < n; i++) out[i] = u[i]!;
    return out;
  }
  for (let i = 0; i < n; i++) {
    let z = standardNormal(bg);
    while (Math.abs(z) > 2) z = standardNormal(bg);
    out[i] = z * stddev;
  }
  return out;
}
