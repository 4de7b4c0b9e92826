/**
 * Double `log1p` and `expm1`: ports of glibc 2.36 `sysdeps/ieee754/dbl-64/s_log1p.c` and `s_expm1.c` (the
 * fdlibm algorithms) as built for x86-64 FMA CPUs. Upstream 2.36 had no FMA variants of these, but the
 * glibc 2.36 release branch (which Debian 12's 2.36-9+deb12uN follows) backported "x86_64: Add log1p with
 * FMA" / "Add expm1 with FMA" (`s_log1p-fma.c`, `s_expm1-fma.c`, `-mfma -mavx2`); the plain (SSE2) build
 * differs from the system libm in ~0.02–0.07% of results. The contractions below follow GCC's optimized
 * GIMPLE of the FMA build.
 */
import { F64, HI, LO, U32 } from './bits.js';
import { POW2 } from './exp.js';
import { fma } from './fma.js';

function setHigh(x: number, hi: number): number {
  F64[0] = x;
  U32[HI] = hi >>> 0;
  return F64[0] as number;
}

// ---------------------------------------------------------------------------------------------------------
// log1p
//
// 1 + x = 2^k·(1 + f) with √2/2 < 1 + f < √2 (k = 0 and f = x directly when −0.2929 < x < 0.41422);
// when k ≠ 0 the rounding error of u = 1 + x is kept as the correction c/u. Then with s = f/(2 + f):
//   log(1 + f) = f − hfsq + s·(hfsq + R(s²)),  hfsq = f²/2,
// R a degree-7 polynomial in s² (Lp1..Lp7), and log1p(x) = k·ln2_hi + (… + k·ln2_lo + c).

const LN2_HI = 0.6931471803691238; // 0x3fe62e42 fee00000
const LN2_LO = 1.9082149292705877e-10; // 0x3dea39ef 35793c76
const LP1 = 0.6666666666666735;
const LP2 = 0.3999999999940942;
const LP3 = 0.2857142874366239;
const LP4 = 0.22222198432149784;
const LP5 = 0.1818357216161805;
const LP6 = 0.15313837699209373;
const LP7 = 0.14798198605116586;

// Fast path (log1pRaw). The result is g(R, lo1), a chain of plain roundings after R (and, for k ≠ 0, after
// lo1 = fma(k, ln2_lo, c)); each step is monotonic, so g is monotonic in R (increasing when s > 0, else
// decreasing) and increasing in lo1. With R' and lo1' evaluated plainly and bounds |R − R'| <= dR,
// |lo1 − lo1'| <= d1, if g is the same at both corners of the box, that is glibc's result.
//  * R = fma(z6, R4, fma(z4, R3, fma(z, Lp1, z2·R2))), Rn = fma(z, Lp(n+1), Lpn) vs all plain: z >= 0 and
//    every coefficient is positive (no cancellation), so every rounding error is <= u·V (V = the exact
//    sum <= 1.0001 R): fused 3 roundings + R2's through z2 (<= 0.03z), plain 4 + p1 + R2's: |R − R'| <=
//    7.3u·R'. dR = 12u·R' (incl. 2^-52 R' so that the rounded R' ± dR still bracket R).
//  * lo1 = fma(k, ln2_lo, c) vs RN(RN(k·ln2_lo) + c): <= u|k·ln2_lo| + 2u|lo1'|; d1 = 2^-51|k·ln2_lo| +
//    2^-50|lo1'| (incl. the bracketing term). k·ln2_hi is exact (32 + 11 bits), as is x·x·0.5 for tiny x.
// Where the test fails (~2–5% of inputs in (−1, 1)), R and lo1 are recomputed with glibc's exact fmas and the
// plain chain finishes (that is glibc's evaluation). Inputs with |f| < 2^-20 and x <= −1 run log1pFma.
const LOG1P_DR = 12 * 2 ** -53;
const M50 = 2 ** -50;
const M51 = 2 ** -51;

/**
 * `log1p` (no argument checks): the reference evaluation, every contraction an exact `fma()` call.
 * {@link log1pRaw} returns the same bits faster and falls back to this near rounding boundaries.
 */
