/**
 * `numpy.linalg.svd(a)` (full_matrices=True) for a real square n×n matrix, reproducing the singular vector
 * SIGNS LAPACK returns, so that `multivariate_normal(..., method='svd')` gives NumPy's samples.
 *
 * NumPy calls LAPACK `dgesdd` with JOBZ='A'. For a square matrix that routine (reference LAPACK, which
 * NumPy's scipy-openblas bundles) takes this path, which this file follows step by step:
 * 1. scale the matrix into [2⁻⁴⁵⁹, 2⁴⁵⁹] if its largest entry is outside (undone on the singular values);
 * 2. n = 1 is its own case (LAPACK's QR path degenerates to u = sign(a), s = |a|, vh = 1, with Fortran's
 *    signed-zero SIGN, so -0 gives u = -1);
 * 3. Householder bidiagonal reduction A = Q·B·Pᵀ (DGEBD2: alternately a reflector from the left clearing a
 *    column below the diagonal, one from the right clearing a row right of the superdiagonal, reflector
 *    β = −sign(α)·‖(α, x)‖ and τ = (β − α)/β as in DLARFG; x = 0 gives the identity);
 * 4. SVD of the upper bidiagonal B as DBDSDC computes it: for n ≤ 25 by implicit-shift QR
 *    (svd-bidiagonal.ts; DLASDQ → DBDSQR), for larger n by divide and conquer (svd-divide.ts; DLASD0 …);
 * 5. U = Q·U_B, Vᵀ = V_Bᵀ·Pᵀ (DORMBR).
 * Only rounding differs from NumPy (the summation order of BLAS kernels and of these loops), so results agree
 * to ~1e-15 relative, never bitwise; signs and the order of singular triplets are LAPACK's. On LAPACK's own
 * bidiagonal, step 4 reproduces DBDSDC bit for bit for n ≤ 25 (to ~1e-13 for n > 25, where the secular
 * equation is solved differently).
 *
 * Limits: singular vectors of repeated or zero singular values are not unique; where rounding noise decides
 * them, NumPy's and ours may differ. More generally, for some matrices the branch decisions (hence the signs)
 * hinge on the last bits of the bidiagonal, which depend on OpenBLAS's CPU-specific kernels (a one-ulp change
 * flips them, and NumPy's own result changes with OPENBLAS_CORETYPE): measured on random matrices, 1 in ~4400
 * for n ≤ 12 and ~1.3 % for n = 13..25 end with a pair of singular vectors negated relative to NumPy's, and
 * most larger AR(1)-type (Toeplitz, clustered spectrum) matrices. The norms and DLAPY2 are computed as
 * LAPACK/OpenBLAS do (correctly rounded norm, w·√(1 + (z/w)²)) to keep this rare.
 *
 * Layout: input and outputs are row-major (a[i·n + j] = a_ij), like a C-ordered NumPy array; internally the
 * work arrays are column-major, as in LAPACK.
 */
import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { BidiagonalNoConvergence, bidiagonalSvd } from './svd-bidiagonal.js';
import { divideAndConquerSvd } from './svd-divide.js';
import { lapy2, norm2, SAFE_MIN, signOf } from './svd-plane.js';

/** Largest n solved by bidiagonal QR; above it DBDSDC (and so this file) uses divide and conquer (SMLSIZ). */
export const SVD_QR_MAX_N = 25;

export interface SvdResult {
  /** n×n row-major, columns are the left singular vectors. */
  u: Float64Array;
  /** n singular values, decreasing. */
  s: Float64Array;
  /** n×n row-major, rows are the right singular vectors. */
  vh: Float64Array;
}

const SMALL_NUM = 2 ** -459; // √safmin / (2⁻⁵²), LAPACK dgesdd's scaling bound
const BIG_NUM = 1 / SMALL_NUM;

/**
 * Householder reflector H = I − τ·v·vᵀ with v = (1, x/(α − β)) and H·(α, x) = (β, 0): overwrites
 * x (x[start + k·stride], k < count) with v's tail and returns [τ, β]. A zero x gives τ = 0, β = α.
 */
