import { Seed as CoreSeed, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { INIT_SCHEMES, type InitScheme, initializeWeights } from '@seedkit/numpy-random';
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

/**
 * Initialiser schemes of `seededInitializer`: those of `initializeWeights` in @seedkit/numpy-random (Keras's
 * definitions, NumPy PCG64 draws); tf.js spellings `leCunUniform` / `leCunNormal` are accepted too.
 */
export type InitializerName = InitScheme | 'leCunUniform' | 'leCunNormal';

export interface SeededInitializerOptions {
  /** Override the fan-in computed from the shape (as Keras's compute_fans). */
  fanIn?: number;
  /** Override the fan-out. */
  fanOut?: number;
}

let initializerClass:
  | (new (
      seed: Seed,
      path: (string | number)[],
      scheme: InitScheme,
      o: SeededInitializerOptions,
    ) => Module)
  | undefined;

function seededInitializerClass(core: Module, layers: Module) {
  if (initializerClass) return initializerClass;
  // tf.js's Initializer base class (not exported by name): the prototype above any concrete initialiser.
  const Base = Object.getPrototypeOf(Object.getPrototypeOf(layers.initializers.zeros()))
    .constructor as new () => object;
  class SeedkitInitializer extends Base {
    static className = 'SeedkitInitializer';
    constructor(
      readonly seed: Seed,
      readonly path: (string | number)[],
      readonly scheme: InitScheme,
      readonly options: SeededInitializerOptions,
    ) {
      super();
    }
    apply(shape: number[], dtype?: string): Module {
      if (dtype != null && dtype !== 'float32') {
        throw new SeedkitValueError(
          `seededInitializer: only float32 weights are supported, got dtype ${dtype}`,
        );
      }
      const values = initializeWeights(this.seed.derive(...this.path), [...shape], this.scheme, this.options);
      return core.tensor(values, shape, 'float32');
    }
    getConfig() {
      return { seed: this.seed.toJSON(), path: this.path, scheme: this.scheme, ...this.options };
    }
    static fromConfig(_cls: unknown, config: Record<string, unknown>) {
      const { seed, path, scheme, ...options } = config;
      return new SeedkitInitializer(
        CoreSeed.fromJSON(seed as never),
        path as (string | number)[],
        scheme as InitScheme,
        options as SeededInitializerOptions,
      );
    }
  }
  core.serialization.registerClass(SeedkitInitializer);
  initializerClass = SeedkitInitializer;
  return SeedkitInitializer;
}

/**
 * A tf.js initialiser whose weights are `initializeWeights(seed.derive(...path), shape, scheme, options)` from
 * @seedkit/numpy-random: a pure function of (seed, path, shape, scheme, fans) — never of creation order or global
 * state — and bitwise identical to what the ONNX Runtime adapter and NumPy produce from the same inputs (the
 * ONNX adapter initialises parameter `p` from `root.derive('params', p)`, i.e. `path = ['params', p]`, with its
 * own shape convention). Works as `kernelInitializer` etc. on any layer; float32 only.
 */
export function seededInitializer(
  seed: SeedInput,
  path: SeedPath,
  scheme: InitializerName = 'glorotUniform',
  options: SeededInitializerOptions = {},
): Module {
  const s = toSeed(seed, 'seed');
  const p = toPath(path);
  const sch = (
    scheme === 'leCunUniform' ? 'lecunUniform' : scheme === 'leCunNormal' ? 'lecunNormal' : scheme
  ) as InitScheme;
  if (!INIT_SCHEMES.includes(sch)) {
    throw new SeedkitValueError(`scheme must be one of ${INIT_SCHEMES.join(', ')}, got ${String(scheme)}`);
  }
  if (typeof options !== 'object' || options === null)
    throw new SeedkitTypeError('options must be an object');
  const { fanIn, fanOut } = options;
  for (const [k, v] of [
    ['fanIn', fanIn],
    ['fanOut', fanOut],
  ] as const) {
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      throw new SeedkitValueError(`options.${k} must be a non-negative number, got ${String(v)}`);
    }
  }
  const tf = install();
  const Cls = seededInitializerClass(tf.core, tf.layers ?? tf.tf);
  const o: SeededInitializerOptions = {};
  if (fanIn !== undefined) o.fanIn = fanIn;
  if (fanOut !== undefined) o.fanOut = fanOut;
  return new Cls(s, p, sch, o);
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
