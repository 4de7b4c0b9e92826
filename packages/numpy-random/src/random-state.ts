/**
 * `numpy.random.RandomState`: the legacy (frozen) API over MT19937, bit-exact with NumPy 2.4 on x86-64
 * Linux. Legacy streams differ from `Generator`'s: masked-rejection integers, the polar Gaussian with a
 * cached second value, and `choice` built on `permutation`.
 */
import { describeValue, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import type { BitGenerator } from './bitgen/bit-generator.js';
import { MT19937, type MT19937State } from './bitgen/mt19937.js';
import { checkDict } from './bitgen/seeding.js';
import type { ParamLike } from './broadcast.js';
import {
  fillBounded32,
  fillBounded64,
  fillBoundedBool,
  fillBoundedBuffered,
} from './distributions/bounded.js';
import {
  type ContinuousArg,
  type ContinuousOptions,
  cont,
  dirichlet,
  multivariateNormal,
  type SizedContinuousOptions,
} from './distributions/continuous/index.js';
import { legacySources, type Sources } from './distributions/continuous/sources.js';
import {
  binomialMethod,
  type DiscreteContext,
  type DiscreteResult,
  discreteContext,
  geometricMethod,
  hypergeometricMethod,
  type LamOption,
  logseriesMethod,
  multinomialMethod,
  negativeBinomialMethod,
  poissonMethod,
  type SizeOption,
  zipfMethod,
} from './distributions/discrete/methods.js';
import { randomInterval, shuffleInPlace } from './distributions/interval.js';
import { checkProbabilities, normalizedCdf, searchsortedRight } from './legacy/choice.js';
import { legacyExponentialFill, legacyStandardExponential } from './legacy/exponential.js';
import { type GaussCache, legacyGauss, legacyGaussFill } from './legacy/gauss.js';
import {
  type IntDtype,
  normalizeSize,
  parseIntDtype,
  resolveArgs,
  type Shaped,
  type Size,
  shapeOf,
  shapeSize,
  withShape,
} from './shape.js';

/** What `RandomState(seed)` / `seed(seed)` accept: an integer in [0, 2^32), a 1-D array of them, or nothing. */
export type LegacySeed = number | bigint | ArrayLike<number | bigint> | null | undefined;

/** `get_state()` (legacy tuple): `['MT19937', key, pos, has_gauss, cached_gaussian]`. */
export type LegacyStateTuple = [name: 'MT19937', key: number[], pos: number, hasGauss: number, gauss: number];

/** `get_state(legacy=False)`: the bit generator's state dict plus `has_gauss` and `gauss`. */
export type LegacyStateDict = Record<string, unknown> & {
  bit_generator: string;
  state: unknown;
  has_gauss: number;
  gauss: number;
};

/** Integer results: typed array per dtype (int64 → BigInt64Array, bool → Uint8Array of 0/1). */
export type IntArray =
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array;

/** An integer argument: a number (truncated toward zero like Python's `int()`) or a bigint. */
export type IntLike = number | bigint;

export interface RandintOptions {
  low?: IntLike;
  high?: IntLike | null;
  size?: Size | null;
  dtype?: string;
}
export interface ChoiceOptions {
  a?: number | bigint | ArrayLike<unknown>;
  size?: Size | null;
  replace?: boolean;
  p?: ArrayLike<number> | null;
}
export interface SizeOptions {
  size?: Size | null;
}
export interface NormalOptions {
  loc?: number;
  scale?: number;
  size?: Size | null;
}
export interface ExponentialOptions {
  scale?: number;
  size?: Size | null;
}
export interface UniformOptions {
  low?: number;
  high?: number;
  size?: Size | null;
}

/** Typed-array constructor and width (bits) of each integer dtype. */
const INT_KIND: Record<IntDtype, [new (n: number) => IntArray, number, boolean]> = {
  bool: [Uint8Array, 1, false],
  int8: [Int8Array, 8, true],
  int16: [Int16Array, 16, true],
  int32: [Int32Array, 32, true],
  int64: [BigInt64Array, 64, true],
  uint8: [Uint8Array, 8, false],
  uint16: [Uint16Array, 16, false],
  uint32: [Uint32Array, 32, false],
  uint64: [BigUint64Array, 64, false],
};

/** `random_positive_int` (`tomaxint`): `next_uint64 >> 1` as an int64. */
function positiveInt64(bg: BitGenerator): bigint {
  const hi = bg.nextUint64();
  return (BigInt(hi >>> 1) << 32n) | BigInt((((hi & 1) << 31) | (bg.lo >>> 1)) >>> 0);
}

function isBitGenerator(x: unknown): x is BitGenerator {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as BitGenerator).nextUint32 === 'function' &&
    typeof (x as BitGenerator).nextDouble === 'function' &&
    typeof (x as BitGenerator).name === 'string'
  );
}

/** Python's `int(x)` for a number or bigint argument. */
function toBigInt(x: unknown, where: string): bigint {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'number') {
    if (Number.isNaN(x)) throw new SeedkitValueError(`${where}: cannot convert float NaN to integer`);
    if (!Number.isFinite(x))
      throw new SeedkitValueError(`${where}: cannot convert float infinity to integer`);
    return BigInt(Math.trunc(x));
  }
  if (typeof x === 'boolean') return x ? 1n : 0n;
  throw new SeedkitTypeError(
    `${where}: expected an integer (number or bigint), got ${describeValue(x)}` +
      (typeof x === 'object' && x !== null ? ' (array low/high are not supported)' : ''),
  );
}

function toFloat(x: unknown, where: string): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'boolean') return x ? 1 : 0;
  throw new SeedkitTypeError(
    `${where}: expected a number, got ${describeValue(x)}` +
      (typeof x === 'object' && x !== null ? ' (array parameters are not supported)' : ''),
  );
}

