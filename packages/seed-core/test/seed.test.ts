import { describe, expect, it } from 'vitest';
import {
  diffManifests,
  PROTOCOL_VERSION,
  recordSeeds,
  rootSeed,
  Seed,
  SeedkitTypeError,
  SeedkitValueError,
  SeedSequence,
  VERSION,
} from '../src/index.js';

const words = (s: { generateState(n: number): Uint32Array }) => Array.from(s.generateState(8));

describe('rootSeed / derive', () => {
  it('a root is SeedSequence(seed); integer segments are NumPy spawn children', () => {
    const root = rootSeed(42);
    expect(words(root)).toEqual(words(new SeedSequence(42)));
    const kids = new SeedSequence(42).spawn(5);
    for (let i = 0; i < 5; i++) expect(words(root.derive(i))).toEqual(words(kids[i]!));
    const grand = kids[3]!.spawn(2)[1]!;
    expect(words(root.derive(3, 1))).toEqual(words(grand));
  });
  it('chaining equals the full path, and creation order does not matter', () => {
    const root = rootSeed(7n);
    const a = root.derive('model', 'layer', 3);
    const b = root.derive('model').derive('layer').derive(3);
    expect(words(a)).toEqual(words(b));
    expect(a.equals(b)).toBe(true);
    expect(a.path).toEqual(['model', 'layer', 3]);
    expect(a.root).toBe(root);
    expect(a.protocolVersion).toBe(PROTOCOL_VERSION);
  });
  it('a Seed is SeedSequence(entropy, spawnKey = its words)', () => {
    const s = rootSeed([1, 2]).derive('x', 5);
    expect(s.spawnKey).toHaveLength(4);
    expect(words(new SeedSequence([1, 2], { spawnKey: s.spawnKey }))).toEqual(words(s));
    expect(words(s.sequence)).toEqual(words(s));
  });
  it('string roots are integers', () => {
    expect(words(rootSeed('42'))).toEqual(words(rootSeed(42)));
    expect(words(rootSeed(' 0x2A\n'))).toEqual(words(rootSeed(42)));
    expect(() => rootSeed('forty-two')).toThrow(SeedkitValueError);
    expect(() => rootSeed('-1')).toThrow(SeedkitValueError);
  });
  it('scalars', () => {
    const s = rootSeed(1).derive('a');
    const st = s.generateState(1, 'uint64')[0]!;
    expect(s.uint64()).toBe(st);
    expect(s.uint32()).toBe(Number(st & 0xffffffffn));
    expect(s.safeInteger()).toBe(Number(st >> 11n));
  });
  it('refuses bad segments', () => {
    const r = rootSeed(0);
    expect(() => r.derive(-1)).toThrow(SeedkitValueError);
    expect(() => r.derive(2 ** 31)).toThrow(SeedkitValueError);
    expect(() => r.derive(1.5)).toThrow(SeedkitTypeError);
    expect(() => r.derive(Number.NaN)).toThrow(SeedkitTypeError);
    expect(() => r.derive(null as unknown as string)).toThrow(SeedkitTypeError);
    expect(() => r.derive(1n as unknown as number)).toThrow(SeedkitTypeError);
    expect(() => r.derive('\ud800')).toThrow(SeedkitValueError);
  });
  it('JSON round trip', () => {
    const s = rootSeed([3, 4n]).derive('a', 9);
    const back = Seed.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(words(back)).toEqual(words(s));
    expect(back.path).toEqual(['a', 9]);
    expect(String(s)).toContain('"a",9');
  });
  it('manifest records every derived seed', () => {
    const root = recordSeeds(rootSeed(5));
    root.derive('b', 1);
    root.derive('a');
    const m = root.manifest();
    expect(Object.keys(m.seeds)).toEqual(['["a"]', '["b",1]', '[]']);
    expect(m.seeds['["a"]']).toEqual(
      Array.from(root.derive('a').generateState(4), (w) => w.toString(16).padStart(8, '0')),
    );
    expect(() => rootSeed(5).manifest()).toThrow(/recordSeeds/);
  });
});

