import { SeedkitValueError } from '@seedkit/core';

/** NumPy's `kahan_sum` (compensated summation, first element as the start value). */
export function kahanSum(x: ArrayLike<number>): number {
  const n = x.length;
  if (n === 0) return 0.0;
  let sum = x[0]!;
  let c = 0.0;
  for (let i = 1; i < n; i++) {
    const y = x[i]! - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** sqrt(DBL_EPSILON), the tolerance `choice` allows on `sum(p)`. */
const P_ATOL = Math.sqrt(2.220446049250313e-16);

/**
 * `choice`'s checks on `p` (in NumPy's order): 1-D, same size as the population, no NaN, non-negative,
 * summing to 1 within sqrt(eps). Returns p as a Float64Array.
 */
export function checkProbabilities(p: unknown, popSize: number): Float64Array {
  if (!Array.isArray(p) && !(ArrayBuffer.isView(p) && !(p instanceof DataView)))
    throw new SeedkitValueError("'p' must be 1-dimensional");
  const src = p as ArrayLike<unknown>;
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (Array.isArray(v)) throw new SeedkitValueError("'p' must be 1-dimensional");
    out[i] = Number(v);
  }
  if (out.length !== popSize) throw new SeedkitValueError("'a' and 'p' must have same size");
  const sum = kahanSum(out);
  if (Number.isNaN(sum)) throw new SeedkitValueError('probabilities contain NaN');
  for (let i = 0; i < out.length; i++) {
    if (out[i]! < 0) throw new SeedkitValueError('probabilities are not non-negative');
  }
  if (Math.abs(sum - 1.0) > P_ATOL) throw new SeedkitValueError('probabilities do not sum to 1');
  return out;
}

/** `cdf = cumsum(p); cdf /= cdf[-1]` (sequential sums, as `np.cumsum`). */
export function normalizedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let s = 0.0;
  for (let i = 0; i < p.length; i++) {
    s += p[i]!;
    cdf[i] = s;
  }
  const last = cdf[cdf.length - 1]!;
  for (let i = 0; i < cdf.length; i++) cdf[i] = cdf[i]! / last;
  return cdf;
}

/** `searchsorted(cdf, x, side='right')`: the number of entries ≤ x. */
export function searchsortedRight(cdf: Float64Array, x: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
