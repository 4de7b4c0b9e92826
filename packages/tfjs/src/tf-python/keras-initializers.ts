/**
 * `keras.initializers` (Keras 3.15, TensorFlow backend) as tf.js initializers: each class extends tf.js's own
 * `Initializer` base, so `tf.layers.dense({ kernelInitializer: new GlorotUniform({ seed: 42 }) })` works, and
 * `apply(shape)` returns exactly the float32 values Keras produces. Unseeded initializers draw their seed once,
 * at construction, from Python's global `random` (as Keras does), so `keras.utils.setRandomSeed` governs them.
 */

import { describeValue } from '@seedkit/core';
import * as tf from '@tensorflow/tfjs';
import { checkShape, SeedkitTypeError, SeedkitValueError, toFloat } from './errors.js';
import type { KerasSeed } from './keras-random.js';
import {
  kerasInt,
  makeDefaultSeed,
  normalValues,
  SeedGenerator,
  truncatedNormalValues,
  uniformValues,
} from './keras-random.js';

type TfInitializer = ReturnType<typeof tf.initializers.zeros>;

/** tf.js's (unexported) `Initializer` base class, found through the prototype chain of a built-in one. */
const TfInitializerBase = Object.getPrototypeOf(Object.getPrototypeOf(tf.initializers.zeros()))
  .constructor as abstract new () => TfInitializer;

export type Mode = 'fan_in' | 'fan_out' | 'fan_avg';
export type Distribution = 'truncated_normal' | 'untruncated_normal' | 'uniform' | 'normal';
export type InitializerDType = 'float32' | 'float64';

export interface SeedArgs {
  /** An integer, a `SeedGenerator`, or nothing (a seed is drawn at construction with `makeDefaultSeed`). */
  seed?: KerasSeed;
}

/** `compute_fans(shape, input_axes, output_axes)`. */
export function computeFans(
  shape: readonly number[],
  inputAxes?: readonly number[] | null,
  outputAxes?: readonly number[] | null,
): [number, number] {
  if (inputAxes && outputAxes) {
    const dim = (axis: number, what: string): number => {
      const d = shape[axis < 0 ? shape.length + axis : axis];
      if (d === undefined)
        throw new SeedkitValueError(`${what}: axis ${axis} is out of range for shape [${shape}]`);
      return d;
    };
    return [
      inputAxes.reduce((p, a) => p * dim(a, 'inputAxes'), 1),
      outputAxes.reduce((p, a) => p * dim(a, 'outputAxes'), 1),
    ];
  }
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return [shape[0]!, shape[0]!];
  if (shape.length === 2) return [shape[0]!, shape[1]!];
  const rf = shape.slice(0, -2).reduce((p, d) => p * d, 1);
  return [shape[shape.length - 2]! * rf, shape[shape.length - 1]! * rf];
}

function checkDType(dtype: unknown, allowed: readonly string[]): InitializerDType {
  if (dtype === undefined || dtype === null) return 'float32';
  if (!allowed.includes(dtype as string)) {
    throw new SeedkitTypeError(`dtype: expected one of ${allowed.join(', ')}, got ${describeValue(dtype)}`);
  }
  return dtype as InitializerDType;
}

/** Common base: seed handling (drawn at construction when absent), `apply`, `getConfig`. */
export abstract class RandomInitializer extends TfInitializerBase {
  /** The `seed` passed to the constructor (`null` if none), as Keras's `_init_seed`. */
  readonly initSeed: bigint | SeedGenerator | null;
  /** The seed in use: the given one, or the one drawn at construction. */
  readonly seed: bigint | SeedGenerator;

  constructor(args: SeedArgs = {}) {
    super();
    const seed = args.seed;
    if (seed === undefined || seed === null) {
      this.initSeed = null;
      this.seed = BigInt(makeDefaultSeed());
    } else if (seed instanceof SeedGenerator) {
      this.initSeed = seed;
      this.seed = seed;
    } else if ((typeof seed === 'number' && Number.isSafeInteger(seed)) || typeof seed === 'bigint') {
      this.initSeed = kerasInt(seed, 'seed');
      this.seed = this.initSeed;
    } else {
      throw new SeedkitValueError(
        '`seed` argument should be an instance of `keras.random.SeedGenerator()` or an integer. ' +
          `Received: seed=${describeValue(seed)}`,
      );
    }
  }

  /** The initial values as a typed array (float32 by default, or float64). */
  abstract applyValues(shape: readonly number[], dtype?: InitializerDType): Float32Array | Float64Array;

  /** tf.js `Initializer.apply`: a float32 tensor with Keras's values. */
  override apply(shape: number[], dtype?: tf.DataType): tf.Tensor {
    checkDType(dtype, ['float32']);
    return tf.tensor(this.applyValues(shape, 'float32'), checkShape(shape).dims, 'float32');
  }

