/**
 * Singular value decomposition of an upper bidiagonal matrix B = diag(d) + superdiag(e) by implicit-shift QR,
 * following the algorithm of reference LAPACK's DBDSQR (Demmel–Kahan zero-shift QR plus shifted QR, chasing
 * the bulge from the larger end, relative-accuracy convergence tests) as DBDSDC/DLASDQ drive it: for n ≤ 25
 * directly, and for the leaves of the divide-and-conquer tree (svd-divide.ts), including DLASDQ's handling of
 * a bidiagonal with one extra column and the three sorting passes. The sign of every singular vector depends
 * on these exact choices, which is the point of following them (numpy.linalg.svd's signs come from here).
 *
 * Storage: column-major; `bidiagonalSvd` takes n×n arrays, the other entry points `View` windows into a larger
 * matrix (as LAPACK's leading dimensions do). Vectors are updated in place (start from the identity to get
 * B's own singular vectors): B = U·diag(d)·Vᵀ.
 */
import { EPS_HALF, givens, SAFE_MIN, signOf, smallerSingularValue2x2, svd2x2 } from './svd-plane.js';

const MAX_ITER_FACTOR = 6;
const TOL = Math.max(10, Math.min(100, EPS_HALF ** -0.125)) * EPS_HALF;

/** Thrown when the QR iteration does not converge (LAPACK INFO > 0; NumPy raises LinAlgError). */
export class BidiagonalNoConvergence extends Error {}

/**
 * A column-major window into a larger array: element (i, j) is `a[off + i + j·ld]`. The divide-and-conquer
 * path works on sub-blocks of one global U / Vᵀ, as LAPACK does with its leading dimensions.
 */
export interface View {
  a: Float64Array;
  off: number;
  ld: number;
}

/** Rotate rows r1, r2 of `m` over columns 0..cols−1: r1 ← c·r1 + s·r2, r2 ← c·r2 − s·r1. */
function rotateRows(m: View, cols: number, r1: number, r2: number, c: number, s: number): void {
  if (c === 1 && s === 0) return;
  const { a, off, ld } = m;
  for (let j = 0; j < cols; j++) {
    const x = a[off + r1 + j * ld]!;
    const y = a[off + r2 + j * ld]!;
    a[off + r2 + j * ld] = c * y - s * x;
    a[off + r1 + j * ld] = s * y + c * x;
  }
}

/** Rotate columns c1, c2 of `m` over rows 0..rows−1: c1 ← c·c1 + s·c2, c2 ← c·c2 − s·c1. */
function rotateCols(m: View, rows: number, c1: number, c2: number, c: number, s: number): void {
  if (c === 1 && s === 0) return;
  const { a, off, ld } = m;
  const o1 = off + c1 * ld;
  const o2 = off + c2 * ld;
  for (let i = 0; i < rows; i++) {
    const x = a[o1 + i]!;
    const y = a[o2 + i]!;
    a[o2 + i] = c * y - s * x;
    a[o1 + i] = s * y + c * x;
  }
}

function swapRows(m: View, cols: number, r1: number, r2: number): void {
  const { a, off, ld } = m;
  for (let j = 0; j < cols; j++) {
    const t = a[off + r1 + j * ld]!;
    a[off + r1 + j * ld] = a[off + r2 + j * ld]!;
    a[off + r2 + j * ld] = t;
  }
}

function swapCols(m: View, rows: number, c1: number, c2: number): void {
  const { a, off, ld } = m;
  for (let i = 0; i < rows; i++) {
    const t = a[off + c1 * ld + i]!;
    a[off + c1 * ld + i] = a[off + c2 * ld + i]!;
    a[off + c2 * ld + i] = t;
  }
}

/** The singular vector storage of one bidiagonal problem: Vᵀ's rows span `ncvt` columns, U's columns `nru` rows. */
export interface Vectors {
  vt: View;
  ncvt: number;
  u: View;
  nru: number;
}

/** Swap singular triplets i and j (value, row of Vᵀ, column of U). */
function swapTriplets(d: Float64Array, w: Vectors, i: number, j: number): void {
  const t = d[i]!;
  d[i] = d[j]!;
  d[j] = t;
  swapRows(w.vt, w.ncvt, i, j);
  swapCols(w.u, w.nru, i, j);
}

/** Selection sort into decreasing order, first maximum wins (DBDSDC's final pass). */
export function sortDecreasing(d: Float64Array, w: Vectors): void {
  const n = d.length;
  for (let i = 0; i < n - 1; i++) {
    let at = i;
    for (let j = i + 1; j < n; j++) if (d[j]! > d[at]!) at = j;
    if (at !== i) swapTriplets(d, w, at, i);
  }
}

function square(vt: Float64Array, u: Float64Array, n: number): Vectors {
  return { vt: { a: vt, off: 0, ld: n }, ncvt: n, u: { a: u, off: 0, ld: n }, nru: n };
}

/**
 * SVD of the square upper bidiagonal (d: n diagonal entries, e: n−1 superdiagonal entries, both overwritten)
 * as DBDSDC computes it for n ≤ 25: DLASDQ → DBDSQR, then DBDSDC's sort. `vt` and `u` are n×n column-major.
 */
