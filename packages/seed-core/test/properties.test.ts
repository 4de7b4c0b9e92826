import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type PathSegment,
  rootSeed,
  SeedkitTypeError,
  SeedkitValueError,
  SeedSequence,
  stringSegmentWords,
} from '../src/index.js';

const segment: fc.Arbitrary<PathSegment> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  fc.integer({ min: 0, max: 9 }),
  fc.constantFrom('a', 'b', 'model', 'train', ''),
);
const path = fc.array(segment, { maxLength: 5 });
const rootInput = fc.oneof(
  fc.nat(),
  fc.bigInt({ min: 0n, max: 2n ** 300n }),
  fc.array(fc.nat({ max: 2 ** 32 - 1 }), { maxLength: 6 }),
);
const words = (s: { generateState(n: number): Uint32Array }) => Array.from(s.generateState(4)).join(',');

describe('derivation properties (fast-check)', () => {
  it('chaining equals the full path, at any split', () => {
    fc.assert(
      fc.property(rootInput, path, path, (r, p, q) => {
        const root = rootSeed(r);
        expect(words(root.derive(...p).derive(...q))).toBe(words(root.derive(...p, ...q)));
        expect(root.derive(...p).derive(...q).path).toEqual([...p, ...q]);
      }),
      { numRuns: 300 },
    );
  });

  it('creation order never matters', () => {
    fc.assert(
      fc.property(rootInput, fc.array(path, { minLength: 2, maxLength: 6 }), (r, paths) => {
        const root = rootSeed(r);
        const forward = paths.map((p) => words(root.derive(...p)));
        const fresh = rootSeed(r);
        const backward = [...paths].reverse().map((p) => words(fresh.derive(...p)));
        expect(backward.reverse()).toEqual(forward);
      }),
      { numRuns: 100 },
    );
  });

  it('integer paths are NumPy spawn-tree descendants', () => {
    fc.assert(
      fc.property(
        rootInput,
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }),
        (r, idx) => {
          let ss = new SeedSequence(r);
          for (const i of idx) ss = ss.spawn(i + 1)[i]!;
          expect(words(rootSeed(r).derive(...idx))).toBe(words(ss));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('distinct paths give distinct spawn keys and distinct states', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(path, { minLength: 50, maxLength: 200, selector: (p) => JSON.stringify(p) }),
        (paths) => {
          const root = rootSeed(12345);
          const keys = new Set<string>();
          const states = new Set<string>();
          for (const p of paths) {
            const s = root.derive(...p);
            keys.add(s.spawnKey.join(','));
            states.add(Array.from(s.generateState(2, 'uint64')).join(','));
          }
          expect(keys.size).toBe(paths.length);
          expect(states.size).toBe(paths.length);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('strings and integers never alias: word streams decode back to the path', () => {
    fc.assert(
      fc.property(path, (p) => {
        const key = rootSeed(0).derive(...p).spawnKey;
        const decoded: string[] = [];
        for (let i = 0; i < key.length; ) {
          if (key[i]! >= 0x80000000) {
            decoded.push(`s:${key.slice(i, i + 3).join(',')}`);
            i += 3;
          } else decoded.push(`i:${key[i++]}`);
        }
        expect(decoded).toEqual(
          p.map((s) => (typeof s === 'string' ? `s:${stringSegmentWords(s).join(',')}` : `i:${s}`)),
        );
      }),
    );
  });

  it('no collisions among 20,000 random 3-segment seeds', () => {
    const root = rootSeed(2026);
    const seen = new Set<string>();
    const gen = fc.sample(fc.tuple(segment, segment, segment), { numRuns: 20_000, seed: 1 });
    const uniq = new Set(gen.map((p) => JSON.stringify(p)));
    for (const p of uniq)
      seen.add(
        Array.from(root.derive(...(JSON.parse(p) as PathSegment[])).generateState(2, 'uint64')).join(),
      );
    expect(uniq.size).toBeGreaterThan(10_000);
    expect(seen.size).toBe(uniq.size);
  });

  it('refuses every bad segment class', () => {
    const bad = fc.oneof(
      fc.integer({ max: -1 }).map((v) => [v, SeedkitValueError] as const),
      fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }).map((v) => [v, SeedkitValueError] as const),
      fc.double({ noInteger: true }).map((v) => [v, SeedkitTypeError] as const),
      fc
        .constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN)
        .map((v) => [v, SeedkitTypeError] as const),
      fc
        .constantFrom(null, undefined, true, 1n, {}, [], Symbol('x'))
        .map((v) => [v, SeedkitTypeError] as const),
      fc.constantFrom('\ud800', 'a\udc00b').map((v) => [v, SeedkitValueError] as const),
    );
    fc.assert(
      fc.property(path, bad, (p, [v, cls]) => {
        expect(() => rootSeed(1).derive(...p, v as PathSegment)).toThrow(cls);
      }),
    );
  });

  it('refuses every bad root/entropy class', () => {
    const bad = fc.oneof(
      fc.integer({ max: -1 }).map((v) => [v, SeedkitValueError] as const),
      fc.bigInt({ max: -1n }).map((v) => [v, SeedkitValueError] as const),
      fc.double({ noInteger: true }).map((v) => [v, SeedkitTypeError] as const),
      fc.integer({ min: 2 ** 53, max: 2 ** 60 }).map((v) => [v * 2, SeedkitValueError] as const),
      fc.constantFrom(null, undefined, true, {}, Symbol('x')).map((v) => [v, SeedkitTypeError] as const),
      fc
        .string()
        .filter((s) => !/^[ \t\r\n]*(0[xX][0-9a-fA-F]+|[0-9]+)[ \t\r\n]*$/.test(s))
        .map((v) => [v, SeedkitValueError] as const),
      fc.array(fc.integer({ max: -1 }), { minLength: 1 }).map((v) => [v, SeedkitValueError] as const),
      fc
        .constantFrom([1.5], [null], ['abc'], [' 1'], ['0X1'])
        .map((v) => [v, v[0] === 1.5 || v[0] === null ? SeedkitTypeError : SeedkitValueError] as const),
    );
    fc.assert(
      fc.property(bad, ([v, cls]) => {
        expect(() => rootSeed(v as number)).toThrow(cls);
      }),
    );
  });
});
