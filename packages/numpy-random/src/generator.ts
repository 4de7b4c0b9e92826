/**
 * `numpy.random.Generator` and `default_rng`, bit-exact with NumPy 2.4.6 for the methods listed in the
 * README. Written purely against the {@link BitGenerator} interface, so it runs on PCG64, PCG64DXSM, Philox,
 * SFC64 and MT19937 alike.
 *
 * Calling convention: NumPy's parameter names in camelCase and NumPy's positional order; any optional
 * parameter may instead be given in one trailing options object (`rng.integers(0, 10, 5, { dtype: 'uint8' })`).
 * Without `size` a scalar comes back; with `size` a flat C-order typed array carrying a `shape` property.
 */
import { describeValue, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import type { BitGenerator } from './bitgen/bit-generator.js';
import { PCG64 } from './bitgen/pcg64.js';
import { checkCount, isSeedSequenceLike, type SeedLike } from './bitgen/seeding.js';
import type { ParamLike } from './broadcast.js';
import {
  boundedUint64Lemire,
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
  standardGammaGenerator,
} from './distributions/continuous/index.js';
import { generatorSources, type Sources } from './distributions/continuous/sources.js';
import {
  binomialMethod,
  type DiscreteContext,
  type DiscreteResult,
  discreteContext,
  geometricMethod,
  hypergeometricMethod,
  type LamOption,
  logseriesMethod,
  type MultivariateHypergeometricOptions,
  multinomialMethod,
  multivariateHypergeometricMethod,
  negativeBinomialMethod,
  poissonMethod,
  type SizeOption,
  zipfMethod,
} from './distributions/discrete/methods.js';
import { genMask, randomInterval, shuffleInPlace } from './distributions/interval.js';
import { fillFloat } from './distributions/uniform.js';
import {
  fillStandardExponential,
  fillStandardNormal,
  standardExponential,
  standardExponentialFloat,
  standardExponentialInv,
  standardExponentialInvFloat,
  standardNormal,
  standardNormalFloat,
} from './distributions/ziggurat.js';
import { kahanSum, normalizedCdf, searchsortedRight } from './legacy/choice.js';
import {
  type FloatDtype,
  type IntDtype,
  normalizeAxis,
  normalizeSize,
  parseFloatDtype,
  parseIntDtype,
  resolveArgs,
  type Shaped,
  type Size,
  shapeOf,
  shapeSize,
  withShape,
} from './shape.js';

/** An integer bound: a safe-integer number or a bigint (any 64-bit value). */
export type IntBound = number | bigint;

/** An array population / input: a JS array or typed array, optionally with a `shape` (C order). */
export type ArrayInput<T = unknown> = ArrayLike<T> & { readonly shape?: readonly number[] };

export interface RandomOptions {
  size?: Size | null;
  dtype?: FloatDtype;
  out?: Float64Array | Float32Array;
}
export interface IntegersOptions {
  high?: IntBound | null;
  size?: Size | null;
  dtype?: IntDtype;
  endpoint?: boolean;
}
export interface UniformOptions {
  low?: number;
  high?: number;
  size?: Size | null;
}
export interface NormalOptions {
  loc?: number;
  scale?: number;
  size?: Size | null;
}
export interface StandardExponentialOptions extends RandomOptions {
  method?: 'zig' | 'inv';
}
export interface ExponentialOptions {
  scale?: number;
  size?: Size | null;
}
export interface ChoiceOptions {
  size?: Size | null;
  replace?: boolean;
  p?: ArrayLike<number> | null;
  axis?: number;
  shuffle?: boolean;
}
export interface PermutedOptions<T> {
  axis?: number | null;
  out?: ArrayInput<T> | null;
}

/** The typed array each integer dtype is returned in (`bool` → Uint8Array of 0/1). */
export type IntArrayOf<D extends IntDtype> = D extends 'int8'
  ? Int8Array
  : D extends 'int16'
    ? Int16Array
    : D extends 'int32'
      ? Int32Array
      : D extends 'uint8' | 'bool'
        ? Uint8Array
        : D extends 'uint16'
          ? Uint16Array
          : D extends 'uint32'
            ? Uint32Array
            : D extends 'uint64'
              ? BigUint64Array
              : BigInt64Array;

export type IntTypedArray =
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

const INT_BOUNDS: Record<IntDtype, [bigint, bigint, number]> = {
  int8: [-128n, 127n, 8],
  int16: [-32768n, 32767n, 16],
  int32: [-2147483648n, 2147483647n, 32],
  int64: [-(1n << 63n), (1n << 63n) - 1n, 64],
  uint8: [0n, 255n, 8],
  uint16: [0n, 65535n, 16],
  uint32: [0n, 4294967295n, 32],
  uint64: [0n, (1n << 64n) - 1n, 64],
  bool: [0n, 1n, 1],
};

function newIntArray(dtype: IntDtype, n: number): IntTypedArray {
  switch (dtype) {
    case 'int8':
      return new Int8Array(n);
    case 'int16':
      return new Int16Array(n);
    case 'int32':
      return new Int32Array(n);
    case 'int64':
      return new BigInt64Array(n);
    case 'uint8':
    case 'bool':
      return new Uint8Array(n);
    case 'uint16':
      return new Uint16Array(n);
    case 'uint32':
      return new Uint32Array(n);
    case 'uint64':
      return new BigUint64Array(n);
  }
}

function toIntBound(v: unknown, where: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) {
      throw new SeedkitTypeError(`${where}: expected an integer, got ${describeValue(v)}`);
    }
    if (!Number.isSafeInteger(v)) {
      throw new SeedkitTypeError(`${where}: ${v} is beyond 2^53; pass bounds of that size as a bigint`);
    }
    return BigInt(v);
  }
  if (typeof v === 'boolean') return v ? 1n : 0n;
  throw new SeedkitTypeError(`${where}: expected an integer or bigint, got ${describeValue(v)}`);
}

function toFloat(v: unknown, where: string, dflt: number): number {
  if (v === undefined || v === null) return dflt;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'object') {
    throw new SeedkitTypeError(
      `${where}: array-valued (broadcast) parameters are not supported; pass a number`,
    );
  }
  throw new SeedkitTypeError(`${where}: must be a real number, got ${describeValue(v)}`);
}

