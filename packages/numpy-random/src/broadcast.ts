/**
 * Array-valued distribution parameters (NumPy broadcasting) for the continuous samplers: a parameter is a
 * number or an array (JS array — nested arrays give the shape — or a typed array, optionally carrying a
 * `shape`). Shapes broadcast as in NumPy; with `size` the parameters must broadcast to exactly `size`.
 * Output element i (C order) is drawn with the parameters at the broadcast position of i, as NumPy's
 * multi-iterator does.
 */
import { describeValue, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { shapeOf, shapeSize } from './shape.js';

/** A distribution parameter: a real number or an array of them. */
export type ParamLike =
  | number
  | bigint
  | boolean
  | ArrayLike<unknown>
  | { readonly shape?: readonly number[] };

/** A parameter converted to float64: its values (C order) and its shape ([] for a scalar). */
export interface ParamArray {
  readonly data: Float64Array;
  readonly shape: readonly number[];
  readonly scalar: boolean;
}

function scalarValue(v: unknown, where: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new SeedkitTypeError(`${where}: expected a real number or an array of them, got ${describeValue(v)}`);
}

function flattenNested(
  v: readonly unknown[],
  where: string,
  shape: number[],
  depth: number,
  out: number[],
): void {
  if (shape.length === depth) shape.push(v.length);
  else if (shape[depth] !== v.length) throw new SeedkitValueError(`${where}: ragged nested array`);
  for (const e of v) {
    if (Array.isArray(e)) flattenNested(e, where, shape, depth + 1, out);
    else {
      if (shape.length > depth + 1) throw new SeedkitValueError(`${where}: ragged nested array`);
      out.push(scalarValue(e, where));
    }
  }
}

/** Converts a parameter (number, typed array, flat array with `shape`, or nested JS arrays). */
export function toParam(v: unknown, where: string): ParamArray {
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
    return { data: Float64Array.of(scalarValue(v, where)), shape: [], scalar: true };
  }
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const a = v as unknown as ArrayLike<number | bigint> & { shape?: readonly number[] };
    const shape = shapeOf(a);
    const data = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) data[i] = Number(a[i]!);
    return { data, shape, scalar: false };
  }
  if (Array.isArray(v)) {
    if (v.some((e) => Array.isArray(e))) {
      const shape: number[] = [];
      const out: number[] = [];
      flattenNested(v, where, shape, 0, out);
      let n = 1;
      for (const d of shape) n *= d;
      if (n !== out.length) throw new SeedkitValueError(`${where}: ragged nested array`);
      return { data: Float64Array.from(out), shape, scalar: false };
    }
    const shape = shapeOf(v as unknown[] & { shape?: readonly number[] });
    const data = new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) data[i] = scalarValue(v[i], `${where}[${i}]`);
    return { data, shape, scalar: false };
  }
  throw new SeedkitTypeError(`${where}: expected a real number or an array of them, got ${describeValue(v)}`);
}

/** NumPy's broadcast of several shapes (ValueError "shape mismatch" when incompatible). */
export function broadcastShapes(shapes: readonly (readonly number[])[]): number[] {
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const j = nd - s.length + i;
      const d = s[i]!;
      if (out[j] === 1) out[j] = d;
      else if (d !== 1 && d !== out[j]) {
        throw new SeedkitValueError(
          `shape mismatch: objects cannot be broadcast to a single shape (${shapes.map((x) => `(${x.join(',')})`).join(', ')})`,
        );
      }
    }
  }
  return out;
}

/** The values of `p` repeated to `shape` (which `p.shape` must broadcast to), in C order. */
export function expandTo(p: ParamArray, shape: readonly number[]): Float64Array {
  const n = shapeSize(shape);
  const out = new Float64Array(n);
  if (p.data.length === 1) return out.fill(p.data[0]!);
  if (p.shape.length === shape.length && p.shape.every((d, i) => d === shape[i])) {
    out.set(p.data);
    return out;
  }
  const nd = shape.length;
  const strides = new Array<number>(nd).fill(0);
  let st = 1;
  for (let i = p.shape.length - 1; i >= 0; i--) {
    const j = nd - p.shape.length + i;
    strides[j] = p.shape[i] === 1 ? 0 : st;
    st *= p.shape[i]!;
  }
  const idx = new Array<number>(nd).fill(0);
  let src = 0;
  for (let k = 0; k < n; k++) {
    out[k] = p.data[src]!;
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]!++;
      src += strides[d]!;
      if (idx[d]! < shape[d]!) break;
      src -= strides[d]! * idx[d]!;
      idx[d] = 0;
    }
  }
  return out;
}
