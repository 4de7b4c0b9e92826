// API shape of Generator / defaultRng / the 64-bit bit generators: argument conventions, result types and
// shapes, state JSON round trips, and typed errors. Bit-exactness itself is covered by the fixture tests.
import { SeedSequence } from '@seedkit/core';
import { describe, expect, it } from 'vitest';
import { MT19937 } from '../src/bitgen/mt19937.js';
import { PCG64 } from '../src/bitgen/pcg64.js';
import { PCG64DXSM } from '../src/bitgen/pcg64dxsm.js';
import { Philox } from '../src/bitgen/philox.js';
import { SFC64 } from '../src/bitgen/sfc64.js';
import { defaultRng, Generator } from '../src/generator.js';

const err = (name: string) => expect.objectContaining({ name });

describe('argument conventions', () => {
  it('a trailing options object equals the positional form', () => {
    expect(defaultRng(1).integers(0, 10, 5, { dtype: 'uint8', endpoint: true })).toEqual(
      defaultRng(1).integers(0, 10, 5, 'uint8', true),
    );
    expect(defaultRng(2).choice(10, 3, { replace: false })).toEqual(defaultRng(2).choice(10, 3, false));
    expect(defaultRng(3).random({ size: 4, dtype: 'float32' })).toEqual(defaultRng(3).random(4, 'float32'));
    expect(defaultRng(4).normal(1, 2, { size: [2, 2] })).toEqual(defaultRng(4).normal(1, 2, [2, 2]));
  });
  it('rejects a parameter given twice or an unknown keyword (TypeError)', () => {
    const rng = defaultRng(0);
    expect(() => rng.integers(0, 10, 5, { size: 3 } as never)).toThrow(err('TypeError'));
    expect(() => rng.random({ sise: 3 } as never)).toThrow(/unexpected keyword argument 'sise'/);
  });
  it('validates size and dtype like NumPy', () => {
    const rng = defaultRng(0);
    expect(() => rng.random(-1)).toThrow(err('ValueError'));
    expect(() => rng.random([2, -3])).toThrow(/negative dimensions are not allowed/);
    expect(() => rng.random(1.5)).toThrow(err('TypeError'));
    expect(() => rng.integers(0, 5, 2, 'int7' as never)).toThrow(err('TypeError'));
    expect(() => rng.integers(0.5 as never, 5)).toThrow(err('TypeError'));
    expect(() => rng.integers(0, 2 ** 60)).toThrow(/bigint/);
    expect(() => rng.standardExponential(3, 'float64', 'foo' as never)).toThrow(err('ValueError'));
    expect(() => rng.uniform(0, Number.POSITIVE_INFINITY)).toThrow(err('ValueError'));
    expect(() => rng.uniform(2, 1)).toThrow(/high - low < 0/);
    expect(() => rng.normal(0, -0)).toThrow(/scale < 0/);
    expect(() => rng.uniform(0, [1, 2] as never)).toThrow(err('TypeError'));
  });
});

describe('results', () => {
  it('sized results are flat typed arrays with a non-enumerable shape', () => {
    const x = defaultRng(0).random([2, 3]);
    expect(x).toBeInstanceOf(Float64Array);
    expect(x.length).toBe(6);
    expect(x.shape).toEqual([2, 3]);
    expect(Object.keys(x)).not.toContain('shape');
    expect(defaultRng(0).standardNormal(0).length).toBe(0);
  });
  it('scalar and array types per dtype', () => {
    const rng = defaultRng(5);
    expect(typeof rng.integers(0, 10)).toBe('number');
    expect(typeof rng.integers(0n, 10n)).toBe('bigint');
    expect(typeof rng.integers(0, 2, null, 'bool')).toBe('boolean');
    expect(rng.integers(0, 10, 3)).toBeInstanceOf(BigInt64Array);
    expect(rng.integers(0, 10, 3, 'uint64')).toBeInstanceOf(BigUint64Array);
    expect(rng.integers(0, 10, 3, 'int16')).toBeInstanceOf(Int16Array);
    expect(rng.integers(0, 2, 3, 'bool')).toBeInstanceOf(Uint8Array);
    expect(rng.random(3, 'float32')).toBeInstanceOf(Float32Array);
    expect(typeof rng.random()).toBe('number');
    expect(rng.bytes(5).length).toBe(5);
  });
  it('`out` is filled in place', () => {
    const out = new Float64Array(4);
    const r = defaultRng(9).random(null, 'float64', out);
    expect(r).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(defaultRng(9).random(4)));
  });
  it('shuffle of a plain array uses the same index sequence as a typed array', () => {
    const letters = 'abcdefghij'.split('');
    const idx = Int32Array.from({ length: 10 }, (_, i) => i);
    defaultRng(7).shuffle(letters);
    defaultRng(7).shuffle(idx);
    expect(letters).toEqual(Array.from(idx, (i) => 'abcdefghij'[i]));
  });
  it('choice from a plain array returns a plain array with a shape', () => {
    const c = defaultRng(3).choice(['x', 'y', 'z'], [2, 2]);
    expect(Array.isArray(c)).toBe(true);
    expect(c.shape).toEqual([2, 2]);
    expect(c.every((v: string) => ['x', 'y', 'z'].includes(v))).toBe(true);
  });
  it('choice validates p and sizes', () => {
    const rng = defaultRng(0);
    expect(() => rng.choice(3, 2, { p: [0.5, 0.5, 0.5] })).toThrow(/do not sum to 1/);
    expect(() => rng.choice(3, 2, { p: [1.5, -0.5, 0] })).toThrow(/non-negative/);
    expect(() => rng.choice(3, 4, { replace: false })).toThrow(/larger sample/);
    expect(() => rng.choice(0, 1)).toThrow(err('ValueError'));
    expect(rng.choice(0, 0).length).toBe(0);
  });
});

