/**
 * Double `exp`: port of glibc 2.36 `sysdeps/ieee754/dbl-64/e_exp.c` (ARM optimized-routines) as built for
 * x86-64 FMA CPUs (`__ieee754_exp_fma`, `-mfma -mavx2`, GCC default contraction).
 *
 * Method: x = k·ln2/128 + r with integer k = round(x·128/ln2) (obtained by adding 1.5·2^52 and reading the
 * low bits) and |r| ≤ ln2/256, r computed as x − k·ln2hi/128 − k·ln2lo/128 with two fused steps. Then
 *   exp(x) = 2^(k/128)·exp(r) ≈ scale·(1 + tail + r + C2 r² + … + C5 r⁵),
 * where 2^(j/128) = scale·(1 + tail) comes from a 128-entry table and the integer part of k/128 is added
 * to scale's exponent bits. The final `scale + scale·tmp` is one FMA. Near overflow / underflow the scale is
 * built with a shifted exponent and corrected afterwards, rounding once in the subnormal range.
 * Contractions follow GCC's optimized GIMPLE of the FMA build (including `x·128/ln2 + 1.5·2^52`).
 */
import { F64, HI, LO, U32 } from './bits.js';
import {
  EXP_C2,
  EXP_C3,
  EXP_C4,
  EXP_C5,
  EXP_INVLN2N,
  EXP_NEGLN2HIN,
  EXP_NEGLN2LON,
  EXP_SBITS_HI,
  EXP_SBITS_LO,
  EXP_SHIFT,
  EXP_TAIL,
} from './exp-data.js';
import { fma } from './fma.js';

const P1009 = 2 ** 1009;
const M1022 = 2 ** -1022;

/** Natural exponential (no argument checks). */
export function expRaw(x: number): number {
  F64[0] = x;
  let abstop = ((U32[HI] as number) >>> 20) & 0x7ff;
  if (abstop < 0x3c9 || abstop >= 0x408) {
    if (abstop < 0x3c9) return 1 + x; // |x| < 2^-54 (incl. 0): exp(x) rounds to 1 (1 + x keeps ties right)
    if (abstop >= 0x409) {
      // |x| >= 1024, inf or nan
      if (x === -Infinity) return 0;
      if (abstop >= 0x7ff) return 1 + x;
      return x < 0 ? 0 : Infinity;
    }
    abstop = 0; // 512 <= |x| < 1024: may overflow/underflow, handled below
  }
  const kd0 = fma(EXP_INVLN2N, x, EXP_SHIFT);
  F64[0] = kd0;
  const ki = U32[LO] as number; // low 32 bits of round(x·128/ln2), two's complement
  const kd = kd0 - EXP_SHIFT;
  const r = fma(EXP_NEGLN2LON, kd, fma(EXP_NEGLN2HIN, kd, x));
  return expTail(r, ki, 0, abstop === 0);
}

/**
 * The part of exp that glibc's pow shares (its inlined exp): from the reduced argument r and k (`ki`, the low
 * 32 bits of round(x·128/ln2)), 2^(k/128)·(1 + p(r)) as scale + scale·tmp. `bias` is added to k in the scale's
 * exponent bits (pow sets the result's sign that way); `special` is set when the result may overflow or be
 * subnormal.
 */
export function expTail(r: number, ki: number, bias: number, special: boolean): number {
  const j = ki & 127;
  const tail = EXP_TAIL[j] as number;
  // scale bits = table entry + (k << 45): only the high word changes
  const sbHi = ((EXP_SBITS_HI[j] as number) + ((ki + bias) << 13)) >>> 0;
  const sbLo = EXP_SBITS_LO[j] as number;
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(EXP_C5, r, EXP_C4), fma(fma(EXP_C3, r, EXP_C2), r2, r + tail));
  if (special) return specialCase(tmp, sbHi, sbLo, ki);
  U32[HI] = sbHi;
  U32[LO] = sbLo;
  const scale = F64[0] as number;
  return fma(tmp, scale, scale);
}

/**
 * Results that may overflow (k > 0) or be subnormal (k < 0): the scale's exponent field may have wrapped. The
 * scale may carry a sign (pow's negative results).
 */
function specialCase(tmp: number, sbHi: number, sbLo: number, ki: number): number {
  if ((ki & 0x80000000) === 0) {
    // k > 0: take 1009 off the exponent, multiply back at the end (overflows to inf exactly when due)
    U32[HI] = (sbHi - (1009 << 20)) >>> 0;
    U32[LO] = sbLo;
    const scale = F64[0] as number;
    return P1009 * fma(tmp, scale, scale);
  }
  // k < 0: add 1022 to the exponent, compute y ≈ 2^1022·result, and if it will be subnormal round it at
  // the subnormal precision first (via ±1 + y) so that the final scaling is exact.
  U32[HI] = (sbHi + (1022 << 20)) >>> 0;
  U32[LO] = sbLo;
  const scale = F64[0] as number;
  const t = tmp * scale;
  let y = scale + t;
  if (Math.abs(y) < 1.0) {
    const one = y < 0.0 ? -1.0 : 1.0;
    let lo = t + (scale - y);
    const hi = y + one;
    lo = lo + (y + (one - hi));
    y = hi + lo - one;
    if (y === 0) y = scale < 0 ? -0 : 0;
  }
  return y * M1022;
}
