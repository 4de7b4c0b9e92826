/**
 * Argument checks and result plumbing shared by the discrete methods of `Generator` and `RandomState`:
 * NumPy's `check_constraint` messages, integer parameters truncated like NumPy's int64 casts, and int64
 * results (a number for scalars, a `BigInt64Array` with `shape` for arrays).
 */
import { describeValue, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { expandTo, multiIterShape, type ParamArray, pyShape, toParam } from '../../broadcast.js';
import { kahanSum } from '../../legacy/choice.js';
import { normalizeSize, type Shaped, shapeOf, shapeSize, withShape } from '../../shape.js';
import { POISSON_LAM_MAX } from './poisson.js';

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const TWO63 = 2 ** 63;

/** A real-valued scalar parameter (array parameters go through {@link floatParamArray}). */
export function floatParam(v: unknown, name: string, dflt?: number): number {
  if ((v === undefined || v === null) && dflt !== undefined) return dflt;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === undefined || v === null) throw new SeedkitTypeError(`missing required argument '${name}'`);
  if (typeof v === 'object') {
    throw new SeedkitTypeError(
      `${name}: array-valued (broadcast) parameters are not supported; pass a number`,
    );
  }
  throw new SeedkitTypeError(`${name}: must be a real number, got ${describeValue(v)}`);
}

/**
 * An integer parameter, converted like NumPy's `int64` casts (a float is truncated toward zero). Values must
 * be finite and within ±2^53 (the samplers run in double arithmetic).
 */
export function intParam(v: unknown, name: string): number {
  let x: number;
  if (typeof v === 'bigint') x = Number(v);
  else if (typeof v === 'boolean') x = v ? 1 : 0;
  else if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      // Python's int(float) messages (OverflowError for ±inf in Python).
      const what = Number.isNaN(v) ? 'float NaN' : 'float infinity';
      throw new SeedkitValueError(`${name}: cannot convert ${what} to integer`);
    }
    x = Math.trunc(v);
  } else if (v === undefined || v === null) {
    throw new SeedkitTypeError(`missing required argument '${name}'`);
  } else if (typeof v === 'object') {
    throw new SeedkitTypeError(
      `${name}: array-valued (broadcast) parameters are not supported; pass a number`,
    );
  } else {
    throw new SeedkitTypeError(`${name}: expected an integer, got ${describeValue(v)}`);
  }
  if (!Number.isSafeInteger(x)) {
    throw new SeedkitValueError(`${name}: ${String(v)} is beyond 2^53, which this port does not support`);
  }
  return x + 0; // an int64 has no negative zero (trunc(-0.5) is 0)
}

/**
 * A real-valued parameter that may be an array (number, nested JS arrays, typed array, flat array with
 * `shape`): NumPy's `PyArray_FROM_OTF(x, NPY_DOUBLE)`. A missing value takes `dflt` (else TypeError).
 */
export function floatParamArray(v: unknown, name: string, dflt?: number): ParamArray {
  if (v === undefined || v === null) {
    if (dflt === undefined) throw new SeedkitTypeError(`missing required argument '${name}'`);
    return { data: Float64Array.of(dflt), shape: [], scalar: true };
  }
  return toParam(v, name);
}

/** Typed arrays NumPy will not cast to int64 under its 'safe' rule, by their NumPy dtype name. */
function unsafeIntDtype(v: object): string | null {
  if (v instanceof Float64Array) return 'float64';
  if (v instanceof Float32Array) return 'float32';
  if (v instanceof BigUint64Array) return 'uint64';
  return null;
}

/**
 * An integer parameter that may be an array: NumPy's `PyArray_FROM_OTF(x, NPY_INT64)`. Plain numbers and
 * JS arrays behave like Python scalars/lists (floats truncated toward zero, NaN/±∞ rejected); integer typed
 * arrays convert as they are, while Float32Array/Float64Array/BigUint64Array raise NumPy's TypeError
 * ("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'"), as
 * float64/uint64 ndarrays do in NumPy. Values must lie within ±2^53.
 */
export function intParamArray(v: unknown, name: string): ParamArray {
  if (
    typeof v === 'number' ||
    typeof v === 'bigint' ||
    typeof v === 'boolean' ||
    v === undefined ||
    v === null
  ) {
    return { data: Float64Array.of(intParam(v, name)), shape: [], scalar: true };
  }
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const bad = unsafeIntDtype(v);
    if (bad !== null) {
      throw new SeedkitTypeError(
        `${name}: Cannot cast array data from dtype('${bad}') to dtype('int64') according to the rule 'safe'`,
      );
    }
    const a = v as unknown as ArrayLike<number | bigint> & { shape?: readonly number[] };
    const shape = shapeOf(a);
    const data = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) data[i] = intParam(a[i], `${name}[${i}]`);
    return { data, shape, scalar: false };
  }
  if (Array.isArray(v)) {
    const p = toParam(v, name);
    const data = p.data;
    for (let i = 0; i < data.length; i++) data[i] = intParam(data[i], `${name}[${i}]`);
    return p;
  }
  throw new SeedkitTypeError(`${name}: expected an integer or an array of them, got ${describeValue(v)}`);
}

