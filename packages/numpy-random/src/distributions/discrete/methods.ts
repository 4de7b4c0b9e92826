/**
 * The discrete methods of `Generator` (NumPy 2.4 streams) and `RandomState` (frozen legacy streams), each
 * written once: the facades forward their raw arguments here with a {@link DiscreteContext}.
 */
import { SeedkitValueError } from '@seedkit/core';
import type { BitGenerator } from '../../bitgen/bit-generator.js';
import { ufuncShape } from '../../broadcast.js';
import { resolveArgs, type Shaped, type Size } from '../../shape.js';
import { standardGamma } from '../continuous/gamma.js';
import type { Sources } from '../continuous/sources.js';
import {
  allScalar,
  type Constraint,
  checkArrayConstraint,
  checkConstraint,
  checkPvals,
  discreteShape,
  expandAll,
  floatParamArray,
  intArrayResult,
  intParam,
  intParamArray,
  intResult,
  toInt64Array,
  vectorShape,
} from './api.js';
import { type BinomialCache, newBinomialCache, randomBinomial, randomMultinomial } from './binomial.js';
import {
  mvhgCount,
  mvhgMarginals,
  randomGeometric,
  randomHypergeometric,
  randomLogseries,
  randomZipf,
} from './misc.js';
import { POISSON_LAM_MAX, randomPoisson } from './poisson.js';

/** What a facade hands to the discrete methods: its bit generator, `binomial_t` and normal/exponential sources. */
export interface DiscreteContext {
  readonly bg: BitGenerator;
  readonly binomial: BinomialCache;
  /** true for RandomState / the `random` module (frozen legacy algorithms and checks). */
  readonly legacy: boolean;
  /** The gamma sources (ziggurat for Generator, legacy Gaussian with its cache for RandomState). */
  sources(): Sources;
}

/** A context reading the facade's current bit generator through `getBg` (RandomState can swap it). */
export function discreteContext(
  getBg: () => BitGenerator,
  legacy: boolean,
  sources: () => Sources,
): DiscreteContext {
  return {
    get bg() {
      return getBg();
    },
    binomial: newBinomialCache(),
    legacy,
    sources,
  };
}

export type IntResult = number | Shaped<BigInt64Array>;

/** LONG_MAX as a double (legacy `LEGACY_CONS_NON_NEGATIVE_INBOUNDS_LONG`), and the legacy Poisson limit. */
const LEGACY_POISSON_LAM_MAX = 9.223372006484771e18;

export function binomialMethod(ctx: DiscreteContext, args: unknown[]): IntResult {
  const a = resolveArgs('binomial', ['n', 'p', 'size'], args, 2);
  // NumPy converts p, then n; the broadcast iterator runs over (p, n).
  const pp = floatParamArray(a.p, 'p');
  const np = intParamArray(a.n, 'n');
  const { bg, binomial, legacy } = ctx;
  if (allScalar([pp, np])) {
    const p = pp.data[0]!;
    const n = np.data[0]!;
    checkConstraint(p, 'p', 'bounded01');
    checkConstraint(n, 'n', 'nonNegative');
    return intResult(a.size, () => randomBinomial(bg, p, n, binomial, legacy));
  }
  checkArrayConstraint(pp, 'p', 'bounded01');
  checkArrayConstraint(np, 'n', 'nonNegative');
  const shape = discreteShape(a.size, [pp, np]);
  const [P, N] = expandAll([pp, np], shape) as [Float64Array, Float64Array];
  return intArrayResult(shape, (i) => randomBinomial(bg, P[i]!, N[i]!, binomial, legacy));
}