export function log1pFma(x: number): number {
  F64[0] = x;
  const hx = (U32[HI] as number) | 0; // signed high word
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422 (incl. all negative x)
    if (ax >= 0x3ff00000) {
      // x <= -1
      if (x === -1) return -Infinity;
      return Number.NaN;
    }
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x; // |x| < 2^-54
      return fma(-(x * x), 0.5, x); // x − x²/2, fused
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // −0.2929 < x < 0.41422
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) {
    return x + x; // inf or nan
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      F64[0] = u;
      hu = (U32[HI] as number) | 0;
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // rounding error of 1 + x
      c /= u;
    } else {
      u = x;
      hu = hx;
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = setHigh(u, hu | 0x3ff00000); // normalize u
    } else {
      k += 1;
      u = setHigh(u, hu | 0x3fe00000); // normalize u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      c = fma(k, LN2_LO, c);
      return fma(k, LN2_HI, c);
    }
    const R = fma(-f, 0.6666666666666666, 1.0) * hfsq;
    if (k === 0) return f - R;
    return fma(k, LN2_HI, -(R - fma(k, LN2_LO, c) - f));
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const z2 = z * z;
  const R2 = fma(z, LP3, LP2);
  const z4 = z2 * z2;
  const R3 = fma(z, LP5, LP4);
  const z6 = z2 * z4;
  const R4 = fma(z, LP7, LP6);
  // R = z·Lp1 + z2·R2 + z4·R3 + z6·R4, the first product fused with the second (computed plainly)
  const R = fma(z6, R4, fma(z4, R3, fma(z, LP1, z2 * R2)));
  const sR = s * (hfsq + R);
  if (k === 0) return f - (hfsq - sR);
  return fma(k, LN2_HI, -(hfsq - (fma(k, LN2_LO, c) + sR) - f));
}

/** `log1p` (no argument checks): bit-identical to {@link log1pFma}, filtered plain arithmetic. */
export function log1pRaw(x: number): number {
  F64[0] = x;
  const hx = (U32[HI] as number) | 0; // signed high word
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422 (incl. all negative x)
    if (ax >= 0x3ff00000) {
      // x <= -1
      return log1pFma(x);
    }
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x; // |x| < 2^-54
      return x - x * x * 0.5; // fma(−(x·x), 0.5, x): the product by 0.5 is exact
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // −0.2929 < x < 0.41422
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) {
    return x + x; // inf or nan
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      F64[0] = u;
      hu = (U32[HI] as number) | 0;
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // rounding error of 1 + x
      c /= u;
    } else {
      return log1pFma(x); // x >= 2^53
    }
    hu &= 0x000fffff;
    // normalize u (or u/2): only the exponent changes, so scale by 2^-k (exact, no store/load round trip)
    if (hu >= 0x6a09e) {
      k += 1;
      hu = (0x00100000 - hu) >> 2;
    }
    u *= POW2[1023 - k] as number;
    f = u - 1.0;
  }
  if (hu === 0) return log1pFma(x); // |f| < 2^-20 (rare)
  const hfsq = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z2 * z4;
  const R = z6 * (z * LP7 + LP6) + (z4 * (z * LP5 + LP4) + (z * LP1 + z2 * (z * LP3 + LP2)));
  // R's fused and plain evaluations differ by <= 7.3u·R; dR = 12u·R also brackets after rounding R ± dR
  const dR = LOG1P_DR * R;
  const ra = s > 0 ? R - dR : R + dR; // the end of [R − dR, R + dR] that gives the smaller result
  const rb = s > 0 ? R + dR : R - dR;
  if (k === 0) {
    const g1 = f - (hfsq - s * (hfsq + ra));
    if (g1 === f - (hfsq - s * (hfsq + rb))) return g1;
    return f - (hfsq - s * (hfsq + log1pR(z, z2, z4, z6))); // R as glibc computes it; the rest is plain
  }
  const kl = k * LN2_LO;
  const lo1 = kl + c;
  const d1 = M51 * Math.abs(kl) + M50 * Math.abs(lo1);
  const g1 = k * LN2_HI - (hfsq - (lo1 - d1 + s * (hfsq + ra)) - f);
  if (g1 === k * LN2_HI - (hfsq - (lo1 + d1 + s * (hfsq + rb)) - f)) return g1;
  return k * LN2_HI - (hfsq - (fma(k, LN2_LO, c) + s * (hfsq + log1pR(z, z2, z4, z6))) - f);
}

/** log1p's R exactly as glibc's FMA build computes it. */
function log1pR(z: number, z2: number, z4: number, z6: number): number {
  return fma(z6, fma(z, LP7, LP6), fma(z4, fma(z, LP5, LP4), fma(z, LP1, z2 * fma(z, LP3, LP2))));
}

/**
 * For the checks only (scripts/check-math-fastpath.mjs): writes `[R, R', dR0, s, lo1, lo1', d10]`, glibc's
 * (all-fma) and the plain R and lo1 of {@link log1pRaw} with the bounds before the bracketing margin
 * (dR0 = 10u·R', d10 = 2^-51|k·ln2_lo| + 2^-51|lo1'|); false where the fast path is not used.
 */
