// Generator methods against golden fixtures from real NumPy 2.4.6 (scripts/gen-fixtures-generator.py).
import { describe, expect, it } from 'vitest';
import { setPCGKernelEnabled } from '../src/bitgen/pcg64-wasm.js';
import { type Case, loadFixture, replay } from './generator-replay.js';

const { cases, numpy } = loadFixture<{ cases: Case[]; numpy: string }>('generator-ops.json');

describe(`Generator vs numpy ${numpy}`, () => {
  for (const c of cases) {
    const big = c.ops.some((o) => o.result?.sha256 !== undefined);
    it(`${c.bitgen} seed=${JSON.stringify(c.seed)}${big ? ' (large draws, tails included)' : ''} ${c.ops[0]!.error ? '(errors)' : ''}`, () => {
      expect(replay(c)).toBe(
        c.ops.filter((o) => !o.m.startsWith('__spawn')).length +
          c.ops.filter((o) => o.m === '__state__').length,
      );
    });
  }
});

describe('Generator on PCG64 without the WebAssembly kernel', () => {
  for (const c of cases
    .filter((x) => x.bitgen === 'PCG64')
    .slice(0, 3)
    .concat(cases.filter((x) => x.bitgen === 'PCG64' && x.ops.some((o) => o.result?.sha256)))) {
    it(`PCG64 seed=${JSON.stringify(c.seed)} (TypeScript path)`, () => {
      setPCGKernelEnabled(false);
      try {
        expect(replay(c)).toBeGreaterThan(5);
      } finally {
        setPCGKernelEnabled(true);
      }
    });
  }
});