function toBool(v: unknown, where: string, dflt: boolean): boolean {
  if (v === undefined || v === null) return dflt;
  if (typeof v === 'boolean') return v;
  if (v === 0 || v === 1) return v === 1;
  throw new SeedkitTypeError(`${where}: expected a boolean, got ${describeValue(v)}`);
}

/** NumPy's CONS_NON_NEGATIVE: NaN passes; anything with the sign bit set (incl. -0.0) fails. */
function checkNonNegative(v: number, name: string): void {
  if (!Number.isNaN(v) && (v < 0 || Object.is(v, -0))) throw new SeedkitValueError(`${name} < 0`);
}

function isBitGenerator(x: unknown): x is BitGenerator {
  if (typeof x !== 'object' || x === null) return false;
  const b = x as Partial<BitGenerator>;
  return (
    typeof b.nextUint32 === 'function' &&
    typeof b.nextUint64 === 'function' &&
    typeof b.nextDouble === 'function' &&
    typeof b.fillDouble === 'function'
  );
}

/** A fresh array of the same kind as `x` (same typed-array class, or a plain Array). */
function makeLike<T>(x: ArrayLike<T>, n: number): { [i: number]: T; length: number } {
  if (ArrayBuffer.isView(x)) {
    const C = (x as unknown as { constructor: new (n: number) => { [i: number]: T; length: number } })
      .constructor;
    return new C(n);
  }
  return new Array<T>(n);
}

/**
 * `a.take(idx, axis)` for a flat C-order array of shape `shape`: the result has shape
 * `shape[:axis] + idxShape + shape[axis+1:]`.
 */
function takeAlongAxis<T>(
  x: ArrayLike<T>,
  shape: readonly number[],
  axis: number,
  idx: ArrayLike<number>,
  idxShape: readonly number[],
): Shaped<{ [i: number]: T; length: number }> {
  let outer = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i]!;
  let inner = 1;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i]!;
  const n = shape[axis]!;
  const k = idx.length;
  const out = makeLike(x, outer * k * inner);
  let o = 0;
  for (let a = 0; a < outer; a++) {
    for (let j = 0; j < k; j++) {
      const base = (a * n + idx[j]!) * inner;
      for (let b = 0; b < inner; b++) out[o++] = x[base + b]!;
    }
  }
  return withShape(out, [...shape.slice(0, axis), ...idxShape, ...shape.slice(axis + 1)]);
}

function checkArrayInput(x: unknown, where: string): ArrayInput {
  if (Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView))) return x as ArrayInput;
  throw new SeedkitTypeError(`${where}: expected an array or typed array, got ${describeValue(x)}`);
}

/** `numpy.random.Generator`: a container for a bit generator, with NumPy's distribution methods. */
export class Generator {
  readonly #bg: BitGenerator;

  constructor(bitGenerator: BitGenerator) {
    if (!isBitGenerator(bitGenerator)) {
      throw new SeedkitTypeError(
        `bitGenerator: expected a BitGenerator (PCG64, PCG64DXSM, Philox, SFC64, MT19937), got ${describeValue(bitGenerator)}`,
      );
    }
    this.#bg = bitGenerator;
  }

  /** The underlying bit generator (NumPy's `bit_generator`). */
  get bitGenerator(): BitGenerator {
    return this.#bg;
  }

  /** `spawn(n_children)`: n independent Generators on spawned bit generators. */
  spawn(nChildren: number): Generator[] {
    checkCount(nChildren, 'nChildren');
    return this.#bg.spawn(nChildren).map((b) => new Generator(b));
  }

  // ------------------------------------------------------------------ uniform floats

