/**
 * Singular value decomposition of an upper bidiagonal matrix B = diag(d) + superdiag(e) by implicit-shift QR,
 * following the algorithm of reference LAPACK's DBDSQR (Demmel–Kahan zero-shift QR plus shifted QR, chasing
 * the bulge from the larger end, relative-accuracy convergence tests) as DBDSDC/DLASDQ drive it for n ≤ 25,
 * including their three sorting passes. The sign of every singular vector depends on these exact choices,
 * which is the point of following them (numpy.linalg.svd's signs come from here).
 *
 * Storage: `vt` holds n×n Vᵀ column-major (row r, column j at r + j·n); `u` holds n×n U column-major.
 * Both are updated in place (start from the identity to get B's own singular vectors). On return d holds the
 * singular values in decreasing order and B = U·diag(d)·Vᵀ.
 */
import { EPS_HALF, givens, SAFE_MIN, signOf, smallerSingularValue2x2, svd2x2 } from './svd-plane.js';

const MAX_ITER_FACTOR = 6;
const TOL = Math.max(10, Math.min(100, EPS_HALF ** -0.125)) * EPS_HALF;

/** Thrown when the QR iteration does not converge (LAPACK INFO > 0; NumPy raises LinAlgError). */
export class BidiagonalNoConvergence extends Error {}

/** Rotate rows a and b of the column-major n×n matrix m: a ← c·a + s·b, b ← c·b − s·a. */
function rotateRows(m: Float64Array, n: number, a: number, b: number, c: number, s: number): void {
  if (c === 1 && s === 0) return;
  for (let j = 0; j < n; j++) {
    const x = m[a + j * n]!;
    const y = m[b + j * n]!;
    m[b + j * n] = c * y - s * x;
    m[a + j * n] = s * y + c * x;
  }
}

/** Rotate columns a and b of the column-major n×n matrix m: a ← c·a + s·b, b ← c·b − s·a. */
function rotateCols(m: Float64Array, n: number, a: number, b: number, c: number, s: number): void {
  if (c === 1 && s === 0) return;
  const oa = a * n;
  const ob = b * n;
  for (let i = 0; i < n; i++) {
    const x = m[oa + i]!;
    const y = m[ob + i]!;
    m[ob + i] = c * y - s * x;
    m[oa + i] = s * y + c * x;
  }
}

function swapRows(m: Float64Array, n: number, a: number, b: number): void {
  for (let j = 0; j < n; j++) {
    const t = m[a + j * n]!;
    m[a + j * n] = m[b + j * n]!;
    m[b + j * n] = t;
  }
}

function swapCols(m: Float64Array, n: number, a: number, b: number): void {
  for (let i = 0; i < n; i++) {
    const t = m[a * n + i]!;
    m[a * n + i] = m[b * n + i]!;
    m[b * n + i] = t;
  }
}

/** Swap singular triplets i and j (value, row of Vᵀ, column of U). */
function swapTriplets(d: Float64Array, vt: Float64Array, u: Float64Array, n: number, i: number, j: number) {
  const t = d[i]!;
  d[i] = d[j]!;
  d[j] = t;
  swapRows(vt, n, i, j);
  swapCols(u, n, i, j);
}

/**
 * QR iteration on the bidiagonal (d: n diagonal entries, e: n−1 superdiagonal entries, both overwritten).
 * Afterwards the values are made non-negative (negating the matching row of Vᵀ) and sorted.
 */
export function bidiagonalSvd(d: Float64Array, e: Float64Array, vt: Float64Array, u: Float64Array): void {
  const n = d.length;
  if (n > 1) qrIterate(d, e, vt, u, n);
  // non-negative singular values: the sign moves into Vᵀ
  for (let i = 0; i < n; i++) {
    if (d[i]! < 0) {
      d[i] = -d[i]!;
      for (let j = 0; j < n; j++) vt[i + j * n] = -vt[i + j * n]!;
    }
  }
  // DBDSQR's pass: repeatedly move the (last) smallest of the leading part to the end → decreasing
  for (let i = 0; i < n - 1; i++) {
    const last = n - 1 - i;
    let at = 0;
    for (let j = 1; j <= last; j++) if (d[j]! <= d[at]!) at = j;
    if (at !== last) swapTriplets(d, vt, u, n, at, last);
  }
  // DLASDQ's pass: the (first) smallest of the trailing part to the front → increasing
  for (let i = 0; i < n; i++) {
    let at = i;
    for (let j = i + 1; j < n; j++) if (d[j]! < d[at]!) at = j;
    if (at !== i) swapTriplets(d, vt, u, n, at, i);
  }
  // DBDSDC's pass: the (first) largest of the trailing part to the front → decreasing
  for (let i = 0; i < n - 1; i++) {
    let at = i;
    for (let j = i + 1; j < n; j++) if (d[j]! > d[at]!) at = j;
    if (at !== i) swapTriplets(d, vt, u, n, at, i);
  }
}

