// multivariateNormal (Generator: svd / eigh / cholesky; RandomState: svd) against NumPy's samples,
// fixtures from scripts/gen-fixtures-mvn.py → fixtures/mvn-samples.json (matrices in fixtures/mvn-svd.json).
// The normals and the stream position after the call are compared bit for bit. The samples are compared per
// sample vector: max_i |ours_i − numpy_i| / max_i |numpy_i| ≤ tol, with (the factor comes from our SVD, same
// algorithm path as LAPACK, different summation order, so never bitwise):
// - tol = 1e-12 for svd (any n), eigh (n ≤ 25) and cholesky, raised to 4·eps·√cond for ill-conditioned covariances
//   (cond = s_max / smallest non-zero s): rounding alone moves a singular vector by ~eps·s_max/gap, which
//   reaches the samples scaled by √s — both NumPy's result and ours carry that error;
// - numerically rank-deficient covariances (a non-zero singular value ≤ n·eps·s_max, i.e. pure rounding
//   noise, e.g. B·Bᵀ with B n×k, k < n): tol = 1e-6 (≈ √eps: the noise singular values enter through √s);
// - svd/eigh where NumPy itself is not reproducible ("cpuDependent": its factors change with OpenBLAS's CPU
//   kernels, e.g. the basis of equicorrelation's (n−1)-fold eigenvalue) and eigh with n > 25 (src/linalg/eigh.ts
//   does not reproduce LAPACK's divide and conquer there): values are not compared, only shapes, stream
//   alignment and the warning.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PCG64 } from '../src/bitgen/pcg64.js';
import { Generator } from '../src/generator.js';
import { RandomState } from '../src/random-state.js';
import { loadFixture } from './legacy-support.js';

const TOL = 1e-12;

function fromHex(hex: string): Float64Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return new Float64Array(bytes.buffer);
}

interface SampleCase {
  name: string;
  kind: 'generator' | 'legacy';
  seed: number;
  method: 'svd' | 'eigh' | 'cholesky';
  mean: string;
  size: number | number[] | null;
  shape?: number[];
  hex?: string;
  next?: string;
  warned?: boolean;
  error?: string;
}
interface SvdCase {
  name: string;
  n: number;
  a: string;
  s: string;
  cpuDependent: boolean;
}

const samples = loadFixture<{ numpy: string; cases: SampleCase[] }>('mvn-samples.json');
const matrices = new Map(loadFixture<{ cases: SvdCase[] }>('mvn-svd.json').cases.map((c) => [c.name, c]));

/** Worst per-row relative difference (rows of length n). */
export function worstRowError(got: Float64Array, want: Float64Array, n: number): number {
  let worst = 0;
  for (let r = 0; r < want.length / n; r++) {
    let diff = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      diff = Math.max(diff, Math.abs(got[r * n + i]! - want[r * n + i]!));
      scale = Math.max(scale, Math.abs(want[r * n + i]!));
    }
    const e = diff === 0 ? 0 : diff / Math.max(scale, Number.MIN_VALUE);
    worst = Math.max(worst, Number.isNaN(e) ? Infinity : e);
  }
  return worst;
}

function run(c: SampleCase) {
  const m = matrices.get(c.name)!;
  const a = fromHex(m.a);
  const cov = Array.from({ length: m.n }, (_, i) => Array.from(a.subarray(i * m.n, (i + 1) * m.n)));
  const mean = Array.from(fromHex(c.mean));
  const warnSpy = vi.spyOn(console, 'warn').mockImplementation(() => {});
  if (c.kind === 'generator') {
    const g = new Generator(new PCG64(c.seed));
    const call = () => g.multivariateNormal(mean, cov, c.size, { method: c.method });
    return { call, next: () => g.random(), warnSpy, m };
  }
  const rs = new RandomState(c.seed);
  const call = () => rs.multivariateNormal(mean, cov, c.size);
  return { call, next: () => rs.randomSample(), warnSpy, m };
}

const hexOf = (x: number) => {
  const b = new Uint8Array(Float64Array.of(x).buffer);
  return Array.from(b, (v) => v.toString(16).padStart(2, '0')).join('');
};

afterEach(() => vi.restoreAllMocks());

/** The tolerance for a case (see the header), or null when values are not compared. */
function tolerance(c: SampleCase, m: SvdCase): number | null {
  const s = Array.from(fromHex(m.s));
  const smax = s[0]!;
  const nonzero = s.filter((x) => x > 0);
  const smin = nonzero.length ? Math.min(...nonzero) : smax;
  // eigh.ts's documented limit: LAPACK's dstedc divide and conquer (n > 25) is not reproduced there
  if (c.method === 'eigh' && m.n > 25) return null;
  if (smax === 0) return TOL; // cov = 0: the samples are the mean exactly
  if (smin <= m.n * 2 ** -52 * smax) return c.method === 'cholesky' ? null : 1e-6;
  if (m.cpuDependent && c.method !== 'cholesky') return null;
  return Math.max(TOL, 4 * 2 ** -52 * Math.sqrt(smax / smin));
}

