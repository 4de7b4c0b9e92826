// initializeWeights against the same recipe run with real NumPy (scripts/gen-fixtures-generator.py,
// `initialize_weights`): bitwise-identical float32 weights.
import { rootSeed, SeedSequence } from '@seedkit/core';
import { describe, expect, it } from 'vitest';
import { computeFans, INIT_SCHEMES, type InitScheme, initializeWeights } from '../src/init.js';
import { type Encoded, encode, loadFixture, makeSeed, type SeedSpec } from './generator-replay.js';

interface InitCase {
  seed: SeedSpec;
  shape: number[];
  scheme: InitScheme;
  options?: { fanIn?: number; fanOut?: number };
  result: Encoded;
}

const { cases, numpy } = loadFixture<{ cases: InitCase[]; numpy: string }>('generator-init.json');

describe(`initializeWeights vs numpy ${numpy}`, () => {
  it('covers every scheme', () => {
    expect(new Set(cases.map((c) => c.scheme))).toEqual(new Set(INIT_SCHEMES));
  });
  for (const c of cases) {
    it(`${c.scheme} ${JSON.stringify(c.shape)} ${JSON.stringify(c.seed)} ${JSON.stringify(c.options ?? {})}`, () => {
      const w = initializeWeights(makeSeed(c.seed) as SeedSequence, c.shape, c.scheme, c.options);
      expect(w).toBeInstanceOf(Float32Array);
      expect(encode(w, c.result, 256)).toEqual(c.result);
    });
  }
});

describe('initializeWeights details', () => {
  it('accepts a core Seed (same words as its SeedSequence → same weights)', () => {
    const seed = rootSeed(42);
    const ss = new SeedSequence(42);
    expect(Array.from(seed.generateState(4))).toEqual(Array.from(ss.generateState(4)));
    expect(initializeWeights(seed, [8, 4], 'heNormal')).toEqual(initializeWeights(ss, [8, 4], 'heNormal'));
  });
  it('computes fans like Keras', () => {
    expect(computeFans([])).toEqual([1, 1]);
    expect(computeFans([7])).toEqual([7, 7]);
    expect(computeFans([3, 5])).toEqual([3, 5]);
    expect(computeFans([3, 3, 16, 8])).toEqual([144, 72]);
  });
  it('rejects bad input with typed errors', () => {
    const ss = new SeedSequence(1);
    expect(() => initializeWeights(ss, [2, -1], 'heUniform')).toThrow(
      expect.objectContaining({ name: 'ValueError' }),
    );
    expect(() => initializeWeights(ss, [2, 2], 'nope' as InitScheme)).toThrow(/unknown initialiser/);
    expect(() => initializeWeights(ss, 'x' as unknown as number[], 'heUniform')).toThrow(
      expect.objectContaining({ name: 'TypeError' }),
    );
    expect(() => initializeWeights(ss, [2, 2], 'heUniform', { fanIn: -3 })).toThrow(/fanIn/);
  });
});
