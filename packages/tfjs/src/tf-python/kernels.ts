/**
 * TensorFlow's CPU random kernels over a Philox generator (`FillPhiloxRandom` layout): group g of k outputs
 * comes from the block at counter + g, so results never depend on threading. See
 * /work/shared/reference/python-framework-parity.md §2.3–2.5.
 */
import { boxMullerFloat32, boxMullerFloat64, wordsToFloat64, wordToFloat32 } from './box-muller.js';
import type { Philox } from './philox.js';
import { WordStream } from './philox.js';

const fround = Math.fround;
/** Runs `emit(block, g)` for the groups g = 0 .. groups−1, group g using the block at counter + g. */
function forEachBlock(gen: Philox, groups: number, emit: (block: Uint32Array, g: number) => void): void {
  const g0 = gen.clone();
  const block = new Uint32Array(4);
  for (let g = 0; g < groups; g++) {
    g0.next(block);
    emit(block, g);
  }
}

/** `RandomUniform` / `StatelessRandomUniformV2`, float32: 4 outputs per block. */
export function uniformFloat32(gen: Philox, n: number): Float32Array {
  const out = new Float32Array(n);
  forEachBlock(gen, Math.ceil(n / 4), (b, g) => {
    const at = 4 * g;
    for (let j = 0; j < 4 && at + j < n; j++) out[at + j] = wordToFloat32(b[j]!);
  });
  return out;
}

/** float64: 2 outputs per block, words (0, 1) and (2, 3). */
export function uniformFloat64(gen: Philox, n: number): Float64Array {
  const out = new Float64Array(n);
  forEachBlock(gen, Math.ceil(n / 2), (b, g) => {
    out[2 * g] = wordsToFloat64(b[0]!, b[1]!);
    if (2 * g + 1 < n) out[2 * g + 1] = wordsToFloat64(b[2]!, b[3]!);
  });
  return out;
}

/** int32 in [lo, hi): lo + word mod uint32(hi − lo), wrapped to int32 (no modulo-bias correction, as TF). */
export function uniformInt32(gen: Philox, n: number, lo: number, hi: number): Int32Array {
  const range = (hi - lo) >>> 0;
  const out = new Int32Array(n);
  forEachBlock(gen, Math.ceil(n / 4), (b, g) => {
    const at = 4 * g;
    for (let j = 0; j < 4 && at + j < n; j++) out[at + j] = (lo + (b[j]! % range)) | 0;
  });
  return out;
}

/** int64 in [lo, hi): lo + (w0 | w1 << 32) mod uint64(hi − lo), wrapped. */
export function uniformInt64(gen: Philox, n: number, lo: bigint, hi: bigint): BigInt64Array {
  const range = BigInt.asUintN(64, hi - lo);
  const out = new BigInt64Array(n);
  forEachBlock(gen, Math.ceil(n / 2), (b, g) => {
    for (let j = 0; j < 2 && 2 * g + j < n; j++) {
      const x = BigInt(b[2 * j]!) | (BigInt(b[2 * j + 1]!) << 32n);
      out[2 * g + j] = BigInt.asIntN(64, lo + (x % range));
    }
  });
  return out;
}

/** Full-range integers (`stateless_uniform(..., minval=None, maxval=None)`): the bits themselves. */
export function fullRangeInt(
  gen: Philox,
  n: number,
  dtype: 'int32' | 'uint32' | 'int64' | 'uint64',
): Int32Array | Uint32Array | BigInt64Array | BigUint64Array {
  if (dtype === 'int32' || dtype === 'uint32') {
    const out = new Uint32Array(n);
    forEachBlock(gen, Math.ceil(n / 4), (b, g) => {
      for (let j = 0; j < 4 && 4 * g + j < n; j++) out[4 * g + j] = b[j]!;
    });
    return dtype === 'int32' ? new Int32Array(out.buffer) : out;
  }
  const out = new BigUint64Array(n);
  forEachBlock(gen, Math.ceil(n / 2), (b, g) => {
    for (let j = 0; j < 2 && 2 * g + j < n; j++) {
      out[2 * g + j] = BigInt(b[2 * j]!) | (BigInt(b[2 * j + 1]!) << 32n);
    }
  });
  return dtype === 'int64' ? new BigInt64Array(out.buffer) : out;
}

/** `RandomStandardNormal`, float32: two Box–Muller pairs per block (words 0,1 and 2,3), sine first. */
export function normalFloat32(gen: Philox, n: number): Float32Array {
  const out = new Float32Array(n);
  const pair = new Float32Array(2);
  forEachBlock(gen, Math.ceil(n / 4), (b, g) => {
    const at = 4 * g;
    for (let h = 0; h < 2; h++) {
      boxMullerFloat32(b[2 * h]!, b[2 * h + 1]!, pair);
      if (at + 2 * h < n) out[at + 2 * h] = pair[0]!;
      if (at + 2 * h + 1 < n) out[at + 2 * h + 1] = pair[1]!;
    }
  });
  return out;
}

const TRUNCATE = 2.0;

/** `RandomStandardNormal`, float64: one Box–Muller pair from all four words of a block. */
export function normalFloat64(gen: Philox, n: number): Float64Array {
  const out = new Float64Array(n);
  const pair = new Float64Array(2);
  forEachBlock(gen, Math.ceil(n / 2), (b, g) => {
    boxMullerFloat64(b[0]!, b[1]!, b[2]!, b[3]!, pair);
    out[2 * g] = pair[0]!;
    if (2 * g + 1 < n) out[2 * g + 1] = pair[1]!;
  });
  return out;
}

/**
 * `TruncatedNormal`: group g of k outputs (k = 4 for float32, 2 for float64) draws words one at a time from the
 * generator skipped by 64·k·g blocks, keeps Box–Muller values with |z| < 2 (sine first) until it has k, and
 * drops the surplus.
 */
export function truncatedNormal<D extends 'float32' | 'float64'>(
  gen: Philox,
  n: number,
  dtype: D,
): D extends 'float32' ? Float32Array : Float64Array {
  const f32 = dtype === 'float32';
  const k = f32 ? 4 : 2;
  const out = f32 ? new Float32Array(n) : new Float64Array(n);
  const pair32 = new Float32Array(2);
  const pair64 = new Float64Array(2);
  const pair = f32 ? pair32 : pair64;
  const groups = Math.ceil(n / k);
  for (let g = 0; g < groups; g++) {
    const sub = gen.clone();
    sub.skip(g * k * 64);
    const words = new WordStream(sub);
    let index = 0;
    while (index < k) {
      if (f32) {
        boxMullerFloat32(words.next(), words.next(), pair32);
      } else {
        const x0 = words.next();
        const x1 = words.next();
        const x2 = words.next();
        boxMullerFloat64(x0, x1, x2, words.next(), pair64);
      }
      for (let i = 0; i < 2 && index < k; i++) {
        const z = pair[i]!;
        if (Math.abs(z) < TRUNCATE) {
          if (k * g + index < n) out[k * g + index] = z;
          index++;
        }
      }
    }
  }
  return out as D extends 'float32' ? Float32Array : Float64Array;
}

/** float32 scaling `u · (max − min) + min`, each step rounded to float32 (min/max already float32). */
export function scaleFloat32(values: Float32Array, mul: number, add: number): void {
  for (let i = 0; i < values.length; i++) values[i] = fround(fround(values[i]! * mul) + add);
}

/** float64 scaling `u · mul + add`. */
export function scaleFloat64(values: Float64Array, mul: number, add: number): void {
  for (let i = 0; i < values.length; i++) values[i] = values[i]! * mul + add;
}
