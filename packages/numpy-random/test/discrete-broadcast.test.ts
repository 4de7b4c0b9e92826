/**
 * Array (broadcast) parameters of the discrete distributions against NumPy 2.4.6
 * (fixtures/discrete-broadcast.json from scripts/gen-fixtures-discrete.py): Generator on three bit
 * generators, RandomState and the np.random module, array calls interleaved with scalar calls, bit-exact
 * int64 values and the stream position after each scenario; bad inputs raise NumPy's error class and
 * message and leave the stream untouched (NumPy checks every element before it draws).
 */
import { readFileSync } from 'node:fs';
import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import {
  type BitGenerator,
  Generator,
  MT19937,
  PCG64,
  Philox,
  RandomState,
  random,
} from '@seedkit/numpy-random';
import { describe, expect, test } from 'vitest';

type Enc = unknown;
type Result = string | { shape: number[]; v?: string[]; f64?: string[] };
interface Call {
  m: string;
  a: Enc[];
  size: number | number[] | null;
  r: Result;
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
  size: number | number[] | null;
  cls: string;
  msg: string;
  after: { shape: number[]; f64: string[] };
}
const fx = JSON.parse(
  readFileSync(new URL('../fixtures/discrete-broadcast.json', import.meta.url), 'utf8'),
) as { numpy: string; scenarios: Scenario[]; errors: ErrorCase[] };

/** Decodes fixture arguments: NaN/inf markers, and {"$nd": dtype, v} as the matching typed array. */
function dec(v: Enc): unknown {
  if (Array.isArray(v)) return v.map(dec);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('$float' in o) return o.$float === 'nan' ? Number.NaN : o.$float === 'inf' ? Infinity : -Infinity;
    if ('$nd' in o) {
      const vals = (o.v as Enc[]).map(dec) as number[];
      switch (o.$nd) {
        case 'float64':
          return Float64Array.from(vals);
        case 'float32':
          return Float32Array.from(vals);
        case 'int32':
          return Int32Array.from(vals);
        case 'int64':
          return BigInt64Array.from(vals, (x) => BigInt(x));
        case 'uint64':
          return BigUint64Array.from(vals, (x) => BigInt(x));
      }
      throw new Error(`unknown dtype ${String(o.$nd)}`);
    }
  }
  return v;
}

const BITGENS: Record<string, new (seed: number) => BitGenerator> = { PCG64, MT19937, Philox };
type Target = Record<string, (...a: unknown[]) => unknown>;

function target(api: string, bitgen: string, seed: number): Target {
  if (api === 'generator') return new Generator(new BITGENS[bitgen]!(seed)) as unknown as Target;
  if (api === 'legacy') return new RandomState(seed) as unknown as Target;
  random.seed(seed);
  return random as unknown as Target;
}

const hex = (x: Float64Array): string[] =>
  Array.from(new BigUint64Array(x.buffer, x.byteOffset, x.length), (b) => b.toString(16).padStart(16, '0'));

function call(t: Target, m: string, a: Enc[], size: number | number[] | null): unknown {
  const args = dec(a) as unknown[];
  return size === null ? t[m]!.apply(t, args) : t[m]!.apply(t, [...args, size]);
}

function check(out: unknown, r: Result, where: string): void {
  if (typeof r === 'string') {
    expect(typeof out, where).toBe('number');
    expect(out, where).toBe(Number(BigInt(r)));
    return;
  }
  const arr = out as (BigInt64Array | Float64Array) & { shape: number[] };
  expect([...arr.shape], where).toEqual(r.shape);
  if (r.f64) expect(hex(arr as Float64Array), where).toEqual(r.f64);
  else {
    expect(arr, where).toBeInstanceOf(BigInt64Array);
    expect(Array.from(arr as BigInt64Array, String), where).toEqual(r.v);
  }
}

