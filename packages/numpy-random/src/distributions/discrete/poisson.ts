/**
 * `random_poisson` (shared by Generator and RandomState in NumPy 2.4): PTRS (Hörmann 1993) for lam ≥ 10,
 * 0 for lam == 0, otherwise the multiplication method.
 */
import type { BitGenerator } from '../../bitgen/bit-generator.js';
import { exp, log } from '../../math/index.js';
import { randomLoggam } from './loggam.js';

/** numpy's `POISSON_LAM_MAX`: `INT64_MAX - 10·sqrt(INT64_MAX)` as a double. */
export const POISSON_LAM_MAX = 9.223372006484771e18;

// Per-lam constants are pure functions of lam; the last lam's are kept (exp/log are exact ports, not cheap).
let multLam = Number.NaN;
let multEnlam = 0;

function poissonMult(bg: BitGenerator, lam: number): number {
  if (lam !== multLam) {
    multEnlam = exp(-lam);
    multLam = lam;
  }
  const enlam = multEnlam;
  let X = 0;
  let prod = 1.0;
  for (;;) {
    prod *= bg.nextDouble();
    if (prod > enlam) X += 1;
    else return X;
  }
}

let ptrsLam = Number.NaN;
let ptrsLoglam = 0;
let ptrsLogInvalpha = 0;

function poissonPtrs(bg: BitGenerator, lam: number): number {
  const slam = Math.sqrt(lam);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  if (lam !== ptrsLam) {
    ptrsLoglam = log(lam);
    ptrsLogInvalpha = log(invalpha);
    ptrsLam = lam;
  }
  const loglam = ptrsLoglam;
  const logInvalpha = ptrsLogInvalpha;
  for (;;) {
    const U = bg.nextDouble() - 0.5;
    const V = bg.nextDouble();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + lam + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (log(V) + logInvalpha - log(a / (us * us) + b) <= -lam + k * loglam - randomLoggam(k + 1)) return k;
  }
}

/** `random_poisson(lam)`; the caller validates lam (≥ 0, ≤ {@link POISSON_LAM_MAX}, not NaN). */
export function randomPoisson(bg: BitGenerator, lam: number): number {
  if (lam >= 10) return poissonPtrs(bg, lam);
  if (lam === 0) return 0;
  return poissonMult(bg, lam);
}
