import { describe, expect, it } from 'vitest';
import { cosf, log1pf, logf, sincosf, sinf } from '../src/math/index.js';
import { loadFixture, mismatches } from './math-fixtures.js';

describe('float32 functions match glibc 2.36 (FMA build) bit for bit', () => {
  for (const [name, fn] of [
    ['logf', logf],
    ['sinf', sinf],
    ['cosf', cosf],
    ['log1pf', log1pf],
  ] as const) {
    it(`${name}: committed glibc fixture`, () => {
      const fx = loadFixture(name);
      expect(fx.count).toBeGreaterThanOrEqual(4096);
      expect(mismatches(fx, fn)).toEqual([]);
    });
  }

  it('sincosf: committed glibc fixture (sin and cos)', () => {
    const fx = loadFixture('sincosf');
    expect(fx.outputs.length).toBe(2);
    const out = new Float64Array(2);
    expect(mismatches(fx, (x) => sincosf(x, out))).toEqual([]);
  });

  it('sincosf agrees with sinf and cosf and returns a fresh pair without out', () => {
    for (const x of [0.1, 1, 2, 3, 5.5, -7.25, 100, 1e6, -3e30]) {
      const [s, c] = sincosf(x);
      expect(Object.is(s, sinf(x))).toBe(true);
      expect(Object.is(c, cosf(x))).toBe(true);
    }
  });

  it('rounds the argument to float32 first, like a C call', () => {
    expect(logf(0.1)).toBe(logf(Math.fround(0.1)));
    expect(Math.fround(logf(3.3))).toBe(logf(3.3));
  });

  it('specials', () => {
    expect(logf(1)).toBe(0);
    expect(logf(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(logf(-0)).toBe(Number.NEGATIVE_INFINITY);
    expect(logf(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(logf(-1)).toBeNaN();
    expect(logf(Number.NaN)).toBeNaN();
    expect(sinf(Number.POSITIVE_INFINITY)).toBeNaN();
    expect(cosf(Number.NaN)).toBeNaN();
    expect(Object.is(sinf(-0), -0)).toBe(true);
    expect(log1pf(-1)).toBe(Number.NEGATIVE_INFINITY);
    expect(log1pf(-2)).toBeNaN();
    expect(Object.is(log1pf(-0), -0)).toBe(true);
  });

  it('rejects non-numbers with a TypeError naming the argument', () => {
    expect(() => logf('1' as unknown as number)).toThrow(/logf\(\): argument 'x'/);
    expect(() => sincosf(1, 5 as unknown as number[])).toThrow(/'out'/);
    expect(() => sinf(undefined as unknown as number)).toThrow(TypeError);
  });
});