export function log1pParts(x: number, out: Float64Array): boolean {
  F64[0] = x;
  const hx = (U32[HI] as number) | 0;
  const ax = hx & 0x7fffffff;
  let f: number;
  let k = 0;
  let c = 0;
  if (hx < 0x3fda827a && ax < 0x3e200000) return false;
  if (hx < 0x3fda827a && (ax >= 0x3ff00000 || !(hx > 0 || hx <= (0xbfd2bec3 | 0)))) {
    if (ax >= 0x3ff00000) return false;
  }
  if (hx >= 0x7ff00000) return false;
  if (hx < 0x3fda827a && (hx > 0 || hx <= (0xbfd2bec3 | 0))) {
    f = x;
  } else {
    let u: number;
    let hu: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      F64[0] = u;
      hu = (U32[HI] as number) | 0;
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
      c /= u;
    } else {
      u = x;
      hu = hx;
      k = (hu >> 20) - 1023;
    }
    hu &= 0x000fffff;
    if (hu === 0) return false;
    if (hu < 0x6a09e) {
      u = setHigh(u, hu | 0x3ff00000);
    } else {
      k += 1;
      u = setHigh(u, hu | 0x3fe00000);
    }
    f = u - 1.0;
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z2 * z4;
  out[0] = fma(z6, fma(z, LP7, LP6), fma(z4, fma(z, LP5, LP4), fma(z, LP1, z2 * fma(z, LP3, LP2))));
  const R = z6 * (z * LP7 + LP6) + (z4 * (z * LP5 + LP4) + (z * LP1 + z2 * (z * LP3 + LP2)));
  out[1] = R;
  out[2] = 10 * 2 ** -53 * R;
  out[3] = s;
  const kl = k * LN2_LO;
  out[4] = fma(k, LN2_LO, c);
  out[5] = kl + c;
  out[6] = M51 * Math.abs(kl) + M51 * Math.abs(kl + c);
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// expm1
//
// x = k·ln2 + r (hi − lo, with the rounding error c of hi − lo kept), |r| ≤ ln2/2. On [−ln2/2, ln2/2]
//   expm1(r) = r + r²/2 + r³/6 · (something rational in r), via R1..R3 (Q1..Q5), e the correction term,
// then expm1(x) = 2^k·(expm1(r) + 1) − 1, assembled in the order that avoids cancellation for each k.

const O_THRESHOLD = 709.782712893384; // 0x40862e42 fefa39ef
const INVLN2 = Math.LOG2E; // 0x3ff71547 652b82fe
const Q1 = -0.03333333333333313;
const Q2 = 0.0015873015872548146;
const Q3 = -7.93650757867488e-5;
const Q4 = 4.008217827329362e-6;
const Q5 = -2.0109921818362437e-7;

/** Add k to the binary exponent of y (through the high word, as the C code does). */
function addExponent(y: number, k: number): number {
  F64[0] = y;
  U32[HI] = ((U32[HI] as number) + (k << 20)) >>> 0;
  return F64[0] as number;
}

export function expm1Raw(x: number): number {
  F64[0] = x;
  let hx = U32[HI] as number;
  const neg = hx >>> 31 === 1;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) {
    // |x| >= 56·ln2
    if (hx >= 0x40862e42) {
      // |x| >= 709.78...
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | (U32[LO] as number)) !== 0) return x + x; // NaN
        return neg ? -1.0 : x; // expm1(±inf) = inf, −1
      }
      if (x > O_THRESHOLD) return Infinity;
    }
    if (neg) return -1.0; // x < −56·ln2: tiny − 1 rounds to −1
  }
  let k = 0;
  let c = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5·ln2
      if (!neg) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = Math.trunc(INVLN2 * x + (neg ? -0.5 : 0.5));
      const t = k;
      hi = fma(-t, LN2_HI, x); // exact here
      lo = t * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    return x; // |x| < 2^-54
  }
  // x is now in the primary range
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const R1 = fma(hxs, Q1, 1.0);
  const h2 = hxs * hxs;
  const R2 = fma(hxs, Q3, Q2);
  const h4 = h2 * h2;
  const R3 = fma(hxs, Q5, Q4);
  const r1 = fma(h4, R3, fma(h2, R2, R1));
  let t = fma(-hfx, r1, 3.0);
  let e = ((r1 - t) / fma(-x, t, 6.0)) * hxs;
  if (k === 0) return x - fma(x, e, -hxs);
  e = fma(e - c, x, -c);
  e -= hxs;
  if (k === -1) return fma(x - e, 0.5, -0.5);
  if (k === 1) {
    if (x < -0.25) return (e - (x + 0.5)) * -2.0;
    return fma(x - e, 2.0, 1.0);
  }
  if (k <= -2 || k > 56) {
    const y = 1.0 - (e - x);
    return addExponent(y, k) - 1.0;
  }
  let y: number;
  if (k < 20) {
    t = setHigh(1.0, 0x3ff00000 - (0x200000 >> k)); // 1 − 2^-k
    y = t - (e - x);
  } else {
    t = setHigh(1.0, (0x3ff - k) << 20); // 2^-k
    y = x - (e + t);
    y += 1.0;
  }
  return addExponent(y, k);
}
