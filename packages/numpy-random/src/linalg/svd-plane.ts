/**
 * Plane rotations and 2×2 singular value problems used by the bidiagonal QR iteration (svd-bidiagonal.ts).
 *
 * These follow the conventions documented for reference LAPACK's DLARTG (the 3.10+ version: r carries
 * the sign of f, c ≥ 0), DLAS2 and DLASV2, because the signs of the singular vectors NumPy returns are
 * fixed by exactly these conventions. Written from the algorithm descriptions; see svd.ts for the overview.
 */

/** Smallest positive normal double (LAPACK `DLAMCH('S')`). */
export const SAFE_MIN = 2 ** -1022;
/** Relative machine precision as LAPACK's `DLAMCH('E')` reports it (rounding: half an ulp of 1). */
export const EPS_HALF = 2 ** -53;

/** Fortran `SIGN(1, x)`: the sign bit decides, so -0 gives -1 (gfortran on IEEE hardware). */
export function signOf(x: number): number {
  return x < 0 || Object.is(x, -0) ? -1 : 1;
}

/** A rotation [c s; -s c] and the value r it produces from (f, g): c·f + s·g = r, -s·f + c·g = 0. */
export interface Rotation {
  c: number;
  s: number;
  r: number;
}

const ROOT_MIN = Math.sqrt(SAFE_MIN);
const ROOT_MAX = Math.sqrt(1 / SAFE_MIN / 2);

/**
 * Givens rotation with the DLARTG (LAPACK ≥ 3.10) conventions: g = 0 gives the identity and r = f;
 * f = 0 gives c = 0, s = ±1 (sign of g) and r = |g|; otherwise c = |f|/d > 0 and r = ±d with the sign of f.
 * Values outside [√safmin, √(safmax/2)] are scaled first so that f² + g² cannot under/overflow.
 */
export function givens(f: number, g: number): Rotation {
  if (g === 0) return { c: 1, s: 0, r: f };
  const fa = Math.abs(f);
  const ga = Math.abs(g);
  if (f === 0) return { c: 0, s: signOf(g), r: ga };
  if (fa > ROOT_MIN && fa < ROOT_MAX && ga > ROOT_MIN && ga < ROOT_MAX) {
    const d = Math.sqrt(f * f + g * g);
    const r = signOf(f) * d;
    return { c: fa / d, s: g / r, r };
  }
  const scale = Math.min(1 / SAFE_MIN, Math.max(SAFE_MIN, fa, ga));
  const fs = f / scale;
  const gs = g / scale;
  const d = Math.sqrt(fs * fs + gs * gs);
  const rs = signOf(f) * d;
  return { c: Math.abs(fs) / d, s: gs / rs, r: rs * scale };
}

/** Smaller singular value of the upper triangular [f g; 0 h] (the DLAS2 formulas; used as the QR shift). */
export function smallerSingularValue2x2(f: number, g: number, h: number): number {
  const fa = Math.abs(f);
  const ga = Math.abs(g);
  const ha = Math.abs(h);
  const lo = Math.min(fa, ha);
  const hi = Math.max(fa, ha);
  if (lo === 0) return 0;
  if (ga < hi) {
    const as = 1 + lo / hi;
    const at = (hi - lo) / hi;
    const au = (ga / hi) ** 2;
    return lo * (2 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au)));
  }
  const au = hi / ga;
  if (au === 0) return (lo * hi) / ga;
  const as = 1 + lo / hi;
  const at = (hi - lo) / hi;
  const c = 1 / (Math.sqrt(1 + (as * au) ** 2) + Math.sqrt(1 + (at * au) ** 2));
  const t = lo * c * au;
  return t + t;
}

/** Signed SVD of [f g; 0 h]: [csl snl; -snl csl]·[f g; 0 h]·[csr -snr; snr csr] = diag(ssmax, ssmin). */
export interface Svd2x2 {
  ssmin: number;
  ssmax: number;
  csl: number;
  snl: number;
  csr: number;
  snr: number;
}

/**
 * The 2×2 triangular SVD with DLASV2's conventions: |ssmax| ≥ |ssmin|, the signs of ssmax/ssmin chosen so
 * the rotations stay as computed, and the larger of |f|, |h| treated as the pivot (swapping roles if |h| > |f|).
 */
