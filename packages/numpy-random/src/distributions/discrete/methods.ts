/**
 * The discrete methods of `Generator` (NumPy 2.4 streams) and `RandomState` (frozen legacy streams), each
 * written once: the facades forward their raw arguments here with a {@link DiscreteContext}.
 */
import { SeedkitValueError } from '@seedkit/core';
import type { BitGenerator } from '../../bitgen/bit-generator.js';
import { resolveArgs, type Shaped, type Size } from '../../shape.js';
import { standardGamma } from '../continuous/gamma.js';
import type { Sources } from '../continuous/sources.js';
import {
  checkConstraint,
  checkPvals,
  floatParam,
  intParam,
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
  const n = intParam(a.n, 'n');
  const p = floatParam(a.p, 'p');
  checkConstraint(p, 'p', 'bounded01');
  checkConstraint(n, 'n', 'nonNegative');
  const { bg, binomial, legacy } = ctx;
  return intResult(a.size, () => randomBinomial(bg, p, n, binomial, legacy));
}

export function poissonMethod(ctx: DiscreteContext, args: unknown[]): IntResult {
  const a = resolveArgs('poisson', ['lam', 'size'], args);
  const lam = floatParam(a.lam, 'lam', 1.0);
  checkConstraint(lam, 'lam', 'poisson');
  if (ctx.legacy && !(lam <= LEGACY_POISSON_LAM_MAX)) throw new SeedkitValueError('lam value too large');
  const bg = ctx.bg;
  return intResult(a.size, () => randomPoisson(bg, lam));
}

export function negativeBinomialMethod(ctx: DiscreteContext, args: unknown[]): IntResult {
  const a = resolveArgs('negative_binomial', ['n', 'p', 'size'], args, 2);
  const n = floatParam(a.n, 'n');
  const p = floatParam(a.p, 'p');
  if (ctx.legacy) {
    checkConstraint(n, 'n', 'positive');
    checkConstraint(p, 'p', 'bounded01');
  } else {
    if (Number.isNaN(n)) throw new SeedkitValueError('n must not be NaN');
    checkConstraint(n, 'n', 'positive');
    checkConstraint(p, 'p', 'boundedGt01');
    if (((1 - p) / p) * (n + 10 * Math.sqrt(n)) > POISSON_LAM_MAX) {
      throw new SeedkitValueError('n too large or p too small, see Generator.negative_binomial Notes');
    }
  }
  const src = ctx.sources();
  const scale = (1 - p) / p;
  return intResult(a.size, () => randomPoisson(src.bg, scale * standardGamma(src, n)));
}

export function geometricMethod(ctx: DiscreteContext, args: unknown[]): IntResult {
  const a = resolveArgs('geometric', ['p', 'size'], args, 1);
  const p = floatParam(a.p, 'p');
  checkConstraint(p, 'p', 'boundedGt01');
  const { bg, legacy } = ctx;
  return intResult(a.size, () => randomGeometric(bg, p, legacy));
}

export function zipfMethod(ctx: DiscreteContext, args: unknown[]): IntResult {
  const a = resolveArgs('zipf', ['a', 'size'], args, 1);
  const alpha = floatParam(a.a, 'a');
  checkConstraint(alpha, 'a', 'gt1');
  const { bg, legacy } = ctx;
  if (legacy && alpha >= 1025) {
    // NumPy's legacy loop never terminates there (b and T overflow to inf); Generator returns 1.
    throw new SeedkitValueError(
      'a >= 1025: the legacy zipf sampler never returns (NumPy hangs); use Generator.zipf',
    );
  }
  return intResult(a.size, () => randomZipf(bg, alpha, legacy));
}

export function logseriesMethod(ctx: DiscreteContext, args: unknown[]): IntResult {
  const a = resolveArgs('logseries', ['p', 'size'], args, 1);
  const p = floatParam(a.p, 'p');
  checkConstraint(p, 'p', 'boundedLt01');
  const { bg, legacy } = ctx;
  return intResult(a.size, () => randomLogseries(bg, p, legacy));
}

const HYPERGEOM_MAX = 1e9;

export function hypergeometricMethod(ctx: DiscreteContext, args: unknown[]): IntResult {
  const a = resolveArgs('hypergeometric', ['ngood', 'nbad', 'nsample', 'size'], args, 3);
  const ngood = intParam(a.ngood, 'ngood');
  const nbad = intParam(a.nbad, 'nbad');
  const nsample = intParam(a.nsample, 'nsample');
  if (ctx.legacy) {
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
  const { bg, legacy } = ctx;
  return intResult(a.size, () => randomHypergeometric(bg, ngood, nbad, nsample, legacy));
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