function householder(
  alpha: number,
  x: Float64Array,
  start: number,
  stride: number,
  count: number,
): [number, number] {
  if (count === 0) return [0, alpha];
  let xnorm = norm2(x, start, stride, count);
  if (xnorm === 0) return [0, alpha];
  let a = alpha;
  let beta = -signOf(a) * lapy2(a, xnorm);
  const safmin = SAFE_MIN / 2 ** -53;
  let rescaled = 0;
  if (Math.abs(beta) < safmin) {
    // tiny β: scale up so that τ and v stay accurate, undo on β at the end
    const inv = 1 / safmin;
    do {
      rescaled++;
      for (let k = 0; k < count; k++) x[start + k * stride] = x[start + k * stride]! * inv;
      beta *= inv;
      a *= inv;
    } while (Math.abs(beta) < safmin && rescaled < 20);
    xnorm = norm2(x, start, stride, count);
    beta = -signOf(a) * lapy2(a, xnorm);
  }
  const tau = (beta - a) / beta;
  const scale = 1 / (a - beta);
  for (let k = 0; k < count; k++) x[start + k * stride] = x[start + k * stride]! * scale;
  for (let k = 0; k < rescaled; k++) beta *= safmin;
  return [tau, beta];
}

/** Column-major n×n work matrix W: W[i + j·n]. */
function fromRowMajor(a: Float64Array, n: number): Float64Array {
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) w[i + j * n] = a[i * n + j]!;
  return w;
}

function toRowMajor(w: Float64Array, n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = w[i + j * n]!;
  return a;
}

/**
 * Singular value decomposition a = u · diag(s) · vh of the row-major n×n matrix `a` (not modified), with
 * numpy.linalg.svd's (LAPACK dgesdd's) conventions: s decreasing, u and vh orthogonal with LAPACK's signs.
 * Throws SeedkitValueError('SVD did not converge') like NumPy's LinAlgError for NaN input or if the QR
 * iteration fails. An infinite entry gives NaN singular values (as NumPy does; u and vh are then unspecified).
 */
export function svd(a: Float64Array, n: number): SvdResult {
  if (!(a instanceof Float64Array)) throw new SeedkitTypeError('svd: a must be a Float64Array');
  if (!Number.isInteger(n) || n < 0)
    throw new SeedkitValueError(`svd: n must be a non-negative integer, got ${n}`);
  if (a.length !== n * n)
    throw new SeedkitValueError(`svd: a has ${a.length} entries, expected n·n = ${n * n}`);
  let anrm = 0;
  for (let k = 0; k < a.length; k++) {
    const t = Math.abs(a[k]!);
    if (Number.isNaN(t)) throw new SeedkitValueError('SVD did not converge');
    if (t > anrm) anrm = t;
  }
  if (n === 0) return { u: new Float64Array(0), s: new Float64Array(0), vh: new Float64Array(0) };
  if (anrm === Infinity) {
    const eye = new Float64Array(n * n);
    for (let i = 0; i < n; i++) eye[i * n + i] = 1;
    return { u: eye, s: new Float64Array(n).fill(Number.NaN), vh: Float64Array.from(eye) };
  }
  const A = fromRowMajor(a, n);
  let scaledTo = 0;
  if (anrm > 0 && anrm < SMALL_NUM) scaledTo = SMALL_NUM;
  else if (anrm > BIG_NUM) scaledTo = BIG_NUM;
  if (scaledTo !== 0) {
    const mul = scaledTo / anrm;
    for (let k = 0; k < A.length; k++) A[k] = A[k]! * mul;
  }

  const s = new Float64Array(n);
  let U: Float64Array;
  let VT: Float64Array;
  if (n === 1) {
    U = Float64Array.of(signOf(A[0]!));
    VT = Float64Array.of(1);
    s[0] = Math.abs(A[0]!);
  } else {
    // 1) bidiagonal reduction; reflector tails stay in A below the diagonal (Q) and right of the superdiagonal (P)
    const { d, e, tauq, taup } = bidiagonalize(A, n);
    s.set(d);
    // 2) SVD of the bidiagonal
    U = new Float64Array(n * n);
    VT = new Float64Array(n * n);
    for (let i = 0; i < n; i++) U[i + i * n] = VT[i + i * n] = 1;
    try {
      if (n > SVD_QR_MAX_N) divideAndConquerSvd(s, e, U, VT);
      else bidiagonalSvd(s, e, VT, U);
    } catch (err) {
      if (err instanceof BidiagonalNoConvergence) throw new SeedkitValueError('SVD did not converge');
      throw err;
    }
    // 3) U ← Q·U with Q = H₀·H₁⋯H_{n−1}; Vᵀ ← Vᵀ·Pᵀ with P = G₀⋯G_{n−2}
    for (let i = n - 1; i >= 0; i--) {
      if (tauq[i] !== 0) applyLeft(U, n, i, 0, tauq[i]!, A, i + 1 + i * n, 1);
    }
    for (let i = n - 2; i >= 0; i--) {
      if (taup[i] !== 0) applyRight(VT, n, 0, i + 1, taup[i]!, A, i + (i + 2) * n, n);
    }
  }
  if (scaledTo !== 0) {
    const back = anrm / scaledTo;
    for (let k = 0; k < n; k++) s[k] = s[k]! * back;
  }
  return { u: toRowMajor(U, n), s, vh: toRowMajor(VT, n) };
}

