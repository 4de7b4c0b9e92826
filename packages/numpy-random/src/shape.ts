/**
 * Size / shape / dtype / options-object helpers shared by `Generator` and `RandomState`.
 *
 * Array results are flat C-order typed arrays with a non-enumerable, frozen `shape` property
 * (`Shaped<Float64Array>` etc.): `rng.random([2, 3])` is a `Float64Array` of length 6 with `.shape` `[2, 3]`.
 */
import { describeValue, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';

/** NumPy's `size`: a non-negative integer or an array of them. */
export type Size = number | readonly number[];

/** A result array carrying its NumPy shape. */
export type Shaped<T> = T & { readonly shape: readonly number[] };

export type FloatDtype = 'float64' | 'float32';
export type IntDtype =
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'bool';
export type Dtype = FloatDtype | IntDtype;

const DTYPE_ALIASES: Record<string, Dtype> = {
  float64: 'float64',
  f8: 'float64',
  '<f8': 'float64',
  float: 'float64',
  double: 'float64',
  d: 'float64',
  float32: 'float32',
  f4: 'float32',
  '<f4': 'float32',
  single: 'float32',
  f: 'float32',
  int8: 'int8',
  i1: 'int8',
  byte: 'int8',
  int16: 'int16',
  i2: 'int16',
  short: 'int16',
  int32: 'int32',
  i4: 'int32',
  intc: 'int32',
  int64: 'int64',
  i8: 'int64',
  int: 'int64',
  long: 'int64',
  intp: 'int64',
  longlong: 'int64',
  uint8: 'uint8',
  u1: 'uint8',
  ubyte: 'uint8',
  uint16: 'uint16',
  u2: 'uint16',
  ushort: 'uint16',
  uint32: 'uint32',
  u4: 'uint32',
  uintc: 'uint32',
  uint64: 'uint64',
  u8: 'uint64',
  uint: 'uint64',
  ulong: 'uint64',
  uintp: 'uint64',
  ulonglong: 'uint64',
  bool: 'bool',
  bool_: 'bool',
  '?': 'bool',
};

/** Resolves a dtype name (NumPy spellings: 'float64', 'f8', 'int32', 'i4', 'uint8', 'bool', …). */
export function parseDtype(dtype: unknown, where = 'dtype'): Dtype {
  if (typeof dtype === 'string') {
    const d = DTYPE_ALIASES[dtype];
    if (d !== undefined) return d;
    throw new SeedkitTypeError(`${where}: data type ${describeValue(dtype)} not understood`);
  }
  throw new SeedkitTypeError(
    `${where}: data type ${describeValue(dtype)} not understood (use a name such as 'float64')`,
  );
}

/** A float dtype for `random`/`standardNormal`/`standardExponential` (NumPy: TypeError "Unsupported dtype"). */
export function parseFloatDtype(dtype: unknown, method: string): FloatDtype {
  if (dtype === undefined || dtype === null) return 'float64';
  const d = parseDtype(dtype);
  if (d !== 'float64' && d !== 'float32')
    throw new SeedkitTypeError(`Unsupported dtype "${d}" for ${method}`);
  return d;
}

/** An integer/bool dtype for `integers` (NumPy: TypeError "Unsupported dtype … for integers"). */
export function parseIntDtype(dtype: unknown, method: string): IntDtype {
  if (dtype === undefined || dtype === null) return 'int64';
  const d = parseDtype(dtype);
  if (d === 'float64' || d === 'float32')
    throw new SeedkitTypeError(`Unsupported dtype "${d}" for ${method}`);
  return d;
}

/**
 * Validates `size` and returns the shape (null when size is null/undefined, i.e. a scalar result).
 * Negative dimensions → ValueError "negative dimensions are not allowed", non-integers → TypeError.
 */
export function normalizeSize(size: unknown, where = 'size'): number[] | null {
  if (size === null || size === undefined) return null;
  if (typeof size === 'number') return [checkDim(size, where)];
  if (typeof size === 'bigint') return [checkDim(Number(size), where)];
  if (Array.isArray(size))
    return size.map((d, i) => checkDim(typeof d === 'bigint' ? Number(d) : d, `${where}[${i}]`));
  throw new SeedkitTypeError(
    `${where}: expected an integer or an array of integers, got ${describeValue(size)}`,
  );
}

function checkDim(d: unknown, where: string): number {
  if (typeof d !== 'number' || !Number.isInteger(d)) {
    throw new SeedkitTypeError(`${where}: expected an integer, got ${describeValue(d)}`);
  }
  if (d < 0) throw new SeedkitValueError(`${where}: negative dimensions are not allowed`);
  if (!Number.isSafeInteger(d)) throw new SeedkitValueError(`${where}: array is too big (${d})`);
  return d;
}

/** Number of elements of a shape. */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  if (!Number.isSafeInteger(n) || n > 2 ** 32)
    throw new SeedkitValueError(`array is too big: shape [${shape.join(', ')}]`);
  return n;
}

