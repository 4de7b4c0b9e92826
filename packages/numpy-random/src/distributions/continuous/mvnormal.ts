/**
 * `multivariate_normal(mean, cov, size=None, check_valid='warn', tol=1e-8, *, method='svd')`.
 *
 * The standard normals are drawn exactly as NumPy draws them (`standard_normal(size + (n,))`: ziggurat for
 * Generator, the legacy Gaussian for RandomState), so the stream stays aligned bit for bit. The factor is
 * computed in TypeScript instead of LAPACK, following NumPy's expressions:
 * - 'svd' (Generator default; RandomState's only method): `(u, s, vh) = svd(cov)` with src/linalg/svd.ts, which
 *   follows LAPACK dgesdd's algorithm path so the singular vector signs are NumPy's. Generator uses
 *   `x @ (u * sqrt(s)).T + mean`, RandomState `x @ (sqrt(s)[:, None] * vh) + mean`; the PSD check is
 *   `allclose((vh.T * s) @ vh, cov, rtol=tol, atol=tol)`. Matches NumPy to ≈1e-15 relative (not bitwise:
 *   BLAS/LAPACK summation order differs); see svd.ts for the limits.
 * - 'eigh' (Generator): `(s, u) = eigh(cov)` with src/linalg/eigh.ts (LAPACK dsyevd's path, NumPy's
 *   eigenvector signs), factor `u * sqrt(abs(s))`, PSD check `not any(s < -tol)`;
 * - 'cholesky' (Generator only): the lower Cholesky factor, unique, so results match NumPy to rounding
 *   (≈1e-15 relative; summation order differs from LAPACK/BLAS, hence not bitwise).
 */
import { describeValue, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { toParam } from '../../broadcast.js';
import { eigh } from '../../linalg/eigh.js';
import { svd } from '../../linalg/svd.js';
import { normalizeSize, resolveArgs, type Shaped, shapeSize, withShape } from '../../shape.js';
import type { Sources } from './sources.js';

/**
 * Cyclic Jacobi eigendecomposition of a symmetric n×n matrix: eigenvalues w and column eigenvectors V.
 * No longer used by multivariateNormal (its eigenvector signs are not LAPACK's); kept as a reference
 * decomposition for tests.
 */
export function jacobiEigh(a: Float64Array, n: number): { w: Float64Array; v: Float64Array } {
  const A = Float64Array.from(a);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p * n + q]! * A[p * n + q]!;
    if (off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q]!;
        if (apq === 0) continue;
        const app = A[p * n + p]!;
        const aqq = A[q * n + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p]!;
          const akq = A[k * n + q]!;
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k]!;
          const aqk = A[q * n + k]!;
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p]!;
          const vkq = V[k * n + q]!;
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = A[i * n + i]!;
  return { w, v: V };
}

/** Lower Cholesky factor (row-major); NumPy's LinAlgError (a ValueError) when not positive definite. */
export function cholesky(a: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= L[j * n + k]! * L[j * n + k]!;
    if (!(d > 0)) throw new SeedkitValueError('Matrix is not positive definite (NumPy raises LinAlgError)');
    const ljj = Math.sqrt(d);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = s / ljj;
    }
  }
  return L;
}

/** NumPy's `allclose((vh.T * s) @ vh, cov, rtol=tol, atol=tol)` (NaN anywhere → false). */
function svdReconstructs(
  vh: Float64Array,
  s: Float64Array,
  C: Float64Array,
  n: number,
  tol: number,
): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let r = 0;
      for (let k = 0; k < n; k++) r += vh[k * n + i]! * s[k]! * vh[k * n + j]!;
      const c = C[i * n + j]!;
      // equal infinities count as close, like numpy.isclose
      if (r === c) continue;
      if (!(Math.abs(r - c) <= tol + tol * Math.abs(c))) return false;
    }
  }
  return true;
}

function warn(msg: string): void {
  (globalThis as { console?: { warn?: (m: string) => void } }).console?.warn?.(`RuntimeWarning: ${msg}`);
}