/** NumPy's `is_scalar`: every parameter converted to a 0-d array. */
export function allScalar(params: readonly ParamArray[]): boolean {
  return params.every((p) => p.shape.length === 0);
}

/**
 * Output shape of NumPy's broadcast discrete loops: `size` if given (the multi-iterator over the output and
 * the parameters must have exactly that shape: NumPy's "shape mismatch …" or "Output size … is not
 * compatible with broadcast dimensions of inputs …"), else the broadcast shape of the parameters (in the
 * order NumPy hands them to its iterator).
 */
export function discreteShape(size: unknown, params: readonly ParamArray[]): number[] {
  const s = normalizeSize(size);
  const shapes = params.map((p) => p.shape);
  if (s === null) return multiIterShape(shapes);
  const it = multiIterShape([s, ...shapes]);
  if (it.length !== s.length || it.some((d, i) => d !== s[i])) {
    throw new SeedkitValueError(
      `Output size ${pyShape(s)} is not compatible with broadcast dimensions of inputs ${pyShape(it)}.`,
    );
  }
  return s;
}

/** Each parameter's values repeated to `shape` (C order). */
export function expandAll(params: readonly ParamArray[], shape: readonly number[]): Float64Array[] {
  return params.map((p) => expandTo(p, shape));
}

/**
 * NumPy's `check_array_constraint`, run on a whole parameter array before any draw (its messages say
 * "contains NaNs" where the scalar checks say "is NaN"; the Poisson bound is tested before the sign, so a
 * NaN lam reports "lam value too large").
 */
export function checkArrayConstraint(
  p: ParamArray,
  name: string,
  cons: Constraint | 'positiveNotNan',
  lamMax = POISSON_LAM_MAX,
): void {
  const d = p.data;
  const every = (f: (x: number) => boolean) => {
    for (let i = 0; i < d.length; i++) if (!f(d[i]!)) return false;
    return true;
  };
  switch (cons) {
    case 'nonNegative':
      if (!every((x) => Number.isNaN(x) || !(x < 0 || Object.is(x, -0)))) {
        throw new SeedkitValueError(`${name} < 0`);
      }
      return;
    case 'positiveNotNan':
      if (!every((x) => !Number.isNaN(x))) throw new SeedkitValueError(`${name} must not be NaN`);
      if (!every((x) => !(x <= 0))) throw new SeedkitValueError(`${name} <= 0`);
      return;
    case 'positive':
      if (!every((x) => !(x <= 0))) throw new SeedkitValueError(`${name} <= 0`);
      return;
    case 'bounded01':
      if (!every((x) => x >= 0 && x <= 1)) {
        throw new SeedkitValueError(`${name} < 0, ${name} > 1 or ${name} contains NaNs`);
      }
      return;
    case 'boundedGt01':
      if (!every((x) => x > 0) || !every((x) => x <= 1)) {
        throw new SeedkitValueError(`${name} <= 0, ${name} > 1 or ${name} contains NaNs`);
      }
      return;
    case 'boundedLt01':
      if (!every((x) => x >= 0) || !every((x) => x < 1)) {
        throw new SeedkitValueError(`${name} < 0, ${name} >= 1 or ${name} contains NaNs`);
      }
      return;
    case 'gt1':
      if (!every((x) => x > 1)) throw new SeedkitValueError(`${name} <= 1 or ${name} contains NaNs`);
      return;
    case 'gte1':
      if (!every((x) => x >= 1)) throw new SeedkitValueError(`${name} < 1 or ${name} contains NaNs`);
      return;
    case 'poisson':
      if (!every((x) => x <= lamMax)) throw new SeedkitValueError(`${name} value too large`);
      if (!every((x) => x >= 0)) throw new SeedkitValueError(`${name} < 0 or ${name} contains NaNs`);
      return;
  }
}

/** NumPy `check_constraint` kinds used by the discrete samplers, with NumPy's messages. */
export type Constraint =
  | 'nonNegative'
  | 'positive'
  | 'bounded01'
  | 'boundedGt01'
  | 'boundedLt01'
  | 'gt1'
  | 'gte1'
  | 'poisson';

export function checkConstraint(val: number, name: string, cons: Constraint): void {
  switch (cons) {
    case 'nonNegative':
      if (!Number.isNaN(val) && (val < 0 || Object.is(val, -0))) throw new SeedkitValueError(`${name} < 0`);
      return;
    case 'positive':
      if (val <= 0) throw new SeedkitValueError(`${name} <= 0`);
      return;
    case 'bounded01':
      if (!(val >= 0) || !(val <= 1))
        throw new SeedkitValueError(`${name} < 0, ${name} > 1 or ${name} is NaN`);
      return;
    case 'boundedGt01':
      if (!(val > 0) || !(val <= 1)) {
        throw new SeedkitValueError(`${name} <= 0, ${name} > 1 or ${name} contains NaNs`);
      }
      return;
    case 'boundedLt01':
      if (!(val >= 0) || !(val < 1))
        throw new SeedkitValueError(`${name} < 0, ${name} >= 1 or ${name} is NaN`);
      return;
    case 'gt1':
      if (!(val > 1)) throw new SeedkitValueError(`${name} <= 1 or ${name} is NaN`);
      return;
    case 'gte1':
      if (!(val >= 1)) throw new SeedkitValueError(`${name} < 1 or ${name} is NaN`);
      return;
    case 'poisson':
      if (!(val >= 0)) throw new SeedkitValueError(`${name} < 0 or ${name} is NaN`);
      if (!(val <= POISSON_LAM_MAX)) throw new SeedkitValueError(`${name} value too large`);
      return;
  }
}

