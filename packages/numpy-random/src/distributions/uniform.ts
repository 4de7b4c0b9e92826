/**
 * Uniform draws shared by Generator and RandomState: `next_float`, double/float fills and `uniform`.
 */
import type { BitGenerator } from '../bitgen/bit-generator.js';

/** `next_float`: `(next32() >> 8) * 2^-24` as float32 (exact, so no rounding happens). */
export function nextFloat(bg: BitGenerator): number {
  return (bg.nextUint32() >>> 8) * 5.9604644775390625e-8;
}

/** Fills `out[start..end)` with `next_double` draws. */
export function fillDouble(bg: BitGenerator, out: Float64Array, start = 0, end: number = out.length): void {
  bg.fillDouble(out, start, end);
}

/** Fills `out[start..end)` with `next_float` draws. */
export function fillFloat(bg: BitGenerator, out: Float32Array, start = 0, end: number = out.length): void {
  for (let i = start; i < end; i++) out[i] = (bg.nextUint32() >>> 8) * 5.9604644775390625e-8;
}

/** `random_uniform(low, range)`: `low + range * next_double()`. */
export function uniform(bg: BitGenerator, low: number, range: number): number {
  return low + range * bg.nextDouble();
}

/** Fills `out[start..end)` with `low + range * next_double()` (range = high - low, computed by the caller). */
export function fillUniform(
  bg: BitGenerator,
  out: Float64Array,
  low: number,
  range: number,
  start = 0,
  end: number = out.length,
): void {
  bg.fillDouble(out, start, end);
  for (let i = start; i < end; i++) out[i] = low + range * out[i]!;
}
