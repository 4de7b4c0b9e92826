// Generator methods against golden fixtures from real NumPy 2.4.6 (scripts/gen-fixtures-generator.py).
import { describe, expect, it } from 'vitest';
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