/** Attaches a frozen, non-enumerable `shape` to an array and returns it typed as {@link Shaped}. */
export function withShape<T extends object>(arr: T, shape: readonly number[]): Shaped<T> {
  Object.defineProperty(arr, 'shape', {
    value: Object.freeze([...shape]),
    enumerable: false,
    configurable: true,
  });
  return arr as Shaped<T>;
}

/** The shape of an input array: its `shape` property if it has a valid one, else `[length]`. */
export function shapeOf(x: { length: number; shape?: unknown }): number[] {
  const s = x.shape;
  if (Array.isArray(s) && s.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    let n = 1;
    for (const d of s as number[]) n *= d;
    if (n === x.length) return [...(s as number[])];
    throw new SeedkitValueError(`shape [${s.join(', ')}] does not match the array length ${x.length}`);
  }
  return [x.length];
}

/** NumPy's `normalize_axis_index`: axis in [-ndim, ndim) → [0, ndim); else AxisError (a ValueError). */
export function normalizeAxis(axis: unknown, ndim: number, where = 'axis'): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis)) {
    throw new SeedkitTypeError(`${where}: expected an integer, got ${describeValue(axis)}`);
  }
  if (axis < -ndim || axis >= ndim) {
    throw new SeedkitValueError(`${where}: axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** True for a plain options object (`{ dtype: 'uint8' }`), i.e. not an array, typed array or class instance. */
export function isOptionsObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/**
 * Resolves NumPy-style arguments: positional values in NumPy order, optionally followed by one trailing
 * options object whose keys are the camelCase keyword names. A parameter given both ways → TypeError
 * ("got multiple values for argument"); unknown option keys → TypeError. Returns values by name
 * (undefined when not given).
 */
export function resolveArgs(
  method: string,
  names: readonly string[],
  args: ArrayLike<unknown>,
  firstOptional = 0,
): Record<string, unknown> {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  let opts: Record<string, unknown> | null = null;
  if (n > firstOptional && isOptionsObject(args[n - 1])) {
    opts = args[n - 1] as Record<string, unknown>;
    n--;
  }
  if (n > names.length) {
    throw new SeedkitTypeError(
      `${method}() takes at most ${names.length} positional arguments but ${n} were given`,
    );
  }
  const out: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) out[names[i]!] = args[i];
  if (opts !== null) {
    for (const key of Object.keys(opts)) {
      if (!names.includes(key)) {
        throw new SeedkitTypeError(`${method}() got an unexpected keyword argument '${key}'`);
      }
      if (opts[key] === undefined) continue;
      if (out[key] !== undefined)
        throw new SeedkitTypeError(`${method}() got multiple values for argument '${key}'`);
      out[key] = opts[key];
    }
  }
  return out;
}

/** True when 64-bit typed arrays can be written as (lo, hi) pairs through a Uint32Array view. */
export const LITTLE_ENDIAN: boolean = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Writes the 64-bit value (hi, lo) at index i of a BigInt64Array/BigUint64Array through its 32-bit view. */
export function set64(
  view: Uint32Array,
  big: BigInt64Array | BigUint64Array,
  i: number,
  hi: number,
  lo: number,
): void {
  if (LITTLE_ENDIAN) {
    view[2 * i] = lo;
    view[2 * i + 1] = hi;
  } else {
    (big as BigUint64Array)[i] = BigInt.asUintN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)) as never;
  }
}

/** Reads element i of a BigInt64Array/BigUint64Array as (hi, lo) words into `out`. */
export function get64(
  view: Uint32Array,
  big: BigInt64Array | BigUint64Array,
  i: number,
  out: Float64Array | number[],
): void {
  if (LITTLE_ENDIAN) {
    out[0] = view[2 * i + 1]!;
    out[1] = view[2 * i]!;
  } else {
    const v = BigInt.asUintN(64, BigInt(big[i]!));
    out[0] = Number(v >> 32n);
    out[1] = Number(v & 0xffffffffn);
  }
}
