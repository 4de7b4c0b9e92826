// API behaviour of the continuous distributions (issue 5) beyond the NumPy fixtures: options objects,
// broadcasting errors, typed errors, `out`, and multivariate_normal's factor (LAPACK cannot be bitwise).
import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { describe, expect, it } from 'vitest';
import { PCG64 } from '../src/bitgen/pcg64.js';
import { cholesky, jacobiEigh } from '../src/distributions/continuous/mvnormal.js';
import { powf } from '../src/distributions/continuous/powf.js';
import { Generator } from '../src/generator.js';
import { RandomState } from '../src/random-state.js';
import { loadFixture } from './legacy-support.js';

const gen = (seed = 1) => new Generator(new PCG64(seed));
const bits = (a: Float64Array | Float32Array) =>
  Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

describe('continuous: argument handling', () => {
  it('keyword options equal positional arguments, bit for bit', () => {
    expect(bits(gen().gamma(2, { scale: 3, size: 4 }))).toEqual(bits(gen().gamma(2, 3, 4)));
    expect(bits(gen().laplace({ size: [2, 2], scale: 2 }))).toEqual(bits(gen().laplace(0, 2, [2, 2])));
    expect(bits(new RandomState(5).wald(1, 2, { size: 3 }))).toEqual(bits(new RandomState(5).wald(1, 2, 3)));
  });
  it('scalars without size, shaped Float64Arrays with size or array parameters', () => {
    expect(typeof gen().beta(0.5, 0.5)).toBe('number');
    const r = gen().gumbel([0, 1, 2], 1);
    expect(r).toBeInstanceOf(Float64Array);
    expect(r.shape).toEqual([3]);
    expect(gen().standardCauchy([2, 0]).shape).toEqual([2, 0]);
    const t = gen().triangular([[0], [1]], 2, [3, 4, 5]);
    expect(t.shape).toEqual([2, 3]);
  });
  it('rejects missing, unknown, non-numeric and incompatible arguments with typed errors', () => {
    const g = gen() as unknown as Record<string, (...a: unknown[]) => unknown>;
    expect(() => g.gamma!()).toThrow(SeedkitTypeError);
    expect(() => g.beta!(1)).toThrow(SeedkitTypeError);
    expect(() => g.gamma!(1, { shape2: 1 })).toThrow(SeedkitTypeError);
    expect(() => g.gamma!('2')).toThrow(SeedkitTypeError);
    expect(() => g.gamma!(1, { scale: 1 }, 3)).toThrow(SeedkitTypeError);
    expect(() => g.gamma!([1, 2], [1, 2, 3])).toThrow(SeedkitValueError);
    expect(() => g.gamma!([1, 2], 1, 3)).toThrow(SeedkitValueError);
    expect(() => g.gamma!([[1, 2], [3]])).toThrow(SeedkitValueError);
    expect(() => g.dirichlet!(2)).toThrow(SeedkitTypeError);
    expect(() => g.dirichlet!([[1, 2]])).toThrow(SeedkitValueError);
    expect(() => g.standardGamma!(1, 3, 'int32')).toThrow(SeedkitTypeError);
    expect(() => g.multivariateNormal!([0], [[1]], 2, { method: 'qr' })).toThrow(SeedkitValueError);
  });
  it('an error before any draw leaves the stream untouched', () => {
    const a = gen(9);
    expect(() => a.beta(1, -1, 5)).toThrow(SeedkitValueError);
    expect(a.random()).toBe(gen(9).random());
  });
});

describe('Generator.standardGamma dtype/out', () => {
  it('fills `out` like a fresh array of the same shape (float64 and float32)', () => {
    const out = new Float64Array(6);
    const r = gen(3).standardGamma(0.7, null, 'float64', out as never) as unknown as Float64Array;
    expect(r).toBe(out);
    expect(bits(out)).toEqual(bits(gen(3).standardGamma(0.7, 6)));
    const o32 = new Float32Array(5);
    gen(4).standardGamma(2.5, null, 'float32', o32);
    expect(bits(o32)).toEqual(bits(gen(4).standardGamma(2.5, 5, 'float32')));
    expect(() => gen().standardGamma(1, null, 'float32', new Float64Array(2) as never)).toThrow(
      SeedkitTypeError,
    );
  });
});

