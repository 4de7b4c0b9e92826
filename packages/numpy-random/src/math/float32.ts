/**
 * float32 `logf`, `sinf`, `cosf`, `sincosf`: ports of the glibc 2.36 algorithms (flt-32 `e_logf.c`,
 * `s_sinf.c`, `s_cosf.c`, `s_sincosf.c`, originally from ARM optimized-routines) as selected on x86-64 CPUs
 * with FMA (`__logf_fma`, `__sincosf_fma`, …, built with `-mfma -mavx2`).
 *
 * All of them compute in binary64 and round to float32 once at the end. The multiply-adds that GCC contracts
 * into FMA instructions in those builds are written here as explicit `fma(...)` calls; every other product
 * and sum is a plain binary64 operation.
 */
import { F32, U32 } from './bits.js';
import { POW2 } from './exp.js';
import { fma } from './fma.js';

const fround = Math.fround;

/** float32 bits of x (x must already be a float32 value). */
function asuint(x: number): number {
  F32[0] = x;
  return U32[0] as number;
}

function asfloat(i: number): number {
  U32[0] = i;
  return F32[0] as number;
}

// ---------------------------------------------------------------------------------------------------------
// logf
//
// x = 2^k · z with z in [OFF, 2·OFF) (OFF = 0x3f330000 ≈ 0.7), z chosen so that its top 4 mantissa bits
// index a table of c ≈ z (invc = 1/c, logc = log c). Then
//   log x = k·ln2 + log c + log1p(r),   r = z/c − 1 = z·invc − 1   (|r| < 1/32),
// and log1p(r) ≈ r + A0·r² + A1·r³ + A2·r⁴.
// Table and coefficients: glibc sysdeps/ieee754/flt-32/e_logf_data.c (LOGF_TABLE_BITS = 4).

const LOGF_INVC = new Float64Array([
  1.398907162146528, 1.3403141896637998, 1.286432210124115, 1.2367150214269895, 1.1906977166711752,
  1.1479821020556429, 1.1082251448272158, 1.0711297413057381, 1.036437278977283, 1, 0.9492859795739057,
  0.8951049428609004, 0.8476821620351103, 0.8050314851692001, 0.7664671008843108, 0.731428603316328,
]);
const LOGF_LOGC = new Float64Array([
  -0.33569133332882284, -0.2929040563774074, -0.2518726580937369, -0.21245868807117255, -0.17453945183745634,
  -0.1380057072319758, -0.10275976698545139, -0.06871392447020525, -0.0357891387398228, 0,
  0.05204517742929496, 0.11081431298787942, 0.1652495223695143, 0.21687389031699977, 0.2659635028121397,
  0.3127556664073557,
]);
const LOGF_LN2 = Math.LN2; // 0x1.62e42fefa39efp-1
const LOGF_A0 = -0.25089342214237154;
const LOGF_A1 = 0.333456765744066;
const LOGF_A2 = -0.4999997485802103;

/** logf on a float32 value x (no argument checks): the reference, every contraction an exact `fma()`. */
export function logfFma(x: number): number {
  let ix = asuint(x);
  if (ix === 0x3f800000) return 0; // log(1) = +0 exactly
  if (ix - 0x00800000 >= 0x7f800000 - 0x00800000 || ix < 0x00800000) {
    // x < 2^-126 (incl. negative, zero, subnormal), or inf / nan
    if ((ix & 0x7fffffff) === 0) return -Infinity;
    if (ix === 0x7f800000) return x;
    if (ix >= 0x80000000 || ix > 0x7f800000) return Number.NaN;
    // positive subnormal: scale by 2^23 (exact) and take 23 off the exponent
    ix = asuint(x * 8388608) - (23 << 23);
  }
  const tmp = (ix - 0x3f330000) | 0; // as int32: exponent k in the top bits, table index below
  const i = (tmp >>> 19) & 15;
  const k = tmp >> 23;
  const z = asfloat((ix - (tmp & 0xff800000)) >>> 0);
  const invc = LOGF_INVC[i] as number;
  const logc = LOGF_LOGC[i] as number;
  const r = fma(invc, z, -1);
  const y0 = fma(k, LOGF_LN2, logc);
  const r2 = r * r;
  let y = fma(LOGF_A1, r, LOGF_A2);
  y = fma(LOGF_A0, r2, y);
  y = fma(r2, y, r + y0);
  return fround(y);
}