  protected seedArg(): bigint | SeedGenerator {
    return this.seed;
  }

  override getConfig(): tf.serialization.ConfigDict {
    const s = this.initSeed;
    return { seed: s === null ? null : s instanceof SeedGenerator ? null : Number(s) };
  }
}

export interface RandomNormalArgs extends SeedArgs {
  mean?: number;
  stddev?: number;
}

/** RandomNormal and TruncatedNormal: `mean`, `stddev` (default 0.05), and which normal to draw. */
abstract class NormalInitializer extends RandomInitializer {
  readonly mean: number;
  readonly stddev: number;
  protected abstract readonly truncated: boolean;
  constructor(args: RandomNormalArgs = {}) {
    super(args);
    this.mean = toFloat(args.mean ?? 0, 'mean');
    this.stddev = toFloat(args.stddev ?? 0.05, 'stddev');
  }
  applyValues(shape: readonly number[], dtype?: InitializerDType): Float32Array | Float64Array {
    const opts = { mean: this.mean, stddev: this.stddev, dtype: checkDType(dtype, ['float32', 'float64']) };
    const seed = this.seedArg();
    return this.truncated
      ? truncatedNormalValues(shape, { ...opts, seed })
      : normalValues(shape, { ...opts, seed });
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), mean: this.mean, stddev: this.stddev };
  }
}

/** `keras.initializers.RandomNormal(mean=0.0, stddev=0.05, seed=None)`. */
export class RandomNormal extends NormalInitializer {
  static className = 'SeedkitKerasRandomNormal';
  protected readonly truncated = false;
}

/** `keras.initializers.TruncatedNormal(mean=0.0, stddev=0.05, seed=None)`: values beyond 2 stddev redrawn. */
export class TruncatedNormal extends NormalInitializer {
  static className = 'SeedkitKerasTruncatedNormal';
  protected readonly truncated = true;
}

export interface RandomUniformArgs extends SeedArgs {
  minval?: number;
  maxval?: number;
}

/** `keras.initializers.RandomUniform(minval=-0.05, maxval=0.05, seed=None)`. */
export class RandomUniform extends RandomInitializer {
  static className = 'SeedkitKerasRandomUniform';
  readonly minval: number;
  readonly maxval: number;
  constructor(args: RandomUniformArgs = {}) {
    super(args);
    this.minval = toFloat(args.minval ?? -0.05, 'minval');
    this.maxval = toFloat(args.maxval ?? 0.05, 'maxval');
  }
  applyValues(shape: readonly number[], dtype?: InitializerDType): Float32Array | Float64Array {
    const d = checkDType(dtype, ['float32', 'float64']);
    return uniformValues(shape, { minval: this.minval, maxval: this.maxval, dtype: d, seed: this.seedArg() });
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), minval: this.minval, maxval: this.maxval };
  }
}

export interface VarianceScalingArgs extends SeedArgs {
  scale?: number;
  mode?: Mode;
  distribution?: Distribution;
  inputAxes?: number[] | null;
  outputAxes?: number[] | null;
}

const MODES = ['fan_in', 'fan_out', 'fan_avg'];
const DISTRIBUTIONS = ['uniform', 'truncated_normal', 'untruncated_normal'];

/** `keras.initializers.VarianceScaling(scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None)`. */
export class VarianceScaling extends RandomInitializer {
  static className = 'SeedkitKerasVarianceScaling';
  readonly scale: number;
  readonly mode: Mode;
  readonly distribution: Exclude<Distribution, 'normal'>;
  readonly inputAxes: number[] | null;
  readonly outputAxes: number[] | null;

  constructor(args: VarianceScalingArgs = {}) {
    const scale = args.scale ?? 1;
    if (typeof scale !== 'number' || !(scale > 0)) {
      throw new SeedkitValueError(
        `Argument \`scale\` must be positive float. Received: scale=${describeValue(scale)}`,
      );
    }
    const mode = args.mode ?? 'fan_in';
    if (!MODES.includes(mode)) {
      throw new SeedkitValueError(
        `Invalid \`mode\` argument: ${describeValue(mode)}. Please use one of ${MODES}`,
      );
    }
    let distribution =
      typeof args.distribution === 'string' ? args.distribution.toLowerCase() : args.distribution;
    distribution ??= 'truncated_normal';
    if (distribution === 'normal') distribution = 'truncated_normal';
    if (!DISTRIBUTIONS.includes(distribution)) {
      throw new SeedkitValueError(
        `Invalid \`distribution\` argument: ${describeValue(distribution)}. Please use one of ${DISTRIBUTIONS}`,
      );
    }
    super(args);
    this.scale = scale;
    this.mode = mode;
    this.distribution = distribution as Exclude<Distribution, 'normal'>;
    this.inputAxes = args.inputAxes ?? null;
    this.outputAxes = args.outputAxes ?? null;
  }

