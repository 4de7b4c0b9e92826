/**
 * Discrete distributions (issue 5) against golden fixtures from NumPy 2.4.6
 * (scripts/gen-fixtures-discrete.py): Generator on five bit generators, RandomState and the np.random
 * module object, every algorithm regime, interleaved calls, bit-exact (int64 values compared as BigInt,
 * the trailing random() draws as IEEE bit patterns).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import {
  type BitGenerator,
  Generator,
  MT19937,
  PCG64,
  PCG64DXSM,
  Philox,
  RandomState,
  random,
  SFC64,
} from '@seedkit/numpy-random';
import { describe, expect, test } from 'vitest';

type Enc = unknown;
interface Call {
  m: string;
  a: Enc[];
  size: number | number[] | null;
  r: string | { shape: number[]; v?: string[]; f64?: string[] };
}
interface Scenario {
  api: 'generator' | 'legacy' | 'module';
  bitgen: string;
  seed: number;
  calls: Call[];
}
interface ErrorCase {
  api: 'generator' | 'legacy';
  m: string;
  a: Enc[];
  cls: string;
  msg: string;
}

const load = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;

function dec(v: Enc): unknown {
  if (Array.isArray(v)) return v.map(dec);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, string>;
    if ('$float' in o) return o.$float === 'nan' ? Number.NaN : o.$float === 'inf' ? Infinity : -Infinity;
    if ('$big' in o) return BigInt(o.$big!);
  }
  return v;
}

const BITGENS: Record<string, new (seed: number) => BitGenerator> = {
  PCG64,
  PCG64DXSM,
  Philox,
  SFC64,
  MT19937,
};

function target(s: Scenario): Record<string, (...a: unknown[]) => unknown> {
  if (s.api === 'generator') {
    return new Generator(new BITGENS[s.bitgen]!(s.seed)) as unknown as Record<
      string,
      (...a: unknown[]) => unknown
    >;
  }
  if (s.api === 'legacy')
    return new RandomState(s.seed) as unknown as Record<string, (...a: unknown[]) => unknown>;
  random.seed(s.seed);
  return random as unknown as Record<string, (...a: unknown[]) => unknown>;
}

const hex = (x: Float64Array): string[] =>
  Array.from(new BigUint64Array(x.buffer, x.byteOffset, x.length), (b) => b.toString(16).padStart(16, '0'));

function replay(s: Scenario): void {
  const t = target(s);
  for (const [i, c] of s.calls.entries()) {
    const where = `${s.api}/${s.bitgen}/${s.seed} call ${i}: ${c.m}(${JSON.stringify(c.a)}, size=${JSON.stringify(c.size)})`;
    const args = dec(c.a) as unknown[];
    const fn = t[c.m]!;
    const out = c.size === null ? fn.apply(t, args) : fn.apply(t, [...args, c.size]);
    if (typeof c.r === 'string') {
      expect(typeof out, where).toBe('number');
      expect(out, where).toBe(Number(BigInt(c.r)));
      continue;
    }
    const arr = out as (BigInt64Array | Float64Array) & { shape: number[] };
    expect([...arr.shape], where).toEqual(c.r.shape);
    if (c.r.f64) {
      expect(arr, where).toBeInstanceOf(Float64Array);
      expect(hex(arr as Float64Array), where).toEqual(c.r.f64);
    } else {
      expect(arr, where).toBeInstanceOf(BigInt64Array);
      expect(Array.from(arr as BigInt64Array, String), where).toEqual(c.r.v);
    }
  }
}

const gen = load<{ numpy: string; scenarios: Scenario[] }>('discrete-generator.json');
const leg = load<{ numpy: string; scenarios: Scenario[] }>('discrete-legacy.json');
const errs = load<{ numpy: string; cases: ErrorCase[] }>('discrete-errors.json');

describe('Generator discrete distributions vs NumPy 2.4', () => {
  test('fixtures come from numpy 2.4', () => {
    expect(gen.numpy).toMatch(/^2\.4\./);
    expect(gen.scenarios.length).toBeGreaterThan(30);
  });
  for (const s of gen.scenarios) {
    test(`${s.bitgen}(${s.seed}) ${[...new Set(s.calls.map((c) => c.m))].join(',')}`, () => replay(s));
  }
});

describe('RandomState / np.random discrete distributions vs NumPy 2.4', () => {
  test('fixtures come from numpy 2.4', () => {
    expect(leg.numpy).toMatch(/^2\.4\./);
    expect(leg.scenarios.some((s) => s.api === 'module')).toBe(true);
  });
  for (const s of leg.scenarios) {
    test(`${s.api}(${s.seed}) ${[...new Set(s.calls.map((c) => c.m))].join(',')}`, () => replay(s));
  }
});

describe('bad parameters are rejected as NumPy rejects them', () => {
  for (const c of errs.cases) {
    test(`${c.api}.${c.m}(${JSON.stringify(c.a)}) → ${c.cls}: ${c.msg}`, () => {
      const t = (c.api === 'generator'
        ? new Generator(new PCG64(5))
        : new RandomState(5)) as unknown as Record<string, (...a: unknown[]) => unknown>;
      const cls = c.cls === 'TypeError' ? SeedkitTypeError : SeedkitValueError;
      expect(() => t[c.m]!.apply(t, dec(c.a) as unknown[])).toThrow(cls);
      expect(() => t[c.m]!.apply(t, dec(c.a) as unknown[])).toThrow(c.msg);
    });
  }
});

describe('discrete API details', () => {
  test('options objects, scalar vs array results, size 0 draws nothing', () => {
    const a = new Generator(new PCG64(7));
    const b = new Generator(new PCG64(7));
    expect(a.binomial(10, 0.5, { size: [2, 2] })).toEqual(b.binomial(10, 0.5, [2, 2]));
    expect(a.poisson({ lam: 4, size: 3 })).toEqual(b.poisson(4, 3));
    const empty = a.poisson(3, 0);
    expect(empty).toBeInstanceOf(BigInt64Array);
    expect(empty.length).toBe(0);
    expect(a.random()).toBe(b.random());
    expect(typeof a.geometric(0.2)).toBe('number');
    expect(a.multinomial(5, [0.5, 0.5]).shape).toEqual([2]);
    expect(a.multivariateHypergeometric([2, 3], 4, { size: 3, method: 'count' }).shape).toEqual([3, 2]);
  });

  test('non-numeric parameters are refused with a TypeError naming the argument (arrays broadcast: see discrete-broadcast.test.ts)', () => {
    const g = new Generator(new PCG64(1));
    expect(() => g.binomial('10' as unknown as number, 0.5)).toThrow(/^n: /);
    expect(() => new RandomState(1).poisson({ lam: 'x' } as never)).toThrow(SeedkitTypeError);
  });

  test('legacy zipf with a >= 1025 is refused (NumPy never returns); Generator returns 1 without a draw', () => {
    expect(() => new RandomState(1).zipf(2000)).toThrow(SeedkitValueError);
    const a = new Generator(new PCG64(3));
    const b = new Generator(new PCG64(3));
    expect(a.zipf(2000, 4)).toEqual(new BigInt64Array([1n, 1n, 1n, 1n]));
    expect(a.random()).toBe(b.random());
  });
});

interface BulkCase {
  api: 'generator' | 'legacy';
  m: string;
  a: Enc[];
  n: number;
  sha256: string;
  every499: string[];
}
const bulk = load<{ numpy: string; cases: BulkCase[] }>('discrete-bulk.json');

describe('bulk draws per regime (20,000 each, SHA-256 of the int64 bytes)', () => {
  for (const c of bulk.cases) {
    test(`${c.api}.${c.m}(${JSON.stringify(c.a)})`, () => {
      const t = (c.api === 'generator'
        ? new Generator(new PCG64(2024))
        : new RandomState(2024)) as unknown as Record<string, (...a: unknown[]) => BigInt64Array>;
      const out = t[c.m]!.apply(t, [...(dec(c.a) as unknown[]), c.n]);
      const picks: string[] = [];
      for (let i = 0; i < out.length; i += 499) picks.push(String(out[i]));
      expect(picks).toEqual(c.every499);
      const digest = createHash('sha256')
        .update(new Uint8Array(out.buffer, out.byteOffset, out.byteLength))
        .digest('hex');
      expect(digest).toBe(c.sha256);
    });
  }
});