describe('discrete array parameters vs NumPy 2.4 (bit-exact)', () => {
  test('fixtures come from numpy 2.4 and cover every method on both APIs', () => {
    expect(fx.numpy).toMatch(/^2\.4\./);
    for (const api of ['generator', 'legacy']) {
      const ms = new Set(fx.scenarios.filter((s) => s.api === api).flatMap((s) => s.calls.map((c) => c.m)));
      for (const m of [
        'binomial',
        'negativeBinomial',
        'poisson',
        'geometric',
        'hypergeometric',
        'logseries',
        'zipf',
      ]) {
        expect(ms.has(m), `${api} ${m}`).toBe(true);
      }
    }
  });
  for (const s of fx.scenarios) {
    test(`${s.api} ${s.bitgen}(${s.seed}): ${s.calls.length} calls`, () => {
      const t = target(s.api, s.bitgen, s.seed);
      for (const [i, c] of s.calls.entries()) {
        const where = `call ${i}: ${c.m}(${JSON.stringify(c.a)}, size=${JSON.stringify(c.size)})`;
        check(call(t, c.m, c.a, c.size), c.r, where);
      }
    });
  }
});

describe('bad array parameters raise like NumPy, before any draw', () => {
  for (const c of fx.errors) {
    test(`${c.api}.${c.m}(${JSON.stringify(c.a)}, size=${JSON.stringify(c.size)}) → ${c.cls}: ${c.msg}`, () => {
      const t = target(c.api, 'PCG64', 7);
      const cls = c.cls === 'TypeError' ? SeedkitTypeError : SeedkitValueError;
      let err: unknown;
      try {
        call(t, c.m, c.a, c.size);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(cls);
      expect((err as Error).message).toContain(c.msg);
      // The stream is where a fresh generator's is: the failed call drew nothing.
      const after = c.api === 'generator' ? t.random!.call(t, 2) : t.randomSample!.call(t, 2);
      expect(hex(after as Float64Array)).toEqual(c.after.f64);
    });
  }
});

describe('array parameter forms', () => {
  test('nested arrays, flat arrays with shape and typed arrays give the same draws', () => {
    const forms: unknown[] = [
      [
        [1.5, 7.25, 30],
        [0.5, 12, 100],
      ],
      Object.assign([1.5, 7.25, 30, 0.5, 12, 100], { shape: [2, 3] }),
      Object.assign(Float64Array.of(1.5, 7.25, 30, 0.5, 12, 100), { shape: [2, 3] }),
    ];
    const ref = new Generator(new PCG64(5)).poisson(forms[0] as number[][]);
    expect([...ref.shape]).toEqual([2, 3]);
    for (const f of forms.slice(1)) {
      const out = new Generator(new PCG64(5)).poisson(f as number[]);
      expect([...out.shape]).toEqual([2, 3]);
      expect(Array.from(out)).toEqual(Array.from(ref));
    }
    const n1 = new Generator(new PCG64(6)).binomial([10, 20, 30], [0.5]);
    const n2 = new Generator(new PCG64(6)).binomial(Int32Array.of(10, 20, 30), Float64Array.of(0.5));
    expect(Array.from(n2)).toEqual(Array.from(n1));
  });

  test('scalars stay scalars; an array parameter gives an int64 array even with one element', () => {
    const g = new Generator(new PCG64(1));
    expect(typeof g.binomial(10, 0.5)).toBe('number');
    const one = g.binomial([10], 0.5);
    expect(one).toBeInstanceOf(BigInt64Array);
    expect([...one.shape]).toEqual([1]);
    const rs = new RandomState(1);
    expect(typeof rs.hypergeometric(5, 5, 3)).toBe('number');
    expect([...rs.hypergeometric([5, 6], 5, 3).shape]).toEqual([2]);
  });

  test('the legacy zipf hang guard applies to each element, before any draw', () => {
    const a = new RandomState(3);
    expect(() => a.zipf([2, 2000])).toThrow(/a >= 1025/);
    expect(a.randomSample()).toBe(new RandomState(3).randomSample());
  });

  test('non-numeric elements and unsupported values are typed errors naming the argument', () => {
    const g = new Generator(new PCG64(1));
    expect(() => g.poisson(['x'] as unknown as number[])).toThrow(SeedkitTypeError);
    expect(() => g.binomial([10, 2 ** 60], 0.5)).toThrow(/n\[1\]/);
    expect(() => g.geometric([[0.5], [0.5, 0.2]] as unknown as number[])).toThrow(/ragged/);
  });
});
