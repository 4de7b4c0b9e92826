/**
 * The argument handling shared by the continuous methods of `Generator` and `RandomState`: one spec per
 * NumPy method (parameter names, defaults, NumPy's constraint, the sampler), resolved by {@link cont}
 * exactly like NumPy's `cont()` helper (scalar fast path, broadcasting of array parameters, `size`).
 */
import { describeValue, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { broadcastShapes, expandTo, type ParamArray, type ParamLike, toParam } from '../../broadcast.js';
import {
  normalizeSize,
  parseFloatDtype,
  resolveArgs,
  type Shaped,
  type Size,
  shapeOf,
  shapeSize,
  withShape,
} from '../../shape.js';
import {
  beta,
  chisquare,
  dirichletFill,
  fDist,
  noncentralChisquare,
  noncentralF,
  standardGamma,
  standardGammaFloat,
  standardT,
} from './gamma.js';
import {
  gumbel,
  laplace,
  logistic,
  lognormal,
  pareto,
  power,
  rayleigh,
  standardCauchy,
  triangular,
  vonmises,
  wald,
  weibull,
} from './simple.js';
import type { Sources } from './sources.js';

/** NumPy's parameter constraints: none, CONS_NON_NEGATIVE, CONS_POSITIVE. */
const NONE = 0;
const NON_NEGATIVE = 1;
const POSITIVE = 2;
type Cons = typeof NONE | typeof NON_NEGATIVE | typeof POSITIVE;

type Draw = (src: Sources, a: number, b: number, c: number) => number;

interface ContSpec {
  /** [name, default (undefined = required), constraint] in NumPy's positional order. */
  readonly params: readonly (readonly [string, number | undefined, Cons])[];
  readonly draw: Draw;
  /** Extra per-element validation run before any draw (triangular). */
  readonly check?: (a: number, b: number, c: number) => void;
}

const LOC_SCALE: ContSpec['params'] = [
  ['loc', 0, NONE],
  ['scale', 1, NON_NEGATIVE],
];

/** The continuous distributions, by camelCase NumPy name. */
export const CONTINUOUS_SPECS = {
  standardGamma: { params: [['shape', undefined, NON_NEGATIVE]], draw: (s, a) => standardGamma(s, a) },
  gamma: {
    params: [
      ['shape', undefined, NON_NEGATIVE],
      ['scale', 1, NON_NEGATIVE],
    ],
    draw: (s, a, b) => b * standardGamma(s, a),
  },
  beta: {
    params: [
      ['a', undefined, POSITIVE],
      ['b', undefined, POSITIVE],
    ],
    draw: beta,
  },
  chisquare: { params: [['df', undefined, POSITIVE]], draw: (s, a) => chisquare(s, a) },
  f: {
    params: [
      ['dfnum', undefined, POSITIVE],
      ['dfden', undefined, POSITIVE],
    ],
    draw: (s, a, b) => fDist(s, a, b),
  },
  noncentralChisquare: {
    params: [
      ['df', undefined, POSITIVE],
      ['nonc', undefined, NON_NEGATIVE],
    ],
    draw: (s, a, b) => noncentralChisquare(s, a, b),
  },
  noncentralF: {
    params: [
      ['dfnum', undefined, POSITIVE],
      ['dfden', undefined, POSITIVE],
      ['nonc', undefined, NON_NEGATIVE],
    ],
    draw: noncentralF,
  },
  standardT: { params: [['df', undefined, POSITIVE]], draw: (s, a) => standardT(s, a) },
  vonmises: {
    params: [
      ['mu', undefined, NONE],
      ['kappa', undefined, NON_NEGATIVE],
    ],
    draw: (s, a, b) => vonmises(s, a, b),
  },
  wald: {
    params: [
      ['mean', undefined, POSITIVE],
      ['scale', undefined, POSITIVE],
    ],
    draw: (s, a, b) => wald(s, a, b),
  },
  weibull: { params: [['a', undefined, NON_NEGATIVE]], draw: (s, a) => weibull(s, a) },
  pareto: { params: [['a', undefined, POSITIVE]], draw: (s, a) => pareto(s, a) },
  power: { params: [['a', undefined, POSITIVE]], draw: (s, a) => power(s, a) },
  rayleigh: { params: [['scale', 1, NON_NEGATIVE]], draw: (s, a) => rayleigh(s, a) },
  laplace: { params: LOC_SCALE, draw: (s, a, b) => laplace(s, a, b) },
  gumbel: { params: LOC_SCALE, draw: (s, a, b) => gumbel(s, a, b) },
  logistic: { params: LOC_SCALE, draw: (s, a, b) => logistic(s, a, b) },
  lognormal: {
    params: [
      ['mean', 0, NONE],
      ['sigma', 1, NON_NEGATIVE],
    ],
    draw: (s, a, b) => lognormal(s, a, b),
  },
  standardCauchy: { params: [], draw: (s) => standardCauchy(s) },
  triangular: {
    params: [
      ['left', undefined, NONE],
      ['mode', undefined, NONE],
      ['right', undefined, NONE],
    ],
    draw: triangular,
    check: (l, m, r) => {
      if (l > m) throw new SeedkitValueError('left > mode');
      if (m > r) throw new SeedkitValueError('mode > right');
      if (l === r) throw new SeedkitValueError('left == right');
    },
  },
} satisfies Record<string, ContSpec>;

export type ContinuousName = keyof typeof CONTINUOUS_SPECS;

function checkConstraint(p: ParamArray, name: string, cons: Cons): void {
  if (cons === NONE) return;
  const d = p.data;
  for (let i = 0; i < d.length; i++) {
    const v = d[i]!;
    if (cons === NON_NEGATIVE) {
      if (!Number.isNaN(v) && (v < 0 || Object.is(v, -0))) throw new SeedkitValueError(`${name} < 0`);
    } else if (v <= 0) throw new SeedkitValueError(`${name} <= 0`);
  }
}

/** Resolves and validates the distribution parameters of `method` (plus `size` and any `extra` names). */
export function resolveCont(
  method: ContinuousName,
  args: ArrayLike<unknown>,
  extra: readonly string[] = [],
): { params: ParamArray[]; rest: Record<string, unknown> } {
  const spec: ContSpec = CONTINUOUS_SPECS[method];
  const names = [...spec.params.map((p) => p[0]), 'size', ...extra];
  const nRequired = spec.params.filter((p) => p[1] === undefined).length;
  const a = resolveArgs(method, names, args, nRequired);
  const params = spec.params.map(([name, dflt, cons]) => {
    let v = a[name];
    if (v === undefined || v === null) {
      if (dflt === undefined) throw new SeedkitTypeError(`${method}() missing required argument '${name}'`);
      v = dflt;
    }
    const p = toParam(v, name);
    checkConstraint(p, name, cons);
    return p;
  });
  return { params, rest: a };
}

/** The output shape for `params` and `size` (null = scalar result), NumPy's `cont()` rules. */
export function contShape(params: readonly ParamArray[], size: unknown): number[] | null {
  const shape = normalizeSize(size);
  const allScalar = params.every((p) => p.scalar);
  if (allScalar) return shape;
  const shapes = params.map((p) => p.shape);
  if (shape === null) return broadcastShapes(shapes);
  const b = broadcastShapes([...shapes, shape]);
  if (b.length !== shape.length || b.some((d, i) => d !== shape[i])) {
    throw new SeedkitValueError(
      `size (${shape.join(', ')}) is not compatible with the parameter shapes ${shapes.map((s) => `(${s.join(', ')})`).join(', ')}`,
    );
  }
  return shape;
}

/**
 * Fills `out` (C order, shape `shape`) with draws of `spec` at the broadcast parameters, or returns one
 * draw when `shape` is null.
 */
export function contFill(
  spec: ContSpec,
  src: Sources,
  params: readonly ParamArray[],
  shape: readonly number[],
  out: Float64Array | Float32Array,
  draw: Draw = spec.draw,
): void {
  const n = out.length;
  if (params.every((p) => p.scalar)) {
    const a = params[0]?.data[0] ?? 0;
    const b = params[1]?.data[0] ?? 0;
    const c = params[2]?.data[0] ?? 0;
    spec.check?.(a, b, c);
    for (let i = 0; i < n; i++) out[i] = draw(src, a, b, c);
    return;
  }
  const zero = new Float64Array(n);
  const pa = params.length > 0 ? expandTo(params[0]!, shape) : zero;
  const pb = params.length > 1 ? expandTo(params[1]!, shape) : zero;
  const pc = params.length > 2 ? expandTo(params[2]!, shape) : zero;
  if (spec.check) for (let i = 0; i < n; i++) spec.check(pa[i]!, pb[i]!, pc[i]!);
  for (let i = 0; i < n; i++) out[i] = draw(src, pa[i]!, pb[i]!, pc[i]!);
}

/** NumPy's `cont()`: a scalar for scalar parameters without `size`, else a shaped Float64Array. */
export function cont(
  method: ContinuousName,
  src: Sources,
  args: ArrayLike<unknown>,
): number | Shaped<Float64Array> {
  const spec: ContSpec = CONTINUOUS_SPECS[method];
  const { params, rest } = resolveCont(method, args);
  const shape = contShape(params, rest.size);
  if (shape === null) {
    const a = params[0]?.data[0] ?? 0;
    const b = params[1]?.data[0] ?? 0;
    const c = params[2]?.data[0] ?? 0;
    spec.check?.(a, b, c);
    return spec.draw(src, a, b, c);
  }
  const out = new Float64Array(shapeSize(shape));
  contFill(spec, src, params, shape, out);
  return withShape(out, shape);
}

/** `dirichlet(alpha, size=None)`: rows of k = len(alpha); Generator rejects alpha < 0, legacy alpha <= 0. */
export function dirichlet(src: Sources, args: ArrayLike<unknown>): Shaped<Float64Array> {
  const a = resolveArgs('dirichlet', ['alpha', 'size'], args, 1);
  if (a.alpha === undefined || a.alpha === null)
    throw new SeedkitTypeError("dirichlet() missing required argument 'alpha'");
  if (typeof a.alpha !== 'object') {
    throw new SeedkitTypeError(`alpha: expected a 1-D array, got ${describeValue(a.alpha)}`);
  }
  const p = toParam(a.alpha, 'alpha');
  if (p.shape.length !== 1)
    throw new SeedkitValueError('alpha: object of too small/large depth for desired array (must be 1-D)');
  const alpha = p.data;
  for (let i = 0; i < alpha.length; i++) {
    if (src.legacy ? alpha[i]! <= 0 : alpha[i]! < 0)
      throw new SeedkitValueError(src.legacy ? 'alpha <= 0' : 'alpha < 0');
  }
  const size = normalizeSize(a.size);
  const shape = size === null ? [alpha.length] : [...size, alpha.length];
  const out = new Float64Array(shapeSize(shape));
  dirichletFill(src, alpha, out);
  return withShape(out, shape);
}

/** A positional argument of a continuous method: a parameter, a size, or the trailing options object. */
export type ContinuousArg = ParamLike | Size | ContinuousOptions | null | undefined;

/** Keyword arguments of the continuous methods (NumPy names in camelCase); unknown keys are a TypeError. */
export interface ContinuousOptions {
  size?: Size | null;
  [param: string]: unknown;
}

/** Options that include `size`: the result is an array. */
export type SizedContinuousOptions = ContinuousOptions & { size: Size };

/** `Generator.standard_gamma(shape, size=None, dtype='float64', out=None)`, incl. the float32 sampler. */
export function standardGammaGenerator(
  src: Sources,
  args: ArrayLike<unknown>,
): number | Shaped<Float64Array> | Shaped<Float32Array> {
  const { params, rest } = resolveCont('standardGamma', args, ['dtype', 'out']);
  const dtype = parseFloatDtype(rest.dtype, 'standard_gamma');
  const spec: ContSpec = CONTINUOUS_SPECS.standardGamma;
  const draw: Draw = dtype === 'float32' ? (s, a) => standardGammaFloat(s, a) : spec.draw;
  const out = rest.out;
  if (out !== undefined && out !== null) {
    const want = dtype === 'float64' ? Float64Array : Float32Array;
    if (!(out instanceof want))
      throw new SeedkitTypeError(`standard_gamma: out must be a ${want.name} for dtype ${dtype}`);
    const oshape = shapeOf(out);
    const size = normalizeSize(rest.size);
    if (size !== null && (size.length !== oshape.length || size.some((d, i) => d !== oshape[i])))
      throw new SeedkitValueError('size must match out.shape when used together');
    contShape(params, oshape);
    contFill(spec, src, params, oshape, out, draw);
    return withShape(out, oshape) as Shaped<Float64Array> | Shaped<Float32Array>;
  }
  const shape = contShape(params, rest.size);
  if (shape === null) return draw(src, params[0]!.data[0]!, 0, 0);
  const arr = dtype === 'float64' ? new Float64Array(shapeSize(shape)) : new Float32Array(shapeSize(shape));
  contFill(spec, src, params, shape, arr, draw);
  return withShape(arr, shape) as Shaped<Float64Array> | Shaped<Float32Array>;
}
