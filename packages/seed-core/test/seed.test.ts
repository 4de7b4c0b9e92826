import { describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  recordSeeds,
  rootSeed,
  Seed,
  SeedkitTypeError,
  SeedkitValueError,
  SeedSequence,
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
