import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  installSeededMathRandom,
  isMathRandomSeeded,
  registerAdapter,
  registeredAdapters,
  restoreMathRandom,
  rootSeed,
  type Seed,
  SeedkitTypeError,
  SeedkitValueError,
  seedEverything,
  seedEverythingAsync,
  seededRandom,
  whenSeeded,
} from '../src/index.js';
import { decode, fixture } from './fixture-codec.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  restoreMathRandom();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
const words = (s: Seed) => Array.from(s.generateState(4));

describe('registerAdapter / seedEverything', () => {
  it('seeds every registered adapter with the root, in registration order', () => {
    const calls: [string, number[]][] = [];
    cleanups.push(
      registerAdapter({ name: 'one', seed: (r) => void calls.push(['one', words(r.derive('one'))]) }),
    );
    cleanups.push(registerAdapter({ name: 'two', seed: (r) => void calls.push(['two', words(r)]) }));
    expect(registeredAdapters().map((a) => a.name)).toEqual(['one', 'two']);
    const root = seedEverything(42);
    expect(words(root)).toEqual(words(rootSeed(42)));
    expect(calls).toEqual([
      ['one', words(rootSeed(42).derive('one'))],
      ['two', words(rootSeed(42))],
    ]);
  });

  it('re-registering a name replaces it; unregister removes it', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = registerAdapter({ name: 'same', seed: a });
    const offB = registerAdapter({ name: 'same', seed: b });
    cleanups.push(offB);
    offA(); // no longer the registered one: no effect
    seedEverything(1);
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
    offB();
    expect(registeredAdapters().map((x) => x.name)).not.toContain('same');
  });

  it('validates adapters', () => {
    expect(() => registerAdapter(null as never)).toThrow(SeedkitTypeError);
    expect(() => registerAdapter({ name: '', seed: () => {} })).toThrow(/adapter.name/);
    expect(() => registerAdapter({ name: 'x', seed: 3 } as never)).toThrow(/adapter.seed/);
  });

  it('reads SEEDKIT_SEED when no seed is given', () => {
    vi.stubEnv('SEEDKIT_SEED', '0x2a');
    expect(words(seedEverything())).toEqual(words(rootSeed(42)));
    vi.stubEnv('SEEDKIT_SEED', 'not-a-seed');
    expect(() => seedEverything()).toThrow(SeedkitValueError);
    expect(() => seedEverything()).toThrow(/^SEEDKIT_SEED: /);
    // an explicit seed wins over the environment
    expect(words(seedEverything(7))).toEqual(words(rootSeed(7)));
  });

  it('draws and logs a repeatable seed when there is none', () => {
    vi.stubEnv('SEEDKIT_SEED', '');
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const root = seedEverything();
    expect(info).toHaveBeenCalledTimes(1);
    const msg = String(info.mock.calls[0]![0]);
    const drawn = /SEEDKIT_SEED=(\d+)/.exec(msg)![1]!;
    expect(words(rootSeed(drawn))).toEqual(words(root));
    expect(typeof root.entropy).toBe('bigint');
    const other = seedEverything(undefined, { log: () => {} });
    expect(words(other)).not.toEqual(words(root));
  });

  it('a throwing sync adapter fails seedEverything after the others ran', () => {
    const ok = vi.fn();
    cleanups.push(
      registerAdapter({
        name: 'bad',
        seed: () => {
          throw new Error('boom');
        },
      }),
    );
    cleanups.push(registerAdapter({ name: 'ok', seed: ok }));
    expect(() => seedEverything(3)).toThrow(/adapter "bad" failed: boom/);
    expect(ok).toHaveBeenCalledTimes(1);
  });

  it('async adapters: seedEverything returns at once, whenSeeded / seedEverythingAsync wait', async () => {
    let done = false;
    cleanups.push(
      registerAdapter({
        name: 'slow',
        seed: async () => {
          await new Promise((r) => setTimeout(r, 20));
          done = true;
        },
      }),
    );
    seedEverything(5);
    expect(done).toBe(false);
    await whenSeeded();
    expect(done).toBe(true);
    done = false;
    const root = await seedEverythingAsync(6);
    expect(done).toBe(true);
    expect(words(root)).toEqual(words(rootSeed(6)));
  });

  it('a failing async adapter rejects whenSeeded and seedEverythingAsync', async () => {
    cleanups.push(
      registerAdapter({
        name: 'afail',
        seed: async () => {
          throw new Error('nope');
        },
      }),
    );
    seedEverything(5);
    await expect(whenSeeded()).rejects.toThrow(/adapter "afail" failed: nope/);
    await expect(seedEverythingAsync(5)).rejects.toThrow(/afail/);
  });

  it('the registry is shared through globalThis (ESM and CJS builds see one registry)', () => {
    const off = registerAdapter({ name: 'global', seed: () => {} });
    cleanups.push(off);
    const reg = (globalThis as unknown as Record<symbol, { adapters: Map<string, unknown> }>)[
      Symbol.for('@seedkit/core/registry')
    ]!;
    expect(reg.adapters.has('global')).toBe(true);
  });
});

describe('seeded Math.random', () => {
  it('is off by default and on with { mathRandom: true }', () => {
    const original = Math.random;
    seedEverything(9);
    expect(Math.random).toBe(original);
    seedEverything(9, { mathRandom: true });
    expect(isMathRandomSeeded()).toBe(true);
    const a = [Math.random(), Math.random(), Math.random()];
    seedEverything(9, { mathRandom: true });
    expect([Math.random(), Math.random(), Math.random()]).toEqual(a);
    restoreMathRandom();
    expect(Math.random).toBe(original);
    expect(isMathRandomSeeded()).toBe(false);
  });

  it('installSeededMathRandom returns a restore function and draws from derive("Math.random")', () => {
    const original = Math.random;
    const restore = installSeededMathRandom(rootSeed(3));
    const xs = Array.from({ length: 1000 }, () => Math.random());
    restore();
    expect(Math.random).toBe(original);
    const f = seededRandom(3);
    expect(Array.from({ length: 1000 }, f)).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
    expect(Array.from({ length: 10 }, seededRandom(4))).not.toEqual(xs.slice(0, 10));
    expect(() => installSeededMathRandom(undefined as never)).toThrow(SeedkitTypeError);
  });
});

describe('seededRandom against numpy (fixtures/math-random.json)', () => {
  const data = fixture<{ numpy: string; streams: { root: unknown; bits: string[] }[] }>('math-random.json');
  it.each(data.streams.map((s) => [JSON.stringify(s.root), s] as const))(
    'root %s is Generator(MT19937(derive(root, "Math.random"))).random()',
    (_, s) => {
      const f = seededRandom(decode(s.root) as bigint);
      const got = new Float64Array(s.bits.length);
      for (let i = 0; i < got.length; i++) got[i] = f();
      expect(Array.from(new BigUint64Array(got.buffer), (b) => b.toString(16).padStart(16, '0'))).toEqual(
        s.bits,
      );
    },
  );
});

describe('seedEverything options', () => {
  it('record: true records the seeds adapters derive', () => {
    cleanups.push(registerAdapter({ name: 'rec', seed: (r) => void r.derive('rec', 0) }));
    const root = seedEverything(11, { record: true });
    expect(Object.keys(root.manifest().seeds)).toContain('["rec",0]');
  });
  it('validates options', () => {
    expect(() => seedEverything(1, 3 as never)).toThrow(SeedkitTypeError);
    expect(() => seedEverything(undefined, { log: 'x' as never })).toThrow(/options.log/);
  });
});
