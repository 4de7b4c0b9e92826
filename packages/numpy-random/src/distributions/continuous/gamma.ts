/**
 * Gamma-family samplers (`random_standard_gamma` / `legacy_standard_gamma` and everything built on it),
 * written from the algorithm descriptions in the shared NumPy reference (§4, §5).
 */
import { exp, log, log1p, logf, pow } from '../../math/index.js';
import { randomPoisson } from '../discrete/poisson.js';
import { nextFloat } from '../uniform.js';
import { standardExponentialFloat, standardNormalFloat } from '../ziggurat.js';
import { powf } from './powf.js';
import type { Sources } from './sources.js';

const f32 = Math.fround;

/**
 * Marsaglia–Tsang (shape > 1) / Ahrens–Dieter-style rejection (shape < 1) standard gamma; shape 1 is one
 * exponential and shape 0 is 0 (no draw).
 */
export function standardGamma(src: Sources, shape: number): number {
  if (shape === 1.0) return src.exponential();
  if (shape === 0.0) return 0.0;
  const bg = src.bg;
  if (shape < 1.0) {
    const inv = 1.0 / shape;
    for (;;) {
      const U = bg.nextDouble();
      const V = src.exponential();
      if (U <= 1.0 - shape) {
        const X = pow(U, inv);
        if (X <= V) return X;
      } else {
        const Y = -log((1 - U) / shape);
        const X = pow(1.0 - shape + shape * Y, inv);
        if (X <= V + Y) return X;
      }
    }
  }
  const b = shape - 1.0 / 3.0;
  const c = 1.0 / Math.sqrt(9 * b);
  for (;;) {
    let X: number;
    let V: number;
    do {
      X = src.normal();
      V = 1.0 + c * X;
    } while (V <= 0.0);
    V = V * V * V;
    const U = bg.nextDouble();
    if (U < 1.0 - 0.0331 * (X * X) * (X * X)) return b * V;
    if (log(U) < 0.5 * X * X + b * (1.0 - V + log(V))) return b * V;
  }
}

/** `random_standard_gamma_f` (Generator, dtype float32): the same algorithm in float arithmetic. */
export function standardGammaFloat(src: Sources, shapeIn: number): number {
  const bg = src.bg;
  const shape = f32(shapeIn);
  if (shape === 1.0) return standardExponentialFloat(bg);
  if (shape === 0.0) return 0.0;
  if (shape < 1.0) {
    const inv = f32(1.0 / shape);
    const oneMinus = f32(1.0 - shape);
    for (;;) {
      const U = nextFloat(bg);
      const V = standardExponentialFloat(bg);
      if (U <= oneMinus) {
        const X = powf(U, inv);
        if (X <= V) return X;
      } else {
        const Y = -logf(f32(f32(1.0 - U) / shape));
        const X = powf(f32(oneMinus + f32(shape * Y)), inv);
        if (X <= f32(V + Y)) return X;
      }
    }
  }
  const b = f32(shape - f32(1.0 / 3.0));
  const c = f32(1.0 / f32(Math.sqrt(f32(9.0 * b))));
  const k = f32(0.0331);
  for (;;) {
    let X: number;
    let V: number;
    do {
      X = standardNormalFloat(bg);
      V = f32(1.0 + f32(c * X));
    } while (V <= 0.0);
    V = f32(f32(V * V) * V);
    const U = nextFloat(bg);
    const X2 = f32(X * X);
    if (U < f32(1.0 - f32(f32(k * X2) * X2))) return f32(b * V);
    const rhs = f32(f32(f32(0.5 * X) * X) + f32(b * f32(f32(1.0 - V) + logf(V))));
    if (logf(U) < rhs) return f32(b * V);
  }
}

/** `chisquare(df)` = 2·standard_gamma(df/2). */
export function chisquare(src: Sources, df: number): number {
  return 2.0 * standardGamma(src, df / 2.0);
}