/** A 64-bit scalar result from number bounds: a number when exactly representable, else a bigint. */
function int64Scalar(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

function isArrayLikeValue(x: unknown): x is ArrayLike<unknown> {
  return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
}

/**
 * `numpy.random.RandomState(seed)`: `seed` is `null`/`undefined` (fresh entropy through a SeedSequence),
 * an integer in [0, 2^32) (`init_genrand`), a 1-D array of such integers (`init_by_array`), or a bit
 * generator instance to wrap.
 */
export class RandomState {
  #bitGenerator!: BitGenerator;
  /** The Gaussian cache (`has_gauss`, `gauss`); part of the legacy state. */
  readonly #gauss: GaussCache = { hasGauss: 0, gauss: 0.0 };

  constructor(seed?: LegacySeed | BitGenerator) {
    let bg: BitGenerator;
    if (seed === null || seed === undefined) bg = new MT19937();
    else if (isBitGenerator(seed)) bg = seed;
    else {
      const mt = new MT19937();
      mt.legacySeeding(seed as LegacySeed);
      bg = mt;
    }
    this.initializeBitGenerator(bg);
  }

  /** @internal `_initialize_bit_generator`: wraps `bg` and resets the Gaussian cache. */
  initializeBitGenerator(bg: BitGenerator): void {
    if (!isBitGenerator(bg))
      throw new SeedkitValueError('Invalid bit generator. The bit generator must be instantiated.');
    this.#bitGenerator = bg;
    this.#gauss.hasGauss = 0;
    this.#gauss.gauss = 0.0;
  }

  /** The underlying bit generator (NumPy's `_bit_generator`). */
  get bitGenerator(): BitGenerator {
    return this.#bitGenerator;
  }

  toString(): string {
    return `RandomState(${this.#bitGenerator.name})`;
  }

  /** `seed(seed=None)`: legacy re-seeding of the MT19937 (TypeError for other bit generators). */
  seed(seed?: LegacySeed): void {
    const bg = this.#bitGenerator;
    if (!(bg instanceof MT19937)) throw new SeedkitTypeError('can only re-seed a MT19937 BitGenerator');
    bg.legacySeeding(seed);
    this.#gauss.hasGauss = 0;
    this.#gauss.gauss = 0.0;
  }

  /**
   * `get_state(legacy=True)`: the tuple `['MT19937', key, pos, hasGauss, gauss]`, or with
   * `legacy: false` (or a non-MT19937 bit generator) the dict form with `has_gauss` and `gauss` added.
   */
  getState(legacy?: boolean | { legacy?: boolean }): LegacyStateTuple | LegacyStateDict {
    let leg = true;
    if (typeof legacy === 'object' && legacy !== null)
      leg = resolveArgs('getState', ['legacy'], [legacy]).legacy !== false;
    else if (legacy !== undefined) leg = legacy !== false;
    const st = this.#bitGenerator.state as Record<string, unknown>;
    if (leg && st.bit_generator === 'MT19937') {
      const inner = (st as unknown as MT19937State).state;
      return ['MT19937', inner.key, inner.pos, this.#gauss.hasGauss, this.#gauss.gauss];
    }
    return { ...st, has_gauss: this.#gauss.hasGauss, gauss: this.#gauss.gauss } as LegacyStateDict;
  }

  /** `set_state(state)`: the legacy tuple (3 or 5 entries) or the dict form of {@link getState}. */
  setState(state: LegacyStateTuple | readonly unknown[] | Record<string, unknown>): void {
    let st: Record<string, unknown>;
    if (Array.isArray(state)) {
      if (state[0] !== 'MT19937')
        throw new SeedkitValueError('set_state can only be used with legacy MT19937 state instances.');
      if (state.length !== 3 && state.length !== 5)
        throw new SeedkitValueError(`state: a legacy state has 3 or 5 entries, got ${state.length}`);
      st = { bit_generator: state[0], state: { key: state[1], pos: state[2] } };
      if (state.length > 3) {
        st.has_gauss = state[3];
        st.gauss = state[4];
      }
    } else {
      st = checkDict(state, 'state');
      if (!('bit_generator' in st) || !('state' in st))
        throw new SeedkitValueError('state dictionary is not valid.');
    }
    const gauss = st.gauss ?? 0.0;
    const hasGauss = st.has_gauss ?? 0;
    if (typeof gauss !== 'number')
      throw new SeedkitTypeError(`state: gauss must be a float, got ${describeValue(gauss)}`);
    if (typeof hasGauss !== 'number' || !Number.isInteger(hasGauss))
      throw new SeedkitTypeError(`state: has_gauss must be an integer, got ${describeValue(hasGauss)}`);
    const inner: Record<string, unknown> = {};
    for (const k of Object.keys(st)) if (k !== 'has_gauss' && k !== 'gauss') inner[k] = st[k];
    this.#bitGenerator.state = inner as { bit_generator: string };
    this.#gauss.gauss = gauss;
    this.#gauss.hasGauss = hasGauss;
  }

  // ---------------------------------------------------------------- uniform floats

  /** `random_sample(size=None)`: floats in [0, 1) (53-bit `next_double`). */
  randomSample(): number;
  randomSample(size: Size | SizeOptions): Shaped<Float64Array>;
  randomSample(size?: Size | null | SizeOptions): number | Shaped<Float64Array>;
  randomSample(size?: Size | null | SizeOptions): number | Shaped<Float64Array> {
    const shape = normalizeSize(resolveArgs('random_sample', ['size'], [size]).size);
    const bg = this.#bitGenerator;
    if (shape === null) return bg.nextDouble();
    const out = new Float64Array(shapeSize(shape));
    bg.fillDouble(out, 0, out.length);
    return withShape(out, shape);
  }

  /** Alias of {@link randomSample}. */
  random(): number;
  random(size: Size | SizeOptions): Shaped<Float64Array>;
  random(size?: Size | null | SizeOptions): number | Shaped<Float64Array>;
  random(size?: Size | null | SizeOptions): number | Shaped<Float64Array> {
    return this.randomSample(size);
  }

  /** Alias of {@link randomSample} (`np.random.ranf`). */
  ranf(): number;
  ranf(size: Size | SizeOptions): Shaped<Float64Array>;
  ranf(size?: Size | null | SizeOptions): number | Shaped<Float64Array>;
  ranf(size?: Size | null | SizeOptions): number | Shaped<Float64Array> {
    return this.randomSample(size);
  }

  /** Alias of {@link randomSample} (`np.random.sample`). */
  sample(): number;
  sample(size: Size | SizeOptions): Shaped<Float64Array>;
  sample(size?: Size | null | SizeOptions): number | Shaped<Float64Array>;
  sample(size?: Size | null | SizeOptions): number | Shaped<Float64Array> {
    return this.randomSample(size);
  }

  /** `rand(d0, d1, ...)`: uniform floats of shape `(d0, d1, ...)`; no argument → one float. */
  rand(): number;
  rand(...dims: [number, ...number[]]): Shaped<Float64Array>;
  rand(...dims: number[]): number | Shaped<Float64Array> {
    return dims.length === 0
      ? this.randomSample()
      : this.randomSample(normalizeSize(dims, 'rand') as number[]);
  }

  /** `uniform(low=0.0, high=1.0, size=None)`: `low + (high-low)·U`. Non-finite `high-low` is an error. */
  uniform(): number;
  uniform(
    low?: number | UniformOptions,
    high?: number | UniformOptions,
    size?: null | UniformOptions,
  ): number;
  uniform(
    low: number | undefined,
    high: number | undefined,
    size: Size | UniformOptions,
  ): Shaped<Float64Array>;
  uniform(
    low?: number | UniformOptions,
    high?: number | UniformOptions,
    size?: Size | null | UniformOptions,
  ): number | Shaped<Float64Array>;
  uniform(
    low?: number | UniformOptions,
    high?: number | UniformOptions,
    size?: Size | null | UniformOptions,
  ): number | Shaped<Float64Array> {
    const a = resolveArgs('uniform', ['low', 'high', 'size'], [low, high, size]);
    const lo = a.low === undefined ? 0.0 : toFloat(a.low, 'low');
    const hi = a.high === undefined ? 1.0 : toFloat(a.high, 'high');
    const range = hi - lo;
    // NumPy raises OverflowError('Range exceeds valid bounds'); seedkit maps it to ValueError.
    if (!Number.isFinite(range)) throw new SeedkitValueError('Range exceeds valid bounds');
    const shape = normalizeSize(a.size);
    const bg = this.#bitGenerator;
    if (shape === null) return lo + range * bg.nextDouble();
    const out = new Float64Array(shapeSize(shape));
    bg.fillDouble(out, 0, out.length);
    for (let i = 0; i < out.length; i++) out[i] = lo + range * out[i]!;
    return withShape(out, shape);
  }

  // ---------------------------------------------------------------- Gaussian

  /** `standard_normal(size=None)`: legacy polar Gaussian (uses and refills the cached second value). */
  standardNormal(): number;
  standardNormal(size: Size | SizeOptions): Shaped<Float64Array>;
  standardNormal(size?: Size | null | SizeOptions): number | Shaped<Float64Array>;
  standardNormal(size?: Size | null | SizeOptions): number | Shaped<Float64Array> {
    const shape = normalizeSize(resolveArgs('standard_normal', ['size'], [size]).size);
    if (shape === null) return legacyGauss(this.#bitGenerator, this.#gauss);
    const out = new Float64Array(shapeSize(shape));
    legacyGaussFill(this.#bitGenerator, this.#gauss, out);
    return withShape(out, shape);
  }

  /** `randn(d0, d1, ...)`: standard normals of shape `(d0, d1, ...)`; no argument → one float. */
  randn(): number;
  randn(...dims: [number, ...number[]]): Shaped<Float64Array>;
  randn(...dims: number[]): number | Shaped<Float64Array> {
    return dims.length === 0
      ? this.standardNormal()
      : this.standardNormal(normalizeSize(dims, 'randn') as number[]);
  }

  /** `normal(loc=0.0, scale=1.0, size=None)`: `loc + scale·gauss()`; `scale < 0` (or -0.0) is an error. */
  normal(): number;
  normal(loc?: number | NormalOptions, scale?: number | NormalOptions, size?: null | NormalOptions): number;
  normal(
    loc: number | undefined,
    scale: number | undefined,
    size: Size | NormalOptions,
  ): Shaped<Float64Array>;
  normal(
    loc?: number | NormalOptions,
    scale?: number | NormalOptions,
    size?: Size | null | NormalOptions,
  ): number | Shaped<Float64Array>;
  normal(
    loc?: number | NormalOptions,
    scale?: number | NormalOptions,
    size?: Size | null | NormalOptions,
  ): number | Shaped<Float64Array> {
    const a = resolveArgs('normal', ['loc', 'scale', 'size'], [loc, scale, size]);
    const mu = a.loc === undefined ? 0.0 : toFloat(a.loc, 'loc');
    const sigma = a.scale === undefined ? 1.0 : toFloat(a.scale, 'scale');
    if (sigma < 0 || Object.is(sigma, -0)) throw new SeedkitValueError('scale < 0');
    const shape = normalizeSize(a.size);
    if (shape === null) return mu + sigma * legacyGauss(this.#bitGenerator, this.#gauss);
    const out = new Float64Array(shapeSize(shape));
    legacyGaussFill(this.#bitGenerator, this.#gauss, out);
    for (let i = 0; i < out.length; i++) out[i] = mu + sigma * out[i]!;
    return withShape(out, shape);
  }

  // ---------------------------------------------------------------- exponential

  /** `standard_exponential(size=None)`: legacy inversion `-log(1 - U)` (exact glibc `log`). */
  standardExponential(): number;
  standardExponential(size: Size | SizeOptions): Shaped<Float64Array>;
  standardExponential(size?: Size | null | SizeOptions): number | Shaped<Float64Array>;
  standardExponential(size?: Size | null | SizeOptions): number | Shaped<Float64Array> {
    const shape = normalizeSize(resolveArgs('standard_exponential', ['size'], [size]).size);
    if (shape === null) return legacyStandardExponential(this.#bitGenerator);
    const out = new Float64Array(shapeSize(shape));
    legacyExponentialFill(this.#bitGenerator, out, 1);
    return withShape(out, shape);
  }

  /** `exponential(scale=1.0, size=None)`: `scale · standard_exponential()`; `scale < 0` (or -0.0) is an error. */
  exponential(): number;
  exponential(scale?: number | ExponentialOptions, size?: null | ExponentialOptions): number;
  exponential(scale: number | undefined, size: Size | ExponentialOptions): Shaped<Float64Array>;
  exponential(
    scale?: number | ExponentialOptions,
    size?: Size | null | ExponentialOptions,
  ): number | Shaped<Float64Array>;
  exponential(
    scale?: number | ExponentialOptions,
    size?: Size | null | ExponentialOptions,
  ): number | Shaped<Float64Array> {
    const a = resolveArgs('exponential', ['scale', 'size'], [scale, size]);
    const s = a.scale === undefined ? 1.0 : toFloat(a.scale, 'scale');
    if (s < 0 || Object.is(s, -0)) throw new SeedkitValueError('scale < 0');
    const shape = normalizeSize(a.size);
    if (shape === null) return s * legacyStandardExponential(this.#bitGenerator);
    const out = new Float64Array(shapeSize(shape));
    legacyExponentialFill(this.#bitGenerator, out, s);
    return withShape(out, shape);
  }

  // ---------------------------------------------------------------- integers

  /**
   * `randint(low, high=None, size=None, dtype='int64')`: integers in [low, high) (or [0, low)) by masked
   * rejection. Scalars: a number (a bigint for 64-bit values beyond 2^53, a boolean for dtype 'bool');
   * arrays: the dtype's typed array (int64 → BigInt64Array, bool → Uint8Array).
   */
  randint(
    low: IntLike | RandintOptions,
    high?: IntLike | null | RandintOptions,
    size?: Size | null | RandintOptions,
    dtype?: string | RandintOptions,
  ): number | bigint | boolean | Shaped<IntArray> {
    const a = resolveArgs('randint', ['low', 'high', 'size', 'dtype'], [low, high, size, dtype], 1);
    if (a.low === undefined)
      throw new SeedkitTypeError("randint() missing 1 required positional argument: 'low'");
    const dt = parseIntDtype(a.dtype, 'randint');
    let lo: bigint;
    let hi: bigint;
    if (a.high === undefined || a.high === null) {
      lo = 0n;
      hi = toBigInt(a.low, 'low');
    } else {
      lo = toBigInt(a.low, 'low');
      hi = toBigInt(a.high, 'high');
    }
    const big = typeof a.low === 'bigint' || typeof a.high === 'bigint';
    return this.#boundedInts(lo, hi - 1n, normalizeSize(a.size), dt, big);
  }

  /**
   * Draws integers in the closed interval [lo, hi] with NumPy's legacy checks and messages (masked rejection).
   * 64-bit scalars are numbers unless a bound was given as a bigint (as `Generator.integers`).
   */
  #boundedInts(
    lo: bigint,
    hi: bigint,
    shape: number[] | null,
    dt: IntDtype,
    bigBounds = false,
  ): number | bigint | boolean | Shaped<IntArray> {
    const [Ctor, bits, signed] = INT_KIND[dt];
    if (shape !== null && shapeSize(shape) === 0) return withShape(new Ctor(0), shape);
    const width = BigInt(bits);
    const min = signed ? -(1n << (width - 1n)) : 0n;
    const max = signed ? (1n << (width - 1n)) - 1n : (1n << width) - 1n;
    if (lo < min) throw new SeedkitValueError(`low is out of bounds for ${dt}`);
    if (hi > max) throw new SeedkitValueError(`high is out of bounds for ${dt}`);
    if (lo > hi) throw new SeedkitValueError(lo === 0n ? 'high <= 0' : 'low >= high');
    const rng = hi - lo;
    const n = shape === null ? 1 : shapeSize(shape);
    const out = new Ctor(n);
    const bg = this.#bitGenerator;
    if (bits === 64) fillBounded64(bg, out as BigInt64Array, 0, n, lo, rng, true);
    else if (bits === 32) fillBounded32(bg, out as Int32Array, 0, n, Number(lo), Number(rng), true);
    else if (bits === 1) fillBoundedBool(bg, out as Uint8Array, 0, n, Number(lo), Number(rng));
    else fillBoundedBuffered(bg, bits as 8 | 16, out as Int16Array, 0, n, Number(lo), Number(rng), true);
    if (shape !== null) return withShape(out, shape);
    const v = out[0]!;
    if (dt === 'bool') return v === 1;
    return typeof v === 'bigint' && !bigBounds ? int64Scalar(v) : v;
  }

  /** `random_integers(low, high=None, size=None)` (deprecated in NumPy): integers in [low, high] or [1, low]. */
  randomIntegers(
    low: IntLike | RandintOptions,
    high?: IntLike | null | RandintOptions,
    size?: Size | null | RandintOptions,
  ): number | bigint | Shaped<IntArray> {
    const a = resolveArgs('random_integers', ['low', 'high', 'size'], [low, high, size], 1);
    if (a.low === undefined)
      throw new SeedkitTypeError("random_integers() missing 1 required positional argument: 'low'");
    let lo: bigint;
    let hi: bigint;
    if (a.high === undefined || a.high === null) {
      lo = 1n;
      hi = toBigInt(a.low, 'low');
    } else {
      lo = toBigInt(a.low, 'low');
      hi = toBigInt(a.high, 'high');
    }
    const big = typeof a.low === 'bigint' || typeof a.high === 'bigint';
    return this.#boundedInts(lo, hi, normalizeSize(a.size), 'int64', big) as
      | number
      | bigint
      | Shaped<IntArray>;
  }

  /** `tomaxint(size=None)`: integers in [0, 2^63 - 1] (`next_uint64 >> 1`). */
  tomaxint(): number | bigint;
  tomaxint(size: Size | SizeOptions): Shaped<BigInt64Array>;
  tomaxint(size?: Size | null | SizeOptions): number | bigint | Shaped<BigInt64Array>;
  tomaxint(size?: Size | null | SizeOptions): number | bigint | Shaped<BigInt64Array> {
    const shape = normalizeSize(resolveArgs('tomaxint', ['size'], [size]).size);
    const bg = this.#bitGenerator;
    if (shape === null) return int64Scalar(positiveInt64(bg));
    const out = new BigInt64Array(shapeSize(shape));
    for (let i = 0; i < out.length; i++) out[i] = positiveInt64(bg);
    return withShape(out, shape);
  }

  /** `bytes(length)`: random bytes (little-endian uint32 draws, truncated). */
  bytes(length: number): Uint8Array {
    if (typeof length !== 'number' || !Number.isInteger(length))
      throw new SeedkitTypeError(`length: expected an integer, got ${describeValue(length)}`);
    // C division as in mtrand: ((length - 1) / 4 + 1) words, truncated toward zero.
    const nWords = Math.trunc((length - 1) / 4) + 1;
    if (nWords < 0) throw new SeedkitValueError('negative dimensions are not allowed');
    const words = new Uint32Array(nWords);
    fillBounded32(this.#bitGenerator, words, 0, nWords, 0, 0xffffffff, true);
    const bytes = new Uint8Array(4 * nWords);
    const dv = new DataView(bytes.buffer);
    for (let i = 0; i < nWords; i++) dv.setUint32(4 * i, words[i]!, true);
    // Python slicing [:length]: a negative length drops bytes from the end.
    const end = length >= 0 ? Math.min(length, bytes.length) : Math.max(0, bytes.length + length);
    return bytes.slice(0, end);
  }

  // ---------------------------------------------------------------- shuffles and choice

  /**
   * `shuffle(x)`: in-place Fisher–Yates along the first axis (`random_interval`, i = n-1 .. 1). `x` is a
   * plain array or a typed array; a typed array with a `shape` of rank > 1 is shuffled by rows.
   */
  shuffle(
    x:
      | unknown[]
      | IntArray
      | Float64Array
      | Float32Array
      | (ArrayLike<unknown> & { shape?: readonly number[] }),
  ): void {
    if (!isArrayLikeValue(x))
      throw new SeedkitTypeError(`x: expected an array or typed array, got ${describeValue(x)}`);
    const arr = x as unknown as { [i: number]: unknown; length: number; shape?: unknown };
    const shape = shapeOf(arr);
    const bg = this.#bitGenerator;
    if (shape.length <= 1) {
      shuffleInPlace(bg, arr, arr.length);
      return;
    }
    const n = shape[0]!;
    if (n === 0 || arr.length === 0) return;
    const row = arr.length / n;
    const tmp = new Array<unknown>(row);
    for (let i = n - 1; i >= 1; i--) {
      const j = randomInterval(bg, i);
      if (i === j) continue;
      for (let k = 0; k < row; k++) tmp[k] = arr[j * row + k];
      for (let k = 0; k < row; k++) arr[j * row + k] = arr[i * row + k];
      for (let k = 0; k < row; k++) arr[i * row + k] = tmp[k];
    }
  }

  /**
   * `permutation(x)`: an integer n → a shuffled `arange(n)` (int64, so a BigInt64Array; negative n → empty);
   * an array → a shuffled copy (by rows when it has a `shape` of rank > 1).
   */
  permutation(x: number | bigint): Shaped<BigInt64Array>;
  permutation<T extends ArrayLike<unknown>>(x: T): T & { readonly shape: readonly number[] };
  permutation(x: unknown): unknown {
    if (typeof x === 'number' || typeof x === 'bigint') {
      if (typeof x === 'number' && !Number.isInteger(x))
        throw new SeedkitValueError('x must be an integer or at least 1-dimensional');
      const n = shapeSize([Math.max(Number(x), 0)]);
      const out = new BigInt64Array(n);
      const idx = this.#permutedIndices(n);
      for (let i = 0; i < n; i++) out[i] = BigInt(idx[i]!);
      return withShape(out, [n]);
    }
    if (!isArrayLikeValue(x)) throw new SeedkitValueError('x must be an integer or at least 1-dimensional');
    const shape = shapeOf(x as ArrayLike<unknown> & { shape?: unknown });
    const copy = (Array.isArray(x)
      ? x.slice()
      : (x as unknown as Float64Array).slice()) as unknown as unknown[];
    this.shuffle(withShape(copy, shape) as unknown as unknown[]);
    return copy;
  }

  /** `arange(n)` shuffled with the legacy Fisher–Yates (as plain numbers). */
  #permutedIndices(n: number): Float64Array {
    const idx = new Float64Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    shuffleInPlace(this.#bitGenerator, idx, n);
    return idx;
  }

  /**
   * `choice(a, size=None, replace=True, p=None)`, the legacy algorithm: uniform with replacement is
   * `randint(0, n, size)`; with `p` an inverse-CDF search on `random_sample`; without replacement and
   * without `p`, the first `size` entries of a full `permutation(n)`; without replacement with `p`, the
   * rejection loop of `mtrand`. `a` is an integer (sample from `arange(a)`, int64 results) or a 1-D array
   * (results are its elements: the same typed array kind, or a plain array).
   */
  choice(
    a: number | bigint | ArrayLike<unknown> | ChoiceOptions,
    size?: Size | null | ChoiceOptions,
    replace?: boolean | ChoiceOptions,
    p?: ArrayLike<number> | null | ChoiceOptions,
  ): unknown {
    const args = resolveArgs('choice', ['a', 'size', 'replace', 'p'], [a, size, replace, p], 1);
    const src = args.a;
    let popSize: number;
    let isInt = false;
    const shape = normalizeSize(args.size);
    const nSamples = shape === null ? 1 : shapeSize(shape);
    if (typeof src === 'number' || typeof src === 'bigint') {
      if (typeof src === 'number' && !Number.isInteger(src))
        throw new SeedkitValueError('a must be 1-dimensional or an integer');
      isInt = true;
      popSize = Number(src);
      if (popSize <= 0 && nSamples !== 0)
        throw new SeedkitValueError('a must be greater than 0 unless no samples are taken');
    } else if (isArrayLikeValue(src)) {
      const s = shapeOf(src as ArrayLike<unknown> & { shape?: unknown });
      if (s.length !== 1 || (Array.isArray(src) && src.some((e) => isArrayLikeValue(e))))
        throw new SeedkitValueError('a must be 1-dimensional');
      popSize = src.length;
      if (popSize === 0 && nSamples !== 0)
        throw new SeedkitValueError("'a' cannot be empty unless no samples are taken");
    } else {
      throw new SeedkitValueError('a must be 1-dimensional or an integer');
    }
    const doReplace = args.replace === undefined ? true : Boolean(args.replace);
    const prob = args.p === undefined || args.p === null ? null : checkProbabilities(args.p, popSize);
    const bg = this.#bitGenerator;
    const idx = new Float64Array(nSamples);
    if (doReplace) {
      if (prob !== null) {
        const cdf = normalizedCdf(prob);
        const u = new Float64Array(nSamples);
        bg.fillDouble(u, 0, nSamples);
        for (let i = 0; i < nSamples; i++) idx[i] = searchsortedRight(cdf, u[i]!);
      } else {
        const r = this.#boundedInts(0n, BigInt(popSize) - 1n, [nSamples], 'int64') as BigInt64Array;
        for (let i = 0; i < nSamples; i++) idx[i] = Number(r[i]!);
      }
    } else {
      if (nSamples > popSize)
        throw new SeedkitValueError("Cannot take a larger sample than population when 'replace=False'");
      if (prob !== null) {
        let nonzero = 0;
        for (let i = 0; i < prob.length; i++) if (prob[i]! > 0) nonzero++;
        if (nonzero < nSamples) throw new SeedkitValueError('Fewer non-zero entries in p than size');
        const pw = prob.slice();
        let nUniq = 0;
        while (nUniq < nSamples) {
          const x = new Float64Array(nSamples - nUniq);
          bg.fillDouble(x, 0, x.length);
          for (let i = 0; i < nUniq; i++) pw[idx[i]!] = 0;
          const cdf = normalizedCdf(pw);
          const seen = new Set<number>();
          for (let i = 0; i < x.length; i++) {
            const v = searchsortedRight(cdf, x[i]!);
            if (!seen.has(v)) {
              seen.add(v);
              idx[nUniq++] = v;
            }
          }
        }
      } else {
        const perm = this.#permutedIndices(popSize);
        idx.set(perm.subarray(0, nSamples));
      }
    }
    if (isInt) {
      if (shape === null) return idx[0]!;
      const out = new BigInt64Array(nSamples);
      for (let i = 0; i < nSamples; i++) out[i] = BigInt(idx[i]!);
      return withShape(out, shape);
    }
    const pop = src as ArrayLike<unknown>;
    if (shape === null) return pop[idx[0]!];
    let out: { [i: number]: unknown; length: number };
    if (Array.isArray(pop)) out = new Array<unknown>(nSamples);
    else out = new (pop.constructor as new (n: number) => { [i: number]: unknown; length: number })(nSamples);
    for (let i = 0; i < nSamples; i++) out[i] = pop[idx[i]!];
    return withShape(out as object, shape);
  }

  // --- continuous distributions (issue 5) ---

  #contSources(): Sources {
    return legacySources(this.#bitGenerator, this.#gauss);
  }

  /** NumPy `standard_gamma(shape, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  standardGamma(shape: number): number;
  standardGamma(shape: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  standardGamma(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  standardGamma(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  standardGamma(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  standardGamma(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('standardGamma', this.#contSources(), args);
  }

  /** NumPy `gamma(shape, scale=1.0, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  gamma(shape: number, scale?: number): number;
  gamma(shape: ParamLike, scale: ParamLike | undefined, size: Size | ContinuousOptions): Shaped<Float64Array>;
  gamma(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  gamma(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  gamma(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  gamma(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('gamma', this.#contSources(), args);
  }

  /** NumPy `beta(a, b, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  beta(a: number, b: number): number;
  beta(a: ParamLike, b: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  beta(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  beta(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  beta(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  beta(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('beta', this.#contSources(), args);
  }

  /** NumPy `chisquare(df, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  chisquare(df: number): number;
  chisquare(df: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  chisquare(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  chisquare(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  chisquare(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  chisquare(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('chisquare', this.#contSources(), args);
  }

  /** NumPy `f(dfnum, dfden, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  f(dfnum: number, dfden: number): number;
  f(dfnum: ParamLike, dfden: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  f(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  f(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  f(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  f(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('f', this.#contSources(), args);
  }

  /** NumPy `noncentral_chisquare(df, nonc, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  noncentralChisquare(df: number, nonc: number): number;
  noncentralChisquare(df: ParamLike, nonc: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  noncentralChisquare(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  noncentralChisquare(
    first: readonly unknown[] | Float64Array,
    ...rest: ContinuousArg[]
  ): Shaped<Float64Array>;
  noncentralChisquare(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  noncentralChisquare(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('noncentralChisquare', this.#contSources(), args);
  }

  /** NumPy `noncentral_f(dfnum, dfden, nonc, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  noncentralF(dfnum: number, dfden: number, nonc: number): number;
  noncentralF(
    dfnum: ParamLike,
    dfden: ParamLike,
    nonc: ParamLike,
    size: Size | ContinuousOptions,
  ): Shaped<Float64Array>;
  noncentralF(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  noncentralF(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  noncentralF(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  noncentralF(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('noncentralF', this.#contSources(), args);
  }

  /** NumPy `standard_t(df, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  standardT(df: number): number;
  standardT(df: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  standardT(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  standardT(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  standardT(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  standardT(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('standardT', this.#contSources(), args);
  }

  /** NumPy `vonmises(mu, kappa, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  vonmises(mu: number, kappa: number): number;
  vonmises(mu: ParamLike, kappa: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  vonmises(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  vonmises(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  vonmises(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  vonmises(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('vonmises', this.#contSources(), args);
  }

  /** NumPy `wald(mean, scale, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  wald(mean: number, scale: number): number;
  wald(mean: ParamLike, scale: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  wald(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  wald(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  wald(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  wald(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('wald', this.#contSources(), args);
  }

  /** NumPy `weibull(a, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  weibull(a: number): number;
  weibull(a: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  weibull(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  weibull(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  weibull(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  weibull(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('weibull', this.#contSources(), args);
  }

  /** NumPy `pareto(a, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  pareto(a: number): number;
  pareto(a: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  pareto(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  pareto(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  pareto(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  pareto(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('pareto', this.#contSources(), args);
  }

  /** NumPy `power(a, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  power(a: number): number;
  power(a: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  power(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  power(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  power(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  power(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('power', this.#contSources(), args);
  }

  /** NumPy `rayleigh(scale=1.0, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  rayleigh(scale?: number): number;
  rayleigh(scale: ParamLike | undefined, size: Size | ContinuousOptions): Shaped<Float64Array>;
  rayleigh(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  rayleigh(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  rayleigh(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  rayleigh(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('rayleigh', this.#contSources(), args);
  }

  /** NumPy `laplace(loc=0.0, scale=1.0, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  laplace(loc?: number, scale?: number): number;
  laplace(
    loc: ParamLike | undefined,
    scale: ParamLike | undefined,
    size: Size | ContinuousOptions,
  ): Shaped<Float64Array>;
  laplace(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  laplace(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  laplace(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  laplace(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('laplace', this.#contSources(), args);
  }

  /** NumPy `gumbel(loc=0.0, scale=1.0, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  gumbel(loc?: number, scale?: number): number;
  gumbel(
    loc: ParamLike | undefined,
    scale: ParamLike | undefined,
    size: Size | ContinuousOptions,
  ): Shaped<Float64Array>;
  gumbel(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  gumbel(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  gumbel(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  gumbel(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('gumbel', this.#contSources(), args);
  }

  /** NumPy `logistic(loc=0.0, scale=1.0, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  logistic(loc?: number, scale?: number): number;
  logistic(
    loc: ParamLike | undefined,
    scale: ParamLike | undefined,
    size: Size | ContinuousOptions,
  ): Shaped<Float64Array>;
  logistic(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  logistic(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  logistic(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  logistic(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('logistic', this.#contSources(), args);
  }

  /** NumPy `lognormal(mean=0.0, sigma=1.0, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  lognormal(mean?: number, sigma?: number): number;
  lognormal(
    mean: ParamLike | undefined,
    sigma: ParamLike | undefined,
    size: Size | ContinuousOptions,
  ): Shaped<Float64Array>;
  lognormal(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  lognormal(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  lognormal(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  lognormal(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('lognormal', this.#contSources(), args);
  }

  /** NumPy `standard_cauchy(size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  standardCauchy(): number;
  standardCauchy(size: Size | ContinuousOptions): Shaped<Float64Array>;
  standardCauchy(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  standardCauchy(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  standardCauchy(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('standardCauchy', this.#contSources(), args);
  }

  /** NumPy `triangular(left, mode, right, size=None)` (legacy algorithm); parameters may be arrays (broadcast). */
  triangular(left: number, mode: number, right: number): number;
  triangular(
    left: ParamLike,
    mode: ParamLike,
    right: ParamLike,
    size: Size | ContinuousOptions,
  ): Shaped<Float64Array>;
  triangular(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  triangular(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  triangular(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  triangular(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('triangular', this.#contSources(), args);
  }

  /** NumPy `dirichlet(alpha, size=None)`: shape `size + [alpha.length]`. */
  dirichlet(alpha: ArrayLike<number>, size?: Size | null | ContinuousOptions): Shaped<Float64Array> {
    return dirichlet(this.#contSources(), [alpha, size]);
  }

  /**
   * NumPy `multivariate_normal(mean, cov, size=None, check_valid='warn', tol=1e-8)` (svd); the normals are
   * NumPy's, the decomposition is computed in TypeScript (README "Distributions (continuous)", limits).
   */
  multivariateNormal(
    mean: ArrayLike<number>,
    cov: ArrayLike<number> | readonly (readonly number[])[],
    ...rest: unknown[]
  ): Shaped<Float64Array> {
    return multivariateNormal(this.#contSources(), [mean, cov, ...rest]);
  }
  // --- end continuous distributions (issue 5) ---

  // --- discrete distributions (issue 5) ---
  // Frozen legacy algorithms (legacy-distributions.c) from src/distributions/discrete, shared with Generator.
  // Parameters are scalars; results are int64 (a number, or a BigInt64Array with `shape` when `size` is given).
  // NumPy's binomial_t lives as long as the RandomState (seeding does not reset it), as here.

  #discreteCtx?: DiscreteContext;
  #discrete(): DiscreteContext {
    if (this.#discreteCtx === undefined) {
      this.#discreteCtx = discreteContext(
        () => this.#bitGenerator,
        true,
        () => legacySources(this.#bitGenerator, this.#gauss),
      );
    }
    return this.#discreteCtx;
  }

  /** `binomial(n, p, size=None)`; n and p may be arrays (broadcast like NumPy): legacy inversion (`exp(n·log q)`, no n == 0 / p == 0 shortcut) or BTPE. */
  binomial(n: number | bigint, p: number, size?: null | SizeOption): number;
  binomial(n: number | bigint, p: number, size: Size | SizeOption): Shaped<BigInt64Array>;
  binomial(n: ParamLike, p: ParamLike, size?: Size | null | SizeOption): Shaped<BigInt64Array>;
  binomial(...args: unknown[]): DiscreteResult {
    return binomialMethod(this.#discrete(), args);
  }

  /** `negative_binomial(n, p, size=None)`, array parameters broadcast: `poisson(legacy_gamma(n, (1−p)/p))`. */
  negativeBinomial(n: number, p: number, size?: null | SizeOption): number;
  negativeBinomial(n: number, p: number, size: Size | SizeOption): Shaped<BigInt64Array>;
  negativeBinomial(n: ParamLike, p: ParamLike, size?: Size | null | SizeOption): Shaped<BigInt64Array>;
  negativeBinomial(...args: unknown[]): DiscreteResult {
    return negativeBinomialMethod(this.#discrete(), args);
  }

  /** `poisson(lam=1.0, size=None)`, lam may be an array: PTRS for lam ≥ 10, multiplication below, 0 for lam == 0. */
  poisson(lam?: number | LamOption, size?: null | LamOption): number;
  poisson(lam: number | undefined, size: Size | LamOption): Shaped<BigInt64Array>;
  poisson(lam: ParamLike, size?: Size | null | LamOption): Shaped<BigInt64Array>;
  poisson(...args: unknown[]): DiscreteResult {
    return poissonMethod(this.#discrete(), args);
  }

  /** `geometric(p, size=None)`, p may be an array: search for p ≥ 1/3, else `ceil(log1p(−U) / log(1 − p))`. */
  geometric(p: number, size?: null | SizeOption): number;
  geometric(p: number, size: Size | SizeOption): Shaped<BigInt64Array>;
  geometric(p: ParamLike, size?: Size | null | SizeOption): Shaped<BigInt64Array>;
  geometric(...args: unknown[]): DiscreteResult {
    return geometricMethod(this.#discrete(), args);
  }

  /** `hypergeometric(ngood, nbad, nsample, size=None)`, array parameters broadcast: legacy HRUA (nsample > 10) or HYP; nsample ≥ 1. */
  hypergeometric(
    ngood: number | bigint,
    nbad: number | bigint,
    nsample: number | bigint,
    size?: null | SizeOption,
  ): number;
  hypergeometric(
    ngood: number | bigint,
    nbad: number | bigint,
    nsample: number | bigint,
    size: Size | SizeOption,
  ): Shaped<BigInt64Array>;
  hypergeometric(
    ngood: ParamLike,
    nbad: ParamLike,
    nsample: ParamLike,
    size?: Size | null | SizeOption,
  ): Shaped<BigInt64Array>;
  hypergeometric(...args: unknown[]): DiscreteResult {
    return hypergeometricMethod(this.#discrete(), args);
  }

  /** `logseries(p, size=None)`, p may be an array: legacy form (`log(1 − p)`, `1 − exp(r·U)`). */
  logseries(p: number, size?: null | SizeOption): number;
  logseries(p: number, size: Size | SizeOption): Shaped<BigInt64Array>;
  logseries(p: ParamLike, size?: Size | null | SizeOption): Shaped<BigInt64Array>;
  logseries(...args: unknown[]): DiscreteResult {
    return logseriesMethod(this.#discrete(), args);
  }

  /** `zipf(a, size=None)`, a may be an array: legacy rejection with `U = 1 − next_double()`. */
  zipf(a: number, size?: null | SizeOption): number;
  zipf(a: number, size: Size | SizeOption): Shaped<BigInt64Array>;
  zipf(a: ParamLike, size?: Size | null | SizeOption): Shaped<BigInt64Array>;
  zipf(...args: unknown[]): DiscreteResult {
    return zipfMethod(this.#discrete(), args);
  }

  /**
   * `multinomial(n, pvals, size=None)`: int64 counts of shape `[...size, pvals.length]`. As in NumPy 2.4 it
   * draws with the Generator binomial (log1p inversion), sharing this RandomState's binomial_t.
   */
  multinomial(
    n: number | bigint,
    pvals: ArrayLike<number>,
    size?: Size | null | SizeOption,
  ): Shaped<BigInt64Array>;
  multinomial(...args: unknown[]): Shaped<BigInt64Array> {
    return multinomialMethod(this.#discrete(), args);
  }
  // --- end discrete distributions (issue 5) ---
}
