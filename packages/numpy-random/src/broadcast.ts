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

/** A shape as Python prints a tuple: `()`, `(3,)`, `(2, 3)`. */
export function pyShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * The shape of NumPy's multi-iterator over arrays of `shapes` (`np.broadcast(...)`, PyArray_Broadcast):
 * dimensions are resolved left to right over the right-aligned shapes, and the first conflict raises NumPy's
 * "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg i with shape …
 * and arg j with shape …." naming the argument that set the dimension and the one that disagrees.
 */
export function multiIterShape(shapes: readonly (readonly number[])[]): number[] {
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  for (let i = 0; i < nd; i++) {
    let src = 0;
    for (let j = 0; j < shapes.length; j++) {
      const s = shapes[j]!;
      const k = i + s.length - nd;
      if (k < 0) continue;
      const d = s[k]!;
      if (d === 1) continue;
      if (out[i] === 1) {
        out[i] = d;
        src = j;
      } else if (out[i] !== d) {
        throw new SeedkitValueError(
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${src} with shape ${pyShape(shapes[src]!)} and arg ${j} with shape ${pyShape(s)}.`,
        );
      }
    }
  }
  return out;
}

/**
 * The result shape of a NumPy binary ufunc on operands of shapes `a` and `b`, or its error "operands could
 * not be broadcast together with shapes (2,3) (2,) " (NumPy's spelling: no blanks inside, trailing blank).
 */
export function ufuncShape(a: readonly number[], b: readonly number[]): number[] {
  const nd = Math.max(a.length, b.length);
  const out = new Array<number>(nd);
  for (let i = 0; i < nd; i++) {
    const x = i - (nd - a.length) >= 0 ? a[i - (nd - a.length)]! : 1;
    const y = i - (nd - b.length) >= 0 ? b[i - (nd - b.length)]! : 1;
    if (x !== y && x !== 1 && y !== 1) {
      const f = (s: readonly number[]) => (s.length === 1 ? `(${s[0]},)` : `(${s.join(',')})`);
      throw new SeedkitValueError(`operands could not be broadcast together with shapes ${f(a)} ${f(b)} `);
    }
    out[i] = x === 1 ? y : x;
  }
  return out;
}
