/**
 * Binomial and multinomial samplers of NumPy 2.4: inversion for n·min(p,1−p) ≤ 30, else BTPE
 * (Kachitvichyanukul & Schmeiser). Generator's inversion uses `exp(n·log1p(−p))` (since 2.4.0); the frozen
 * RandomState `binomial` uses `exp(n·log(q))`. BTPE is NumPy 2.4's (shared by both; the 2.5 correction is
 * not applied). Both facades keep one {@link BinomialCache} (NumPy's `binomial_t`): its inversion constants
 * are reused while (n, p) stays the same, which is observable in RandomState, where `binomial` (legacy
 * inversion) and `multinomial` (Generator inversion) share it.
 */
import type { BitGenerator } from '../../bitgen/bit-generator.js';
import { exp, log, log1p } from '../../math/index.js';

/** NumPy's `binomial_t` (only the parts whose reuse can change results: the inversion constants). */
export interface BinomialCache {
  has: boolean;
  nsave: number;
  psave: number;
  q: number;
  qn: number;
  np: number;
  bound: number;
}

export function newBinomialCache(): BinomialCache {
  return { has: false, nsave: 0, psave: 0, q: 0, qn: 0, np: 0, bound: 0 };
}

function inversion(bg: BitGenerator, n: number, p: number, cache: BinomialCache, legacy: boolean): number {
  if (!cache.has || cache.nsave !== n || cache.psave !== p) {
    cache.has = true;
    cache.nsave = n;
    cache.psave = p;
    const q = 1.0 - p;
    cache.q = q;
    cache.qn = legacy ? exp(n * log(q)) : exp(n * log1p(-p));
    const np = n * p;
    cache.np = np;
    // (int64_t)MIN(n, np + 10*sqrt(np*q + 1)): truncation toward zero.
    cache.bound = Math.trunc(Math.min(n, np + 10.0 * Math.sqrt(np * q + 1)));
  }
  const { q, qn, bound } = cache;
  let X = 0;
  let px = qn;
  let U = bg.nextDouble();
  while (U > px) {
    X++;
    if (X > bound) {
      X = 0;
      px = qn;
      U = bg.nextDouble();
    } else {
      U -= px;
      px = ((n - X + 1) * p * px) / (X * q);
    }
  }
  return X;
}

/** BTPE for p ≤ 0.5 and n·p > 30 (NumPy 2.4 constants). The setup is recomputed (it is pure in n, p). */
function btpe(bg: BitGenerator, n: number, p: number, cache: BinomialCache): number {
  // The C code records (n, p) in binomial_t here too (without touching the inversion constants).
  cache.has = true;
  cache.nsave = n;
  cache.psave = p;
  const r = Math.min(p, 1.0 - p);
  const q = 1.0 - r;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1.0 + a / 2.0);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1.0 + a / 2.0);
  const p2 = p1 * (1.0 + 2.0 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;
  const nrq = n * r * q;
  for (;;) {
    const u = bg.nextDouble() * p4;
    let v = bg.nextDouble();
    let y: number;
    if (u <= p1) {
      return Math.floor(xm - p1 * v + u);
    }
    if (u <= p2) {
      const x = xl + (u - p1) / c;
      v = v * c + 1.0 - Math.abs(m - x + 0.5) / p1;
      if (v > 1.0) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      y = Math.floor(xl + log(v) / laml);
      if (y < 0 || v === 0.0) continue;
      v = v * (u - p2) * laml;
    } else {
      y = Math.floor(xr - log(v) / lamr);
      if (y > n || v === 0.0) continue;
      v = v * (u - p3) * lamr;
    }
    const k = Math.abs(y - m);
    if (!(k > 20 && k < nrq / 2.0 - 1)) {
      const s = r / q;
      const aa = s * (n + 1);
      let F = 1.0;
      if (m < y) {
        for (let i = m + 1; i <= y; i++) F *= aa / i - s;
      } else if (m > y) {
        for (let i = y + 1; i <= m; i++) F /= aa / i - s;
      }
      if (v > F) continue;
      return y;
    }
    const rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = -(k * k) / (2 * nrq);
    const A = log(v);
    if (A < t - rho) return y;
    if (A > t + rho) continue;
    const x1 = y + 1;
    const f1 = m + 1;
    const z = n + 1 - m;
    const w = n - y + 1;
    const x2 = x1 * x1;
    const f2 = f1 * f1;
    const z2 = z * z;
    const w2 = w * w;
    const bound =
      xm * log(f1 / x1) +
      (n - m + 0.5) * log(z / w) +
      (y - m) * log((w * r) / (x1 * q)) +
      (13680 - (462 - (132 - (99 - 140 / f2) / f2) / f2) / f2) / f1 / 166320 +
      (13680 - (462 - (132 - (99 - 140 / z2) / z2) / z2) / z2) / z / 166320 +
      (13680 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x1 / 166320 +
      (13680 - (462 - (132 - (99 - 140 / w2) / w2) / w2) / w2) / w / 166320;
    if (A > bound) continue;
    return y;
  }
}

/**
 * `random_binomial(p, n)` (Generator; `legacy = false`) or `legacy_random_binomial` (`legacy = true`: no
 * n == 0 / p == 0 shortcut, `exp(n·log q)` inversion). n is a non-negative integer below 2^53.
 */
export function randomBinomial(
  bg: BitGenerator,
  p: number,
  n: number,
  cache: BinomialCache,
  legacy = false,
): number {
  if (!legacy && (n === 0 || p === 0.0)) return 0;
  if (p <= 0.5) {
    return p * n <= 30.0 ? inversion(bg, n, p, cache, legacy) : btpe(bg, n, p, cache);
  }
  const q = 1.0 - p;
  return n - (q * n <= 30.0 ? inversion(bg, n, q, cache, legacy) : btpe(bg, n, q, cache));
}

/**
 * `random_multinomial`: one draw of `d = pvals.length` counts into `out[offset..offset+d)` (which must be
 * zeroed), by successive binomials on the remaining probability. Used by Generator and (NumPy 2.4)
 * RandomState alike, always with the Generator binomial.
 */
export function randomMultinomial(
  bg: BitGenerator,
  n: number,
  out: Float64Array,
  offset: number,
  pvals: Float64Array,
  cache: BinomialCache,
): void {
  const d = pvals.length;
  let remaining = 1.0;
  let dn = n;
  for (let j = 0; j < d - 1; j++) {
    const v = randomBinomial(bg, pvals[j]! / remaining, dn, cache);
    out[offset + j] = v;
    dn -= v;
    if (dn <= 0) break;
    remaining -= pvals[j]!;
  }
  if (dn > 0) out[offset + d - 1] = dn;
}