/**
 * Householder bidiagonalization A = Q·B·Pᵀ of the column-major n×n A (n ≥ 1, overwritten by the reflector
 * tails as LAPACK DGEBD2 stores them): B has diagonal d and superdiagonal e; Q = H₀⋯H_{n−1} with
 * Hᵢ = I − tauq[i]·v·vᵀ, v = (0…0, 1, A[i+1..n−1, i]); P = G₀⋯G_{n−2} with Gᵢ = I − taup[i]·w·wᵀ,
 * w = (0…0, 1 at i+1, A[i, i+2..n−1]).
 */
function bidiagonalize(
  A: Float64Array,
  n: number,
): { d: Float64Array; e: Float64Array; tauq: Float64Array; taup: Float64Array } {
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  const tauq = new Float64Array(n);
  const taup = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // left reflector: clear column i below the diagonal, then apply it to the columns on the right
    const [tq, dq] = householder(A[i + i * n]!, A, i + 1 + i * n, 1, n - 1 - i);
    tauq[i] = tq;
    d[i] = dq;
    if (tq !== 0) applyLeft(A, n, i, i + 1, tq, A, i + 1 + i * n, 1);
    if (i < n - 1) {
      // right reflector: clear row i right of the superdiagonal, then apply it to the rows below
      const [tp, ep] = householder(A[i + (i + 1) * n]!, A, i + (i + 2) * n, n, n - 2 - i);
      taup[i] = tp;
      e[i] = ep;
      if (tp !== 0) applyRight(A, n, i + 1, i + 1, tp, A, i + (i + 2) * n, n);
    }
  }
  return { d, e, tauq, taup };
}

/**
 * C ← (I − τ·v·vᵀ)·C on rows r0..n−1 and columns c0..n−1 of the column-major C, where v = (1, tail) with
 * tail[k] = V[vStart + k·vStride] for rows r0+1..n−1.
 */
function applyLeft(
  C: Float64Array,
  n: number,
  r0: number,
  c0: number,
  tau: number,
  V: Float64Array,
  vStart: number,
  vStride: number,
): void {
  const len = n - r0;
  for (let j = c0; j < n; j++) {
    const col = j * n;
    let w = C[r0 + col]!;
    for (let k = 1; k < len; k++) w += V[vStart + (k - 1) * vStride]! * C[r0 + k + col]!;
    if (w === 0) continue;
    const tw = tau * w;
    C[r0 + col] = C[r0 + col]! - tw;
    for (let k = 1; k < len; k++) C[r0 + k + col] = C[r0 + k + col]! - tw * V[vStart + (k - 1) * vStride]!;
  }
}

/**
 * C ← C·(I − τ·v·vᵀ) on rows r0..n−1 and columns c0..n−1 of the column-major C, where v = (1, tail) with
 * tail[k] = V[vStart + k·vStride] for columns c0+1..n−1.
 */
function applyRight(
  C: Float64Array,
  n: number,
  r0: number,
  c0: number,
  tau: number,
  V: Float64Array,
  vStart: number,
  vStride: number,
): void {
  const len = n - c0;
  for (let i = r0; i < n; i++) {
    let w = C[i + c0 * n]!;
    for (let k = 1; k < len; k++) w += C[i + (c0 + k) * n]! * V[vStart + (k - 1) * vStride]!;
    if (w === 0) continue;
    const tw = tau * w;
    C[i + c0 * n] = C[i + c0 * n]! - tw;
    for (let k = 1; k < len; k++)
      C[i + (c0 + k) * n] = C[i + (c0 + k) * n]! - tw * V[vStart + (k - 1) * vStride]!;
  }
}
