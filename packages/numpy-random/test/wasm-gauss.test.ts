// The WebAssembly kernel behind the legacy Gaussian fill (wasm/gauss.wat, src/legacy/gauss-kernel.ts): every
// log it returns is logRaw's bit for bit (NaN where logRaw must decide), and legacyGaussFill gives the same
// values, cache and generator state with the kernel as without it. (NumPy fixtures for randn / normal /
// standard_normal of RandomState run through the kernel in legacy.test.ts and random-state tests.)
import { afterEach, describe, expect, it } from 'vitest';
import { MT19937 } from '../src/bitgen/mt19937.js';
import { type GaussCache, legacyGaussFill } from '../src/legacy/gauss.js';
import { GAUSS_BLOCK, gaussKernel, setGaussKernelEnabled } from '../src/legacy/gauss-kernel.js';
import { logRaw } from '../src/math/log.js';
import { xorshiftUniform } from './math-fixtures.js';

const bits = (a: Float64Array) => Array.from(new BigUint64Array(a.buffer, a.byteOffset, a.length), String);

afterEach(() => setGaussKernelEnabled(true));

describe('log kernel = logRaw', () => {
  it('kernel is available in Node', () => {
    expect(gaussKernel()).not.toBeNull();
  });

  function inputs(): Float64Array {
    const xs: number[] = [];
    const rnd = xorshiftUniform(0x9e3779b9);
    // the Gaussian's domain: r2 = x1² + x2² of uniforms in (−1, 1), kept when in (0, 1)
    while (xs.length < 400_000) {
      const x1 = 2 * rnd() - 1;
      const x2 = 2 * rnd() - 1;
      const r2 = x1 * x1 + x2 * x2;
      if (r2 < 1 && r2 > 0) xs.push(r2);
    }
    // every binade, near 1, table boundaries, specials
    for (let e = -1074; e <= 1023; e++) {
      const p = 2 ** e;
      xs.push(p, p * (1 + rnd()), p * 1.375, p * 0.6875, p * 1.3749999999999998);
    }
    for (let i = 0; i < 20_000; i++) xs.push(0.9 + 0.2 * rnd(), 1e-300 * rnd(), 1e300 * (1 + rnd()));
    xs.push(
      0,
      -0,
      1,
      -1,
      -1e-300,
      Infinity,
      -Infinity,
      Number.NaN,
      Number.MIN_VALUE,
      Number.MAX_VALUE,
      0.9375,
    );
    xs.push(1.064697265625, 0.9374999999999999, 1.0646972656249998, 2 ** -1022 * 0.5);
    return Float64Array.from(xs);
  }

  it('returns logRaw bit for bit or NaN, on the Gaussian domain, every binade and specials', () => {
    const k = gaussKernel();
    if (k === null) throw new Error('no kernel');
    const xs = inputs();
    let nan = 0;
    let gaussNan = 0;
    let near1 = 0;
    let compared = 0;
    const want = new Float64Array(1);
    const got = new Float64Array(1);
    for (let at = 0; at < xs.length; at += GAUSS_BLOCK) {
      const m = Math.min(GAUSS_BLOCK, xs.length - at);
      k.block.set(xs.subarray(at, at + m));
      k.logBatch(m);
      for (let j = 0; j < m; j++) {
        const x = xs[at + j] as number;
        const l = k.out[j] as number;
        if (Number.isNaN(l)) {
          nan++;
          if (at + j < 400_000) gaussNan++;
          continue;
        }
        if (x >= 0.9375 && x < 1.064697265625) near1++;
        want[0] = logRaw(x);
        got[0] = l;
        if (bits(got)[0] !== bits(want)[0]) throw new Error(`log(${x}): kernel ${l}, logRaw ${want[0]}`);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(390_000);
    // both fast paths ran (the near-1 polynomial: ~6% of the Gaussian's r2, plus the 20k inputs near 1)
    expect(near1).toBeGreaterThan(30_000);
    // NaN only where logRaw's fast paths cannot decide: rare on the Gaussian's domain (measured: 412 of
    // 400k, 391 of them near 1, where the bound is wider)
    expect(gaussNan).toBeLessThan(800);
    expect(nan).toBeLessThan(xs.length - compared + 1);
  });
});

describe('legacyGaussFill with the kernel = without it', () => {
  const run = (seed: number, sizes: number[], cached: boolean, kernelOn: boolean) => {
    setGaussKernelEnabled(kernelOn);
    const bg = new MT19937(seed);
    const cache: GaussCache = { hasGauss: 0, gauss: 0 };
    const outs: string[] = [];
    if (cached) {
      const one = new Float64Array(1);
      legacyGaussFill(bg, cache, one);
      outs.push(...bits(one));
    }
    for (const n of sizes) {
      const out = new Float64Array(n);
      legacyGaussFill(bg, cache, out);
      outs.push(...bits(out));
    }
    const next = new Float64Array(3);
    bg.fillDouble(next, 0, 3);
    return { outs, cache: [cache.hasGauss, cache.gauss], next: bits(next) };
  };

  for (const cached of [false, true]) {
    it(`same values, cache and next draws (sizes around 64 and 2·GAUSS_BLOCK, cached gauss: ${cached})`, () => {
      const sizes = [63, 64, 65, 4095, 4096, 4097, 8193, 10001, 1, 100000];
      for (const seed of [0, 42, 12345]) {
        const a = run(seed, sizes, cached, true);
        const b = run(seed, sizes, cached, false);
        expect(a.outs.length).toBe(b.outs.length);
        // index of the first differing value (-1: none), so a failure reports cheaply
        expect(a.outs.findIndex((v, i) => v !== b.outs[i])).toBe(-1);
        expect(a.cache).toEqual(b.cache);
        expect(a.next).toEqual(b.next);
      }
    });
  }
});
