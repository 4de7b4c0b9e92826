/**
 * One-formula continuous samplers (NumPy `distributions.c` / `legacy-distributions.c`), written from the
 * descriptions in the shared reference. Every libm call goes through the exact glibc ports in `../../math`.
 */
import { acos, cos, exp, expm1, log, log1p, pow } from '../../math/index.js';
import type { Sources } from './sources.js';

/** `pareto(a)`: Generator `expm1(E/a)`; legacy `exp(E/a) - 1`. */
export function pareto(src: Sources, a: number): number {
  const e = src.exponential();
  return src.legacy ? exp(e / a) - 1 : expm1(e / a);
}

/** `weibull(a)` = `pow(E, 1/a)`; a == 0 → 0 without a draw. */
export function weibull(src: Sources, a: number): number {
  if (a === 0.0) return 0.0;
  return pow(src.exponential(), 1.0 / a);
}

/** `power(a)`: Generator `pow(-expm1(-E), 1/a)`; legacy `pow(1 - exp(-E), 1/a)`. */
export function power(src: Sources, a: number): number {
  const e = src.exponential();
  return src.legacy ? pow(1 - exp(-e), 1.0 / a) : pow(-expm1(-e), 1.0 / a);
}

/** `rayleigh(scale)`: Generator `s·sqrt(2E)`; legacy `s·sqrt(-2·log1p(-U))`. */
export function rayleigh(src: Sources, mode: number): number {
  if (src.legacy) return mode * Math.sqrt(-2.0 * log1p(-src.bg.nextDouble()));
  return mode * Math.sqrt(2.0 * src.exponential());
}

/** `laplace(loc, scale)` (shared): redraws U == 0. */
export function laplace(src: Sources, loc: number, scale: number): number {
  for (;;) {
    const U = src.bg.nextDouble();
    if (U >= 0.5) return loc - scale * log(2.0 - U - U);
    if (U > 0.0) return loc + scale * log(U + U);
  }
}

/** `gumbel(loc, scale)` (shared): U = 1 - next_double, redraws U == 1. */
export function gumbel(src: Sources, loc: number, scale: number): number {
  for (;;) {
    const U = 1.0 - src.bg.nextDouble();
    if (U < 1.0) return loc - scale * log(-log(U));
  }
}

/** `logistic(loc, scale)` (shared): redraws U == 0. */
export function logistic(src: Sources, loc: number, scale: number): number {
  for (;;) {
    const U = src.bg.nextDouble();
    if (U > 0.0) return loc + scale * log(U / (1.0 - U));
  }
}

/** `lognormal(mean, sigma)` = `exp(mean + sigma·normal)`. */
export function lognormal(src: Sources, mean: number, sigma: number): number {
  return exp(mean + sigma * src.normal());
}

/** `standard_cauchy()` = normal / normal, numerator drawn first. */
export function standardCauchy(src: Sources): number {
  const num = src.normal();
  return num / src.normal();
}

/** `triangular(left, mode, right)` (shared). */
export function triangular(src: Sources, left: number, mode: number, right: number): number {
  const base = right - left;
  const leftbase = mode - left;
  const ratio = leftbase / base;
  const leftprod = leftbase * base;
  const rightprod = (right - mode) * base;
  const U = src.bg.nextDouble();
  if (U <= ratio) return left + Math.sqrt(U * leftprod);
  return right - Math.sqrt((1.0 - U) * rightprod);
}

/** `wald(mean, scale)`: Generator uses the 2.4 formula `d = 1 + sqrt(1 + 4s/Y)`; legacy the old one. */
export function wald(src: Sources, mean: number, scale: number): number {
  let X: number;
  if (src.legacy) {
    const mu2l = mean / (2 * scale);
    let Y = src.normal();
    Y = mean * Y * Y;
    X = mean + mu2l * (Y - Math.sqrt(4 * scale * Y + Y * Y));
  } else {
    let Y = src.normal();
    Y = mean * Y * Y;
    const d = 1 + Math.sqrt(1 + (4 * scale) / Y);
    X = mean * (1 - 2 / d);
  }
  const U = src.bg.nextDouble();
  return U <= mean / (mean + X) ? X : (mean * mean) / X;
}

/**
 * `vonmises(mu, kappa)`: uniform for kappa < 1e-8; Best–Fisher rejection; Generator only: a wrapped
 * normal for kappa > 1e6.
 */
export function vonmises(src: Sources, mu: number, kappa: number): number {
  const bg = src.bg;
  if (Number.isNaN(kappa)) return Number.NaN;
  if (kappa < 1e-8) return Math.PI * (2 * bg.nextDouble() - 1);
  let s: number;
  if (kappa < 1e-5) {
    s = 1.0 / kappa + kappa;
  } else if (src.legacy || kappa <= 1e6) {
    const r = 1 + Math.sqrt(1 + 4 * kappa * kappa);
    const rho = (r - Math.sqrt(2 * r)) / (2 * kappa);
    s = (1 + rho * rho) / (2 * rho);
  } else {
    let result = mu + Math.sqrt(1.0 / kappa) * src.normal();
    if (result < -Math.PI) result += 2 * Math.PI;
    if (result > Math.PI) result -= 2 * Math.PI;
    return result;
  }
  let W: number;
  for (;;) {
    const U = bg.nextDouble();
    const Z = cos(Math.PI * U);
    W = (1 + s * Z) / (s + Z);
    const Y = kappa * (s - W);
    const V = bg.nextDouble();
    if (Y * (2 - Y) - V >= 0 || log(Y / V) + 1 - Y >= 0) break;
  }
  const U = bg.nextDouble();
  let result = acos(W);
  if (U < 0.5) result = -result;
  result += mu;
  const neg = result < 0;
  let mod = Math.abs(result);
  mod = ((mod + Math.PI) % (2 * Math.PI)) - Math.PI;
  if (neg) mod *= -1;
  return mod;
}
