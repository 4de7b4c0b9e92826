import { describeValue, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { divideAndConquer } from './eigh-dc.js';
import { applyQ, tridiagonalizeLower } from './eigh-householder.js';
import {
  LAPACK_SAFMIN,
  NoConvergence,
  rescale,
  selectionSort,
  steqr,
  tridiagMaxAbs,
} from './eigh-tridiag.js';

/** dstedc's SMLSIZ (ilaenv ispec 9): unreduced tridiagonal blocks up to this size go to dsteqr. */
export const EIGH_SMLSIZ = 25;

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix, following `numpy.linalg.eigh(a)` (UPLO='L'),
 * which calls LAPACK `dsyevd(JOBZ='V', UPLO='L')`, step for step so that the eigenvector signs (and, where
 * the algorithm determines it, the basis of a repeated eigenvalue's eigenspace) are LAPACK's.
 *
 * Layout: `a` is the n×n matrix in row-major order; only its lower triangle (`a[i*n + j]`, i ≥ j) is read,
 * like NumPy's default UPLO='L'. Returns `w`, the n eigenvalues in ascending order, and `v`, row-major n×n
 * with the eigenvectors as columns: `v[i*n + j]` is component i of the eigenvector for `w[j]`.
 *
 * LAPACK path reproduced (reference LAPACK 3.12 as compiled into OpenBLAS, which NumPy 2.4's wheels use):
 * 1. dsyevd: if max|a_ij| (lower triangle) is below sqrt(safmin/eps) or above its reciprocal, scale the
 *    matrix into range (dlascl) and scale the eigenvalues back at the end;
 * 2. dsytrd → dsytd2 (lower): Householder reduction to tridiagonal form T = Qᵀ A Q, reflectors from dlarfg
 *    (β = −sign(α)·‖(α, x)‖, τ = (β − α)/β), rank-2 updates through dsymv/dsyr2;
 * 3. dstedc(COMPZ='I'): for n ≤ 25 → dsteqr (implicit QL/QR, see eigh-tridiag.ts); for n > 25 dstedc splits T
 *    where |e_k| ≤ eps·sqrt|d_k|·sqrt|d_k+1|, solves blocks of size ≤ 25 by dsteqr and larger ones by divide
 *    and conquer (dlaed0 → dlaed1/2/3/4, see eigh-dc.ts and eigh-secular.ts) on the block scaled to
 *    max |entry| = 1, then selection-sorts all eigenpairs;
 * 4. dormtr: V = Q·Z, applying the reflectors H(n−1), …, H(1) to Z from the left.
 *
 * Accuracy: the QL/QR stage (dsteqr) and the secular-equation solver (dlaed4) reproduce LAPACK's results bit
 * for bit on the same input; the Householder steps and the divide-and-conquer products run through BLAS in
 * NumPy (OpenBLAS kernels sum in another order, with FMA), so the end result agrees with NumPy to rounding
 * (≈1e-15 relative to ‖A‖ for well-separated eigenvalues), with the same eigenvector signs, not bit for bit.
 * Where NumPy's own result is decided by rounding noise — eigenvectors of (nearly) repeated eigenvalues, or
 * of strongly graded matrices whose small eigenvalues fall below eps·‖A‖ — the columns may differ (the
 * eigenspaces agree). LAPACK's blocked variants for n > 32 (dlatrd, blocked dormqr) compute the same
 * reflectors and differ only in rounding; this code uses the unblocked ones. dlaed2's deflation tolerance is
 * 8·eps·max(|d|, |z|), as in the OpenBLAS LAPACK sources checked (reference LAPACK raised it to 64·eps in
 * 2026); this only changes which near-negligible components deflate.
 *
 * Throws SeedkitTypeError if `a` is not a Float64Array, SeedkitValueError if n is not a non-negative integer,
 * `a.length !== n*n`, the lower triangle holds NaN/±Infinity, or the iteration does not converge (NumPy's
 * LinAlgError "Eigenvalues did not converge").
 */
export function eigh(a: Float64Array, n: number): { w: Float64Array; v: Float64Array } {
  if (!(a instanceof Float64Array)) {
    throw new SeedkitTypeError(`eigh: a must be a Float64Array, got ${describeValue(a)}`);
  }
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new SeedkitValueError(`eigh: n must be a non-negative integer, got ${describeValue(n)}`);
  }
  if (a.length !== n * n) {
    throw new SeedkitValueError(`eigh: a must hold n*n = ${n * n} values, got ${a.length}`);
  }
  // Column-major working copy of the lower triangle: A(i, j) = ac[i + j*n], i ≥ j.
  const ac = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) {
      const x = a[i * n + j]!;
      if (!Number.isFinite(x)) {
        throw new SeedkitValueError(`eigh: a must be finite, got a[${i}][${j}] = ${x}`);
      }
      ac[i + j * n] = x;
    }
  }
  const w = new Float64Array(n);
  const v = new Float64Array(n * n);
  if (n === 0) return { w, v };
  if (n === 1) {
    w[0] = ac[0]!;
    v[0] = 1;
    return { w, v };
  }

  // 1. Scale into [rmin, rmax] if needed (dsyevd uses eps = dlamch('P') = 2^-52 here).
  const smlnum = LAPACK_SAFMIN / 2 ** -52;
  const rmin = Math.sqrt(smlnum);
  const rmax = Math.sqrt(1 / smlnum);
  let anrm = 0;
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) anrm = Math.max(anrm, Math.abs(ac[i + j * n]!));
  }
  let sigma = 1;
  if (anrm > 0 && anrm < rmin) sigma = rmin / anrm;
  else if (anrm > rmax) sigma = rmax / anrm;
  if (sigma !== 1) {
    for (let j = 0; j < n; j++) rescale(ac, j * n + j, (j + 1) * n, 1, sigma);
  }

  // 2. Tridiagonal reduction.
  const d = new Float64Array(n);
  const e = new Float64Array(n - 1);
  const tau = new Float64Array(n - 1);
  tridiagonalizeLower(n, ac, d, e, tau);

  // 3. Eigenpairs of T, column-major z.
  const z = new Float64Array(n * n);
  try {
    stedc(n, d, e, z);
  } catch (err) {
    if (err instanceof NoConvergence) throw new SeedkitValueError('eigh: Eigenvalues did not converge');
    throw err;
  }

  // 4. V = Q·Z.
  applyQ(n, ac, tau, z);

  if (sigma !== 1) {
    const inv = 1 / sigma;
    for (let i = 0; i < n; i++) d[i] = d[i]! * inv;
  }
  w.set(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) v[i * n + j] = z[i + j * n]!;
  }
  return { w, v };
}