describe(`multivariateNormal vs NumPy ${samples.numpy} (fixtures/mvn-samples.json)`, () => {
  it('compares values at 1e-12 for most svd, eigh and cholesky cases', () => {
    const strict = samples.cases.filter((c) => c.hex && tolerance(c, matrices.get(c.name)!) === TOL);
    expect(strict.filter((c) => c.method === 'svd' && c.kind === 'generator').length).toBeGreaterThanOrEqual(
      60,
    );
    expect(strict.filter((c) => c.method === 'eigh').length).toBeGreaterThanOrEqual(60);
    expect(strict.filter((c) => c.kind === 'legacy').length).toBeGreaterThanOrEqual(60);
  });
  it('has cases for every method and both APIs', () => {
    for (const k of ['generator/svd', 'generator/eigh', 'generator/cholesky', 'legacy/svd']) {
      expect(samples.cases.filter((c) => `${c.kind}/${c.method}` === k).length).toBeGreaterThan(20);
    }
  });
  for (const c of samples.cases) {
    const label = `${c.kind} ${c.method} seed=${c.seed} size=${JSON.stringify(c.size)}: ${c.name}`;
    it(label, () => {
      const { call, next, warnSpy, m } = run(c);
      if (c.error !== undefined) {
        // NumPy's LinAlgError (Cholesky of a matrix that is not positive definite) is a ValueError. For a
        // numerically rank-deficient matrix (tolerance null) whether a pivot ends ≤ 0 is decided by rounding,
        // so only NumPy's definite failures are required.
        if (tolerance(c, m) !== null) expect(call).toThrow(/positive definite|did not converge/);
        return;
      }
      const out = call();
      expect(out.shape).toEqual(c.shape);
      expect(hexOf(next())).toBe(c.next);
      const warned = warnSpy.mock.calls.some((a) => String(a[0]).includes('positive-semidefinite'));
      expect(warned).toBe(c.warned);
      const tol = tolerance(c, m);
      if (tol !== null) expect(worstRowError(out, fromHex(c.hex!), m.n)).toBeLessThanOrEqual(tol);
    });
  }
});

describe('multivariateNormal: errors in NumPy order (draw, decompose, then check_valid)', () => {
  const cov = [
    [2, 0.5],
    [0.5, 1],
  ];
  it('NaN in cov: LinAlgError "SVD did not converge" (a ValueError) after the normals were drawn', () => {
    const g = new Generator(new PCG64(3));
    expect(() =>
      g.multivariateNormal(
        [0, 0],
        [
          [Number.NaN, 0],
          [0, 1],
        ],
        4,
      ),
    ).toThrow(/SVD did not converge/);
    const twin = new Generator(new PCG64(3));
    twin.standardNormal(8);
    expect(g.random()).toBe(twin.random());
    const rs = new RandomState(3);
    expect(() =>
      rs.multivariateNormal(
        [0, 0],
        [
          [1, 0],
          [0, Number.NaN],
        ],
        2,
      ),
    ).toThrow(/SVD did not converge/);
  });
  it("check_valid is validated for 'svd'/'eigh' only, after drawing (NumPy ignores it for 'cholesky')", () => {
    const g = new Generator(new PCG64(4));
    expect(() => g.multivariateNormal([0, 0], cov, 2, 'bogus')).toThrow(/check_valid must equal/);
    expect(() => g.multivariateNormal([0, 0], cov, 2, 'bogus', { method: 'eigh' })).toThrow(/check_valid/);
    const twin = new Generator(new PCG64(4));
    twin.standardNormal(8);
    expect(g.random()).toBe(twin.random());
    const ok = new Generator(new PCG64(4)).multivariateNormal([0, 0], cov, 2, 'bogus', {
      method: 'cholesky',
    });
    expect(ok.shape).toEqual([2, 2]);
  });
  it("a non-PSD covariance: 'warn' warns once, 'raise' throws, 'ignore' is silent", () => {
    const bad = [
      [1, 2],
      [2, 1],
    ];
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    new Generator(new PCG64(5)).multivariateNormal([0, 0], bad, 2);
    expect(spy).toHaveBeenCalledTimes(1);
    new Generator(new PCG64(5)).multivariateNormal([0, 0], bad, 2, 'ignore');
    new RandomState(5).multivariateNormal([0, 0], bad, 2, 'ignore');
    expect(spy).toHaveBeenCalledTimes(1);
    expect(() => new RandomState(5).multivariateNormal([0, 0], bad, 2, 'raise')).toThrow(
      /positive-semidefinite/,
    );
    expect(() =>
      new Generator(new PCG64(5)).multivariateNormal([0, 0], bad, 2, 'raise', { method: 'eigh' }),
    ).toThrow(/positive-semidefinite/);
  });
});