/**
 * int64 conversion of a sampler's double result, as C's `(int64_t)` cast behaves on x86-64: values outside
 * [−2^63, 2^63), −∞ and NaN become INT64_MIN. `+Infinity` is the samplers' marker for an explicit
 * INT64_MAX (Generator `geometric` clamps to it).
 */
export function toInt64(x: number): bigint {
  if (x === Number.POSITIVE_INFINITY) return INT64_MAX;
  if (!(x >= -TWO63 && x < TWO63)) return INT64_MIN;
  return BigInt(x);
}

/**
 * Runs `draw` once (size null → a number) or once per element in C order (→ `BigInt64Array` with `shape`).
 * `size` 0 draws nothing. A scalar beyond ±2^53 is the nearest double of its int64 value.
 */
export function intResult(size: unknown, draw: () => number): number | Shaped<BigInt64Array> {
  const shape = normalizeSize(size);
  if (shape === null) {
    const v = draw();
    return Number.isSafeInteger(v) ? v : Number(toInt64(v));
  }
  const out = new BigInt64Array(shapeSize(shape));
  // Values in [0, 2^32) (nearly all draws) go through a 32-bit view: no BigInt allocation per element.
  const words = LITTLE_ENDIAN ? new Uint32Array(out.buffer, out.byteOffset, 2 * out.length) : null;
  for (let i = 0; i < out.length; i++) {
    const v = draw();
    if (words !== null && v >= 0 && v <= 0xffffffff) words[2 * i] = v;
    else out[i] = toInt64(v);
  }
  return withShape(out, shape);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Draws `draw(i)` for i = 0 … n−1 (C order of `shape`) into an int64 array with `shape`. */
export function intArrayResult(shape: readonly number[], draw: (i: number) => number): Shaped<BigInt64Array> {
  const out = new BigInt64Array(shapeSize(shape));
  const words = LITTLE_ENDIAN ? new Uint32Array(out.buffer, out.byteOffset, 2 * out.length) : null;
  for (let i = 0; i < out.length; i++) {
    const v = draw(i);
    if (words !== null && v >= 0 && v <= 0xffffffff) words[2 * i] = v;
    else out[i] = toInt64(v);
  }
  return withShape(out, shape);
}

/** Shape `[...size, k]` (or `[k]` without size) and the number of k-vectors to draw. */
export function vectorShape(size: unknown, k: number): { shape: number[]; count: number } {
  const s = normalizeSize(size);
  const shape = s === null ? [k] : [...s, k];
  const n = shapeSize(shape);
  return { shape, count: k === 0 ? 0 : n / k };
}

/** Converts a filled double buffer of counts to an int64 result with `shape`. */
export function toInt64Array(buf: Float64Array, shape: readonly number[]): Shaped<BigInt64Array> {
  const out = new BigInt64Array(buf.length);
  const words = LITTLE_ENDIAN ? new Uint32Array(out.buffer, out.byteOffset, 2 * out.length) : null;
  for (let i = 0; i < buf.length; i++) {
    const v = buf[i]!;
    if (words !== null && v >= 0 && v <= 0xffffffff) words[2 * i] = v;
    else out[i] = BigInt(v);
  }
  return withShape(out, shape);
}

/** `pvals` of `multinomial`: a 1-D array of probabilities in [0, 1] whose first k−1 sum (Kahan) ≤ 1 + 1e-12. */
export function checkPvals(pvals: unknown): Float64Array {
  if (!(Array.isArray(pvals) || (ArrayBuffer.isView(pvals) && !(pvals instanceof DataView)))) {
    throw new SeedkitTypeError(`pvals must be a 1-d sequence, got ${describeValue(pvals)}`);
  }
  const src = pvals as ArrayLike<unknown>;
  const p = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (typeof v !== 'number')
      throw new SeedkitTypeError(`pvals[${i}] must be a number, got ${describeValue(v)}`);
    p[i] = v;
  }
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    if (!(v >= 0) || !(v <= 1)) throw new SeedkitValueError('pvals < 0, pvals > 1 or pvals contains NaNs');
  }
  if (p.length > 0 && kahanSum(p.subarray(0, p.length - 1)) > 1.0 + 1e-12) {
    throw new SeedkitValueError('sum(pvals[:-1]) > 1.0');
  }
  return p;
}