// ---------------------------------------------------------------------------------------------------------
// sinf / cosf / sincosf
//
// |x| < π/4: polynomials directly. |x| < 120: x − n·π/2 with one (fused) multiply-subtract, where
// n = round(x·2/π) is obtained from a truncating int conversion of x·(2/π)·2^24 plus 2^23, shifted by 24.
// Larger: Payne–Hanek style reduction with a 192-bit 4/π table and 64-bit integer products.
// Polynomials (on the reduced r, with r² etc. in binary64):
//   sin r ≈ r + S1 r³ + S2 r⁵ + S3 r⁷,  cos r ≈ C0 + C1 r² + C2 r⁴ + C3 r⁶ + C4 r⁸.
// In quadrants 2 and 3 a second coefficient set with the cosine polynomial negated is used, and the sign of
// the reduced argument flips the sine. Constants: glibc sysdeps/x86/fpu/s_sincosf_data.c.

const HPI_INV_2P24 = 10680707.430881744; // 2/π · 2^24
const HPI = 1.5707963267948966; // π/2
const PI63 = 3.4061215800865545e-19; // 2π · 2^-64
const S1 = -0.16666654943701084;
const S2 = 0.008332178146138854;
const S3 = -0.00019517298981385725;
const C1 = -0.49999999725108224;
const C2 = 0.041666623324344516;
const C3 = -0.001388676379437604;
const C4 = 2.4390450703564542e-5;
const SIGN = [1, -1, -1, 1];

/** 4/π to 192 bits, stored with 8 new bits per entry (glibc __inv_pio4). */
const INV_PIO4 = new Uint32Array([
  0xa2, 0xa2f9, 0xa2f983, 0xa2f9836e, 0xf9836e4e, 0x836e4e44, 0x6e4e4415, 0x4e441529, 0x441529fc, 0x1529fc27,
  0x29fc2757, 0xfc2757d1, 0x2757d1f5, 0x57d1f534, 0xd1f534dd, 0xf534ddc0, 0x34ddc0db, 0xddc0db62, 0xc0db6295,
  0xdb629599, 0x6295993c, 0x95993c43, 0x993c4390, 0x3c439041,
]);

// Results of the reductions (module-level to avoid allocation).
let redN = 0;
let outSin = 0;
let outCos = 0;

function abstop12(ix: number): number {
  return (ix >>> 20) & 0x7ff;
}

/** x (|x| < 120) minus n·π/2; sets redN. */
function reduceFast(x: number): number {
  const r = x * HPI_INV_2P24;
  const n = (Math.trunc(r) + 0x800000) >> 24;
  redN = n;
  return fma(-n, HPI, x);
}

const M64 = (1n << 64n) - 1n;

/** Reduction for |x| ≥ 120 (finite), from the float32 bits xi; sets redN (quadrant bits only matter). */
function reduceLarge(xi: number): number {
  const base = (xi >>> 26) & 15;
  const shift = (xi >>> 23) & 7;
  const m = BigInt((((xi & 0xffffff) | 0x800000) << shift) >>> 0);
  const a0 = BigInt(INV_PIO4[base] as number);
  const a4 = BigInt(INV_PIO4[base + 4] as number);
  const a8 = BigInt(INV_PIO4[base + 8] as number);
  let res0 = (m * a0) & 0xffffffffn; // 32-bit product in C
  const res1 = m * a4;
  const res2 = m * a8;
  res0 = ((res2 >> 32n) | (res0 << 32n)) & M64;
  res0 = (res0 + res1) & M64;
  const n = ((res0 + (1n << 61n)) & M64) >> 62n;
  res0 = (res0 - (n << 62n)) & M64;
  redN = Number(n);
  return Number(BigInt.asIntN(64, res0)) * PI63;
}

/** sin and cos polynomials on the reduced argument; writes outSin/outCos (already rounded to float32). */
function sincosPoly(x: number, x2: number, neg: boolean, n: number): void {
  const c0 = neg ? -1 : 1;
  const c1 = neg ? -C1 : C1;
  const c2 = neg ? -C2 : C2;
  const c3 = neg ? -C3 : C3;
  const c4 = neg ? -C4 : C4;
  const x3 = x2 * x;
  const x4 = x2 * x2;
  const s23 = fma(x2, S3, S2);
  const c34 = fma(x2, c4, c3);
  const c01 = fma(x2, c1, c0);
  const x5 = x3 * x2;
  const x6 = x4 * x2;
  const s = fma(s23, x5, fma(x3, S1, x));
  const c = fma(c34, x6, fma(x4, c2, c01));
  if ((n & 1) === 0) {
    outSin = fround(s);
    outCos = fround(c);
  } else {
    outSin = fround(c);
    outCos = fround(s);
  }
}

