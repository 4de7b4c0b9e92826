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
import { expFastTail, expTail, expTailParts } from './exp.js';
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

/**
 * x^y (no argument checks): the reference evaluation, every contraction an exact `fma()` call. {@link powRaw}
 * returns the same bits faster and falls back to this near rounding boundaries.
 */
export function powFma(x: number, y: number): number {
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

// ---------------------------------------------------------------------------------------------------------
// Fast path for x in [2^-1022, inf), 2^-65 <= |y| < 2^63 and 2^-54 <= |y·log x| < 512 (no sign, overflow or
// underflow handling): the same evaluation in plain arithmetic, filtered at three places (see log.ts for
// the principle: RN is monotonic, so if all values within a proven bound of a plain result round to the
// same double, that double is glibc's). u = 2^-53.
//
// log x as hi + lo (glibc's logInline):
//  * r = fma(z, invc, −1): invc has <= 8 bits, so the Dekker product error with z split in halves is exact
//    and p − 1 is exact (Sterbenz): r is exact. fma(k, Ln2hi, logc) has an exact product (42 + 11 bits).
//  * lo3 = fma(r, ar, −ar2) is the exact error of r·ar: Dekker (ar = −r/2 splits as −rh/2, −rl/2), exact.
//  * Only lo1 = fma(k, Ln2lo, logctail), q (the polynomial) and lo = fma(ar3, q, S),
//    S = lo4 + (lo3 + (lo1 + lo2)), differ. Propagating the rounding errors of both sides:
//    |lo − lo'| <= u(|kLn2lo| + 2|lo1| + 2|S1| + 2|S2| + 2|S| + 3.7|ar3| + 2|lo|) (S1 = lo1 + lo2,
//    S2 = lo3 + S1; |q| <= 0.67, |q − q'| <= 3u). Dlo = 2^-51·(that sum with unit coefficients and 2|ar3|),
//    i.e. >= 2× each term.
//  * H = RN(hi + lo): kept only if RN(H' + (eH ± Dlo')) = H' (eH = exact error of H' = hi + lo',
//    Dlo' = Dlo + 2^-100|H'|). Then H = glibc's, and Lt = RN(lo + (hi − H)) (hi − H exact) is within
//    Dlo + 2^-52|Lt'| of Lt'.
// y·log x as ehi + elo: ehi = RN(y·H) is glibc's; fma(y, H, −ehi) is the exact product error (Dekker);
//  elo = RN(y·Lt + perr): |elo − elo'| <= |y|(Dlo + 2^-52|Lt'|) + u(|y·Lt'| + 2|elo'|); Delo takes
//  2^-50(|y·Lt'| + |elo'|) (4× margin) for the last part.
// exp(ehi + elo) (glibc's expInline): kd and r1 = fma(NegLn2loN, kd, a) checked exact as in exp.ts;
//  re = RN(elo + r1) is glibc's if RN(re' + (ere ± (Delo + 2^-100|re'|))) = re' (ere = the two-sum error).
//  Then the polynomial tmp(re) and the final RN(scale + scale·tmp) are tested as in exp.ts, and where that
//  last test fails (about 2–4% of inputs) finished with glibc's exact fmas.
// scripts/check-math-fastpath.mjs measures max |lo − lo'|/Dlo and |tmp − tmp'|/dT (powParts) and
// compares powRaw with powFma.

/** 2^-k for k = −1023 … 1024 (index k + 1023). */
const POW2_NEG = new Float64Array(2048);
for (let k = -1023; k <= 1024; k++) POW2_NEG[k + 1023] = 2 ** -k;
const SPLIT = 134217729;
const X_MIN = 2 ** -1022;
const Y_MIN = 2 ** -65;
const Y_MAX = 2 ** 63;
const E_MIN = 2 ** -54;
const HALF_MINUS = 0.5 - 2 ** -20;
const M50 = 2 ** -50;
const M51 = 2 ** -51;
const M52 = 2 ** -52;
const M100 = 2 ** -100;

/** x^y (no argument checks): bit-identical to {@link powFma}, filtered plain arithmetic. */
export function powRaw(x: number, y: number): number {
  const ay = Math.abs(y);
  if (!(x >= X_MIN && x < Infinity && ay >= Y_MIN && ay < Y_MAX)) return powFma(x, y);
  F64[0] = x;
  const hw = U32[HI] as number;
  const tmp0 = (hw - 0x3fe69555) | 0;
  const i = (tmp0 >>> 13) & 127;
  const k = tmp0 >> 20;
  const z = x * (POW2_NEG[k + 1023] as number);
  const invc = POW_INVC[i] as number;
  const logc = POW_LOGC[i] as number;
  // r = fma(z, invc, −1), exactly
  const p = z * invc;
  let sp = SPLIT * z;
  const zh = sp - (sp - z);
  const r = p - 1 + (invc * zh - p + invc * (z - zh));
  const t1 = k * POW_LN2HI + logc;
  const t2 = r + t1;
  const kl = k * POW_LN2LO;
  const lo1 = kl + (POW_LOGCTAIL[i] as number);
  const lo2 = r + (t1 - t2);
  const ar = r * A0;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  sp = SPLIT * r;
  const rh = sp - (sp - r);
  const rl = r - rh;
  const lo3 = rh * (rh * A0) - ar2 + rh * (rl * A0) + rl * (rh * A0) + rl * (rl * A0);
  const lo4 = ar2 + (t2 - hi);
  const q = ar2 * (ar2 * (r * A6 + A5) + (r * A4 + A3)) + (r * A2 + A1);
  const s1 = lo1 + lo2;
  const s2 = lo3 + s1;
  const s = lo4 + s2;
  const lo = ar3 * q + s;
  const dlo =
    M51 *
    (Math.abs(kl) +
      Math.abs(lo1) +
      Math.abs(s1) +
      Math.abs(s2) +
      Math.abs(s) +
      2 * Math.abs(ar3) +
      Math.abs(lo));
  const h = hi + lo;
  const eh = hi - h + lo;
  const dh = dlo + M100 * Math.abs(h);
  if (!(h + (eh + dh) === h && h + (eh - dh) === h)) return powFma(x, y);
  const lt = lo + (hi - h);
  // ehi + elo = y·(H + Lt)
  const ehi = y * h;
  const aehi = Math.abs(ehi);
  if (!(aehi >= E_MIN && aehi < 512)) return powFma(x, y);
  sp = SPLIT * y;
  const yh = sp - (sp - y);
  const yl = y - yh;
  sp = SPLIT * h;
  const hh = sp - (sp - h);
  const hl = h - hh;
  const perr = yh * hh - ehi + yh * hl + yl * hh + yl * hl;
  const ylt = y * lt;
  const elo = ylt + perr;
  const delo = ay * (dlo + M52 * Math.abs(lt)) + M50 * (Math.abs(ylt) + Math.abs(elo));
  // exp(ehi + elo)
  const pk = EXP_INVLN2N * ehi;
  const kd = pk + EXP_SHIFT - EXP_SHIFT;
  if (!(Math.abs(pk - kd) < HALF_MINUS)) return powFma(x, y);
  const a = ehi + EXP_NEGLN2HIN * kd;
  const l = EXP_NEGLN2LON * kd;
  const r1 = a + l;
  const bv = r1 - a;
  const er = a - (r1 - bv) + (l - bv);
  const dl = M52 * Math.abs(l) + M100 * Math.abs(r1);
  if (!(r1 + (er + dl) === r1 && r1 + (er - dl) === r1)) return powFma(x, y);
  const re = elo + r1;
  const bre = re - elo;
  const ere = elo - (re - bre) + (r1 - bre);
  const dre = delo + M100 * Math.abs(re);
  if (!(re + (ere + dre) === re && re + (ere - dre) === re)) return powFma(x, y);
  // the same last step as exp's, from glibc's (checked-exact) re and k
  return expFastTail(re, kd | 0);
}

/**
 * For the checks only (scripts/check-math-fastpath.mjs): for inputs where {@link powRaw}'s fast path reaches
 * its last step, writes `[tmp, tmp', dT, re, lo, lo', Dlo, |elo − elo'|, Delo]`: glibc's (all-fma) and the
 * plain values of the exp polynomial and of log's low part, with their bounds. Returns false otherwise.
 */
export function powParts(x: number, y: number, out: Float64Array): boolean {
  const ay = Math.abs(y);
  if (!(x >= X_MIN && x < Infinity && ay >= Y_MIN && ay < Y_MAX)) return false;
  F64[0] = x;
  const hw = U32[HI] as number;
  const tmp0 = (hw - 0x3fe69555) | 0;
  const i = (tmp0 >>> 13) & 127;
  const k = tmp0 >> 20;
  const z = x * (POW2_NEG[k + 1023] as number);
  const invc = POW_INVC[i] as number;
  const r = fma(z, invc, -1.0);
  const t1 = k * POW_LN2HI + (POW_LOGC[i] as number);
  const t2 = r + t1;
  const lo2 = r + (t1 - t2);
  const ar = r * A0;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = fma(r, ar, -ar2);
  const lo4 = ar2 + (t2 - hi);
  const logctail = POW_LOGCTAIL[i] as number;
  // glibc
  const qg = fma(ar2, fma(ar2, fma(r, A6, A5), fma(r, A4, A3)), fma(r, A2, A1));
  const log = fma(ar3, qg, lo4 + (lo3 + (fma(k, POW_LN2LO, logctail) + lo2)));
  // plain
  const kl = k * POW_LN2LO;
  const lo1 = kl + logctail;
  const q = ar2 * (ar2 * (r * A6 + A5) + (r * A4 + A3)) + (r * A2 + A1);
  const s1 = lo1 + lo2;
  const s2 = lo3 + s1;
  const s = lo4 + s2;
  const lo = ar3 * q + s;
  const dlo =
    M51 *
    (Math.abs(kl) +
      Math.abs(lo1) +
      Math.abs(s1) +
      Math.abs(s2) +
      Math.abs(s) +
      2 * Math.abs(ar3) +
      Math.abs(lo));
  out[4] = log;
  out[5] = lo;
  out[6] = dlo;
  const h = hi + log;
  if (h !== hi + lo) return false; // the fast path falls back here
  const ehi = y * h;
  if (!(Math.abs(ehi) >= E_MIN && Math.abs(ehi) < 512)) return false;
  const perr = fma(y, h, -ehi);
  const ltg = log + (hi - h);
  const lt = lo + (hi - h);
  const elog = fma(y, ltg, perr);
  const ylt = y * lt;
  const elo = ylt + perr;
  const delo = ay * (dlo + M52 * Math.abs(lt)) + M50 * (Math.abs(ylt) + Math.abs(elo));
  out[7] = Math.abs(elog - elo);
  out[8] = delo;
  const kd = fma(ehi, EXP_INVLN2N, EXP_SHIFT) - EXP_SHIFT;
  const r1 = fma(kd, EXP_NEGLN2LON, fma(kd, EXP_NEGLN2HIN, ehi));
  // glibc's re (the fast path checks that its own re equals it)
  expTailParts(elog + r1, kd, out);
  return true;
}