export function bidiagonalSvd(d: Float64Array, e: Float64Array, vt: Float64Array, u: Float64Array): void {
  const w = square(vt, u, d.length);
  bidiagonalQr(d, e, w);
  sortIncreasing(d, w);
  sortDecreasing(d, w);
}

/**
 * DBDSQR on an upper bidiagonal with singular vectors: QR iteration, then non-negative values (the sign moves
 * into Vᵀ's row) and DBDSQR's own sort into decreasing order.
 */
function bidiagonalQr(d: Float64Array, e: Float64Array, w: Vectors): void {
  const n = d.length;
  if (n > 1) qrIterate(d, e, w, n);
  for (let i = 0; i < n; i++) {
    if (d[i]! < 0) {
      d[i] = -d[i]!;
      const { a, off, ld } = w.vt;
      for (let j = 0; j < w.ncvt; j++) a[off + i + j * ld] = -a[off + i + j * ld]!;
    }
  }
  // repeatedly move the (last) smallest of the leading part to the end → decreasing
  for (let i = 0; i < n - 1; i++) {
    const last = n - 1 - i;
    let at = 0;
    for (let j = 1; j <= last; j++) if (d[j]! <= d[at]!) at = j;
    if (at !== last) swapTriplets(d, w, at, last);
  }
}

/** DLASDQ's pass: the (first) smallest of the trailing part to the front → increasing. */
function sortIncreasing(d: Float64Array, w: Vectors): void {
  const n = d.length;
  for (let i = 0; i < n; i++) {
    let at = i;
    for (let j = i + 1; j < n; j++) if (d[j]! < d[at]!) at = j;
    if (at !== i) swapTriplets(d, w, at, i);
  }
}

/**
 * DLASDQ for an upper bidiagonal that is square (sqre = 0; e has n − 1 entries) or has one extra column
 * (sqre = 1; e has n entries, e[n−1] couples d[n−1] to column n, and Vᵀ is (n+1)×(n+1)). The extra column
 * is rotated away from the right (Vᵀ's rows 0..n), which leaves a lower bidiagonal; that is rotated back to
 * upper from the left (U's columns); then DBDSQR and the increasing sort. Singular values end increasing.
 */
export function bidiagonalSvdRect(d: Float64Array, e: Float64Array, sqre: 0 | 1, w: Vectors): void {
  const n = d.length;
  if (n === 0) return;
  if (sqre === 1) {
    // right rotations (i, i+1), i = 0..n−1, make it lower bidiagonal n×n (last one clears e[n−1])
    for (let i = 0; i < n - 1; i++) {
      const g = givens(d[i]!, e[i]!);
      d[i] = g.r;
      e[i] = g.s * d[i + 1]!;
      d[i + 1] = g.c * d[i + 1]!;
      rotateRows(w.vt, w.ncvt, i, i + 1, g.c, g.s);
    }
    const g = givens(d[n - 1]!, e[n - 1]!);
    d[n - 1] = g.r;
    e[n - 1] = 0;
    rotateRows(w.vt, w.ncvt, n - 1, n, g.c, g.s);
    // left rotations back to upper bidiagonal
    for (let i = 0; i < n - 1; i++) {
      const h = givens(d[i]!, e[i]!);
      d[i] = h.r;
      e[i] = h.s * d[i + 1]!;
      d[i + 1] = h.c * d[i + 1]!;
      rotateCols(w.u, w.nru, i, i + 1, h.c, h.s);
    }
  }
  bidiagonalQr(d, e.subarray(0, Math.max(n - 1, 0)), w);
  sortIncreasing(d, w);
}

function qrIterate(d: Float64Array, e: Float64Array, w: Vectors, n: number): void {
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
      rotateRows(w.vt, w.ncvt, hi - 1, hi, r.csr, r.snr);
      rotateCols(w.u, w.nru, hi - 1, hi, r.csl, r.snl);
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

    if (shift === 0) zeroShiftSweep(d, e, w, lo, hi, forward, thresh);
    else shiftedSweep(d, e, w, lo, hi, forward, shift, thresh);
  }
}

/** Demmel–Kahan zero-shift QR sweep over rows lo..hi. */
function zeroShiftSweep(
  d: Float64Array,
  e: Float64Array,
  w: Vectors,
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
      rotateRows(w.vt, w.ncvt, i, i + 1, cs, sn);
      rotateCols(w.u, w.nru, i, i + 1, oldcs, oldsn);
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
      rotateRows(w.vt, w.ncvt, i - 1, i, oldcs, -oldsn);
      rotateCols(w.u, w.nru, i - 1, i, cs, -sn);
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
  w: Vectors,
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
      rotateRows(w.vt, w.ncvt, i, i + 1, right.c, right.s);
      rotateCols(w.u, w.nru, i, i + 1, left.c, left.s);
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
      rotateRows(w.vt, w.ncvt, i - 1, i, left.c, -left.s);
      rotateCols(w.u, w.nru, i - 1, i, right.c, -right.s);
    }
    e[lo] = f;
    if (Math.abs(e[lo]!) <= thresh) e[lo] = 0;
  }
}
