// Golden values quoted in /work/shared/reference/numpy-random.md §8 (numpy 2.4.6, reference build).
import { describe, expect, it } from 'vitest';
import { PCG64 } from '../src/bitgen/pcg64.js';
import { PCG64DXSM } from '../src/bitgen/pcg64dxsm.js';

describe('first random_raw output for seed 42 (reference §8)', () => {
  it('PCG64', () => {
    expect(new PCG64(42).randomRaw().toString(16)).toBe('c621fbcd16d92688');
  });
  it('PCG64DXSM', () => {
    expect(new PCG64DXSM(42).randomRaw().toString(16)).toBe('ab1c50338e63481d');
  });
});