function qrIterate(d: Float64Array, e: Float64Array, vt: Float64Array, u: Float64Array, n: number): void {
  // Threshold for "negligible" off-diagonal entries: relative to a lower bound on the smallest singular value.
  let sminoa = Math.abs(d[0]!);
  if (sminoa !== 0) {
    let mu = sminoa;
    for (let i = 1; i < n; i++) {
      mu = Math.abs(d[i]!) * (mu / (mu + Math.abs(e[i - 1]!)));
      sminoa = Math.min(sminoa, mu);
      if (sminoa === 0) break;
    }
  }
  sminoa /= Math.sqrt(n);
  const thresh = Math.max(TOL * sminoa, MAX_ITER_FACTOR * (n * (n * SAFE_MIN)));

  const maxSweepsOfN = MAX_ITER_FACTOR * n;
  let sweepsOfN = 0;
  let iter = -1;
  let oldLo = -2;
  let oldHi = -2;
  let forward = true; // chase the bulge from the top (the larger end) down, else from the bottom up
  let hi = n - 1; // last row of the part that has not converged yet

  outer: while (hi > 0) {
    if (iter >= n) {
      iter -= n;
      sweepsOfN++;
      if (sweepsOfN >= maxSweepsOfN) throw new BidiagonalNoConvergence('SVD did not converge');
    }
    // find the unreduced block lo..hi (e[lo..hi-1] all non-negligible)
    let smax = Math.abs(d[hi]!);
    let lo = 0;
    for (let k = hi - 1; k >= 0; k--) {
      const abss = Math.abs(d[k]!);
      const abse = Math.abs(e[k]!);
      if (abse <= thresh) {
        e[k] = 0;
        if (k === hi - 1) {
          hi--; // bottom value converged
          continue outer;
        }
        lo = k + 1;
        break;
      }
      smax = Math.max(smax, abss, abse);
    }

    if (lo === hi - 1) {
      // a 2×2 block is solved directly
      const r = svd2x2(d[hi - 1]!, e[hi - 1]!, d[hi]!);
      d[hi - 1] = r.ssmax;
      e[hi - 1] = 0;
      d[hi] = r.ssmin;
      rotateRows(vt, n, hi - 1, hi, r.csr, r.snr);
      rotateCols(u, n, hi - 1, hi, r.csl, r.snl);
      hi -= 2;
      continue;
    }

    // a new block: chase from the end with the larger diagonal entry
    if (lo > oldHi || hi < oldLo) forward = Math.abs(d[lo]!) >= Math.abs(d[hi]!);

    // convergence tests (relative accuracy), which may split the block
    let smin: number;
    if (forward) {
      if (Math.abs(e[hi - 1]!) <= TOL * Math.abs(d[hi]!)) {
        e[hi - 1] = 0;
        continue;
      }
      let mu = Math.abs(d[lo]!);
      smin = mu;
      for (let k = lo; k < hi; k++) {
        if (Math.abs(e[k]!) <= TOL * mu) {
          e[k] = 0;
          continue outer;
        }
        mu = Math.abs(d[k + 1]!) * (mu / (mu + Math.abs(e[k]!)));
        smin = Math.min(smin, mu);
      }
    } else {
      if (Math.abs(e[lo]!) <= TOL * Math.abs(d[lo]!)) {
        e[lo] = 0;
        continue;
      }
      let mu = Math.abs(d[hi]!);
      smin = mu;
      for (let k = hi - 1; k >= lo; k--) {
        if (Math.abs(e[k]!) <= TOL * mu) {
          e[k] = 0;
          continue outer;
        }
        mu = Math.abs(d[k]!) * (mu / (mu + Math.abs(e[k]!)));
        smin = Math.min(smin, mu);
      }
    }
    oldLo = lo;
    oldHi = hi;

    // shift: the smaller singular value of the trailing (or leading) 2×2, unless it would ruin accuracy
    let shift = 0;
    if (!(n * TOL * (smin / smax) <= Math.max(EPS_HALF, 0.01 * TOL))) {
      let sll: number;
      if (forward) {
        sll = Math.abs(d[lo]!);
        shift = smallerSingularValue2x2(d[hi - 1]!, e[hi - 1]!, d[hi]!);
      } else {
        sll = Math.abs(d[hi]!);
        shift = smallerSingularValue2x2(d[lo]!, e[lo]!, d[lo + 1]!);
      }
      if (sll > 0 && (shift / sll) ** 2 < EPS_HALF) shift = 0;
    }
    iter += hi - lo;

    if (shift === 0) zeroShiftSweep(d, e, vt, u, n, lo, hi, forward, thresh);
    else shiftedSweep(d, e, vt, u, n, lo, hi, forward, shift, thresh);
  }
}

