import * as core from '@seedkit/core';
import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import * as npr from '@seedkit/numpy-random';
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

type RootSeedFn = (x: unknown) => SeedLike;
type InitFn = (
  seed: unknown,
  shape: number[],
  scheme: string,
  fans: { fanIn: number; fanOut: number },
) => Float32Array;
interface GeneratorLike {
  random(size: number): Float64Array | ArrayLike<number>;
  permutation(n: number): ArrayLike<number | bigint>;
}
type DefaultRngFn = (seed: unknown) => GeneratorLike;

const lib = npr as unknown as Record<string, unknown>;
const coreLib = core as unknown as Record<string, unknown>;

function isSeed(x: unknown): x is SeedLike {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as SeedLike).derive === 'function' &&
    typeof (x as SeedLike).generateState === 'function' &&
    typeof (x as SeedLike).toJSON === 'function'
  );
}

/** A `Seed` as is; anything else through `@seedkit/core`'s `rootSeed`. */
export function toSeed(seed: unknown, argName = 'seed'): SeedLike {
  if (isSeed(seed)) return seed;
  const rootSeed = coreLib.rootSeed as RootSeedFn | undefined;
  if (typeof rootSeed !== 'function')
    throw new SeedkitTypeError(`${argName} must be a Seed (from rootSeed())`);
  return rootSeed(seed);
}

/** Rebuilds a seed from its `toJSON()` form. */
export function seedFromJSON(json: unknown): SeedLike {
  const SeedClass = coreLib.Seed as { fromJSON?: (j: unknown) => SeedLike } | undefined;
  if (!SeedClass || typeof SeedClass.fromJSON !== 'function')
    throw new SeedkitTypeError('Seed.fromJSON is not available');
  return SeedClass.fromJSON(json);
}

export function sameSeed(a: SeedLike, b: SeedLike): boolean {
  return JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON()) || a.equals(b as never);
}

// ---------------------------------------------------------------------------------------------------------
// Interim fallback, used only while @seedkit/numpy-random does not export initializeWeights / defaultRng:
// uniform doubles from the seed's own SeedSequence words (53 bits from two words). Not NumPy-compatible.

function interimUniform(seed: SeedLike, n: number): Float64Array {
  const words = seed.generateState(2 * n, 'uint32');
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = ((words[2 * i] as number) * 2 ** 21 + ((words[2 * i + 1] as number) >>> 11)) / 2 ** 53;
  return out;
}

function interimNormal(seed: SeedLike, n: number): Float64Array {
  const u = interimUniform(seed, 2 * n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] =
      Math.sqrt(-2 * Math.log(1 - (u[2 * i] as number))) * Math.cos(2 * Math.PI * (u[2 * i + 1] as number));
  }
  return out;
}

function interimInit(
  seed: SeedLike,
  shape: number[],
  scheme: InitScheme,
  fanIn: number,
  fanOut: number,
): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  if (scheme === 'zeros') return out;
  if (scheme === 'ones') return out.fill(1);
  const scale: Record<string, number> = {
    glorotUniform: Math.sqrt(6 / (fanIn + fanOut)),
    heUniform: Math.sqrt(6 / fanIn),
    lecunUniform: Math.sqrt(3 / fanIn),
    torchDefault: 1 / Math.sqrt(fanIn),
    glorotNormal: Math.sqrt(2 / (fanIn + fanOut)),
    heNormal: Math.sqrt(2 / fanIn),
    lecunNormal: Math.sqrt(1 / fanIn),
  };
  const s = scale[scheme] as number;
  if (scheme.endsWith('Uniform') || scheme === 'torchDefault') {
    const u = interimUniform(seed, n);
    for (let i = 0; i < n; i++) out[i] = (2 * (u[i] as number) - 1) * s;
  } else {
    const z = interimNormal(seed, n);
    for (let i = 0; i < n; i++) out[i] = (z[i] as number) * s;
  }
  return out;
}
// ---------------------------------------------------------------------------------------------------------

/** Whether the NumPy-exact streams of @seedkit/numpy-random are in use (false: interim fallback). */
export function usesNumpyStreams(): boolean {
  return typeof lib.initializeWeights === 'function' && typeof lib.defaultRng === 'function';
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
  const seed = root.derive('params', path);
  const fn = lib.initializeWeights as InitFn | undefined;
  if (typeof fn === 'function') return fn(seed, shape, scheme, { fanIn, fanOut });
  return interimInit(seed, shape, scheme, fanIn, fanOut);
}

/** The sample order of epoch `epoch`: a permutation of [0, n) drawn from `root.derive('batches', epoch)`. */
export function epochOrder(root: SeedLike, epoch: number, n: number): Uint32Array {
  const seed = root.derive('batches', epoch);
  const rng = lib.defaultRng as DefaultRngFn | undefined;
  if (typeof rng === 'function') return Uint32Array.from(rng(seed).permutation(n), (v) => Number(v));
  const u = interimUniform(seed, n);
  const out = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor((u[i] as number) * (i + 1));
    const t = out[i] as number;
    out[i] = out[j] as number;
    out[j] = t;
  }
  return out;
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
  const seed = root.derive('dropout', node, step);
  const rng = lib.defaultRng as DefaultRngFn | undefined;
  const u = typeof rng === 'function' ? rng(seed).random(size) : interimUniform(seed, size);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (u[i] as number) >= rate ? 1 : 0;
  return out;
}