/** sinf (n even) or the cosine polynomial (n odd), like glibc's sinf_poly. */
function sinfPoly(x: number, x2: number, neg: boolean, n: number): number {
  if ((n & 1) === 0) {
    const x3 = x * x2;
    const s1 = fma(x2, S3, S2);
    const x7 = x3 * x2;
    const s = fma(x3, S1, x);
    return fround(fma(s1, x7, s));
  }
  const x4 = x2 * x2;
  const c2 = fma(x2, neg ? -C4 : C4, neg ? -C3 : C3);
  const c1 = fma(x2, neg ? -C1 : C1, neg ? -1 : 1);
  const x6 = x4 * x2;
  const c = fma(x4, neg ? -C2 : C2, c1);
  return fround(fma(c2, x6, c));
}

/** sincosf on a float32 value; writes outSin / outCos. The reference, every contraction an exact `fma()`. */
export function sincosfFma(y: number): void {
  const iy = asuint(y);
  const top = abstop12(iy);
  if (top < 0x3f4) {
    // |y| < π/4 (by top 12 bits)
    if (top < 0x398) {
      outSin = y; // |y| < 2^-12
      outCos = 1;
      return;
    }
    sincosPoly(y, y * y, false, 0);
  } else if (top < 0x42f) {
    // |y| < 120
    const x = reduceFast(y);
    const n = redN;
    const s = SIGN[n & 3] as number;
    sincosPoly(x * s, x * x, (n & 2) !== 0, n);
  } else if (top < 0x7f8) {
    const sign = iy >>> 31;
    const x = reduceLarge(iy);
    const n = redN;
    const s = SIGN[(n + sign) & 3] as number;
    sincosPoly(x * s, x * x, ((n + sign) & 2) !== 0, n);
  } else {
    outSin = outCos = Number.NaN;
  }
}

export function sinfRaw(y: number): number {
  const iy = asuint(y);
  const top = abstop12(iy);
  if (top < 0x3f4) {
    if (top < 0x398) return y;
    return sinfPoly(y, y * y, false, 0);
  }
  if (top < 0x42f) {
    const x = reduceFast(y);
    const n = redN;
    return sinfPoly(x * (SIGN[n & 3] as number), x * x, (n & 2) !== 0, n);
  }
  if (top < 0x7f8) {
    const sign = iy >>> 31;
    const x = reduceLarge(iy);
    const n = redN;
    return sinfPoly(x * (SIGN[(n + sign) & 3] as number), x * x, ((n + sign) & 2) !== 0, n);
  }
  return Number.NaN;
}

export function cosfRaw(y: number): number {
  const iy = asuint(y);
  const top = abstop12(iy);
  if (top < 0x3f4) {
    if (top < 0x398) return 1;
    return sinfPoly(y, y * y, false, 1);
  }
  if (top < 0x42f) {
    const x = reduceFast(y);
    const n = redN;
    return sinfPoly(x * (SIGN[n & 3] as number), x * x, (n & 2) !== 0, n ^ 1);
  }
  if (top < 0x7f8) {
    const sign = iy >>> 31;
    const x = reduceLarge(iy);
    const n = redN;
    return sinfPoly(x * (SIGN[(n + sign) & 3] as number), x * x, ((n + sign) & 2) !== 0, n ^ 1);
  }
  return Number.NaN;
}

/** Last sincosfRaw results. */
export function lastSin(): number {
  return outSin;
}
export function lastCos(): number {
  return outCos;
}

