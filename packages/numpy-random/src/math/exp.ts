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
import { F64, fromWords, HI, LO, U32 } from './bits.js';
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

/**
 * Natural exponential (no argument checks): the reference evaluation, every contraction an exact `fma()`
 * call. {@link expRaw} returns the same bits faster and falls back to this near rounding boundaries.
 */
export function expFma(x: number): number {
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

// ---------------------------------------------------------------------------------------------------------
// Fast path for 2^-54 <= |x| < 512 (no overflow or underflow): the same evaluation in plain arithmetic,
// filtered (see log.ts for the principle: RN is monotonic, so if every value within the error bound of the
// plain result rounds to the same double, that double is glibc's). u = 2^-53.
//  * kd: glibc rounds x·InvLn2N (exact product) to an integer by adding 1.5·2^52. With p = RN(x·InvLn2N),
//    f = p − kd is exact; if |f| < 0.5 − 2^-20 the exact product (|p − x·InvLn2N| <= 2^-36 for |p| < 2^17)
//    rounds to the same integer.
//  * fma(NegLn2hiN, kd, x) has an exact product (36 + 17 significant bits): one plain add matches.
//  * r = fma(NegLn2loN, kd, a) vs r' = a + RN(NegLn2loN·kd): r' + er (two-sum) is a + L' exactly, and
//    |L − L'| <= 2^-53|L'|; r = r' unless a boundary lies within that distance of r' + er: test
//    RN(r' + (er ± dl)) = r' with dl = 2^-52|L'| + 2^-100|r'| (the last term absorbs the evaluation of er ± dl).
//  * tmp = fma(r⁴, fma(C5, r, C4), fma(fma(C3, r, C2), r², r + tail)) vs plain: with m = r + tail (same on
//    both sides), |r| <= 0.00271, |fma(C3, r, C2)| <= 0.5005, summing the rounding errors of both sides:
//    |tmp − tmp'| <= u(1.51r² + 2|b| + 2|tmp| + 0.13r⁴) with |b|, |tmp| <= |m| + 0.501r² + 0.042r⁴, so
//    <= u(4|r| + 4|tail| + 3.6r²) <= 4.01u(|r| + |tail|) (r² <= 0.0028|r|). dT = 2^-50(|r| + |tail|) (2×).
//  * result = RN(scale + scale·tmp) (one fma). With st = RN(scale·tmp'), r0 = RN(scale + st) and
//    e = st − (r0 − scale) (exact, |st| < |scale|), the exact scale + scale·t for |t − tmp'| <= dT is
//    r0 + e + (scale·tmp' − st) + scale·(t − tmp'), |scale·tmp' − st| <= 2^-53|st|: test RN(r0 + (e ± D)) = r0
//    with D = scale·dT + 2^-52|st| + 2^-100|scale|. About 2% of inputs fail this last test; r, tail and scale
//    are glibc's there, so only the polynomial and the final step are redone with exact fmas.
// scripts/check-math-fastpath.mjs measures max |tmp − tmp'|/dT (expParts) and compares expRaw with expFma.

/** 2^(j/128) as doubles (the scale for k = j). */
export const EXP_V = new Float64Array(128);
for (let j = 0; j < 128; j++) {
  EXP_V[j] = fromWords(((EXP_SBITS_HI[j] as number) + (j << 13)) >>> 0, EXP_SBITS_LO[j] as number);
}
/** 2^e for e = −1023 … 1024 (index e + 1023). */
export const POW2 = new Float64Array(2048);
for (let e = -1023; e <= 1024; e++) POW2[e + 1023] = 2 ** e;
const TINY = 2 ** -54;
const HALF_MINUS = 0.5 - 2 ** -20;
const M52 = 2 ** -52;
const M50 = 2 ** -50;
const M100 = 2 ** -100;

/**
 * @internal The fast path's tables and constants in the order wasm/pcg64.wat's `$exp_fast` reads them (its
 * loader in src/distributions/ziggurat.ts copies them into the kernel's memory).
 */
export const EXP_KERNEL_DATA = {
  tail: EXP_TAIL,
  v: EXP_V,
  constants: [
    EXP_INVLN2N,
    EXP_SHIFT,
    EXP_NEGLN2HIN,
    EXP_NEGLN2LON,
    EXP_C2,
    EXP_C3,
    EXP_C4,
    EXP_C5,
    TINY,
    HALF_MINUS,
    M52,
    M100,
    M50,
  ],
} as const;

/** Natural exponential (no argument checks): bit-identical to {@link expFma}, filtered plain arithmetic. */
export function expRaw(x: number): number {
  const ax = Math.abs(x);
  if (!(ax >= TINY && ax < 512)) return expFma(x);
  const p = EXP_INVLN2N * x;
  const kd = p + EXP_SHIFT - EXP_SHIFT;
  if (!(Math.abs(p - kd) < HALF_MINUS)) return expFma(x);
  const a = x + EXP_NEGLN2HIN * kd;
  const l = EXP_NEGLN2LON * kd;
  const r = a + l;
  const bv = r - a;
  const er = a - (r - bv) + (l - bv);
  const dl = M52 * Math.abs(l) + M100 * Math.abs(r);
  if (!(r + (er + dl) === r && r + (er - dl) === r)) return expFma(x);
  return expFastTail(r, kd | 0);
}

/**
 * The fast path's last step, shared by {@link expRaw} and `powRaw`: scale·(1 + tmp) for glibc's exact reduced
 * argument r and k = `ki`, in plain arithmetic when the bound D above decides the rounding, else with glibc's
 * exact fmas (r, tail and scale are glibc's values there).
 */
export function expFastTail(r: number, ki: number): number {
  const j = ki & 127;
  const tail = EXP_TAIL[j] as number;
  const r2 = r * r;
  const tmp = r2 * r2 * (EXP_C5 * r + EXP_C4) + ((EXP_C3 * r + EXP_C2) * r2 + (r + tail));
  const scale = (EXP_V[j] as number) * (POW2[(ki >> 7) + 1023] as number);
  const st = scale * tmp;
  const r0 = scale + st;
  const e = st - (r0 - scale);
  const d = scale * (M50 * (Math.abs(r) + Math.abs(tail)) + M100) + M52 * Math.abs(st);
  if (r0 + (e + d) === r0 && r0 + (e - d) === r0) return r0;
  return fma(fma(r2 * r2, fma(EXP_C5, r, EXP_C4), fma(fma(EXP_C3, r, EXP_C2), r2, r + tail)), scale, scale);
}

/**
 * For the checks only (scripts/check-math-fastpath.mjs): writes glibc's tmp (all-fma), the plain tmp' and
 * the bound dT of {@link expRaw} into `out` (`[tmp, tmp', dT, r]`) when the fast path reaches that step.
 */
export function expParts(x: number, out: Float64Array): boolean {
  const ax = Math.abs(x);
  if (!(ax >= TINY && ax < 512)) return false;
  const kd = fma(EXP_INVLN2N, x, EXP_SHIFT) - EXP_SHIFT;
  expTailParts(fma(EXP_NEGLN2LON, kd, fma(EXP_NEGLN2HIN, kd, x)), kd, out);
  return true;
}

/**
 * For the checks only ({@link expParts} and `powParts`): from glibc's reduced argument r and k = `kd`, writes
 * the all-fma tmp, the plain tmp' of {@link expFastTail} and its bound dT, and r into `out[0..4)`.
 */
export function expTailParts(r: number, kd: number, out: Float64Array): void {
  const tail = EXP_TAIL[(kd | 0) & 127] as number;
  const r2 = r * r;
  out[0] = fma(r2 * r2, fma(EXP_C5, r, EXP_C4), fma(fma(EXP_C3, r, EXP_C2), r2, r + tail));
  out[1] = r2 * r2 * (EXP_C5 * r + EXP_C4) + ((EXP_C3 * r + EXP_C2) * r2 + (r + tail));
  out[2] = M50 * (Math.abs(r) + Math.abs(tail));
  out[3] = r;
}
