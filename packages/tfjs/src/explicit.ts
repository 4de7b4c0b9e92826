import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { withSeed } from './global.js';
import { install, shuffleWithSeed } from './patch.js';
import { opSeedOf, type Seed, type SeedInput, toSeed } from './seed.js';
import type { Module } from './tf.js';

/** A path below a seed: names and integers in [0, 2^31), as `Seed.derive` takes them. */
export type SeedPath = string | number | readonly (string | number)[];

function toPath(path: SeedPath, arg = 'path'): (string | number)[] {
  const p = typeof path === 'string' || typeof path === 'number' ? [path] : path;
  if (!Array.isArray(p)) throw new SeedkitTypeError(`${arg} must be a string, a number or an array of them`);
  for (const [i, s] of p.entries()) {
    if (typeof s === 'string') continue;
    if (typeof s !== 'number')
      throw new SeedkitTypeError(`${arg}[${i}] must be a string or a number, got ${typeof s}`);
    if (!Number.isInteger(s) || s < 0 || s >= 0x80000000) {
      throw new SeedkitValueError(`${arg}[${i}] must be an integer in [0, 2^31), got ${s}`);
    }
  }
  return [...p];
}

function checkStep(step: unknown): number {
  if (typeof step !== 'number') throw new SeedkitTypeError(`step must be a number, got ${typeof step}`);
  if (!Number.isInteger(step) || step < 0 || step >= 0x80000000) {
    throw new SeedkitValueError(`step must be an integer in [0, 2^31), got ${step}`);
  }
  return step;
}

function checkRate(rate: unknown): number {
  if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) {
    throw new SeedkitValueError(`rate must be a number in [0, 1), got ${String(rate)}`);
  }
  return rate;
}

/** tf.js initialiser names that `seededInitializer` accepts. */
export type InitializerName =
  | 'glorotUniform'
  | 'glorotNormal'
  | 'heUniform'
  | 'heNormal'
  | 'leCunUniform'
  | 'leCunNormal'
  | 'randomUniform'
  | 'randomNormal'
  | 'truncatedNormal'
  | 'varianceScaling'
  | 'orthogonal';

const INITIALIZERS: readonly InitializerName[] = [
  'glorotUniform',
  'glorotNormal',
  'heUniform',
  'heNormal',
  'leCunUniform',
  'leCunNormal',
  'randomUniform',
  'randomNormal',
  'truncatedNormal',
  'varianceScaling',
  'orthogonal',
];

/**
 * A tf.js initialiser seeded from `seed.derive(...path)`: the weights depend only on the seed and the path you
 * give (e.g. `['encoder', 'dense1', 'kernel']`), never on creation order or global state. It runs tf.js's own
 * `scheme` with that derived op seed; `config` is the tf.js initialiser's config without `seed`.
 */
export function seededInitializer(
  seed: SeedInput,
  path: SeedPath,
  scheme: InitializerName = 'glorotUniform',
  config: Record<string, unknown> = {},
): Module {
  const s = toSeed(seed, 'seed').derive(...toPath(path));
  if (!INITIALIZERS.includes(scheme)) {
    throw new SeedkitValueError(`scheme must be one of ${INITIALIZERS.join(', ')}, got ${String(scheme)}`);
  }
  if (typeof config !== 'object' || config === null) throw new SeedkitTypeError('config must be an object');
  const tf = install();
  const layers = tf.layers ?? tf.tf;
  return layers.initializers[scheme]({ ...config, seed: opSeedOf(s) });
}

/**
 * `tf.dropout` with a mask that is a pure function of (seed, step): a different mask on every step, the same
 * mask when a step is replayed. Scaled as tf.dropout (kept values × 1/(1 − rate)).
 */
export function seededDropout(
  x: Module,
  rate: number,
  seed: SeedInput,
  step: number,
  noiseShape?: number[],
): Module {
  checkRate(rate);
  const s = toSeed(seed, 'seed').derive(checkStep(step));
  return install().core.dropout(x, rate, noiseShape, opSeedOf(s));
}

