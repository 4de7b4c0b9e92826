// Bit generators (PCG64, PCG64DXSM, Philox, SFC64) against real NumPy 2.4.6: raw streams for many seeds,
// state dicts, state round trips mid-stream, the uint32 half-buffer, jumped/advance, spawn.
import { describe, expect, it } from 'vitest';
import { type Case, loadFixture, replay } from './generator-replay.js';

const { cases, numpy } = loadFixture<{ cases: Case[]; numpy: string }>('generator-bitgen.json');

describe(`bit generators vs numpy ${numpy}`, () => {
  for (const c of cases) {
    it(`${c.bitgen} ${JSON.stringify(c.seed ?? c.philox)}`, () => {
      expect(replay(c)).toBeGreaterThan(3);
    });
  }
});
