import { describe, expect, it } from 'vitest';
import { MT19937 } from '../src/bitgen/mt19937.js';
import {
  type GaussCache,
  LEGACY_GAUSS_LOG_IS_EXACT,
  legacyGauss,
  legacyGaussFill,
} from '../src/legacy/gauss.js';
import { log } from '../src/math/index.js';

function seeded(seed: number): MT19937 {
  const bg = new MT19937(0);
  bg.legacySeeding(seed);
  return bg;
}

describe('legacy gauss', () => {
  it('uses the exact glibc log (the fixture tests are strict because of it)', () => {
    expect(LEGACY_GAUSS_LOG_IS_EXACT).toBe(true);
  });

  it('the block fill equals value-by-value draws, for every length and cache state, and leaves the same state', () => {
    for (const start of [0, 1]) {
      for (const n of [0, 1, 2, 3, 4, 5, 511, 512, 513, 1025, 3001]) {
        const a = seeded(99);
        const b = seeded(99);
        const ca: GaussCache = { hasGauss: 0, gauss: 0 };
        const cb: GaussCache = { hasGauss: 0, gauss: 0 };
        if (start) {
          legacyGauss(a, ca);
          legacyGauss(b, cb);
        }
        const out = new Float64Array(n + 4);
        legacyGaussFill(a, ca, out, 2, 2 + n);
        for (let i = 0; i < n; i++)
          expect(out[2 + i], `n=${n} start=${start} i=${i}`).toBe(legacyGauss(b, cb));
        expect([out[0], out[1], out[n + 2], out[n + 3]]).toEqual([0, 0, 0, 0]);
        expect(ca).toEqual(cb);
        expect(a.state).toEqual(b.state);
      }
    }
  });

  it('is the polar method: returns f·x2 and caches f·x1', () => {
    const bg = seeded(5);
    const ref = seeded(5);
    const cache: GaussCache = { hasGauss: 0, gauss: 0 };
    const z1 = legacyGauss(bg, cache);
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * ref.nextDouble() - 1;
      x2 = 2 * ref.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * log(r2)) / r2);
    expect(z1).toBe(f * x2);
    expect(cache).toEqual({ hasGauss: 1, gauss: f * x1 });
    expect(legacyGauss(bg, cache)).toBe(f * x1);
    expect(cache).toEqual({ hasGauss: 0, gauss: 0 });
    expect(bg.state).toEqual(ref.state);
  });
});
