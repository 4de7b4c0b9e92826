/**
 * Double `pow`: port of glibc 2.36 `sysdeps/ieee754/dbl-64/e_pow.c` (ARM optimized-routines) as built for
 * x86-64 FMA CPUs (`__ieee754_pow_fma`, `-mfma -mavx2`).
 *
 * Method: x^y = exp(y·log x) with log x computed to ~68 bits as hi + lo:
 *   x = 2^k·z, z in [0x1.69555p-1, 0x1.69555p0), 128 table entries with few-bit 1/c so that
 *   r = z/c − 1 is exact (one FMA), log x = k·ln2 + log c + log1p(r), where log c = logc + logctail and
 *   log1p(r) = r − r²/2 + r³·P(r) with the −r²/2 term's rounding error recovered by an FMA.
 * Then y·(hi + lo) = ehi + elo exactly enough (FMA for the product error), and exp(ehi + elo) reuses exp's
 * 2^(j/128) table with elo added to the reduced argument. A negative x with odd integer y flips the sign
 * through the scale's exponent bits (SIGN_BIAS). Special values follow C99/IEEE pow.
 * Contractions follow GCC's optimized GIMPLE of the FMA build.
 */
import { F64, HI, LO, U32 } from './bits.js';
import { expTail } from './exp.js';
import { EXP_INVLN2N, EXP_NEGLN2HIN, EXP_NEGLN2LON, EXP_SHIFT } from './exp-data.js';
import { fma } from './fma.js';
import { POW_A, POW_INVC, POW_LN2HI, POW_LN2LO, POW_LOGC, POW_LOGCTAIL } from './pow-data.js';

const A0 = POW_A[0] as number;
const A1 = POW_A[1] as number;
const A2 = POW_A[2] as number;
const A3 = POW_A[3] as number;
const A4 = POW_A[4] as number;
const A5 = POW_A[5] as number;
const A6 = POW_A[6] as number;
const SIGN_BIAS = 0x800 << 7; // added to k: sets the sign bit of the result's scale
const TWO52 = 4503599627370496;

/** 0: not an integer, 1: odd integer, 2: even integer (y finite, nonzero). */
function checkint(y: number): number {
  if (!Number.isInteger(y)) return 0;
  if (Math.abs(y) >= 9007199254740992) return 2;
  return y % 2 === 0 ? 2 : 1;
}

let logTail = 0;

/** log of the (positive, normalized) double with words hw:lw, as hi (returned) + logTail. */
function logInline(hw: number, lw: number): number {
  const tmp = (hw - 0x3fe69555) | 0; // ix − OFF, OFF = 0x3fe6955500000000
  const i = (tmp >>> 13) & 127;
  const k = tmp >> 20;
  U32[HI] = (hw - (tmp & 0xfff00000)) >>> 0;
  U32[LO] = lw;
  const z = F64[0] as number;
  const invc = POW_INVC[i] as number;
  const logc = POW_LOGC[i] as number;
  const logctail = POW_LOGCTAIL[i] as number;
  const r = fma(z, invc, -1.0); // exact
  // k·ln2 + log c + r
  const t1 = fma(k, POW_LN2HI, logc);
  const t2 = r + t1;
  const lo1 = fma(k, POW_LN2LO, logctail);
  const lo2 = r + (t1 - t2);
  // + A0·r² (A0 = −1/2) with its rounding error
  const ar = r * A0;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = fma(r, ar, -ar2);
  const lo4 = ar2 + (t2 - hi);
  // p = log1p(r) − r − A0 r², pre-scaled polynomial in r and ar2
  const q = fma(ar2, fma(ar2, fma(r, A6, A5), fma(r, A4, A3)), fma(r, A2, A1));
  const lo = fma(ar3, q, lo4 + (lo3 + (lo1 + lo2)));
  const y = hi + lo;
  logTail = lo + (hi - y);
  return y;
}

/** sign·exp(x + xtail), |xtail| tiny; signBias is 0 or SIGN_BIAS. */
function expInline(x: number, xtail: number, signBias: number): number {
  F64[0] = x;
  let abstop = ((U32[HI] as number) >>> 20) & 0x7ff;
  if (abstop < 0x3c9 || abstop >= 0x408) {
    if (abstop < 0x3c9) {
      const one = 1.0 + x;
      return signBias ? -one : one;
    }
    if (abstop >= 0x409) {
      if (x < 0) return signBias ? -0 : 0; // underflow
      return signBias ? -Infinity : Infinity; // overflow
    }
    abstop = 0;
  }
  const kd0 = fma(x, EXP_INVLN2N, EXP_SHIFT);
  F64[0] = kd0;
  const ki = U32[LO] as number;
  const kd = kd0 - EXP_SHIFT;
  const r = xtail + fma(kd, EXP_NEGLN2LON, fma(kd, EXP_NEGLN2HIN, x));
  return expTail(r, ki, signBias, abstop === 0);
}

/** x^y (no argument checks). */
export function powRaw(x: number, y: number): number {
  let signBias = 0;
  F64[0] = y;
  const yh = U32[HI] as number;
  const topy = yh >>> 20;
  F64[0] = x;
  let xh = U32[HI] as number;
  let xl = U32[LO] as number;
  let topx = xh >>> 20;
  const ayexp = topy & 0x7ff;
  if (topx === 0 || topx >= 0x7ff || ayexp < 0x3be || ayexp >= 0x43e) {
    // x < 2^-1022 (incl. negative, zero, subnormal), inf, nan; or |y| < 2^-65, |y| >= 2^63, inf, nan
    if (y === 0 || !Number.isFinite(y)) {
      if (y === 0) return 1.0;
      if (x === 1) return 1.0;
      if (Number.isNaN(x) || Number.isNaN(y)) return x + y;
      if (x === -1) return 1.0; // (−1)^±inf
      if (Math.abs(x) < 1 === y > 0) return 0.0; // |x| < 1 and y = +inf, or |x| > 1 and y = −inf
      return y * y;
    }
    if (x === 0 || !Number.isFinite(x)) {
      let x2 = x * x;
      if (xh >>> 31 && checkint(y) === 1) {
        x2 = -x2;
        signBias = 1;
      }
      if (x === 0 && y < 0) return signBias ? -Infinity : Infinity;
      return y < 0 ? 1 / x2 : x2;
    }
    // x and y are nonzero and finite
    if (xh >>> 31) {
      const yint = checkint(y);
      if (yint === 0) return Number.NaN;
      if (yint === 1) signBias = SIGN_BIAS;
      xh &= 0x7fffffff;
      topx &= 0x7ff;
    }
    if (ayexp < 0x3be || ayexp >= 0x43e) {
      // sign_bias is 0 here: such y are even integers or not integers
      const ax = Math.abs(x);
      if (ax === 1) return 1.0;
      if (ayexp < 0x3be) return ax > 1 ? 1.0 + y : 1.0 - y; // |y| < 2^-65
      return ax > 1 === topy < 0x800 ? Infinity : 0;
    }
    if (topx === 0) {
      // subnormal x: normalize, letting the exponent go negative
      F64[0] = x * TWO52;
      xh = (((U32[HI] as number) & 0x7fffffff) - (52 << 20)) >>> 0;
      xl = U32[LO] as number;
    }
  }
  const hi = logInline(xh, xl);
  const lo = logTail;
  const ehi = y * hi;
  const elo = fma(y, lo, fma(y, hi, -ehi));
  return expInline(ehi, elo, signBias);
}