  /**
   * `random(size=None, dtype='float64', out=None)`: floats in [0, 1). float64 uses 53-bit `next_double`;
   * float32 uses `next_float` (24 bits from the buffered 32-bit halves).
   */
  random(): number;
  random(size: Size, dtype?: 'float64' | RandomOptions): Shaped<Float64Array>;
  random(size: Size, dtype: 'float32', options?: RandomOptions): Shaped<Float32Array>;
  random(
    size?: Size | null | RandomOptions,
    dtype?: FloatDtype | RandomOptions,
    out?: Float64Array | Float32Array | RandomOptions,
  ): number | Shaped<Float64Array> | Shaped<Float32Array>;
  random(...args: unknown[]): number | Shaped<Float64Array> | Shaped<Float32Array> {
    if (args.length === 0) return this.#bg.nextDouble();
    const a = resolveArgs('random', ['size', 'dtype', 'out'], args);
    const dtype = parseFloatDtype(a.dtype, 'random');
    const bg = this.#bg;
    return this.#floatOut('random', a.size, a.out, dtype, (o, s, e) => {
      if (o instanceof Float64Array) bg.fillDouble(o, s, e);
      else fillFloat(bg, o, s, e);
    });
  }

  /** Resolves size/out for the float samplers and runs `fill` (scalar when neither is given). */
  #floatOut(
    method: string,
    size: unknown,
    out: unknown,
    dtype: FloatDtype,
    fill: (o: Float64Array | Float32Array, start: number, end: number) => void,
  ): number | Shaped<Float64Array> | Shaped<Float32Array> {
    let shape = normalizeSize(size);
    let arr: Float64Array | Float32Array;
    if (out !== undefined && out !== null) {
      const want = dtype === 'float64' ? Float64Array : Float32Array;
      if (!(out instanceof want)) {
        throw new SeedkitTypeError(`${method}: out must be a ${want.name} for dtype ${dtype}`);
      }
      const oshape = shapeOf(out as Float64Array);
      if (shape !== null && (shape.length !== oshape.length || shape.some((d, i) => d !== oshape[i]))) {
        throw new SeedkitValueError(`${method}: size must match out.shape when used together`);
      }
      shape = oshape;
      arr = out;
    } else if (shape === null) {
      if (dtype === 'float64') {
        const one = new Float64Array(1);
        fill(one, 0, 1);
        return one[0]!;
      }
      const one = new Float32Array(1);
      fill(one, 0, 1);
      return one[0]!;
    } else {
      const n = shapeSize(shape);
      arr = dtype === 'float64' ? new Float64Array(n) : new Float32Array(n);
    }
    fill(arr, 0, arr.length);
    return withShape(arr, shape) as Shaped<Float64Array> | Shaped<Float32Array>;
  }

  /** `uniform(low=0.0, high=1.0, size=None)`: `low + (high - low) * next_double()`. */
  uniform(low?: number | UniformOptions, high?: number | UniformOptions): number;
  uniform(low: number, high: number, size: Size | UniformOptions): Shaped<Float64Array>;
  uniform(
    low?: number | UniformOptions,
    high?: number | UniformOptions,
    size?: Size | null | UniformOptions,
  ): number | Shaped<Float64Array>;
  uniform(...args: unknown[]): number | Shaped<Float64Array> {
    const a = resolveArgs('uniform', ['low', 'high', 'size'], args);
    const low = toFloat(a.low, 'low', 0);
    const high = toFloat(a.high, 'high', 1);
    const range = high - low;
    if (!Number.isFinite(range)) {
      throw new SeedkitValueError('high - low range exceeds valid bounds (NumPy raises OverflowError)');
    }
    checkNonNegative(range, 'high - low');
    const bg = this.#bg;
    const shape = normalizeSize(a.size);
    if (shape === null) return low + range * bg.nextDouble();
    const out = new Float64Array(shapeSize(shape));
    bg.fillDouble(out, 0, out.length);
    for (let i = 0; i < out.length; i++) out[i] = low + range * out[i]!;
    return withShape(out, shape);
  }

  // ------------------------------------------------------------------ integers

  /**
   * `integers(low, high=None, size=None, dtype='int64', endpoint=False)`: Lemire's bounded integers.
   * Scalars: a number (bool dtype: a boolean; 64-bit dtypes with a bigint bound: a bigint).
   * Arrays: the dtype's typed array (int64 → BigInt64Array, uint64 → BigUint64Array, bool → Uint8Array).
   */
  integers(low: number, high?: number | null | IntegersOptions, size?: null | IntegersOptions): number;
  integers(low: bigint, high?: IntBound | null | IntegersOptions, size?: null | IntegersOptions): bigint;
  integers(
    low: IntBound,
    high: IntBound | null | undefined,
    size: Size,
    dtype?: 'int64' | IntegersOptions,
    endpoint?: boolean | IntegersOptions,
  ): Shaped<BigInt64Array>;
  integers<D extends IntDtype>(
    low: IntBound,
    high: IntBound | null | undefined,
    size: Size,
    dtype: D,
    endpoint?: boolean | IntegersOptions,
  ): Shaped<IntArrayOf<D>>;
  integers(
    low: IntBound,
    high?: IntBound | null | IntegersOptions,
    size?: Size | null | IntegersOptions,
    dtype?: IntDtype | IntegersOptions,
    endpoint?: boolean | IntegersOptions,
  ): number | bigint | boolean | Shaped<IntTypedArray>;
  integers(...args: unknown[]): number | bigint | boolean | Shaped<IntTypedArray> {
    const a = resolveArgs('integers', ['low', 'high', 'size', 'dtype', 'endpoint'], args, 1);
    if (a.low === undefined) throw new SeedkitTypeError("integers() missing required argument 'low'");
    const dtype = parseIntDtype(a.dtype, 'integers');
    const closed = toBool(a.endpoint, 'endpoint', false);
    let lowB = toIntBound(a.low, 'low');
    let highB: bigint;
    let bigBounds = typeof a.low === 'bigint';
    if (a.high === undefined || a.high === null) {
      highB = lowB;
      lowB = 0n;
    } else {
      highB = toIntBound(a.high, 'high');
      bigBounds ||= typeof a.high === 'bigint';
    }
    const [lb, ub, bits] = INT_BOUNDS[dtype];
    const H = closed ? highB : highB - 1n;
    if (lowB < lb) throw new SeedkitValueError(`low is out of bounds for ${dtype}`);
    if (H > ub) throw new SeedkitValueError(`high is out of bounds for ${dtype}`);
    if (lowB > H) throw new SeedkitValueError(closed ? 'low > high' : 'low >= high');
    const rng = H - lowB;
    const shape = normalizeSize(a.size);
    const n = shape === null ? 1 : shapeSize(shape);
    const out = newIntArray(dtype, n);
    this.#fillIntegers(out, dtype, bits, lowB, rng, false);
    if (shape !== null) return withShape(out, shape);
    if (dtype === 'bool') return out[0] === 1;
    const v = out[0]!;
    if (typeof v === 'bigint') return bigBounds ? v : Number(v);
    return v;
  }

  #fillIntegers(
    out: IntTypedArray,
    dtype: IntDtype,
    bits: number,
    low: bigint,
    rng: bigint,
    masked: boolean,
  ): void {
    const bg = this.#bg;
    const n = out.length;
    if (n === 0) return;
    if (bits === 64) {
      fillBounded64(bg, out as BigInt64Array, 0, n, low, rng, masked);
    } else if (bits === 32) {
      fillBounded32(bg, out as Int32Array, 0, n, Number(low), Number(rng), masked);
    } else if (bits === 16 || bits === 8) {
      fillBoundedBuffered(bg, bits, out as Int16Array, 0, n, Number(low), Number(rng), masked);
    } else {
      fillBoundedBool(bg, out as Uint8Array, 0, n, Number(low), Number(rng));
    }
    void dtype;
  }

  /**
   * `bytes(length)`: `integers(0, 2**32, size=n, dtype=uint32)` as little-endian bytes, n = ceil(length/4)
   * (n = 1 for length 0, as NumPy's C-division quirk: `bytes(0)` consumes one 32-bit draw).
   */
  bytes(length: number): Uint8Array {
    checkCount(length, 'length');
    // NumPy computes ((length - 1) // 4 + 1) with C division, so bytes(0) still draws one word
    const nWords = Math.trunc((length - 1) / 4) + 1;
    const out = new Uint8Array(length);
    const bg = this.#bg;
    for (let w = 0; w < nWords; w++) {
      const v = bg.nextUint32();
      for (let b = 0; b < 4; b++) {
        const i = 4 * w + b;
        if (i < length) out[i] = (v >>> (8 * b)) & 0xff;
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ normal & exponential

  /** `standard_normal(size=None, dtype='float64', out=None)`: the ziggurat (float64 or float32 tables). */
  standardNormal(): number;
  standardNormal(size: Size, dtype?: 'float64' | RandomOptions): Shaped<Float64Array>;
  standardNormal(size: Size, dtype: 'float32', options?: RandomOptions): Shaped<Float32Array>;
  standardNormal(
    size?: Size | null | RandomOptions,
    dtype?: FloatDtype | RandomOptions,
    out?: Float64Array | Float32Array | RandomOptions,
  ): number | Shaped<Float64Array> | Shaped<Float32Array>;
  standardNormal(...args: unknown[]): number | Shaped<Float64Array> | Shaped<Float32Array> {
    if (args.length === 0) return standardNormal(this.#bg);
    const a = resolveArgs('standardNormal', ['size', 'dtype', 'out'], args);
    const dtype = parseFloatDtype(a.dtype, 'standardNormal');
    const bg = this.#bg;
    return this.#floatOut('standardNormal', a.size, a.out, dtype, (o, s, e) => {
      if (o instanceof Float64Array) fillStandardNormal(bg, o, s, e);
      else for (let i = s; i < e; i++) o[i] = standardNormalFloat(bg);
    });
  }

  /** `normal(loc=0.0, scale=1.0, size=None)`: `loc + scale * standard_normal()`. */
  normal(loc?: number | NormalOptions, scale?: number | NormalOptions): number;
  normal(loc: number, scale: number, size: Size | NormalOptions): Shaped<Float64Array>;
  normal(
    loc?: number | NormalOptions,
    scale?: number | NormalOptions,
    size?: Size | null | NormalOptions,
  ): number | Shaped<Float64Array>;
  normal(...args: unknown[]): number | Shaped<Float64Array> {
    const a = resolveArgs('normal', ['loc', 'scale', 'size'], args);
    const loc = toFloat(a.loc, 'loc', 0);
    const scale = toFloat(a.scale, 'scale', 1);
    checkNonNegative(scale, 'scale');
    const bg = this.#bg;
    const shape = normalizeSize(a.size);
    if (shape === null) return loc + scale * standardNormal(bg);
    const out = new Float64Array(shapeSize(shape));
    fillStandardNormal(bg, out, 0, out.length);
    for (let i = 0; i < out.length; i++) out[i] = loc + scale * out[i]!;
    return withShape(out, shape);
  }

  /**
   * `standard_exponential(size=None, dtype='float64', method='zig', out=None)`: ziggurat ('zig') or
   * inversion `-log1p(-U)` ('inv').
   */
  standardExponential(): number;
  standardExponential(size: Size, dtype?: 'float64' | StandardExponentialOptions): Shaped<Float64Array>;
  standardExponential(
    size: Size,
    dtype: 'float32',
    method?: 'zig' | 'inv' | StandardExponentialOptions,
  ): Shaped<Float32Array>;
  standardExponential(
    size?: Size | null | StandardExponentialOptions,
    dtype?: FloatDtype | StandardExponentialOptions,
    method?: 'zig' | 'inv' | StandardExponentialOptions,
    out?: Float64Array | Float32Array | StandardExponentialOptions,
  ): number | Shaped<Float64Array> | Shaped<Float32Array>;
  standardExponential(...args: unknown[]): number | Shaped<Float64Array> | Shaped<Float32Array> {
    if (args.length === 0) return standardExponential(this.#bg);
    const a = resolveArgs('standardExponential', ['size', 'dtype', 'method', 'out'], args);
    const dtype = parseFloatDtype(a.dtype, 'standardExponential');
    const method = a.method ?? 'zig';
    if (method !== 'zig' && method !== 'inv') {
      throw new SeedkitValueError(`method: ${describeValue(method)} is not supported; use 'zig' or 'inv'`);
    }
    const bg = this.#bg;
    return this.#floatOut('standardExponential', a.size, a.out, dtype, (o, s, e) => {
      if (o instanceof Float64Array) {
        if (method === 'zig') fillStandardExponential(bg, o, s, e);
        else for (let i = s; i < e; i++) o[i] = standardExponentialInv(bg);
      } else if (method === 'zig') for (let i = s; i < e; i++) o[i] = standardExponentialFloat(bg);
      else for (let i = s; i < e; i++) o[i] = standardExponentialInvFloat(bg);
    });
  }

  /** `exponential(scale=1.0, size=None)`: `scale * standard_exponential()` (ziggurat). */
  exponential(scale?: number | ExponentialOptions): number;
  exponential(scale: number, size: Size | ExponentialOptions): Shaped<Float64Array>;
  exponential(
    scale?: number | ExponentialOptions,
    size?: Size | null | ExponentialOptions,
  ): number | Shaped<Float64Array>;
  exponential(...args: unknown[]): number | Shaped<Float64Array> {
    const a = resolveArgs('exponential', ['scale', 'size'], args);
    const scale = toFloat(a.scale, 'scale', 1);
    checkNonNegative(scale, 'scale');
    const bg = this.#bg;
    const shape = normalizeSize(a.size);
    if (shape === null) return scale * standardExponential(bg);
    const out = new Float64Array(shapeSize(shape));
    fillStandardExponential(bg, out, 0, out.length);
    for (let i = 0; i < out.length; i++) out[i] = scale * out[i]!;
    return withShape(out, shape);
  }

  // ------------------------------------------------------------------ permutations

  /**
   * `shuffle(x, axis=0)`: in-place Fisher–Yates (masked `random_interval`, i = n-1 … 1) along `axis`.
   * `x` is a JS array or typed array; a `shape` property makes it n-D (C order).
   */
  shuffle(x: ArrayInput, axis?: number | { axis?: number }): void {
    const a = resolveArgs('shuffle', ['x', 'axis'], [x, axis], 1);
    const arr = checkArrayInput(a.x, 'x') as {
      [i: number]: unknown;
      length: number;
      shape?: readonly number[];
    };
    const shape = shapeOf(arr);
    const ax = normalizeAxis(a.axis ?? 0, shape.length);
    this.#shuffleAxis(arr, shape, ax);
  }

  #shuffleAxis(arr: { [i: number]: unknown; length: number }, shape: readonly number[], ax: number): void {
    const bg = this.#bg;
    const n = shape[ax]!;
    if (shape.length === 1) {
      // Fisher–Yates with random_interval(i), i = n-1 … 1 (PCG64: the draws come from the WebAssembly kernel)
      shuffleInPlace(bg, arr, n);
      return;
    }
    let outer = 1;
    for (let i = 0; i < ax; i++) outer *= shape[i]!;
    let inner = 1;
    for (let i = ax + 1; i < shape.length; i++) inner *= shape[i]!;
    if (outer * inner * n === 0) return; // NumPy: shuffling an empty n-D array is a no-op (no draws)
    for (let i = n - 1; i >= 1; i--) {
      const j = randomInterval(bg, i);
      if (i === j) continue;
      for (let o = 0; o < outer; o++) {
        const bi = (o * n + i) * inner;
        const bj = (o * n + j) * inner;
        for (let k = 0; k < inner; k++) {
          const t = arr[bi + k];
          arr[bi + k] = arr[bj + k];
          arr[bj + k] = t;
        }
      }
    }
  }

  /**
   * `permutation(x, axis=0)`: for an integer n, a shuffled `arange(n)` (int64 → BigInt64Array); for an
   * array, a shuffled copy along `axis`.
   */
  permutation(x: number | bigint, axis?: number | { axis?: number }): Shaped<BigInt64Array>;
  permutation<A extends ArrayInput>(x: A, axis?: number | { axis?: number }): Shaped<A>;
  permutation(x: number | bigint | ArrayInput, axis?: number | { axis?: number }): Shaped<object> {
    const a = resolveArgs('permutation', ['x', 'axis'], [x, axis], 1);
    if (typeof a.x === 'number' || typeof a.x === 'bigint') {
      const nb = toIntBound(a.x, 'x');
      const n = Number(nb < 0n ? 0n : nb);
      if (n > 2 ** 32) throw new SeedkitValueError(`x: permutation of ${n} elements is too big`);
      const bg = this.#bg;
      const out = new BigInt64Array(n);
      if (n <= 2147483647) {
        const idx = new Int32Array(n);
        for (let i = 0; i < n; i++) idx[i] = i;
        // Fisher–Yates with random_interval(i), i = n-1 … 1 (PCG64: the draws come from the WebAssembly kernel)
        shuffleInPlace(bg, idx, n);
        writeIndexes(out, idx);
      } else {
        const idx = new Float64Array(n);
        for (let i = 0; i < n; i++) idx[i] = i;
        for (let i = n - 1; i >= 1; i--) {
          const j = randomInterval(bg, i);
          const t = idx[i]!;
          idx[i] = idx[j]!;
          idx[j] = t;
        }
        for (let i = 0; i < n; i++) out[i] = BigInt(idx[i]!);
      }
      return withShape(out, [n]);
    }
    const arr = checkArrayInput(a.x, 'x');
    const shape = shapeOf(arr);
    if (shape.length === 0) throw new SeedkitValueError('x must be an integer or at least 1-dimensional');
    const ax = normalizeAxis(a.axis ?? 0, shape.length);
    const copy = makeLike(arr, arr.length);
    for (let i = 0; i < arr.length; i++) copy[i] = arr[i];
    this.#shuffleAxis(copy, shape, ax);
    return withShape(copy, shape);
  }

  /**
   * `permuted(x, axis=None, out=None)`: a copy of x (or `out`) shuffled independently along each 1-D lane of
   * `axis` (Fisher–Yates i = n-1 … 0), or as a flat array when axis is null.
   */
  permuted<A extends ArrayInput>(
    x: A,
    axis?: number | null | PermutedOptions<unknown>,
    out?: ArrayInput | null,
  ): Shaped<A>;
  permuted(x: ArrayInput, ...rest: unknown[]): Shaped<object> {
    const a = resolveArgs('permuted', ['x', 'axis', 'out'], [x, ...rest], 1);
    const arr = checkArrayInput(a.x, 'x');
    const shape = shapeOf(arr);
    let target: { [i: number]: unknown; length: number };
    if (a.out !== undefined && a.out !== null) {
      const o = checkArrayInput(a.out, 'out') as unknown as { [i: number]: unknown; length: number };
      const os = shapeOf(o as ArrayInput);
      if (os.length !== shape.length || os.some((d, i) => d !== shape[i])) {
        throw new SeedkitValueError('out must have the same shape as x');
      }
      target = o;
    } else target = makeLike(arr, arr.length);
    for (let i = 0; i < arr.length; i++) target[i] = arr[i];
    const bg = this.#bg;
    if (a.axis === undefined || a.axis === null) {
      const n = target.length;
      for (let i = n - 1; i >= 1; i--) {
        const j = randomInterval(bg, i);
        const t = target[i];
        target[i] = target[j];
        target[j] = t;
      }
      return withShape(target, shape);
    }
    const ax = normalizeAxis(a.axis, shape.length);
    const n = shape[ax]!;
    let inner = 1;
    for (let i = ax + 1; i < shape.length; i++) inner *= shape[i]!;
    let outer = 1;
    for (let i = 0; i < ax; i++) outer *= shape[i]!;
    // lanes in C order of the remaining axes
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < inner; k++) {
        const base = o * n * inner + k;
        for (let i = n - 1; i >= 0; i--) {
          const j = randomInterval(bg, i);
          const pi = base + i * inner;
          const pj = base + j * inner;
          const t = target[pi];
          target[pi] = target[pj];
          target[pj] = t;
        }
      }
    }
    return withShape(target, shape);
  }

  /**
   * `choice(a, size=None, replace=True, p=None, axis=0, shuffle=True)`: a random sample from `arange(a)`
   * (int `a`; result int64 → BigInt64Array, scalar → number) or from the array `a` along `axis`.
   */
  choice(a: number | bigint, size?: null | ChoiceOptions): number;
  choice(a: number | bigint, size: Size, ...rest: unknown[]): Shaped<BigInt64Array>;
  choice<T>(a: ArrayInput<T>, size?: null | ChoiceOptions): T;
  choice<A extends ArrayInput>(a: A, size: Size, ...rest: unknown[]): Shaped<A>;
  choice(a: unknown, ...rest: unknown[]): unknown;
  choice(...args: unknown[]): unknown {
    const o = resolveArgs('choice', ['a', 'size', 'replace', 'p', 'axis', 'shuffle'], args, 1);
    const replace = toBool(o.replace, 'replace', true);
    const doShuffle = toBool(o.shuffle, 'shuffle', true);
    const shape = normalizeSize(o.size);
    const isScalar = shape === null;
    const size = isScalar ? 1 : shapeSize(shape);
    let popSize: number;
    let arr: ArrayInput | null = null;
    let arrShape: number[] = [];
    let axis = 0;
    if (typeof o.a === 'number' || typeof o.a === 'bigint') {
      const pb = toIntBound(o.a, 'a');
      popSize = Number(pb);
      if (popSize <= 0 && size !== 0) {
        throw new SeedkitValueError('a must be a positive integer unless no samples are taken');
      }
    } else {
      arr = checkArrayInput(o.a, 'a');
      arrShape = shapeOf(arr);
      axis = normalizeAxis(o.axis ?? 0, arrShape.length);
      popSize = arrShape[axis]!;
      if (popSize === 0 && size !== 0)
        throw new SeedkitValueError('a cannot be empty unless no samples are taken');
    }
    let p: Float64Array | null = null;
    if (o.p !== undefined && o.p !== null) {
      const pin = o.p as ArrayLike<number> & { shape?: readonly number[] };
      if (typeof pin !== 'object' || typeof pin.length !== 'number') {
        throw new SeedkitValueError('p must be 1-dimensional');
      }
      if (Array.isArray(pin.shape) && pin.shape.length !== 1)
        throw new SeedkitValueError('p must be 1-dimensional');
      p = new Float64Array(pin.length);
      for (let i = 0; i < pin.length; i++) {
        const v = pin[i];
        if (typeof v !== 'number')
          throw new SeedkitTypeError(`p[${i}]: expected a number, got ${describeValue(v)}`);
        p[i] = v;
      }
      if (p.length !== popSize) throw new SeedkitValueError('a and p must have same size');
      const pSum = kahanSum(p);
      if (Number.isNaN(pSum)) throw new SeedkitValueError('Probabilities contain NaN');
      for (let i = 0; i < p.length; i++) {
        if (p[i]! < 0) throw new SeedkitValueError('Probabilities are not non-negative');
      }
      const atol = Math.sqrt(2.220446049250313e-16);
      const atolP = pin instanceof Float32Array ? Math.max(atol, Math.sqrt(1.1920928955078125e-7)) : atol;
      if (Math.abs(pSum - 1) > atolP) {
        throw new SeedkitValueError(
          'Probabilities do not sum to 1. See Notes section of docstring for more information.',
        );
      }
    }
    const bg = this.#bg;
    const idx = new Float64Array(size);
    if (replace) {
      if (p !== null) {
        const cdf = normalizedCdf(p);
        for (let i = 0; i < size; i++) idx[i] = searchsortedRight(cdf, bg.nextDouble());
      } else {
        const tmp = new BigInt64Array(size);
        if (size > 0) fillBounded64(bg, tmp, 0, size, 0n, BigInt(popSize) - 1n, false);
        for (let i = 0; i < size; i++) idx[i] = Number(tmp[i]!);
      }
    } else {
      if (size > popSize) {
        throw new SeedkitValueError('Cannot take a larger sample than population when replace is False');
      }
      if (p !== null) {
        let nonzero = 0;
        for (let i = 0; i < p.length; i++) if (p[i]! > 0) nonzero++;
        if (nonzero < size) throw new SeedkitValueError('Fewer non-zero entries in p than size');
        const pc = new Float64Array(p);
        let nUniq = 0;
        while (nUniq < size) {
          const m = size - nUniq;
          const x = new Float64Array(m);
          bg.fillDouble(x, 0, m);
          for (let i = 0; i < nUniq; i++) pc[idx[i]!] = 0;
          const cdf = normalizedCdf(pc);
          const seen = new Set<number>();
          for (let i = 0; i < m; i++) {
            const v = searchsortedRight(cdf, x[i]!);
            if (!seen.has(v)) {
              seen.add(v);
              idx[nUniq++] = v;
            }
          }
        }
      } else {
        const cutoff = doShuffle ? 50 : 20;
        if (popSize > 10000 && size > Math.floor(popSize / cutoff)) {
          // tail shuffle of arange(pop)
          const pool = popSize <= 2147483647 ? new Int32Array(popSize) : new Float64Array(popSize);
          for (let i = 0; i < popSize; i++) pool[i] = i;
          const stop = Math.max(popSize - size, 1);
          for (let i = popSize - 1; i >= stop; i--) {
            const j = boundedUint64Lemire(bg, i);
            const t = pool[i]!;
            pool[i] = pool[j]!;
            pool[j] = t;
          }
          for (let i = 0; i < size; i++) idx[i] = pool[popSize - size + i]!;
        } else if (size > 0) {
          // Floyd's algorithm with an open-addressing hash set, as NumPy
          const setMask = genMask(Math.floor(1.2 * size));
          const setSize = setMask + 1;
          const hash = new Float64Array(setSize).fill(-1);
          for (let j = popSize - size; j < popSize; j++) {
            const val = boundedUint64Lemire(bg, j);
            let loc = val % setSize;
            while (hash[loc] !== -1 && hash[loc] !== val) loc = (loc + 1) % setSize;
            if (hash[loc] === -1) {
              hash[loc] = val;
              idx[j - popSize + size] = val;
            } else {
              loc = j % setSize;
              while (hash[loc] !== -1) loc = (loc + 1) % setSize;
              hash[loc] = j;
              idx[j - popSize + size] = j;
            }
          }
          if (doShuffle) {
            for (let i = size - 1; i >= 1; i--) {
              const k = boundedUint64Lemire(bg, i);
              const t = idx[i]!;
              idx[i] = idx[k]!;
              idx[k] = t;
            }
          }
        }
      }
    }
    if (arr === null) {
      if (isScalar) return idx[0]!;
      const out = new BigInt64Array(size);
      writeIndexes(out, idx);
      return withShape(out, shape);
    }
    if (isScalar) {
      if (arrShape.length === 1) return arr[idx[0]!];
      return takeAlongAxis(arr, arrShape, axis, idx, []);
    }
    return takeAlongAxis(arr, arrShape, axis, idx, shape);
  }

  // --- discrete distributions (issue 5) ---
  // NumPy 2.4 Generator streams; algorithms in src/distributions/discrete (shared with RandomState).
  // Parameters are scalars; results are int64 (a number, or a BigInt64Array with `shape` when `size` is given).

  #discreteCtx?: DiscreteContext;
  #discrete(): DiscreteContext {
    if (this.#discreteCtx === undefined) {
      const bg = this.#bg;
      this.#discreteCtx = discreteContext(
        () => bg,
        false,
        () => generatorSources(bg),
      );
    }
    return this.#discreteCtx;
  }

  /** `binomial(n, p, size=None)`; n and p may be arrays (broadcast like NumPy): inversion for n·min(p, 1−p) ≤ 30, else BTPE (NumPy 2.4 constants). */
  binomial(n: number | bigint, p: number, size?: null | SizeOption): number;
  binomial(n: number | bigint, p: number, size: Size | SizeOption): Shaped<BigInt64Array>;
  binomial(n: ParamLike, p: ParamLike, size?: Size | null | SizeOption): Shaped<BigInt64Array>;
  binomial(...args: unknown[]): DiscreteResult {
    return binomialMethod(this.#discrete(), args);
  }

  /** `negative_binomial(n, p, size=None)`, array parameters broadcast: `poisson(gamma(n, (1−p)/p))`. */
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

  /** `geometric(p, size=None)`, p may be an array: search for p ≥ 1/3, else `ceil(−E / log1p(−p))`. */
  geometric(p: number, size?: null | SizeOption): number;
  geometric(p: number, size: Size | SizeOption): Shaped<BigInt64Array>;
  geometric(p: ParamLike, size?: Size | null | SizeOption): Shaped<BigInt64Array>;
  geometric(...args: unknown[]): DiscreteResult {
    return geometricMethod(this.#discrete(), args);
  }

  /** `hypergeometric(ngood, nbad, nsample, size=None)`, array parameters broadcast: HRUA for 10 ≤ nsample ≤ total − 10, else sampling. */
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

  /** `logseries(p, size=None)`, p may be an array: 0 ≤ p < 1. */
  logseries(p: number, size?: null | SizeOption): number;
  logseries(p: number, size: Size | SizeOption): Shaped<BigInt64Array>;
  logseries(p: ParamLike, size?: Size | null | SizeOption): Shaped<BigInt64Array>;
  logseries(...args: unknown[]): DiscreteResult {
    return logseriesMethod(this.#discrete(), args);
  }

  /** `zipf(a, size=None)`, a may be an array: a > 1; rejection with U in (Umin, 1] (NumPy ≥ 2.1), 1 for a ≥ 1025. */
  zipf(a: number, size?: null | SizeOption): number;
  zipf(a: number, size: Size | SizeOption): Shaped<BigInt64Array>;
  zipf(a: ParamLike, size?: Size | null | SizeOption): Shaped<BigInt64Array>;
  zipf(...args: unknown[]): DiscreteResult {
    return zipfMethod(this.#discrete(), args);
  }

  /** `multinomial(n, pvals, size=None)`: int64 counts of shape `[...size, pvals.length]`. */
  multinomial(
    n: number | bigint,
    pvals: ArrayLike<number>,
    size?: Size | null | SizeOption,
  ): Shaped<BigInt64Array>;
  multinomial(...args: unknown[]): Shaped<BigInt64Array> {
    return multinomialMethod(this.#discrete(), args);
  }

  /**
   * `multivariate_hypergeometric(colors, nsample, size=None, method='marginals')`: int64 counts of shape
   * `[...size, colors.length]`; method 'marginals' (successive hypergeometrics) or 'count' (partial shuffle).
   */
  multivariateHypergeometric(
    colors: ArrayLike<number | bigint>,
    nsample: number | bigint,
    size?: Size | null | MultivariateHypergeometricOptions,
    method?: 'marginals' | 'count' | MultivariateHypergeometricOptions,
  ): Shaped<BigInt64Array>;
  multivariateHypergeometric(...args: unknown[]): Shaped<BigInt64Array> {
    return multivariateHypergeometricMethod(this.#discrete(), args);
  }
  // --- end discrete distributions (issue 5) ---

  // --- continuous distributions (issue 5) ---

  #contSources(): Sources {
    return generatorSources(this.#bg);
  }

  /**
   * NumPy `standard_gamma(shape, size=None, dtype='float64', out=None)`; float32 uses NumPy's float
   * sampler (`random_standard_gamma_f`).
   */
  standardGamma(shape: number): number;
  standardGamma(shape: ParamLike, size: Size | ContinuousOptions, dtype?: 'float64'): Shaped<Float64Array>;
  standardGamma(
    shape: ParamLike,
    size: Size | null,
    dtype: 'float32',
    out?: Float32Array,
  ): Shaped<Float32Array>;
  standardGamma(...args: ContinuousArg[]): number | Shaped<Float64Array> | Shaped<Float32Array>;
  standardGamma(...args: ContinuousArg[]): number | Shaped<Float64Array> | Shaped<Float32Array> {
    return standardGammaGenerator(this.#contSources(), args);
  }

  /** NumPy `gamma(shape, scale=1.0, size=None)`; parameters may be arrays (broadcast). */
  gamma(shape: number, scale?: number): number;
  gamma(shape: ParamLike, scale: ParamLike | undefined, size: Size | ContinuousOptions): Shaped<Float64Array>;
  gamma(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  gamma(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  gamma(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  gamma(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('gamma', this.#contSources(), args);
  }

  /** NumPy `beta(a, b, size=None)`; parameters may be arrays (broadcast). */
  beta(a: number, b: number): number;
  beta(a: ParamLike, b: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  beta(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  beta(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  beta(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  beta(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('beta', this.#contSources(), args);
  }

  /** NumPy `chisquare(df, size=None)`; parameters may be arrays (broadcast). */
  chisquare(df: number): number;
  chisquare(df: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  chisquare(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  chisquare(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  chisquare(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  chisquare(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('chisquare', this.#contSources(), args);
  }

  /** NumPy `f(dfnum, dfden, size=None)`; parameters may be arrays (broadcast). */
  f(dfnum: number, dfden: number): number;
  f(dfnum: ParamLike, dfden: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  f(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  f(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  f(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  f(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('f', this.#contSources(), args);
  }

  /** NumPy `noncentral_chisquare(df, nonc, size=None)`; parameters may be arrays (broadcast). */
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

  /** NumPy `noncentral_f(dfnum, dfden, nonc, size=None)`; parameters may be arrays (broadcast). */
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

  /** NumPy `standard_t(df, size=None)`; parameters may be arrays (broadcast). */
  standardT(df: number): number;
  standardT(df: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  standardT(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  standardT(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  standardT(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  standardT(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('standardT', this.#contSources(), args);
  }

  /** NumPy `vonmises(mu, kappa, size=None)`; parameters may be arrays (broadcast). */
  vonmises(mu: number, kappa: number): number;
  vonmises(mu: ParamLike, kappa: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  vonmises(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  vonmises(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  vonmises(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  vonmises(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('vonmises', this.#contSources(), args);
  }

  /** NumPy `wald(mean, scale, size=None)`; parameters may be arrays (broadcast). */
  wald(mean: number, scale: number): number;
  wald(mean: ParamLike, scale: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  wald(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  wald(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  wald(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  wald(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('wald', this.#contSources(), args);
  }

  /** NumPy `weibull(a, size=None)`; parameters may be arrays (broadcast). */
  weibull(a: number): number;
  weibull(a: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  weibull(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  weibull(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  weibull(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  weibull(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('weibull', this.#contSources(), args);
  }

  /** NumPy `pareto(a, size=None)`; parameters may be arrays (broadcast). */
  pareto(a: number): number;
  pareto(a: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  pareto(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  pareto(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  pareto(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  pareto(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('pareto', this.#contSources(), args);
  }

  /** NumPy `power(a, size=None)`; parameters may be arrays (broadcast). */
  power(a: number): number;
  power(a: ParamLike, size: Size | ContinuousOptions): Shaped<Float64Array>;
  power(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  power(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  power(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  power(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('power', this.#contSources(), args);
  }

  /** NumPy `rayleigh(scale=1.0, size=None)`; parameters may be arrays (broadcast). */
  rayleigh(scale?: number): number;
  rayleigh(scale: ParamLike | undefined, size: Size | ContinuousOptions): Shaped<Float64Array>;
  rayleigh(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  rayleigh(first: readonly unknown[] | Float64Array, ...rest: ContinuousArg[]): Shaped<Float64Array>;
  rayleigh(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  rayleigh(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('rayleigh', this.#contSources(), args);
  }

  /** NumPy `laplace(loc=0.0, scale=1.0, size=None)`; parameters may be arrays (broadcast). */
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

  /** NumPy `gumbel(loc=0.0, scale=1.0, size=None)`; parameters may be arrays (broadcast). */
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

  /** NumPy `logistic(loc=0.0, scale=1.0, size=None)`; parameters may be arrays (broadcast). */
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

  /** NumPy `lognormal(mean=0.0, sigma=1.0, size=None)`; parameters may be arrays (broadcast). */
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

  /** NumPy `standard_cauchy(size=None)`; parameters may be arrays (broadcast). */
  standardCauchy(): number;
  standardCauchy(size: Size | ContinuousOptions): Shaped<Float64Array>;
  standardCauchy(...args: [...ContinuousArg[], SizedContinuousOptions]): Shaped<Float64Array>;
  standardCauchy(...args: ContinuousArg[]): number | Shaped<Float64Array>;
  standardCauchy(...args: ContinuousArg[]): number | Shaped<Float64Array> {
    return cont('standardCauchy', this.#contSources(), args);
  }

  /** NumPy `triangular(left, mode, right, size=None)`; parameters may be arrays (broadcast). */
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
   * NumPy `multivariate_normal(mean, cov, size=None, check_valid='warn', tol=1e-8)`; the normals are
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
}

/** Writes non-negative indexes (< 2^32) into a BigInt64Array without per-element BigInt allocation. */
function writeIndexes(out: BigInt64Array, idx: ArrayLike<number>): void {
  const n = idx.length;
  if (new Uint8Array(new Uint32Array([1]).buffer)[0] === 1) {
    const view = new Uint32Array(out.buffer, out.byteOffset, 2 * n);
    for (let i = 0; i < n; i++) view[2 * i] = idx[i]!;
  } else {
    for (let i = 0; i < n; i++) out[i] = BigInt(idx[i]!);
  }
}

/** What {@link defaultRng} accepts. */
export type DefaultRngSeed = SeedLike | BitGenerator | Generator;

/**
 * `default_rng(seed=None)`: a Generator passes through; a BitGenerator is wrapped; anything else seeds a
 * PCG64 (`defaultRng(42)` ≡ NumPy's `default_rng(42)`).
 */
export function defaultRng(seed?: DefaultRngSeed): Generator {
  if (seed instanceof Generator) return seed;
  if (isBitGenerator(seed)) return new Generator(seed);
  if (typeof seed === 'object' && seed !== null && !Array.isArray(seed) && !isSeedSequenceLike(seed)) {
    if (!(seed instanceof Uint32Array)) {
      throw new SeedkitTypeError(
        `seed: expected an integer, bigint, array, SeedSequence, Seed, BitGenerator or Generator, got ${describeValue(seed)}`,
      );
    }
  }
  return new Generator(new PCG64(seed as SeedLike));
}