export function poissonMethod(ctx: DiscreteContext, args: unknown[]): IntResult {
  const a = resolveArgs('poisson', ['lam', 'size'], args);
  const lp = floatParamArray(a.lam, 'lam', 1.0);
  const bg = ctx.bg;
  const lamMax = ctx.legacy ? LEGACY_POISSON_LAM_MAX : POISSON_LAM_MAX;
  if (allScalar([lp])) {
    const lam = lp.data[0]!;
    checkConstraint(lam, 'lam', 'poisson');
    if (ctx.legacy && !(lam <= LEGACY_POISSON_LAM_MAX)) throw new SeedkitValueError('lam value too large');
    return intResult(a.size, () => randomPoisson(bg, lam));
  }
  checkArrayConstraint(lp, 'lam', 'poisson', lamMax);
  const shape = discreteShape(a.size, [lp]);
  const [L] = expandAll([lp], shape) as [Float64Array];
  return intArrayResult(shape, (i) => randomPoisson(bg, L[i]!));
}

/** Generator's guard against a Poisson rate beyond its limit: (1−p)/p·(n + 10·sqrt(n)) > POISSON_LAM_MAX. */
function negativeBinomialLamTooLarge(n: number, p: number): boolean {
  return ((1 - p) / p) * (n + 10 * Math.sqrt(n)) > POISSON_LAM_MAX;
}
const NEGBIN_LAM_MESSAGE = 'n too large or p too small, see Generator.negative_binomial Notes';

export function negativeBinomialMethod(ctx: DiscreteContext, args: unknown[]): IntResult {
  const a = resolveArgs('negative_binomial', ['n', 'p', 'size'], args, 2);
  // NumPy converts p, then n; checks n, then p; the broadcast iterator runs over (n, p).
  const pp = floatParamArray(a.p, 'p');
  const np = floatParamArray(a.n, 'n');
  const src = ctx.sources();
  const draw = (n: number, p: number) => randomPoisson(src.bg, ((1 - p) / p) * standardGamma(src, n));
  if (allScalar([np, pp])) {
    const n = np.data[0]!;
    const p = pp.data[0]!;
    if (ctx.legacy) {
      checkConstraint(n, 'n', 'positive');
      checkConstraint(p, 'p', 'bounded01');
    } else {
      if (Number.isNaN(n)) throw new SeedkitValueError('n must not be NaN');
      checkConstraint(n, 'n', 'positive');
      checkConstraint(p, 'p', 'boundedGt01');
      if (negativeBinomialLamTooLarge(n, p)) throw new SeedkitValueError(NEGBIN_LAM_MESSAGE);
    }
    const scale = (1 - p) / p;
    return intResult(a.size, () => randomPoisson(src.bg, scale * standardGamma(src, n)));
  }
  if (ctx.legacy) {
    checkArrayConstraint(np, 'n', 'positive');
    checkArrayConstraint(pp, 'p', 'bounded01');
  } else {
    checkArrayConstraint(np, 'n', 'positiveNotNan');
    checkArrayConstraint(pp, 'p', 'boundedGt01');
    // NumPy evaluates (1 - p) / p * (n + 10 * sqrt(n)) as array arithmetic (ufunc broadcasting rules).
    const lamShape = ufuncShape(pp.shape, np.shape);
    const [P, N] = expandAll([pp, np], lamShape) as [Float64Array, Float64Array];
    for (let i = 0; i < P.length; i++) {
      if (negativeBinomialLamTooLarge(N[i]!, P[i]!)) throw new SeedkitValueError(NEGBIN_LAM_MESSAGE);
    }
  }
  const shape = discreteShape(a.size, [np, pp]);
  const [N, P] = expandAll([np, pp], shape) as [Float64Array, Float64Array];
  return intArrayResult(shape, (i) => draw(N[i]!, P[i]!));
}

/** The one-parameter samplers (NumPy's `disc(..., 1, 0, ...)` / `discrete_broadcast_d`). */
function oneParam(
  args: unknown[],
  method: string,
  name: string,
  cons: Constraint,
  draw: (x: number) => number,
  extraCheck?: (x: number) => void,
): IntResult {
  const a = resolveArgs(method, [name, 'size'], args, 1);
  const xp = floatParamArray(a[name], name);
  if (allScalar([xp])) {
    const x = xp.data[0]!;
    checkConstraint(x, name, cons);
    extraCheck?.(x);
    return intResult(a.size, () => draw(x));
  }
  checkArrayConstraint(xp, name, cons);
  if (extraCheck) for (const x of xp.data) extraCheck(x);
  const shape = discreteShape(a.size, [xp]);
  const [X] = expandAll([xp], shape) as [Float64Array];
  return intArrayResult(shape, (i) => draw(X[i]!));
}