/** Shared implementation; `src.legacy` selects RandomState's (svd only, no `method`). */
export function multivariateNormal(src: Sources, args: ArrayLike<unknown>): Shaped<Float64Array> {
  const names = src.legacy
    ? ['mean', 'cov', 'size', 'checkValid', 'tol']
    : ['mean', 'cov', 'size', 'checkValid', 'tol', 'method'];
  const o = resolveArgs('multivariateNormal', names, args, 2);
  const method = o.method ?? 'svd';
  if (method !== 'svd' && method !== 'eigh' && method !== 'cholesky') {
    throw new SeedkitValueError("method must be one of {'eigh', 'svd', 'cholesky'}");
  }
  if (o.mean === undefined || o.cov === undefined)
    throw new SeedkitTypeError("multivariateNormal() missing required arguments 'mean' and 'cov'");
  const mean = toParam(o.mean, 'mean');
  const cov = toParam(o.cov, 'cov');
  const sizeShape = normalizeSize(o.size) ?? [];
  if (mean.shape.length !== 1) throw new SeedkitValueError('mean must be 1 dimensional');
  if (cov.shape.length !== 2 || cov.shape[0] !== cov.shape[1])
    throw new SeedkitValueError('cov must be 2 dimensional and square');
  const n = mean.shape[0]!;
  if (n !== cov.shape[0]) throw new SeedkitValueError('mean and cov must have same length');
  const checkValid = o.checkValid ?? 'warn';
  const tol = o.tol === undefined ? 1e-8 : (o.tol as number);
  if (typeof tol !== 'number')
    throw new SeedkitTypeError(`tol: expected a number, got ${describeValue(tol)}`);
  const finalShape = [...sizeShape, n];
  const total = shapeSize(finalShape);
  const x = new Float64Array(total);
  for (let i = 0; i < total; i++) x[i] = src.normal();

  const C = cov.data;
  // factor F (row-major n×n): out_row = mean + F · x_row
  const F = new Float64Array(n * n);
  // like NumPy: draw, decompose (LinAlgError first), then validate check_valid and test PSD ('cholesky': never)
  let psdTest: (() => boolean) | null = null;
  if (method === 'cholesky') {
    F.set(cholesky(C, n));
  } else if (method === 'svd') {
    const { u, s, vh } = svd(C, n);
    psdTest = () => svdReconstructs(vh, s, C, n, tol);
    for (let k = 0; k < n; k++) {
      const r = Math.sqrt(s[k]!);
      // Generator: u * sqrt(s); RandomState: (sqrt(s)[:, None] * vh).T
      if (src.legacy) for (let i = 0; i < n; i++) F[i * n + k] = r * vh[k * n + i]!;
      else for (let i = 0; i < n; i++) F[i * n + k] = u[i * n + k]! * r;
    }
  } else {
    // NumPy: (s, u) = eigh(cov) (ascending eigenvalues, eigenvectors as columns); factor u * sqrt(abs(s))
    const { w, v } = eigh(C, n);
    psdTest = () => !w.some((e) => e < -tol);
    for (let k = 0; k < n; k++) {
      const r = Math.sqrt(Math.abs(w[k]!));
      for (let i = 0; i < n; i++) F[i * n + k] = v[i * n + k]! * r;
    }
  }
  if (psdTest !== null && checkValid !== 'ignore') {
    if (checkValid !== 'warn' && checkValid !== 'raise')
      throw new SeedkitValueError("check_valid must equal 'warn', 'raise', or 'ignore'");
    if (!psdTest()) {
      if (checkValid === 'warn') warn('covariance is not symmetric positive-semidefinite.');
      else throw new SeedkitValueError('covariance is not symmetric positive-semidefinite.');
    }
  }
  const out = new Float64Array(total);
  const rows = total / (n || 1);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += x[r * n + k]! * F[i * n + k]!;
      out[r * n + i] = mean.data[i]! + s;
    }
  }
  return withShape(out, finalShape);
}
