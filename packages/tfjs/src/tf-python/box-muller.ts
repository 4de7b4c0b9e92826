/**
 * Bits → uniform floats and TensorFlow's Box–Muller transform (CPU kernels), §2.3–2.4 of
 * /work/shared/reference/python-framework-parity.md. The float32 transform needs glibc's `logf` and
 * `sincosf` bit for bit, the float64 one glibc's `log`, `sin` and `cos` (TF calls `sincos`, which computes
 * both with the same routines); they come from the shared port in `@seedkit/numpy-random/math`.
 */
import { cos, log, logf, sin, sincosf } from '@seedkit/numpy-random/math';

const fround = Math.fround;
const TWO_POW_23 = 8388608;
const TWO_POW_32 = 4294967296;
const TWO_POW_52 = 4503599627370496;
const EPSILON_F32 = fround(1e-7);
const TWO_PI = 2 * Math.PI;
const sc: [number, number] = [0, 0];

/** float32 in [0, 1) from the low 23 bits of a word. */
export function wordToFloat32(x: number): number {
  return (x & 0x7fffff) / TWO_POW_23;
}

/** float64 in [0, 1) from the low 20 bits of x0 and all of x1. */
export function wordsToFloat64(x0: number, x1: number): number {
  return ((x0 & 0xfffff) * TWO_POW_32 + x1) / TWO_POW_52;
}

/** `BoxMullerFloat(x0, x1)`: out[0] = r·sin θ, out[1] = r·cos θ, all float32 as TF computes them. */
export function boxMullerFloat32(x0: number, x1: number, out: Float32Array): void {
  let u1 = wordToFloat32(x0);
  if (u1 < EPSILON_F32) u1 = EPSILON_F32;
  const v1 = fround(TWO_PI * wordToFloat32(x1));
  const r = fround(Math.sqrt(fround(-2 * logf(u1))));
  sincosf(v1, sc);
  out[0] = fround(sc[0] * r);
  out[1] = fround(sc[1] * r);
}

/** `BoxMullerDouble(x0, x1, x2, x3)`: out[0] = r·sin θ, out[1] = r·cos θ in double precision. */
export function boxMullerFloat64(x0: number, x1: number, x2: number, x3: number, out: Float64Array): void {
  let u1 = wordsToFloat64(x0, x1);
  if (u1 < 1e-7) u1 = 1e-7;
  const v1 = TWO_PI * wordsToFloat64(x2, x3);
  const r = Math.sqrt(-2 * log(u1));
  out[0] = sin(v1) * r;
  out[1] = cos(v1) * r;
}
