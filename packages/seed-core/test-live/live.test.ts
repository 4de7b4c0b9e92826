import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PathSegment, rootSeed, type SeedInput, SeedSequence } from '../src/index.js';

// Live cross-check: TS derive vs python/seedkit_protocol.py on real NumPy, many random roots and paths.
const python = process.env.PYTHON ?? 'python3';
const script = fileURLToPath(new URL('../scripts/live-derive.py', import.meta.url));
const hasNumpy = spawnSync(python, ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

type Enc = { $int: string } | { $str: string } | { $seedSequence: unknown } | string | Enc[];
const enc = (v: unknown): Enc =>
  Array.isArray(v) ? v.map(enc) : typeof v === 'string' ? { $str: v } : { $int: String(v) };

const segment: fc.Arbitrary<PathSegment> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 8 }).filter((s) => !/\p{Cs}/u.test(s)),
  fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  fc.integer({ min: 0, max: 5 }),
);
const root: fc.Arbitrary<{ input: SeedInput; wire: Enc }> = fc.oneof(
  fc.bigInt({ min: 0n, max: 2n ** 400n }).map((b) => ({ input: b, wire: enc(b) })),
  fc.nat().map((n) => ({ input: n, wire: enc(n) })),
  fc
    .bigInt({ min: 0n, max: 2n ** 100n })
    .map((b) => ({ input: `0x${b.toString(16)}`, wire: `0x${b.toString(16)}` })),
  fc.bigInt({ min: 0n, max: 2n ** 100n }).map((b) => ({ input: ` ${b}\n`, wire: ` ${b}\n` })),
  fc
    .array(fc.oneof(fc.nat({ max: 2 ** 32 - 1 }), fc.bigInt({ min: 0n, max: 2n ** 70n })), { maxLength: 7 })
    .map((a) => ({ input: a, wire: enc(a) })),
  fc
    .array(
      fc.bigInt({ min: 0n, max: 2n ** 64n }).map((b) => `0x${b.toString(16)}`),
      { maxLength: 3 },
    )
    .map((a) => ({
      input: a,
      wire: enc(a),
    })),
  fc
    .record({
      entropy: fc.oneof(
        fc.bigInt({ min: 0n, max: 2n ** 300n }),
        fc.array(fc.nat({ max: 2 ** 32 - 1 }), { maxLength: 12 }),
      ),
      poolSize: fc.integer({ min: 4, max: 12 }),
      spawnKey: fc.array(fc.oneof(fc.nat({ max: 2 ** 32 - 1 }), fc.bigInt({ min: 0n, max: 2n ** 70n })), {
        maxLength: 4,
      }),
    })
    .map(({ entropy, poolSize, spawnKey }) => ({
      input: new SeedSequence(entropy, { poolSize, spawnKey }),
      wire: { $seedSequence: { entropy: enc(entropy), poolSize, spawnKey: enc(spawnKey) } },
    })),
);

describe.skipIf(!hasNumpy)('live: TS derive vs python/seedkit_protocol.py', () => {
  it('agrees on 3000 random roots and paths', () => {
    const cases = fc.sample(fc.record({ root, path: fc.array(segment, { maxLength: 6 }) }), {
      numRuns: 3000,
      seed: Date.now() & 0x7fffffff,
    });
    const r = spawnSync(python, [script], {
      input: JSON.stringify(cases.map((c) => ({ root: c.root.wire, path: c.path }))),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      numpy: string;
      results: { u32?: string[]; u64?: string[]; error?: string }[];
    };
    expect(out.results).toHaveLength(cases.length);
    cases.forEach((c, i) => {
      const want = out.results[i]!;
      const what = `${JSON.stringify(c.root.wire)} ${JSON.stringify(c.path)}`;
      expect(want.error, what).toBeUndefined();
      const s = rootSeed(c.root.input).derive(...c.path);
      expect(
        Array.from(s.generateState(8), (w) => w.toString(16).padStart(8, '0')),
        what,
      ).toEqual(want.u32);
      expect(
        Array.from(s.generateState(4, 'uint64'), (w) => w.toString(16).padStart(16, '0')),
        what,
      ).toEqual(want.u64);
    });
  });
});
