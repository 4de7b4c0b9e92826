/**
 * Geometric, Zipf, log-series and hypergeometric samplers, in their NumPy 2.4 `Generator` form
 * (`distributions.c`, `random_hypergeometric.c`, `random_mvhg_*.c`) and their frozen `RandomState` form
 * (`legacy-distributions.c`). Every libm call goes through the exact glibc ports in `src/math`.
 */
import type { BitGenerator } from '../../bitgen/bit-generator.js';
import { exp, expm1, log, log1p, pow } from '../../math/index.js';
import { randomInterval } from '../interval.js';
import { standardExponential } from '../ziggurat.js';
import { logfactorial, randomLoggam } from './loggam.js';

/** (double)INT64_MAX = 2^63. */
const INT64_MAX_D = 2 ** 63;

/** `random_geometric_search` (shared; the threshold is the C literal 0.333333333333333333333333, i.e. the double nearest 1/3) : sequential search, used for p ≥ 1/3. */
function geometricSearch(bg: BitGenerator, p: number): number {
  let X = 1;
  let sum = p;
  let prod = p;
  const q = 1.0 - p;
  const U = bg.nextDouble();
  while (U > sum) {
    prod *= q;
    sum += prod;
    X++;
  }
  return X;
}

/**
 * `geometric(p)`: search for p ≥ 1/3; otherwise Generator `ceil(−E / log1p(−p))` on the ziggurat
 * exponential (≥ 2^63 → +Infinity, the marker for INT64_MAX), legacy `ceil(log1p(−U) / log(1 − p))`.
 */
export function randomGeometric(bg: BitGenerator, p: number, legacy = false): number {
  if (p >= 0.3333333333333333) return geometricSearch(bg, p);
  if (legacy) return Math.ceil(log1p(-bg.nextDouble()) / log(1 - p));
  const z = Math.ceil(-standardExponential(bg) / log1p(-p));
  return z >= INT64_MAX_D ? Number.POSITIVE_INFINITY : z;
}

/**
 * `zipf(a)` by rejection. Generator (NumPy ≥ 2.1): a ≥ 1025 → 1 without a draw, and U drawn from
 * (Umin, 1] with `Umin = pow(2^63, 1 − a)`; legacy: `U = 1 − next_double()`.
 */
export function randomZipf(bg: BitGenerator, a: number, legacy = false): number {
  if (!legacy && a >= 1025) return 1;
  const am1 = a - 1.0;
  const b = pow(2.0, am1);
  const Umin = legacy ? 0 : pow(INT64_MAX_D, -am1);
  for (;;) {
    let U: number;
    if (legacy) {
      U = 1.0 - bg.nextDouble();
    } else {
      const U01 = bg.nextDouble();
      U = U01 * Umin + (1 - U01);
    }
    const V = bg.nextDouble();
    const X = Math.floor(pow(U, -1.0 / am1));
    if (X > INT64_MAX_D || X < 1.0) continue;
    const T = pow(1.0 + 1.0 / X, am1);
    if ((V * X * (T - 1.0)) / (b - 1.0) <= T / b) return X;
  }
}

/** `logseries(p)`: Generator `r = log1p(−p)`, `q = −expm1(r·U)`; legacy `r = log(1 − p)`, `q = 1 − exp(r·U)`. */
export function randomLogseries(bg: BitGenerator, p: number, legacy = false): number {
  const r = legacy ? log(1.0 - p) : log1p(-p);
  for (;;) {
    const V = bg.nextDouble();
    if (V >= p) return 1;
    const U = bg.nextDouble();
    const q = legacy ? 1.0 - exp(r * U) : -expm1(r * U);
    if (V <= q * q) {
      const result = Math.floor(1 + log(V) / log(q));
      if (result < 1 || V === 0.0) continue;
      return result;
    }
    return V >= q ? 1 : 2;
  }
}

