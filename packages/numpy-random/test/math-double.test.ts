import { describe, expect, it } from 'vitest';
import * as m from '../src/math/index.js';

type Fn = (...a: number[]) => number;

import { loadFixture, mismatches } from './math-fixtures.js';

// Each fixture: inputs drawn by scripts/check-math.py (incl. specials) and glibc 2.36's outputs on an
// x86-64 FMA CPU. The port must reproduce every output bit (NaN payloads excepted).
const DOUBLE: [string, Fn, Fn][] = [
  ['log', m.log, Math.log],
  ['exp', m.exp, Math.exp],
  ['log1p', m.log1p, Math.log1p],
  ['expm1', m.expm1, Math.expm1],
  ['pow', m.pow, Math.pow],
  ['sin', m.sin, Math.sin],
  ['cos', m.cos, Math.cos],
  ['acos', m.acos, Math.acos],
  ['asin', m.asin, Math.asin],
  ['atan', m.atan, Math.atan],
  ['tan', m.tan, Math.tan],
  ['atan2', m.atan2, Math.atan2],
  ['sqrt', m.sqrt, Math.sqrt],
];
/** Functions where V8's Math.* is known to differ often (NumPy reference §6: 3–10%). */
const V8_DIFFERS = new Set(['log', 'exp', 'pow', 'cos', 'sin', 'acos', 'atan', 'tan']);

describe('double functions match glibc 2.36 (FMA build) bit for bit', () => {
  for (const [name, fn] of DOUBLE) {
    it(`${name}: committed glibc fixture`, () => {
      const fx = loadFixture(name);
      expect(fx.count).toBeGreaterThanOrEqual(2048);
      expect(mismatches(fx, fn)).toEqual([]);
    });
  }

  it('differs from V8 Math.* on some fixture inputs (so the fixtures discriminate)', () => {
    for (const [name, , v8] of DOUBLE) {
      if (!V8_DIFFERS.has(name)) continue;
      const fx = loadFixture(name);
      expect(mismatches(fx, v8).length, name).toBeGreaterThan(0);
    }
  });

  it('specials', () => {
    expect(m.log(1)).toBe(0);
    expect(m.log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(m.log(-0)).toBe(Number.NEGATIVE_INFINITY);
    expect(m.log(-1)).toBeNaN();
    expect(m.log(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(m.exp(0)).toBe(1);
    expect(m.exp(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(m.exp(1000)).toBe(Number.POSITIVE_INFINITY);
    expect(m.exp(-1000)).toBe(0);
    expect(m.exp(Number.NaN)).toBeNaN();
    expect(m.log1p(-1)).toBe(Number.NEGATIVE_INFINITY);
    expect(m.log1p(-2)).toBeNaN();
    expect(Object.is(m.log1p(-0), -0)).toBe(true);
    expect(m.expm1(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(m.expm1(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(m.expm1(710)).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(m.sin(-0), -0)).toBe(true);
    expect(m.cos(0)).toBe(1);
    expect(m.sin(Number.POSITIVE_INFINITY)).toBeNaN();
    expect(m.cos(Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(m.acos(1)).toBe(0);
    expect(m.acos(-1)).toBe(2 * 1.5707963267948966);
    expect(m.acos(1.5)).toBeNaN();
    expect(m.asin(1)).toBe(1.5707963267948966);
    expect(Object.is(m.asin(-0), -0)).toBe(true);
    expect(m.atan(Number.POSITIVE_INFINITY)).toBe(1.5707963267948966);
    expect(m.atan(Number.NEGATIVE_INFINITY)).toBe(-1.5707963267948966);
    expect(Object.is(m.atan(-0), -0)).toBe(true);
    expect(m.tan(Number.POSITIVE_INFINITY)).toBeNaN();
    expect(Object.is(m.tan(-0), -0)).toBe(true);
    expect(m.atan2(0, -1)).toBe(Math.PI);
    expect(m.atan2(-0, -1)).toBe(-Math.PI);
    expect(Object.is(m.atan2(-0, 1), -0)).toBe(true);
    expect(m.atan2(1, 0)).toBe(Math.PI / 2);
    expect(m.atan2(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)).toBe(2.356194490192345);
    // C99 pow specials that differ from JavaScript's Math.pow
    expect(m.pow(1, Number.NaN)).toBe(1);
    expect(m.pow(-1, Number.POSITIVE_INFINITY)).toBe(1);
    expect(m.pow(Number.NaN, 0)).toBe(1);
    expect(m.pow(-8, 1 / 3)).toBeNaN();
    expect(Object.is(m.pow(-0, 3), -0)).toBe(true);
    expect(m.pow(-0, -3)).toBe(Number.NEGATIVE_INFINITY);
    expect(m.pow(-2, 3)).toBe(-8);
    expect(m.pow(2, 1024)).toBe(Number.POSITIVE_INFINITY);
    expect(m.pow(2, -1074)).toBe(5e-324);
  });

  it('rejects non-numbers with a TypeError naming the function and argument', () => {
    expect(() => m.log(1n as unknown as number)).toThrow(/log\(\): argument 'x' must be a number/);
    expect(() => m.exp(null as unknown as number)).toThrow(TypeError);
    expect(() => m.pow(2, '3' as unknown as number)).toThrow(/pow\(\): argument 'y'/);
  });
});