  applyValues(shape: readonly number[], dtype?: InitializerDType): Float32Array | Float64Array {
    const { dims } = checkShape(shape);
    const d = checkDType(dtype, ['float32', 'float64']);
    const [fanIn, fanOut] = computeFans(dims, this.inputAxes, this.outputAxes);
    let scale = this.scale;
    if (this.mode === 'fan_in') scale /= Math.max(1, fanIn);
    else if (this.mode === 'fan_out') scale /= Math.max(1, fanOut);
    else scale /= Math.max(1, (fanIn + fanOut) / 2);
    const seed = this.seedArg();
    if (this.distribution === 'truncated_normal') {
      return truncatedNormalValues(dims, {
        mean: 0,
        stddev: Math.sqrt(scale) / 0.87962566103423978,
        dtype: d,
        seed,
      });
    }
    if (this.distribution === 'untruncated_normal') {
      return normalValues(dims, { mean: 0, stddev: Math.sqrt(scale), dtype: d, seed });
    }
    const limit = Math.sqrt(3 * scale);
    return uniformValues(dims, { minval: -limit, maxval: limit, dtype: d, seed });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      scale: this.scale,
      mode: this.mode,
      distribution: this.distribution,
      inputAxes: this.inputAxes,
      outputAxes: this.outputAxes,
    };
  }
}

export interface PresetArgs extends SeedArgs {
  inputAxes?: number[] | null;
  outputAxes?: number[] | null;
}

function preset(
  className: string,
  scale: number,
  mode: Mode,
  distribution: Distribution,
): new (
  args?: PresetArgs,
) => VarianceScaling {
  const cls = class extends VarianceScaling {
    static override className = `SeedkitKeras${className}`;
    constructor(args: PresetArgs = {}) {
      super({ ...args, scale, mode, distribution });
    }
    override getConfig(): tf.serialization.ConfigDict {
      const { seed, inputAxes, outputAxes } = super.getConfig();
      return { seed: seed ?? null, inputAxes: inputAxes ?? null, outputAxes: outputAxes ?? null };
    }
  };
  Object.defineProperty(cls, 'name', { value: className });
  return cls;
}

/** `keras.initializers.GlorotUniform(seed=None)`: VarianceScaling(1, fan_avg, uniform). */
export const GlorotUniform = preset('GlorotUniform', 1, 'fan_avg', 'uniform');
export type GlorotUniform = VarianceScaling;
/** `keras.initializers.GlorotNormal(seed=None)`: VarianceScaling(1, fan_avg, truncated_normal). */
export const GlorotNormal = preset('GlorotNormal', 1, 'fan_avg', 'truncated_normal');
export type GlorotNormal = VarianceScaling;
/** `keras.initializers.HeNormal(seed=None)`: VarianceScaling(2, fan_in, truncated_normal). */
export const HeNormal = preset('HeNormal', 2, 'fan_in', 'truncated_normal');
export type HeNormal = VarianceScaling;
/** `keras.initializers.HeUniform(seed=None)`: VarianceScaling(2, fan_in, uniform). */
export const HeUniform = preset('HeUniform', 2, 'fan_in', 'uniform');
export type HeUniform = VarianceScaling;
/** `keras.initializers.LecunNormal(seed=None)`: VarianceScaling(1, fan_in, truncated_normal). */
export const LecunNormal = preset('LecunNormal', 1, 'fan_in', 'truncated_normal');
export type LecunNormal = VarianceScaling;
/** `keras.initializers.LecunUniform(seed=None)`: VarianceScaling(1, fan_in, uniform). */
export const LecunUniform = preset('LecunUniform', 1, 'fan_in', 'uniform');
export type LecunUniform = VarianceScaling;

const ALL = [
  RandomNormal,
  TruncatedNormal,
  RandomUniform,
  VarianceScaling,
  GlorotUniform,
  GlorotNormal,
  HeNormal,
  HeUniform,
  LecunNormal,
  LecunUniform,
];

/**
 * Registers the classes with tf.js serialization (class names `SeedkitKeras<Name>`, distinct from tf.js's own
 * `GlorotUniform` etc., which stay untouched), so models saved with them load again (`tf.loadLayersModel`).
 * Not done at import, to keep the module free of side effects.
 */
export function registerInitializers(): void {
  for (const cls of ALL) {
    tf.serialization.registerClass(
      cls as unknown as tf.serialization.SerializableConstructor<VarianceScaling>,
      'seedkit',
    );
  }
}
