/**
 * Householder steps of `eigh` (see eigh.ts): the reduction to tridiagonal form (dsytd2, UPLO='L', with
 * reflectors from dlarfg) and the back-transformation of the eigenvectors (dormtr → dorm2r). Column-major
 * storage: A(i, j) = A[i + j*n].
 */
import { fsign, LAPACK_SAFMIN, lapy2 } from './eigh-tridiag.js';

/** ‖x‖₂ of x[lo..hi) with scaling against overflow/underflow (the classic dnrm2 recurrence). */
export function norm2(x: Float64Array, lo: number, hi: number): number {
  let scale = 0;
  let ssq = 1;
  for (let i = lo; i < hi; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    const ax = Math.abs(xi);
    if (scale < ax) {
      const q = scale / ax;
      ssq = 1 + ssq * q * q;
      scale = ax;
    } else {
      const q = ax / scale;
      ssq += q * q;
    }
  }
  return scale * Math.sqrt(ssq);
}

/**
 * Householder reflector (dlarfg) for the vector (alpha, x[lo..hi)): returns tau and overwrites x with v
 * (v(0) = 1 implicit) and `a[alphaIdx]` with beta, so that H·(alpha, x) = (beta, 0), H = I − τ·v·vᵀ.
 */
export function householder(a: Float64Array, alphaIdx: number, lo: number, hi: number): number {
  if (hi <= lo) return 0;
  let xnorm = norm2(a, lo, hi);
  if (xnorm === 0) return 0;
  let alpha = a[alphaIdx]!;
  let beta = -fsign(lapy2(alpha, xnorm), alpha);
  const safmin = LAPACK_SAFMIN / 2 ** -53;
  let knt = 0;
  if (Math.abs(beta) < safmin) {
    const rsafmn = 1 / safmin;
    do {
      knt++;
      for (let i = lo; i < hi; i++) a[i] = a[i]! * rsafmn;
      beta *= rsafmn;
      alpha *= rsafmn;
    } while (Math.abs(beta) < safmin && knt < 20);
    xnorm = norm2(a, lo, hi);
    beta = -fsign(lapy2(alpha, xnorm), alpha);
  }
  const t = (beta - alpha) / beta;
  const f = 1 / (alpha - beta);
  for (let i = lo; i < hi; i++) a[i] = a[i]! * f;
  for (let j = 0; j < knt; j++) beta *= safmin;
  a[alphaIdx] = beta;
  return t;
}

/**
 * dsytd2 with UPLO='L' on the column-major n×n matrix A (lower triangle): step k builds the reflector H(k)
 * that zeroes A(k+2:n, k), stores v in A(k+2:n, k), and updates the trailing block as
 * A ← A − v·wᵀ − w·vᵀ with p = τ·A·v, w = p − (τ/2)(pᵀv)·v.
 */
export function tridiagonalizeLower(
  n: number,
  A: Float64Array,
  d: Float64Array,
  e: Float64Array,
  tau: Float64Array,
): void {
  for (let k = 0; k < n - 1; k++) {
    const len = n - k - 1; // order of the trailing block
    const vIdx = k + 1 + k * n; // A(k+1, k): first element of v
    const t = householder(A, vIdx, vIdx + 1, (k + 1) * n);
    e[k] = A[vIdx]!;
    if (t !== 0) {
      A[vIdx] = 1;
      const b0 = k + 1 + (k + 1) * n; // A(k+1, k+1): origin of the trailing block
      // p = t·B·v into tau[k .. k+len) (symmetric B, lower triangle read)
      for (let i = 0; i < len; i++) tau[k + i] = 0;
      for (let j = 0; j < len; j++) {
        const t1 = t * A[vIdx + j]!;
        let t2 = 0;
        const col = b0 + j * n;
        tau[k + j] = tau[k + j]! + t1 * A[col + j]!;
        for (let i = j + 1; i < len; i++) {
          const bij = A[col + i]!;
          tau[k + i] = tau[k + i]! + t1 * bij;
          t2 += bij * A[vIdx + i]!;
        }
        tau[k + j] = tau[k + j]! + t * t2;
      }
      let dot = 0;
      for (let i = 0; i < len; i++) dot += tau[k + i]! * A[vIdx + i]!;
      const alpha = -0.5 * t * dot;
      for (let i = 0; i < len; i++) tau[k + i] = tau[k + i]! + alpha * A[vIdx + i]!;
      // B ← B − v·wᵀ − w·vᵀ (lower triangle)
      for (let j = 0; j < len; j++) {
        const vj = A[vIdx + j]!;
        const wj = tau[k + j]!;
        if (vj === 0 && wj === 0) continue;
        const t1 = -wj;
        const t2 = -vj;
        const col = b0 + j * n;
        for (let i = j; i < len; i++) {
          A[col + i] = A[col + i]! + A[vIdx + i]! * t1 + tau[k + i]! * t2;
        }
      }
      A[vIdx] = e[k]!;
    }
    d[k] = A[k + k * n]!;
    tau[k] = t;
  }
  d[n - 1] = A[n - 1 + (n - 1) * n]!;
}

/**
 * dormtr(SIDE='L', UPLO='L', TRANS='N') → dorm2r: Z ← Q·Z with Q = H(0)·H(1)⋯H(n−2), applying H(n−2) first.
 * H(k) = I − τ_k·v·vᵀ acts on rows k+1..n−1, v = (1, A(k+2:n, k)).
 */
export function applyQ(n: number, A: Float64Array, tau: Float64Array, z: Float64Array): void {
  const wrk = new Float64Array(n);
  for (let k = n - 2; k >= 0; k--) {
    const t = tau[k]!;
    if (t === 0) continue;
    const r0 = k + 1; // first row touched
    const len = n - r0;
    const vIdx = r0 + k * n;
    // wrk = Zᵀ v over rows r0..n−1
    for (let j = 0; j < n; j++) {
      const col = r0 + j * n;
      let s = z[col]!; // v(0) = 1
      for (let i = 1; i < len; i++) s += z[col + i]! * A[vIdx + i]!;
      wrk[j] = s;
    }
    // Z ← Z − τ·v·wrkᵀ
    for (let j = 0; j < n; j++) {
      const f = -t * wrk[j]!;
      if (f === 0) continue;
      const col = r0 + j * n;
      z[col] = z[col]! + f;
      for (let i = 1; i < len; i++) z[col + i] = z[col + i]! + A[vIdx + i]! * f;
    }
  }
}