describe('defaultRng', () => {
  it('passes Generators through and wraps bit generators', () => {
    const g = defaultRng(1);
    expect(defaultRng(g)).toBe(g);
    const bg = new SFC64(3);
    expect(defaultRng(bg).bitGenerator).toBe(bg);
  });
  it('default_rng([42]) ≡ default_rng(42) ≡ Generator(PCG64(SeedSequence(42))) (reference §1)', () => {
    const a = defaultRng(42).random(3);
    expect(defaultRng([42]).random(3)).toEqual(a);
    expect(defaultRng(new SeedSequence(42)).random(3)).toEqual(a);
    expect(new Generator(new PCG64(42n)).random(3)).toEqual(a);
  });
  it('rejects bad seeds with NumPy error classes', () => {
    expect(() => defaultRng(-1)).toThrow(err('ValueError'));
    expect(() => defaultRng(1.5)).toThrow(err('TypeError'));
    expect(() => defaultRng('42' as never)).toThrow(err('TypeError'));
    expect(() => defaultRng({} as never)).toThrow(err('TypeError'));
    expect(() => new Generator({} as never)).toThrow(err('TypeError'));
  });
  it('fresh entropy without a seed', () => {
    expect(defaultRng().random(4)).not.toEqual(defaultRng().random(4));
  });
  it('Generator runs on MT19937 too', () => {
    expect(new Generator(new MT19937(42)).random(2).length).toBe(2);
  });
});

describe('bit generator state', () => {
  for (const Ctor of [PCG64, PCG64DXSM, Philox, SFC64]) {
    it(`${Ctor.name}: JSON round trip mid-stream (with a buffered uint32 half)`, () => {
      const a = new Ctor(123);
      const ga = new Generator(a);
      ga.random(3);
      ga.integers(0, 10); // leaves a buffered high half
      const json = JSON.stringify(a.state);
      const b = new Ctor(0);
      b.state = JSON.parse(json);
      expect(b.state).toEqual(a.state);
      const gb = new Generator(b);
      expect(gb.integers(0, 1000, 7, 'int32')).toEqual(ga.integers(0, 1000, 7, 'int32'));
      expect(b.randomRaw(5)).toEqual(a.randomRaw(5));
    });
    it(`${Ctor.name}: bad state is refused`, () => {
      const a = new Ctor(1);
      expect(() => {
        a.state = { ...a.state, bit_generator: 'Nope' };
      }).toThrow(err('ValueError'));
      expect(() => {
        a.state = 5 as never;
      }).toThrow(err('TypeError'));
      expect(() => {
        a.state = { ...a.state, state: {} } as never;
      }).toThrow();
    });
  }
  it('PCG64 accepts bigints in the state and advance(-1) undoes one step', () => {
    const p = new PCG64(42);
    const st = p.state;
    const q = new PCG64(0);
    q.state = { ...st, state: { state: BigInt(st.state.state), inc: BigInt(st.state.inc) } };
    expect(q.randomRaw()).toBe(p.randomRaw());
    const r = p.randomRaw();
    p.advance(-1);
    expect(p.randomRaw()).toBe(r);
  });
  it('Philox: seed and key together → ValueError; jumped(-1) → ValueError', () => {
    expect(() => new Philox(1, null, 5n)).toThrow(err('ValueError'));
    expect(() => new PCG64(1).jumped(-1)).toThrow(err('ValueError'));
  });
  it('spawn needs a seed sequence', () => {
    expect(() => new Philox({ key: 5n }).spawn(1)).toThrow(err('TypeError'));
    expect(new PCG64(1).spawn(2)).toHaveLength(2);
  });
});
