// Bit generators (PCG64, PCG64DXSM, Philox, SFC64) against real NumPy 2.4.6: raw streams for many seeds,
// state dicts, state round trips mid-stream, the uint32 half-buffer, jumped/advance, spawn.
import { describe, expect, it } from 'vitest';
import { pcgKernel, setPCGKernelEnabled } from '../src/bitgen/pcg64-wasm.js';
import { type Case, loadFixture, replay } from './generator-replay.js';

const { cases, numpy } = loadFixture<{ cases: Case[]; numpy: string }>('generator-bitgen.json');

describe(`bit generators vs numpy ${numpy}`, () => {
  for (const c of cases) {
    it(`${c.bitgen} ${JSON.stringify(c.seed ?? c.philox)}`, () => {
      expect(replay(c)).toBeGreaterThan(3);
    });
  }
});

describe('PCG64 TypeScript path (WebAssembly kernel disabled) gives the same bits', () => {
  it('the kernel is available in this runtime', () => {
    expect(pcgKernel()).not.toBeNull();
  });
  for (const c of cases.filter((x) => x.bitgen === 'PCG64')) {
    it(`PCG64 ${JSON.stringify(c.seed)} without the kernel`, () => {
      setPCGKernelEnabled(false);
      try {
        expect(replay(c)).toBeGreaterThan(3);
      } finally {
        setPCGKernelEnabled(true);
      }
    });
  }
});
