import { rootSeed, SeedSequence } from '@seedkit/core';
import { describe, expect, it } from 'vitest';
import { MT19937 } from '../src/bitgen/mt19937.js';
import { KERNEL_CHUNK, mtKernel, setMTKernelEnabled } from '../src/bitgen/mt19937-wasm.js';
import { dec, loadFixture, sha256 } from './legacy-support.js';

interface Gen {
  seed: unknown;
  pos: number;
  key: number[];
  raw: string[];
}
interface Jump {
  seed?: number;
  legacySeed?: number;
  preDraws: number;
  jumps: number;
  pos: number;
  keySha256: string;
  raw: string[];
}
const fx = loadFixture<{
  numpy: string;
  seedSequence: Gen[];
  jumped: Jump[];
  legacySeeding: Gen[];
  spawn42: string[][];
}>('legacy-mt19937.json');

const hex32 = (v: number | bigint) => v.toString(16).padStart(8, '0');
const raws = (bg: MT19937, n: number) => Array.from(bg.randomRaw(n), hex32);

function fromSeed(seed: unknown): MT19937 {
  const s = dec(seed) as Record<string, unknown> | number | bigint | number[];
  if (s !== null && typeof s === 'object' && !Array.isArray(s)) {
    return new MT19937(new SeedSequence(s.entropy as number, { spawnKey: s.spawnKey as number[] }));
  }
  return new MT19937(s as number);
}