/** `beta(a, b)`: Johnk for a, b ≤ 1 (Generator: tiny-parameter shortcut and log1p underflow path), else a gamma ratio. */
export function beta(src: Sources, a: number, b: number): number {
  if (a <= 1.0 && b <= 1.0) {
    const bg = src.bg;
    if (!src.legacy && a < 3e-103 && b < 3e-103) {
      const U = bg.nextDouble();
      return (a + b) * U < a ? 1.0 : 0.0;
    }
    const ia = 1.0 / a;
    const ib = 1.0 / b;
    for (;;) {
      const U = bg.nextDouble();
      const V = bg.nextDouble();
      const X = pow(U, ia);
      const Y = pow(V, ib);
      const XpY = X + Y;
      if (src.legacy) {
        if (XpY <= 1.0) {
          if (XpY > 0) return X / XpY;
          let logX = log(U) / a;
          let logY = log(V) / b;
          // biome-ignore lint/complexity/useMathMinMax: the C ternary (NaN → logY), not Math.max
          const logM = logX > logY ? logX : logY;
          logX -= logM;
          logY -= logM;
          return exp(logX - log(exp(logX) + exp(logY)));
        }
      } else if (XpY <= 1.0 && U + V > 0.0) {
        if (X > 0 && Y > 0) return X / XpY;
        const delta = log(U) / a - log(V) / b;
        if (delta > 0) return exp(-log1p(exp(-delta)));
        return exp(delta - log1p(exp(delta)));
      }
    }
  }
  const Ga = standardGamma(src, a);
  const Gb = standardGamma(src, b);
  return Ga / (Ga + Gb);
}

/** `f(dfnum, dfden)`: numerator first (explicit in Generator, the GCC order in legacy). */
export function fDist(src: Sources, dfnum: number, dfden: number): number {
  const num = chisquare(src, dfnum) * dfden;
  return num / (chisquare(src, dfden) * dfnum);
}

/** `standard_t(df)`: the normal is drawn before the gamma. */
export function standardT(src: Sources, df: number): number {
  const num = src.normal();
  const denom = standardGamma(src, df / 2);
  return (Math.sqrt(df / 2) * num) / Math.sqrt(denom);
}

/** `noncentral_chisquare(df, nonc)` (legacy: the NaN check only after the Poisson branch's draws). */
export function noncentralChisquare(src: Sources, df: number, nonc: number): number {
  if (!src.legacy && Number.isNaN(nonc)) return Number.NaN;
  if (nonc === 0) return chisquare(src, df);
  if (1 < df) {
    const chi2 = chisquare(src, df - 1);
    const n = src.normal() + Math.sqrt(nonc);
    return chi2 + n * n;
  }
  const i = randomPoisson(src.bg, nonc / 2.0);
  const out = chisquare(src, df + 2 * i);
  return Number.isNaN(nonc) ? Number.NaN : out;
}

/** `noncentral_f(dfnum, dfden, nonc)`. */
export function noncentralF(src: Sources, dfnum: number, dfden: number, nonc: number): number {
  const t = noncentralChisquare(src, dfnum, nonc) * dfden;
  return t / (chisquare(src, dfden) * dfnum);
}

/**
 * `dirichlet(alpha, size)` into `out` (rows of k). Generator: stick-breaking with betas when
 * max(alpha) < 0.1, else normalised gammas; legacy: always normalised gammas.
 */
export function dirichletFill(src: Sources, alpha: Float64Array, out: Float64Array): void {
  const k = alpha.length;
  const total = out.length;
  let maxAlpha = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < k; j++) if (alpha[j]! > maxAlpha || Number.isNaN(alpha[j]!)) maxAlpha = alpha[j]!;
  if (!src.legacy && k > 0 && maxAlpha < 0.1) {
    const csum = new Float64Array(k);
    let s = 0.0;
    for (let j = k - 1; j >= 0; j--) {
      s += alpha[j]!;
      csum[j] = s;
    }
    if (!(s > 0)) return;
    for (let i = 0; i < total; i += k) {
      let acc = 1.0;
      for (let j = 0; j < k - 1; j++) {
        const v = beta(src, alpha[j]!, csum[j + 1]!);
        out[i + j] = acc * v;
        acc *= 1.0 - v;
        if (csum[j + 1] === 0) break;
      }
      out[i + k - 1] = acc;
    }
    return;
  }
  for (let i = 0; i < total; i += k) {
    let acc = 0.0;
    for (let j = 0; j < k; j++) {
      const g = standardGamma(src, alpha[j]!);
      out[i + j] = g;
      acc = acc + g;
    }
    const inv = 1.0 / acc;
    for (let j = 0; j < k; j++) out[i + j] = out[i + j]! * inv;
  }
}