export function geometricMethod(ctx: DiscreteContext, args: unknown[]): IntResult {
  const { bg, legacy } = ctx;
  return oneParam(args, 'geometric', 'p', 'boundedGt01', (p) => randomGeometric(bg, p, legacy));
}

export function zipfMethod(ctx: DiscreteContext, args: unknown[]): IntResult {
  const { bg, legacy } = ctx;
  const hangGuard = legacy
    ? (alpha: number) => {
        if (alpha >= 1025) {
          // NumPy's legacy loop never terminates there (b and T overflow to inf); Generator returns 1.
          throw new SeedkitValueError(
            'a >= 1025: the legacy zipf sampler never returns (NumPy hangs); use Generator.zipf',
          );
        }
      }
    : undefined;
  return oneParam(args, 'zipf', 'a', 'gt1', (alpha) => randomZipf(bg, alpha, legacy), hangGuard);
}

export function logseriesMethod(ctx: DiscreteContext, args: unknown[]): IntResult {
  const { bg, legacy } = ctx;
  return oneParam(args, 'logseries', 'p', 'boundedLt01', (p) => randomLogseries(bg, p, legacy));
}

const HYPERGEOM_MAX = 1e9;

export function hypergeometricMethod(ctx: DiscreteContext, args: unknown[]): IntResult {
  const a = resolveArgs('hypergeometric', ['ngood', 'nbad', 'nsample', 'size'], args, 3);
  const gp = intParamArray(a.ngood, 'ngood');
  const bp = intParamArray(a.nbad, 'nbad');
  const sp = intParamArray(a.nsample, 'nsample');
  const { bg, legacy } = ctx;
  if (allScalar([gp, bp, sp])) {
    const ngood = gp.data[0]!;
    const nbad = bp.data[0]!;
    const nsample = sp.data[0]!;
    if (legacy) {
      if (ngood + nbad < nsample) throw new SeedkitValueError('ngood + nbad < nsample');
      checkConstraint(ngood, 'ngood', 'nonNegative');
      checkConstraint(nbad, 'nbad', 'nonNegative');
      checkConstraint(nsample, 'nsample', 'gte1');
    } else {
      if (ngood >= HYPERGEOM_MAX || nbad >= HYPERGEOM_MAX) {
        throw new SeedkitValueError('both ngood and nbad must be less than 1000000000');
      }
      if (ngood + nbad < nsample) throw new SeedkitValueError('ngood + nbad < nsample');
      checkConstraint(ngood, 'ngood', 'nonNegative');
      checkConstraint(nbad, 'nbad', 'nonNegative');
      checkConstraint(nsample, 'nsample', 'nonNegative');
    }
    return intResult(a.size, () => randomHypergeometric(bg, ngood, nbad, nsample, legacy));
  }
  if (!legacy && (gp.data.some((x) => x >= HYPERGEOM_MAX) || bp.data.some((x) => x >= HYPERGEOM_MAX))) {
    throw new SeedkitValueError('both ngood and nbad must be less than 1000000000');
  }
  // np.less(np.add(ngood, nbad), nsample), with NumPy's ufunc broadcasting errors.
  const sumShape = ufuncShape(gp.shape, bp.shape);
  const lessShape = ufuncShape(sumShape, sp.shape);
  const [G0, B0, S0] = expandAll([gp, bp, sp], lessShape) as [Float64Array, Float64Array, Float64Array];
  for (let i = 0; i < G0.length; i++) {
    if (G0[i]! + B0[i]! < S0[i]!) throw new SeedkitValueError('ngood + nbad < nsample');
  }
  checkArrayConstraint(gp, 'ngood', 'nonNegative');
  checkArrayConstraint(bp, 'nbad', 'nonNegative');
  checkArrayConstraint(sp, 'nsample', legacy ? 'gte1' : 'nonNegative');
  const shape = discreteShape(a.size, [gp, bp, sp]);
  const [G, B, S] = expandAll([gp, bp, sp], shape) as [Float64Array, Float64Array, Float64Array];
  return intArrayResult(shape, (i) => randomHypergeometric(bg, G[i]!, B[i]!, S[i]!, legacy));
}