export function svd2x2(f: number, g: number, h: number): Svd2x2 {
  let ft = f;
  let fa = Math.abs(f);
  let ht = h;
  let ha = Math.abs(h);
  // which entry is largest in magnitude: 1 = f, 2 = g, 3 = h
  let pivot = 1;
  const swapped = ha > fa;
  if (swapped) {
    pivot = 3;
    [ft, ht] = [ht, ft];
    [fa, ha] = [ha, fa];
  }
  const gt = g;
  const ga = Math.abs(g);
  let ssmin: number;
  let ssmax: number;
  let clt: number;
  let crt: number;
  let slt: number;
  let srt: number;
  if (ga === 0) {
    ssmin = ha;
    ssmax = fa;
    clt = 1;
    crt = 1;
    slt = 0;
    srt = 0;
  } else {
    let general = true;
    ssmin = 0;
    ssmax = 0;
    clt = crt = slt = srt = 0;
    if (ga > fa) {
      pivot = 2;
      if (fa / ga < EPS_HALF) {
        // g dominates so much that the rotations are determined by the ratios alone
        general = false;
        ssmax = ga;
        ssmin = ha > 1 ? fa / (ga / ha) : (fa / ga) * ha;
        clt = 1;
        slt = ht / gt;
        srt = 1;
        crt = ft / gt;
      }
    }
    if (general) {
      const dd = fa - ha;
      let l = dd === fa ? 1 : dd / fa; // exact 1 when ha is negligible (avoids a rounding-induced value < 1)
      const m = gt / ft;
      let t = 2 - l;
      const mm = m * m;
      const tt = t * t;
      const s = Math.sqrt(tt + mm);
      const r = l === 0 ? Math.abs(m) : Math.sqrt(l * l + mm);
      const a = 0.5 * (s + r);
      ssmin = ha / a;
      ssmax = fa * a;
      if (mm === 0) {
        t = l === 0 ? signOf(ft) * 2 * signOf(gt) : gt / (signOf(ft) * Math.abs(dd)) + m / t;
      } else {
        t = (m / (s + t) + m / (r + l)) * (1 + a);
      }
      l = Math.sqrt(t * t + 4);
      crt = 2 / l;
      srt = t / l;
      clt = (crt + srt * m) / a;
      slt = ((ht / ft) * srt) / a;
    }
  }
  const out: Svd2x2 = swapped
    ? { ssmin, ssmax, csl: srt, snl: crt, csr: slt, snr: clt }
    : { ssmin, ssmax, csl: clt, snl: slt, csr: crt, snr: srt };
  let tsign: number;
  if (pivot === 1) tsign = signOf(out.csr) * signOf(out.csl) * signOf(f);
  else if (pivot === 2) tsign = signOf(out.snr) * signOf(out.csl) * signOf(g);
  else tsign = signOf(out.snr) * signOf(out.snl) * signOf(h);
  out.ssmax = tsign * Math.abs(out.ssmax);
  out.ssmin = tsign * signOf(f) * signOf(h) * Math.abs(out.ssmin);
  return out;
}

/** a·a as an unevaluated sum hi + lo (Dekker's exact product; |a| < 2^996). */
function squareExact(a: number): [number, number] {
  const p = a * a;
  const c = 134217729 * a; // 2^27 + 1
  const ah = c - (c - a);
  const al = a - ah;
  return [p, ah * ah - p + 2 * ah * al + al * al];
}

/**
 * 2-norm of x[start + k·stride], k < count, rounded (almost always) correctly: the sum of squares is kept in
 * double-double and its square root corrected once. OpenBLAS's x86-64 DNRM2 accumulates in extended
 * precision, so its results are correctly rounded in practice, and the bidiagonal reduction is sensitive to
 * that last bit (the QR iteration's branch decisions, hence singular vector signs, follow from it).
 * Values whose squares could overflow or underflow are scaled by a power of two first (exact).
 */
export function norm2(x: Float64Array, start: number, stride: number, count: number): number {
  let big = 0;
  for (let k = 0; k < count; k++) big = Math.max(big, Math.abs(x[start + k * stride]!));
  if (big === 0 || !Number.isFinite(big)) return big;
  let scale = 1;
  if (big < 2 ** -480 || big > 2 ** 480) scale = 2 ** -Math.round(Math.log2(big));
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < count; k++) {
    const [p, pe] = squareExact(x[start + k * stride]! * scale);
    // two-sum hi + p
    const s = hi + p;
    const bp = s - hi;
    const err = hi - (s - bp) + (p - bp);
    hi = s;
    lo += err + pe;
  }
  const sum = hi + lo;
  const sumLo = lo - (sum - hi);
  const r = Math.sqrt(sum);
  const [rr, rre] = squareExact(r);
  const corrected = r + (sum - rr - rre + sumLo) / (2 * r);
  return corrected / scale;
}

/** LAPACK DLAPY2's √(x² + y²) = w·√(1 + (z/w)²) with w = max(|x|, |y|), z = min (not Math.hypot's rounding). */
export function lapy2(x: number, y: number): number {
  const xa = Math.abs(x);
  const ya = Math.abs(y);
  const w = Math.max(xa, ya);
  const z = Math.min(xa, ya);
  if (z === 0 || w > Number.MAX_VALUE) return w;
  return w * Math.sqrt(1 + (z / w) ** 2);
}