/** Demmel–Kahan zero-shift QR sweep over rows lo..hi. */
function zeroShiftSweep(
  d: Float64Array,
  e: Float64Array,
  vt: Float64Array,
  u: Float64Array,
  n: number,
  lo: number,
  hi: number,
  forward: boolean,
  thresh: number,
): void {
  let cs = 1;
  let oldcs = 1;
  let oldsn = 0;
  if (forward) {
    for (let i = lo; i < hi; i++) {
      const a = givens(d[i]! * cs, e[i]!);
      cs = a.c;
      const sn = a.s;
      if (i > lo) e[i - 1] = oldsn * a.r;
      const b = givens(oldcs * a.r, d[i + 1]! * sn);
      oldcs = b.c;
      oldsn = b.s;
      d[i] = b.r;
      rotateRows(vt, n, i, i + 1, cs, sn);
      rotateCols(u, n, i, i + 1, oldcs, oldsn);
    }
    const h = d[hi]! * cs;
    d[hi] = h * oldcs;
    e[hi - 1] = h * oldsn;
    if (Math.abs(e[hi - 1]!) <= thresh) e[hi - 1] = 0;
  } else {
    for (let i = hi; i > lo; i--) {
      const a = givens(d[i]! * cs, e[i - 1]!);
      cs = a.c;
      const sn = a.s;
      if (i < hi) e[i] = oldsn * a.r;
      const b = givens(oldcs * a.r, d[i - 1]! * sn);
      oldcs = b.c;
      oldsn = b.s;
      d[i] = b.r;
      rotateRows(vt, n, i - 1, i, oldcs, -oldsn);
      rotateCols(u, n, i - 1, i, cs, -sn);
    }
    const h = d[lo]! * cs;
    d[lo] = h * oldcs;
    e[lo] = h * oldsn;
    if (Math.abs(e[lo]!) <= thresh) e[lo] = 0;
  }
}

/** Implicitly shifted QR sweep (bulge chase) over rows lo..hi. */
function shiftedSweep(
  d: Float64Array,
  e: Float64Array,
  vt: Float64Array,
  u: Float64Array,
  n: number,
  lo: number,
  hi: number,
  forward: boolean,
  shift: number,
  thresh: number,
): void {
  if (forward) {
    let f = (Math.abs(d[lo]!) - shift) * (signOf(d[lo]!) + shift / d[lo]!);
    let g = e[lo]!;
    for (let i = lo; i < hi; i++) {
      const right = givens(f, g);
      if (i > lo) e[i - 1] = right.r;
      f = right.c * d[i]! + right.s * e[i]!;
      e[i] = right.c * e[i]! - right.s * d[i]!;
      g = right.s * d[i + 1]!;
      d[i + 1] = right.c * d[i + 1]!;
      const left = givens(f, g);
      d[i] = left.r;
      f = left.c * e[i]! + left.s * d[i + 1]!;
      d[i + 1] = left.c * d[i + 1]! - left.s * e[i]!;
      if (i < hi - 1) {
        g = left.s * e[i + 1]!;
        e[i + 1] = left.c * e[i + 1]!;
      }
      rotateRows(vt, n, i, i + 1, right.c, right.s);
      rotateCols(u, n, i, i + 1, left.c, left.s);
    }
    e[hi - 1] = f;
    if (Math.abs(e[hi - 1]!) <= thresh) e[hi - 1] = 0;
  } else {
    let f = (Math.abs(d[hi]!) - shift) * (signOf(d[hi]!) + shift / d[hi]!);
    let g = e[hi - 1]!;
    for (let i = hi; i > lo; i--) {
      const right = givens(f, g);
      if (i < hi) e[i] = right.r;
      f = right.c * d[i]! + right.s * e[i - 1]!;
      e[i - 1] = right.c * e[i - 1]! - right.s * d[i]!;
      g = right.s * d[i - 1]!;
      d[i - 1] = right.c * d[i - 1]!;
      const left = givens(f, g);
      d[i] = left.r;
      f = left.c * e[i - 1]! + left.s * d[i - 1]!;
      d[i - 1] = left.c * d[i - 1]! - left.s * e[i - 1]!;
      if (i > lo + 1) {
        g = left.s * e[i - 2]!;
        e[i - 2] = left.c * e[i - 2]!;
      }
      rotateRows(vt, n, i - 1, i, left.c, -left.s);
      rotateCols(u, n, i - 1, i, right.c, -right.s);
    }
    e[lo] = f;
    if (Math.abs(e[lo]!) <= thresh) e[lo] = 0;
  }
}