// D1 = 2·sqrt(2/e), D2 = 3 − 2·sqrt(3/e) (HRUA constants, as written in numpy).
const D1 = 1.7155277699214135;
const D2 = 0.8989161620588988;

/** Generator's simple sampler: draws without replacement with `random_interval`. */
function hypergeometricSample(bg: BitGenerator, good: number, bad: number, sample: number): number {
  const total = good + bad;
  const half = Math.floor(total / 2);
  let computed = sample > half ? total - sample : sample;
  let remTotal = total;
  let remGood = good;
  while (computed > 0 && remGood > 0 && remTotal > remGood) {
    --remTotal;
    if (randomInterval(bg, remTotal) < remGood) --remGood;
    --computed;
  }
  if (remTotal === remGood) remGood -= computed;
  return sample > half ? remGood : good - remGood;
}

/** Generator's HRUA (Stadlober's ratio of uniforms) with `logfactorial`. */
function hypergeometricHrua(bg: BitGenerator, good: number, bad: number, sample: number): number {
  const popsize = good + bad;
  const cs = Math.min(sample, popsize - sample);
  const mingb = Math.min(good, bad);
  const maxgb = Math.max(good, bad);
  const p = mingb / popsize;
  const q = maxgb / popsize;
  const mu = cs * p;
  const a = mu + 0.5;
  const variance = ((popsize - cs) * cs * p * q) / (popsize - 1);
  const c = Math.sqrt(variance + 0.5);
  const h = D1 * c + D2;
  const m = Math.floor(((cs + 1) * (mingb + 1)) / (popsize + 2));
  const g = logfactorial(m) + logfactorial(mingb - m) + logfactorial(cs - m) + logfactorial(maxgb - cs + m);
  const b = Math.min(Math.min(cs, mingb) + 1, Math.floor(a + 16 * c));
  let K: number;
  for (;;) {
    const U = bg.nextDouble();
    const V = bg.nextDouble();
    const X = a + (h * (V - 0.5)) / U;
    if (X < 0.0 || X >= b) continue;
    K = Math.floor(X);
    const gp =
      logfactorial(K) + logfactorial(mingb - K) + logfactorial(cs - K) + logfactorial(maxgb - cs + K);
    const T = g - gp;
    if (U * (4.0 - U) - 3.0 <= T) break;
    if (U * (U - T) >= 1) continue;
    if (2.0 * log(U) <= T) break;
  }
  if (good > bad) K = cs - K;
  if (cs < sample) K = good - K;
  return K;
}

/** Legacy HYP: the inversion-like loop of `legacy-distributions.c` (1 ≤ sample ≤ 10). */
function legacyHyp(bg: BitGenerator, good: number, bad: number, sample: number): number {
  const d1 = bad + good - sample;
  const d2 = Math.min(bad, good);
  let y = d2;
  let k = sample;
  while (y > 0.0) {
    const u = bg.nextDouble();
    y -= Math.floor(u + y / (d1 + k));
    k--;
    if (k === 0) break;
  }
  let z = Math.trunc(d2 - y);
  if (good > bad) z = sample - z;
  return z;
}