/** An array or typed array. */
export type ArrayLikeMut = { length: number; [i: number]: unknown };

/** Shuffles `array` in place (Fisher–Yates as tf.util.shuffle) with uniforms from `seed`. */
export function shuffle<T extends ArrayLikeMut>(array: T, seed: SeedInput): T {
  const s = toSeed(seed, 'seed');
  if (array == null || typeof array.length !== 'number')
    throw new SeedkitTypeError('array must be array-like');
  shuffleWithSeed(s, array);
  return array;
}

/** Shuffles two arrays of equal length in place with the same permutation (as tf.util.shuffleCombo). */
export function shuffleCombo<A extends ArrayLikeMut, B extends ArrayLikeMut>(
  a: A,
  b: B,
  seed: SeedInput,
): [A, B] {
  const s = toSeed(seed, 'seed');
  if (a == null || b == null || typeof a.length !== 'number' || typeof b.length !== 'number') {
    throw new SeedkitTypeError('a and b must be array-like');
  }
  if (a.length !== b.length)
    throw new SeedkitValueError(`a and b must have the same length (${a.length} ≠ ${b.length})`);
  shuffleWithSeed(s, a, b);
  return [a, b];
}

/**
 * `dataset.shuffle(bufferSize, seed, reshuffleEachIteration)` with a seed string derived from `seed`: the same
 * order in every process, a new order every epoch (tf.data's own per-epoch reshuffling).
 */
export function shuffleDataset<D>(
  dataset: D,
  bufferSize: number,
  seed: SeedInput,
  reshuffleEachIteration = true,
): D {
  const s = toSeed(seed, 'seed');
  const ds = dataset as { shuffle?: (n: number, seed: string, r: boolean) => D };
  if (ds == null || typeof ds.shuffle !== 'function')
    throw new SeedkitTypeError('dataset must be a tf.data.Dataset');
  if (!Number.isInteger(bufferSize) || bufferSize < 1) {
    throw new SeedkitValueError(`bufferSize must be a positive integer, got ${bufferSize}`);
  }
  return ds.shuffle(bufferSize, String(opSeedOf(s)), reshuffleEachIteration);
}

/** `model.fit` arguments plus the seed that decides its shuffling, dropout masks and noise. */
export type SeededFitArgs = Record<string, unknown> & { seed: SeedInput };

/**
 * `model.fit(x, y, args)` run in its own seed scope (see `withSeed`): per-epoch shuffling, dropout/noise masks
 * and any unseeded op inside follow from `args.seed` alone. The same seed replays the same run, so pass a
 * different seed (e.g. `seed.derive(round)`) to each successive call on one model.
 */
export function fit<H>(
  model: { fit(x: unknown, y: unknown, args?: object): Promise<H> },
  x: unknown,
  y: unknown,
  args: SeededFitArgs,
): Promise<H> {
  if (model == null || typeof model.fit !== 'function')
    throw new SeedkitTypeError('model must be a tf.LayersModel');
  if (args == null || typeof args !== 'object')
    throw new SeedkitTypeError('args must be an object with a seed');
  const { seed, ...rest } = args;
  const s: Seed = toSeed(seed, 'args.seed');
  return withSeed(s, () => model.fit(x, y, rest));
}

/** `model.fitDataset(dataset, args)` in its own seed scope, as `fit`. */
export function fitDataset<H>(
  model: { fitDataset(dataset: unknown, args: object): Promise<H> },
  dataset: unknown,
  args: SeededFitArgs,
): Promise<H> {
  if (model == null || typeof model.fitDataset !== 'function')
    throw new SeedkitTypeError('model must be a tf.LayersModel');
  if (args == null || typeof args !== 'object')
    throw new SeedkitTypeError('args must be an object with a seed');
  const { seed, ...rest } = args;
  return withSeed(toSeed(seed, 'args.seed'), () => model.fitDataset(dataset, rest));
}