describe(`MT19937 against NumPy ${fx.numpy}`, () => {
  it('is the reference §8 generator: MT19937(42) first raw output 0x8ac01c92, pos 623 after seeding', () => {
    const bg = new MT19937(42);
    expect(bg.state.state.pos).toBe(623);
    expect(bg.randomRaw()).toBe(0x8ac01c92n);
  });

  for (const g of fx.seedSequence) {
    it(`SeedSequence seeding ${JSON.stringify(g.seed)}: key, pos and 1500 raw outputs`, () => {
      const bg = fromSeed(g.seed);
      expect(bg.state.state.pos).toBe(g.pos);
      expect(bg.state.state.key).toEqual(g.key);
      expect(raws(bg, g.raw.length)).toEqual(g.raw);
    });
  }

  it('accepts a core Seed (seeded through its SeedSequence) and spawns from it', () => {
    const seed = rootSeed(42).derive('numpy', 'mt');
    const same = new SeedSequence(seed.entropy as bigint, {
      spawnKey: seed.spawnKey,
      poolSize: seed.poolSize,
    });
    expect(raws(new MT19937(seed), 700)).toEqual(raws(new MT19937(same), 700));
    expect(raws(new MT19937(seed).spawn(1)[0]!, 5)).toEqual(raws(new MT19937(same).spawn(1)[0]!, 5));
  });

  it('accepts a core SeedSequence and the same entropy given directly', () => {
    expect(raws(new MT19937(new SeedSequence(42)), 5)).toEqual(raws(new MT19937(42), 5));
    expect(raws(new MT19937([42]), 5)).toEqual(raws(new MT19937(42n), 5));
  });

  for (const g of fx.legacySeeding) {
    it(`legacy seeding ${JSON.stringify(g.seed).slice(0, 40)}: init_genrand / init_by_array key and outputs`, () => {
      const bg = new MT19937(0);
      bg.legacySeeding(dec(g.seed) as number);
      expect(bg.state.state.pos).toBe(g.pos);
      expect(bg.state.state.key).toEqual(g.key);
      expect(raws(bg, g.raw.length)).toEqual(g.raw);
      expect(bg.seedSeq).toBeNull();
      expect(() => bg.spawn(1)).toThrow(TypeError);
    });
  }

  it('quotes the reference: np.random.seed(42) key[0..2] = 42, 3107752595, 1895908407, pos 624', () => {
    const bg = new MT19937(0);
    bg.legacySeeding(42);
    expect(bg.state.state.key.slice(0, 3)).toEqual([42, 3107752595, 1895908407]);
    expect(bg.state.state.pos).toBe(624);
  });

  for (const j of fx.jumped) {
    const what = j.legacySeed !== undefined ? `legacy seed ${j.legacySeed}` : `seed ${j.seed}`;
    it(`jumped(${j.jumps}) after ${j.preDraws} draws (${what}): state and 700 outputs`, () => {
      const bg = new MT19937(j.seed ?? 0);
      if (j.legacySeed !== undefined) bg.legacySeeding(j.legacySeed);
      if (j.preDraws > 0) bg.randomRaw(j.preDraws);
      const before = bg.state;
      const jumped = bg.jumped(j.jumps);
      expect(bg.state).toEqual(before); // the original is untouched
      expect(jumped.state.state.pos).toBe(j.pos);
      expect(sha256(Uint32Array.from(jumped.state.state.key))).toBe(j.keySha256);
      expect(raws(jumped, j.raw.length)).toEqual(j.raw);
    });
  }

  it('quotes the reference: MT19937(42).jumped() has pos 588 and raw [3877897575, 3377564461, 113905337]', () => {
    const j = new MT19937(42).jumped();
    expect(j.state.state.pos).toBe(588);
    expect(Array.from(j.randomRaw(3))).toEqual([3877897575n, 3377564461n, 113905337n]);
  });

  it('spawn(n) gives the children of the seed sequence', () => {
    const kids = new MT19937(new SeedSequence(42)).spawn(2);
    expect(kids.map((k) => raws(k, 10))).toEqual(fx.spawn42);
  });

  it('next_uint64 is two outputs, high word first; next_double uses (a>>5, b>>6)', () => {
    const a = new MT19937(7);
    const b = new MT19937(7);
    const hi = a.nextUint64();
    expect([hi, a.lo >>> 0]).toEqual([b.nextUint32(), b.nextUint32()]);
    const x = a.nextDouble();
    const w1 = b.nextUint32() >>> 5;
    const w2 = b.nextUint32() >>> 6;
    expect(x).toBe((w1 * 67108864 + w2) / 9007199254740992);
  });

  it('fillDouble equals repeated nextDouble, across the twist boundary and from any position', () => {
    for (const pre of [0, 1, 622, 623]) {
      const a = new MT19937(3);
      const b = new MT19937(3);
      a.randomRaw(pre);
      b.randomRaw(pre);
      const out = new Float64Array(1000);
      a.fillDouble(out, 10, 990);
      for (let i = 10; i < 990; i++) expect(out[i]).toBe(b.nextDouble());
      expect(out[0]).toBe(0);
      expect(out[995]).toBe(0);
      expect(a.state).toEqual(b.state);
    }
  });

  it('the WebAssembly fill kernel gives the same bits and state as the TypeScript path', () => {
    expect(mtKernel()).not.toBeNull(); // Node has WebAssembly: the kernel must load
    for (const pre of [0, 1, 622, 623, 624]) {
      for (const n of [1024, 1025, KERNEL_CHUNK, KERNEL_CHUNK + 313, 3 * KERNEL_CHUNK + 1]) {
        const a = new MT19937(5);
        const b = new MT19937(5);
        a.randomRaw(pre);
        b.randomRaw(pre);
        const wa = new Float64Array(n + 2);
        const ts = new Float64Array(n + 2);
        a.fillDouble(wa, 1, n + 1);
        setMTKernelEnabled(false);
        try {
          b.fillDouble(ts, 1, n + 1);
        } finally {
          setMTKernelEnabled(true);
        }
        expect(new BigUint64Array(wa.buffer)).toEqual(new BigUint64Array(ts.buffer));
        expect(a.state).toEqual(b.state);
        expect(a.nextUint32()).toBe(b.nextUint32());
      }
    }
  });

  it('randomRaw(size) carries the shape; state is JSON-safe and round-trips mid-stream', () => {
    const bg = new MT19937(11);
    const r = bg.randomRaw([2, 3]);
    expect(r).toBeInstanceOf(BigUint64Array);
    expect(r.shape).toEqual([2, 3]);
    bg.randomRaw(301);
    const saved = JSON.parse(JSON.stringify(bg.state));
    const next = raws(bg, 900);
    const other = new MT19937(0);
    other.state = saved;
    expect(raws(other, 900)).toEqual(next);
    const legacyTuple = ['MT19937', saved.state.key, saved.state.pos] as const;
    other.state = legacyTuple;
    expect(raws(other, 900)).toEqual(next);
  });

  it('rejects bad seeds and states as NumPy does', () => {
    const bg = new MT19937(0);
    expect(() => bg.legacySeeding(2 ** 32)).toThrow(/Seed must be between 0 and 2\*\*32 - 1/);
    expect(() => bg.legacySeeding(-1)).toThrow(RangeError);
    expect(() => bg.legacySeeding([])).toThrow(/Seed must be non-empty/);
    expect(() => bg.legacySeeding([[1, 2]] as unknown as number[])).toThrow(/Seed array must be 1-d/);
    expect(() => bg.legacySeeding(1.5)).toThrow(TypeError);
    expect(() => new MT19937(-1)).toThrow(RangeError);
    expect(() => new MT19937(1.5)).toThrow(TypeError);
    const good = bg.state;
    expect(() => {
      bg.state = { bit_generator: 'PCG64', state: good.state };
    }).toThrow(/state must be for a MT19937 PRNG/);
    expect(() => {
      bg.state = { bit_generator: 'MT19937', state: { key: good.state.key.slice(0, 600), pos: 0 } };
    }).toThrow(RangeError);
    expect(() => {
      bg.state = { bit_generator: 'MT19937', state: { key: good.state.key, pos: 625 } };
    }).toThrow(RangeError);
    expect(() => {
      bg.state = { bit_generator: 'MT19937', state: { key: [...good.state.key.slice(1), -1], pos: 0 } };
    }).toThrow(RangeError);
    expect(() => {
      bg.state = ['PCG64', good.state.key, 0] as never;
    }).toThrow(/not a legacy MT19937 state/);
    expect(bg.state).toEqual(good);
    expect(() => bg.jumped(-1)).toThrow(RangeError);
    expect(() => bg.randomRaw(-1)).toThrow(/negative dimensions/);
  });
});