/** Legacy HRUA with `random_loggam` (and its historical use of `sample`, not `m`, in the variance). */
function legacyHrua(bg: BitGenerator, good: number, bad: number, sample: number): number {
  const mingb = Math.min(good, bad);
  const popsize = good + bad;
  const maxgb = Math.max(good, bad);
  const m = Math.min(sample, popsize - sample);
  const d4 = mingb / popsize;
  const d5 = 1.0 - d4;
  const d6 = m * d4 + 0.5;
  const d7 = Math.sqrt(((popsize - m) * sample * d4 * d5) / (popsize - 1) + 0.5);
  const d8 = D1 * d7 + D2;
  const d9 = Math.floor(((m + 1) * (mingb + 1)) / (popsize + 2));
  const d10 =
    randomLoggam(d9 + 1) +
    randomLoggam(mingb - d9 + 1) +
    randomLoggam(m - d9 + 1) +
    randomLoggam(maxgb - m + d9 + 1);
  const d11 = Math.min(Math.min(m, mingb) + 1.0, Math.floor(d6 + 16 * d7));
  let Z: number;
  for (;;) {
    const X = bg.nextDouble();
    const Y = bg.nextDouble();
    const W = d6 + (d8 * (Y - 0.5)) / X;
    if (W < 0.0 || W >= d11) continue;
    Z = Math.floor(W);
    const T =
      d10 -
      (randomLoggam(Z + 1) +
        randomLoggam(mingb - Z + 1) +
        randomLoggam(m - Z + 1) +
        randomLoggam(maxgb - m + Z + 1));
    if (X * (4.0 - X) - 3.0 <= T) break;
    if (X * (X - T) >= 1) continue;
    if (2.0 * log(X) <= T) break;
  }
  if (good > bad) Z = m - Z;
  if (m < sample) Z = good - Z;
  return Z;
}

/**
 * `hypergeometric(ngood, nbad, nsample)`. Generator: HRUA when `10 ≤ sample ≤ total − 10`, else the
 * sampling loop. Legacy: HRUA for sample > 10, HYP for 1..10, 0 for 0.
 */
export function randomHypergeometric(
  bg: BitGenerator,
  good: number,
  bad: number,
  sample: number,
  legacy = false,
): number {
  if (legacy) {
    if (sample > 10) return legacyHrua(bg, good, bad, sample);
    return sample > 0 ? legacyHyp(bg, good, bad, sample) : 0;
  }
  if (sample >= 10 && sample <= good + bad - 10) return hypergeometricHrua(bg, good, bad, sample);
  return hypergeometricSample(bg, good, bad, sample);
}

/**
 * `random_multivariate_hypergeometric_count`: shuffles a population of `total` colour labels (partial
 * Fisher–Yates with `random_interval`) for each of `numVariates` draws. `out` is zeroed, `numVariates × k`.
 */
export function mvhgCount(
  bg: BitGenerator,
  total: number,
  colors: readonly number[],
  nsample: number,
  numVariates: number,
  out: Float64Array,
): void {
  if (total === 0 || nsample === 0 || numVariates === 0) return;
  const k = colors.length;
  const choices = new Int32Array(total);
  let c = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < colors[i]!; j++) choices[c++] = i;
  const more = nsample > Math.floor(total / 2);
  const ns = more ? total - nsample : nsample;
  for (let i = 0; i < numVariates * k; i += k) {
    for (let j = 0; j < ns; j++) {
      const s = j + randomInterval(bg, total - j - 1);
      const tmp = choices[s]!;
      choices[s] = choices[j]!;
      choices[j] = tmp;
    }
    for (let j = 0; j < ns; j++) out[i + choices[j]!]! += 1;
    if (more) for (let t = 0; t < k; t++) out[i + t] = colors[t]! - out[i + t]!;
  }
}

/** `random_multivariate_hypergeometric_marginals`: successive (Generator) hypergeometric draws. */
export function mvhgMarginals(
  bg: BitGenerator,
  total: number,
  colors: readonly number[],
  nsample: number,
  numVariates: number,
  out: Float64Array,
): void {
  if (total === 0 || nsample === 0 || numVariates === 0) return;
  const k = colors.length;
  const more = nsample > Math.floor(total / 2);
  const ns = more ? total - nsample : nsample;
  for (let i = 0; i < numVariates * k; i += k) {
    let toSample = ns;
    let remaining = total;
    for (let j = 0; toSample > 0 && j + 1 < k; j++) {
      remaining -= colors[j]!;
      const r = randomHypergeometric(bg, colors[j]!, remaining, toSample);
      out[i + j] = r;
      toSample -= r;
    }
    if (toSample > 0) out[i + k - 1] = toSample;
    if (more) for (let t = 0; t < k; t++) out[i + t] = colors[t]! - out[i + t]!;
  }
}