// ---------------------------------------------------------------------------------------------------------
// Fast paths. The result is fround(v) for a binary64 v that glibc computes with fmas; we compute v' plainly
// with a proven bound d >= |v − v'| (plus 2^-52|v'| so that the rounded v' ± d still bracket v). fround is
// monotonic, so if fround(v' − d) = fround(v' + d) that is glibc's result (it fails for a fraction ~d/ulp32,
// about 2^-27 of inputs, which then run the all-fma reference). u = 2^-53.
//
// logf: r = fma(invc, z, −1) exactly (z has 24 bits: z·invc_hi and z·invc_lo are exact, the product error
// is representable and p − 1 is exact by Sterbenz). Then y0 = fma(k, ln2, logc), y1 = fma(A1, r, A2),
// y2 = fma(A0, r², y1), y = fma(r², y2, r + y0) against plain: |Δy0| <= u|k ln2| + 2u|y0|,
// |Δy2| <= 2.04u (|y1|, |y2| <= 0.51, |r| < 1/32), |Δy| <= 2.6u r² + |Δy0| + 2u|r + y0| + 2u|y|.
// d = 2^-50(|k ln2| + |y0| + |r + y0| + |y| + r²) (>= 2.6× each term incl. the bracketing 2^-52|y|).
//
// sincosf (|y| < 120): xr = fma(−n, π/2, y) vs RN(y − RN(n·π/2)): |Δx| <= u|n π/2| + 2u|xr|; dx = 2^-51(...).
// sin poly s (slope <= 1): |Δs| <= |Δx| + 5u|s| (five roundings of values <= 1.01|s| on the two sides);
// cos poly c (slope <= |x|, |c| <= 1): |Δc| <= |x||Δx| + 7u. ds = 1.02 dx + 2^-49|s'|, dc = 1.02|x| dx + 2^-49.

const LOGF_IH = new Float64Array(16);
const LOGF_IL = new Float64Array(16);
for (let i = 0; i < 16; i++) {
  const c = LOGF_INVC[i] as number;
  const t = 134217729 * c;
  LOGF_IH[i] = t - (t - c);
  LOGF_IL[i] = c - (LOGF_IH[i] as number);
}
const M50 = 2 ** -50;
const M49 = 2 ** -49;
const M51 = 2 ** -51;

/** logf on a float32 value x (no argument checks): bit-identical to {@link logfFma}, filtered. */
export function logfRaw(x: number): number {
  const ix = asuint(x);
  if ((ix - 0x00800000) >>> 0 >= 0x7f800000 - 0x00800000 || ix === 0x3f800000) return logfFma(x);
  const tmp = (ix - 0x3f330000) | 0;
  const i = (tmp >>> 19) & 15;
  const k = tmp >> 23;
  const z = x * (POW2[1023 - k] as number); // 2^-k·x, exact
  const invc = LOGF_INVC[i] as number;
  const p = invc * z;
  const r = p - 1 + ((LOGF_IH[i] as number) * z - p + (LOGF_IL[i] as number) * z);
  const kl = k * LOGF_LN2;
  const y0 = kl + (LOGF_LOGC[i] as number);
  const r2 = r * r;
  const ry0 = r + y0;
  const y = r2 * (LOGF_A0 * r2 + (LOGF_A1 * r + LOGF_A2)) + ry0;
  const d = M50 * (Math.abs(kl) + Math.abs(y0) + Math.abs(ry0) + Math.abs(y) + r2);
  const lo = fround(y - d);
  if (lo === fround(y + d)) return lo;
  return logfFma(x);
}

/** sincosf on a float32 value (no argument checks): bit-identical to {@link sincosfFma}, filtered. */
export function sincosfRaw(y: number): void {
  const iy = asuint(y);
  const top = abstop12(iy);
  let x: number;
  let n = 0;
  let dx = 0;
  if (top < 0x3f4) {
    if (top < 0x398) {
      outSin = y;
      outCos = 1;
      return;
    }
    x = y;
  } else if (top < 0x42f) {
    n = (Math.trunc(y * HPI_INV_2P24) + 0x800000) >> 24;
    const nh = n * HPI;
    const xr = y - nh;
    dx = M51 * (Math.abs(nh) + Math.abs(xr));
    x = xr * (SIGN[n & 3] as number);
  } else {
    sincosfFma(y);
    return;
  }
  const x2 = x * x;
  const x3 = x2 * x;
  const x4 = x2 * x2;
  const s = (x2 * S3 + S2) * (x3 * x2) + (x3 * S1 + x);
  let c = (x2 * C4 + C3) * (x4 * x2) + (x4 * C2 + (x2 * C1 + 1));
  if ((n & 2) !== 0) c = -c; // the negated coefficient set gives exactly −c
  const ds = 1.02 * dx + M49 * Math.abs(s);
  const dc = 1.02 * Math.abs(x) * dx + M49;
  const s0 = fround(s - ds);
  const c0 = fround(c - dc);
  if (s0 !== fround(s + ds) || c0 !== fround(c + dc)) {
    sincosfFma(y);
    return;
  }
  if ((n & 1) === 0) {
    outSin = s0;
    outCos = c0;
  } else {
    outSin = c0;
    outCos = s0;
  }
}