describe('multivariateNormal factor (TypeScript decomposition)', () => {
  const cov = [
    [4.0, 2.0, 0.6],
    [2.0, 3.0, 0.4],
    [0.6, 0.4, 1.0],
  ];
  const flat = Float64Array.from(cov.flat());
  it('cholesky: L·Lᵀ = cov; Jacobi: V·diag(w)·Vᵀ = cov', () => {
    const L = cholesky(flat, 3);
    const { w, v } = jacobiEigh(flat, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let a = 0;
        let b = 0;
        for (let k = 0; k < 3; k++) {
          a += L[i * 3 + k]! * L[j * 3 + k]!;
          b += v[i * 3 + k]! * w[k]! * v[j * 3 + k]!;
        }
        expect(Math.abs(a - cov[i]![j]!)).toBeLessThan(1e-14);
        expect(Math.abs(b - cov[i]![j]!)).toBeLessThan(1e-13);
      }
    }
    expect(() => cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(SeedkitValueError);
  });
  for (const method of ['svd', 'eigh', 'cholesky'] as const) {
    it(`${method}: out = mean + F·z with F·Fᵀ = cov (Mahalanobis norm = |z|), stream aligned`, () => {
      const mean = [1, -1, 0.5];
      const rows = 7;
      const out = gen(11).multivariateNormal(mean, cov, rows, { method });
      expect(out.shape).toEqual([rows, 3]);
      const twin = gen(11);
      const z = twin.standardNormal(rows * 3);
      const g = gen(11);
      g.multivariateNormal(mean, cov, rows, { method });
      expect(g.random()).toBe(twin.random());
      // cov⁻¹ through the Cholesky factor: |L⁻¹(x − mean)|² must equal |z|² row by row
      const L = cholesky(flat, 3);
      for (let r = 0; r < rows; r++) {
        const d = [0, 1, 2].map((i) => out[r * 3 + i]! - mean[i]!);
        const y: number[] = [];
        for (let i = 0; i < 3; i++) {
          let s = d[i]!;
          for (let k = 0; k < i; k++) s -= L[i * 3 + k]! * y[k]!;
          y.push(s / L[i * 3 + i]!);
        }
        const lhs = y.reduce((s, t) => s + t * t, 0);
        const rhs = z[r * 3]! ** 2 + z[r * 3 + 1]! ** 2 + z[r * 3 + 2]! ** 2;
        expect(Math.abs(lhs - rhs)).toBeLessThan(1e-12 * Math.max(1, rhs));
      }
    });
  }
  it('legacy (svd): uses the legacy Gaussian stream; not PSD → warn/raise', () => {
    const a = new RandomState(2);
    a.multivariateNormal(
      [0, 0],
      [
        [1, 0.5],
        [0.5, 1],
      ],
      3,
    );
    const b = new RandomState(2);
    b.standardNormal(6);
    expect(a.randomSample()).toBe(b.randomSample());
    expect(() =>
      new RandomState(1).multivariateNormal(
        [0, 0],
        [
          [1, 2],
          [2, 1],
        ],
        1,
        'raise',
      ),
    ).toThrow(SeedkitValueError);
    expect(() =>
      new RandomState(1).multivariateNormal(
        [0, 0],
        [
          [1, 0],
          [0, 1],
        ],
        1,
        'bogus',
      ),
    ).toThrow(SeedkitValueError);
  });
});

describe('powf (glibc port used by the float32 gamma sampler)', () => {
  it('equals the system glibc powf bit for bit (fixtures/continuous-powf.json)', () => {
    const fx = loadFixture<{ x: string; y: string; powf: string }>('continuous-powf.json');
    const f32 = (hex: string) => {
      const b = Buffer.from(hex, 'hex');
      return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    };
    const x = f32(fx.x);
    const y = f32(fx.y);
    const want = f32(fx.powf);
    expect(x.length).toBeGreaterThan(4000);
    const got = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) got[i] = powf(x[i]!, y[i]!);
    expect(Buffer.from(got.buffer).toString('hex')).toBe(fx.powf);
    expect(want.length).toBe(x.length);
  });
});