/**
 * dstedc(COMPZ='I') on the tridiagonal (d, e): for n ≤ 25 one dsteqr call; otherwise Z = I, split into
 * unreduced blocks, dsteqr on each block (LAPACK would use divide and conquer for blocks > 25: see eigh's
 * limits), then the global selection sort.
 */
function stedc(n: number, d: Float64Array, e: Float64Array, z: Float64Array): void {
  if (n <= EIGH_SMLSIZ) {
    steqr(n, d, e, z, 0, n);
    return;
  }
  for (let i = 0; i < n; i++) z[i + i * n] = 1;
  if (tridiagMaxAbs(d, e, 0, n - 1) === 0) return;
  const eps = 2 ** -53;
  let start = 0;
  while (start < n) {
    let finish = start;
    while (finish < n - 1) {
      const tiny = eps * Math.sqrt(Math.abs(d[finish]!)) * Math.sqrt(Math.abs(d[finish + 1]!));
      if (Math.abs(e[finish]!) > tiny) finish++;
      else break;
    }
    const m = finish - start + 1;
    if (m > 1) {
      const dBlock = d.subarray(start, finish + 1);
      const eBlock = e.subarray(start, finish);
      if (m > EIGH_SMLSIZ) {
        // Divide and conquer on the block scaled to max |entry| = 1, eigenvalues scaled back.
        const norm = tridiagMaxAbs(dBlock, eBlock, 0, m - 1);
        rescale(dBlock, 0, m, norm, 1);
        rescale(eBlock, 0, m - 1, norm, 1);
        divideAndConquer(m, dBlock, eBlock, z, start + start * n, n);
        rescale(dBlock, 0, m, 1, norm);
      } else {
        steqr(m, dBlock, eBlock, z, start + start * n, n);
      }
    }
    start = finish + 1;
  }
  selectionSort(n, d, z, 0, n, n);
}