export function multinomialMethod(ctx: DiscreteContext, args: unknown[]): Shaped<BigInt64Array> {
  const a = resolveArgs('multinomial', ['n', 'pvals', 'size'], args, 2);
  const n = intParam(a.n, 'n');
  const pvals = checkPvals(a.pvals);
  const d = pvals.length;
  if (d === 0 && !ctx.legacy) {
    throw new SeedkitValueError(
      'pvals must have at least 1 dimension and the last dimension of pvals must be greater than 0.',
    );
  }
  const { shape, count } = vectorShape(a.size, d);
  checkConstraint(n, 'n', 'nonNegative');
  const buf = new Float64Array(count * d);
  for (let i = 0; i < count; i++) randomMultinomial(ctx.bg, n, buf, i * d, pvals, ctx.binomial);
  return toInt64Array(buf, shape);
}

/** Largest `sum(colors)` accepted for method 'count' (the population is materialised as an Int32Array). */
const MVHG_COUNT_MAX = 2 ** 28;

export function multivariateHypergeometricMethod(
  ctx: DiscreteContext,
  args: unknown[],
): Shaped<BigInt64Array> {
  const a = resolveArgs('multivariate_hypergeometric', ['colors', 'nsample', 'size', 'method'], args, 2);
  const method = a.method === undefined || a.method === null ? 'marginals' : a.method;
  if (method !== 'count' && method !== 'marginals') {
    throw new SeedkitValueError('method must be "count" or "marginals".');
  }
  const ns = a.nsample;
  if (!((typeof ns === 'number' && Number.isInteger(ns)) || typeof ns === 'bigint')) {
    throw new SeedkitValueError('nsample must be an integer');
  }
  if (ns < 0) throw new SeedkitValueError('nsample must be nonnegative.');
  const nsample = Number(ns);
  const c = a.colors;
  const badColors = new SeedkitValueError(
    'colors must be a one-dimensional sequence of nonnegative integers not exceeding 9223372036854775807.',
  );
  if (!(Array.isArray(c) || (ArrayBuffer.isView(c) && !(c instanceof DataView)))) throw badColors;
  const colors: number[] = [];
  for (const v of c as ArrayLike<unknown> & Iterable<unknown>) {
    const x = typeof v === 'bigint' ? Number(v) : v;
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) throw badColors;
    colors.push(x);
  }
  let total = 0;
  for (const x of colors) total += x;
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(nsample)) {
    throw new SeedkitValueError('sum(colors) and nsample beyond 2^53 are not supported by this port');
  }
  if (method === 'marginals' && total >= 1000000000) {
    throw new SeedkitValueError('When method is "marginals", sum(colors) must be less than 1000000000.');
  }
  if (method === 'count' && total > MVHG_COUNT_MAX) {
    throw new SeedkitValueError(
      `When method is 'count', sum(colors) must not exceed ${MVHG_COUNT_MAX} in this port`,
    );
  }
  if (nsample > total) throw new SeedkitValueError('nsample > sum(colors)');
  const k = colors.length;
  const { shape, count } = vectorShape(a.size, k);
  const buf = new Float64Array(count * k);
  if (k > 0) {
    if (method === 'count') mvhgCount(ctx.bg, total, colors, nsample, count, buf);
    else mvhgMarginals(ctx.bg, total, colors, nsample, count, buf);
  }
  return toInt64Array(buf, shape);
}

/** `{ size }` as a trailing options object. */
export interface SizeOption {
  size?: Size | null;
}
/** `poisson`'s options object. */
export interface LamOption {
  lam?: number;
  size?: Size | null;
}
/** `multivariateHypergeometric`'s options object. */
export interface MultivariateHypergeometricOptions {
  size?: Size | null;
  method?: 'marginals' | 'count';
}
/** A discrete sampler's result: a number without `size`, else an int64 array with `shape`. */
export type DiscreteResult = IntResult;