describe('more Seed behaviour', () => {
  it('roots from integer typed arrays equal the same list', () => {
    expect(words(rootSeed(new Uint32Array([1, 2, 3])))).toEqual(words(rootSeed([1, 2, 3])));
    expect(words(rootSeed(new BigUint64Array([2n ** 40n + 5n])))).toEqual(words(rootSeed([5, 256])));
    expect(() => rootSeed(new Int32Array([-1]))).toThrow(SeedkitValueError);
    expect(() => rootSeed(new Float64Array([1]) as never)).toThrow(SeedkitTypeError);
  });
  it('a SeedSequence root keeps its pool size and spawn key; a different poolSize option is refused', () => {
    const ss = new SeedSequence(9, { poolSize: 6, spawnKey: [2] });
    const r = rootSeed(ss);
    expect(r.poolSize).toBe(6);
    expect(words(r)).toEqual(words(ss));
    expect(words(r.derive(4))).toEqual(words(ss.spawn(5)[4]!));
    expect(() => rootSeed(ss, { poolSize: 4 })).toThrow(SeedkitValueError);
    expect(rootSeed(r)).toBe(r);
    expect(words(rootSeed(5, { poolSize: 8 }))).toEqual(words(new SeedSequence(5, { poolSize: 8 })));
  });
  it('seed.sequence is independent: spawning from it does not change the seed', () => {
    const s = rootSeed(3).derive('x');
    const before = words(s);
    const seq = s.sequence;
    seq.spawn(3);
    expect(seq.nChildrenSpawned).toBe(3);
    expect(s.sequence.nChildrenSpawned).toBe(0);
    expect(words(s)).toEqual(before);
    s.pool[0] = 0; // a copy
    expect(words(s)).toEqual(before);
  });
  it('fromJSON refuses another protocol version and bad input', () => {
    const j = rootSeed(1).derive('a').toJSON();
    expect(() => Seed.fromJSON({ ...j, protocolVersion: 2 })).toThrow(SeedkitValueError);
    expect(() => Seed.fromJSON(null as never)).toThrow(SeedkitTypeError);
    const ss = rootSeed(new SeedSequence(4, { spawnKey: [2n ** 33n] })).derive('q');
    expect(ss.toJSON().rootSpawnKey).toEqual([0, 2]);
    expect(words(Seed.fromJSON(JSON.parse(JSON.stringify(ss))))).toEqual(words(ss));
  });
  it('derive() with no segments is the seed itself; -0 is 0', () => {
    const r = rootSeed(8);
    expect(r.derive()).toBe(r);
    expect(r.derive(-0).path).toEqual([0]);
    expect(Object.is(r.derive(-0).path[0], 0)).toBe(true);
  });
  it('diffManifests reports added, removed and changed paths', () => {
    const a = rootSeed(1, { record: true });
    a.derive('x');
    a.derive('y');
    const b = rootSeed(1, { record: true });
    b.derive('x');
    b.derive('z');
    const d = diffManifests(a.manifest(), b.manifest());
    expect(d).toEqual({ added: ['["z"]'], removed: ['["y"]'], changed: [], same: false });
    const c = rootSeed(2, { record: true });
    c.derive('x');
    c.derive('y');
    expect(diffManifests(a.manifest(), c.manifest()).changed).toEqual(['["x"]', '["y"]', '[]']);
    expect(diffManifests(a.manifest(), JSON.parse(JSON.stringify(a.manifest()))).same).toBe(true);
    expect(a.manifest().protocolVersion).toBe(PROTOCOL_VERSION);
    expect(a.manifest().seedkitVersion).toBe(VERSION);
    expect(() => diffManifests({} as never, a.manifest())).toThrow(SeedkitTypeError);
  });
  it('recording only happens on recording roots', () => {
    const r = rootSeed(4);
    expect(r.recording).toBe(false);
    r.derive('before');
    recordSeeds(r.derive('child'));
    expect(r.recording).toBe(true);
    r.derive('after');
    expect(Object.keys(r.manifest().seeds)).toEqual(['["after"]', '[]']);
  });
});

describe('SeedSequence without entropy', () => {
  it('draws from crypto and keeps the entropy so the run can be repeated', () => {
    const a = new SeedSequence();
    const b = new SeedSequence();
    expect(typeof a.entropy).toBe('bigint');
    expect(a.entropy).not.toBe(b.entropy);
    expect(Array.from(new SeedSequence(a.entropy as bigint).pool)).toEqual(Array.from(a.pool));
    expect(Array.from(new SeedSequence(null, { poolSize: 8 }).pool)).toHaveLength(8);
  });
  it('needs globalThis.crypto', () => {
    const c = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      expect(() => new SeedSequence()).toThrow(/crypto/);
    } finally {
      Object.defineProperty(globalThis, 'crypto', c);
    }
  });
});

describe('rootSeed errors name the argument', () => {
  it.each([[-1], [1.5], [[2, -3]], [{}], [true]])('%o', (bad) => {
    expect(() => rootSeed(bad as never)).toThrow(/^seed/);
  });
});

describe("NumPy's padding rule", () => {
  it('a derived seed is the root entropy zero-padded to the pool size, then the path words', () => {
    const pool = (s: { pool: Uint32Array }) => Array.from(s.pool);
    expect(pool(rootSeed(5).derive(1))).toEqual(pool(new SeedSequence([5, 0, 0, 0, 1])));
    expect(pool(rootSeed(5).derive(1))).not.toEqual(pool(new SeedSequence([5, 1])));
    expect(pool(rootSeed([1, 2, 3, 4, 5, 6]).derive(7))).toEqual(
      pool(new SeedSequence([1, 2, 3, 4, 5, 6, 7])),
    );
    expect(pool(rootSeed(5, { poolSize: 6 }).derive(1))).toEqual(
      pool(new SeedSequence([5, 0, 0, 0, 0, 0, 1], { poolSize: 6 })),
    );
  });
});

describe('Seed.spawn (NumPy ISpawnableSeedSequence)', () => {
  it('hands out derive(k) for the next indices, like SeedSequence.spawn', () => {
    const s = rootSeed(42).derive('m');
    const ss = s.sequence;
    const a = s.spawn(2);
    const b = s.spawn(3);
    const want = [...ss.spawn(2), ...ss.spawn(3)];
    expect(s.nChildrenSpawned).toBe(5);
    [...a, ...b].forEach((c, i) => {
      expect(words(c)).toEqual(words(want[i]!));
      expect(c.path).toEqual(['m', i]);
    });
    expect(words(s.derive(1))).toEqual(words(a[1]!)); // derive ignores the counter
    expect(() => s.spawn(-1)).toThrow(SeedkitValueError);
    expect(() => s.spawn(1.5)).toThrow(SeedkitTypeError);
  });
});
