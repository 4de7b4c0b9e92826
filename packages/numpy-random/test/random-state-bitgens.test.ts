import { describe, expect, it } from 'vitest';
import type { BitGenerator } from '../src/bitgen/bit-generator.js';
import { MT19937 } from '../src/bitgen/mt19937.js';
import { PCG64 } from '../src/bitgen/pcg64.js';
import { PCG64DXSM } from '../src/bitgen/pcg64dxsm.js';
import { Philox } from '../src/bitgen/philox.js';
import { SFC64 } from '../src/bitgen/sfc64.js';
import { random } from '../src/random.js';
import { type LegacyStateTuple, RandomState } from '../src/random-state.js';
import { expectFloatsHex, f64Hex, loadFixture } from './legacy-support.js';

interface Rec {
  kind: string;
  shape: number[];
  dtype: string;
  hex?: string[];
  values?: string[];
}
interface Fx {
  numpy: string;
  otherBitGenerators: {
    randomState: {
      bitGenerator: string;
      seed: number;
      results: Record<string, Rec>;
      hasGauss: number;
      gauss: string;
    }[];
    module: { setSeed: number; reseed: number; randnAfterReseed: Rec; randAfter: Rec };
  };
}
const fx = loadFixture<Fx>('legacy-randomstate.json');
const CTORS: Record<string, new (seed?: number) => BitGenerator> = { PCG64, PCG64DXSM, Philox, SFC64 };

function expectRec(actual: ArrayLike<number | bigint>, rec: Rec, what: string): void {
  expect((actual as { shape?: number[] }).shape, `${what}: shape`).toEqual(rec.shape);
  if (rec.kind === 'float')
    expectFloatsHex(Array.from(actual as ArrayLike<number>, f64Hex), rec.hex!, 0, what);
  else expect(Array.from(actual, String), what).toEqual(rec.values);
}

describe(`RandomState over other bit generators (NumPy ${fx.numpy})`, () => {
  for (const c of fx.otherBitGenerators.randomState) {
    it(`RandomState(${c.bitGenerator}(${c.seed})): rand, randn, randint (32- and 64-bit paths), permutation`, () => {
      const rs = new RandomState(new CTORS[c.bitGenerator]!(c.seed));
      expectRec(rs.rand(5), c.results.rand!, 'rand');
      expectRec(rs.randn(3), c.results.randn!, 'randn');
      expectRec(rs.randint(0, 1000, 7) as BigInt64Array, c.results.randint!, 'randint');
      expectRec(rs.randint(0, 2 ** 40, 3) as BigInt64Array, c.results.randint64!, 'randint 2^40');
      expectRec(rs.permutation(8), c.results.permutation!, 'permutation');
      // Not an MT19937: get_state is the dict form (NumPy warns and returns it), with the gauss cache.
      const st = rs.getState() as { bit_generator: string; has_gauss: number; gauss: number };
      expect(st.bit_generator).toBe(c.bitGenerator);
      expect([st.has_gauss, f64Hex(st.gauss)]).toEqual([c.hasGauss, c.gauss]);
      expect(() => rs.seed(1)).toThrow(/can only re-seed a MT19937 BitGenerator/);
    });
  }

  it('RandomState() and seed() without a seed use fresh entropy through a SeedSequence (pos 623; seed() keeps pos)', () => {
    const a = new RandomState();
    const b = new RandomState(null);
    const sa = a.getState() as LegacyStateTuple;
    expect(sa[0]).toBe('MT19937');
    expect(sa[2]).toBe(623);
    expect(sa[1][0]).toBe(0x80000000);
    expect(Array.from(a.rand(4))).not.toEqual(Array.from(b.rand(4)));
    a.randn(); // leaves a cached value, which seed() resets
    const pos = (a.getState() as LegacyStateTuple)[2];
    a.seed();
    const after = a.getState() as LegacyStateTuple;
    expect([after[2], after[3], after[4]]).toEqual([pos, 0, 0]);
    expect(after[1][0]).toBe(0x80000000);
  });

  it('np.random with a swapped-in PCG64: seed() re-creates the generator from the seed, the gauss cache stays', () => {
    const m = fx.otherBitGenerators.module;
    const old = random.getBitGenerator();
    try {
      random.setBitGenerator(new PCG64(m.setSeed));
      random.randn();
      random.seed(m.reseed);
      expectRec(random.randn(3), m.randnAfterReseed, 'randn after reseed');
      expectRec(random.rand(3), m.randAfter, 'rand after');
    } finally {
      random.setBitGenerator(old);
    }
    expect(random.getBitGenerator()).toBeInstanceOf(MT19937);
  });
});
