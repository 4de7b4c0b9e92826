import type { BitGenerator } from '../bitgen/bit-generator.js';
import { logRaw as log } from '../math/log.js';
import { GAUSS_BLOCK, type GaussKernel, gaussKernel } from './gauss-kernel.js';

/**
 * Whether {@link legacyGauss} uses the exact glibc `log` port (`../math`), so that its values are
 * bit-exact; with V8's `Math.log` they would be ≤ 2 ulp off for a few percent of values (reference §6),
 * the stream staying aligned. The tests are strict exactly when this is true.
 */
export const LEGACY_GAUSS_LOG_IS_EXACT: boolean = true;

/** The Gaussian cache that `RandomState` keeps next to its bit generator (`has_gauss`, `gauss`). */
export interface GaussCache {
  hasGauss: number;
  gauss: number;
}

/** The polar method's factor f = sqrt(−2·log(r2)/r2) for an accepted r2 in (0, 1). */
function polarFactor(r2: number): number {
  return Math.sqrt((-2.0 * log(r2)) / r2);
}

/**
 * NumPy's `legacy_gauss` (polar Box–Muller): returns `f·x2` and caches `f·x1` for the next call.
 */
export function legacyGauss(bg: BitGenerator, cache: GaussCache): number {
  if (cache.hasGauss) {
    const t = cache.gauss;
    cache.hasGauss = 0;
    cache.gauss = 0.0;
    return t;
  }
  let x1: number;
  let x2: number;
  let r2: number;
  do {
    x1 = 2.0 * bg.nextDouble() - 1.0;
    x2 = 2.0 * bg.nextDouble() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 === 0.0);
  const f = polarFactor(r2);
  cache.gauss = f * x1;
  cache.hasGauss = 1;
  return f * x2;
}

/**
 * Fills `out[start..end)` with `legacy_gauss` draws, exactly as repeated calls would (the cache is
 * consumed first and a trailing odd value leaves one cached). Uniforms are drawn in blocks through
 * `fillDouble`, so that the bit generator's fast path is used, and never further than the pairs still needed
 * could use (each pair takes at least two), so the generator ends exactly where repeated calls leave it.
 */
export function legacyGaussFill(
  bg: BitGenerator,
  cache: GaussCache,
  out: Float64Array,
  start = 0,
  end: number = out.length,
): void {
  let i = start;
  if (i < end && cache.hasGauss) {
    out[i++] = cache.gauss;
    cache.hasGauss = 0;
    cache.gauss = 0.0;
  }
  if (i === end) return;
  const k = end - i >= 64 ? gaussKernel() : null;
  if (k !== null) gaussFillKernel(bg, cache, out, i, end, k);
  else gaussFillTs(bg, cache, out, i, end);
}

/**
 * The WebAssembly path: blocks of uniforms go through the kernel's polar loop; pairs whose log it leaves open
 * are finished here with logRaw.
 */
function gaussFillKernel(
  bg: BitGenerator,
  cache: GaussCache,
  out: Float64Array,
  start: number,
  end: number,
  k: GaussKernel,
): void {
  const res = k.out;
  let pairsLeft = (end - start + 1) >> 1;
  let i = start;
  while (pairsLeft > 0) {
    const have = Math.min(GAUSS_BLOCK, 2 * pairsLeft);
    bg.fillDouble(k.block, 0, have);
    const a = k.gauss(have);
    const nfix = k.nfix[0]!;
    for (let t = 0; t < nfix; t++) {
      const p = 2 * k.fixIndex[t]!;
      const r2 = k.fixR2[t]!;
      const f = polarFactor(r2);
      res[p] = f * res[p]!;
      res[p + 1] = f * res[p + 1]!;
    }
    const n = Math.min(2 * a, end - i);
    out.set(res.subarray(0, n), i);
    i += n;
    if (n < 2 * a) {
      cache.gauss = res[n]!;
      cache.hasGauss = 1;
    }
    pairsLeft -= a;
  }
}

/** The TypeScript path: the same loop, the logs by logRaw. */
function gaussFillTs(
  bg: BitGenerator,
  cache: GaussCache,
  out: Float64Array,
  start: number,
  end: number,
): void {
  const block = new Float64Array(Math.min(GAUSS_BLOCK, 2 * ((end - start + 1) >> 1)));
  let have = 0;
  let at = 0;
  let i = start;
  while (i < end) {
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      if (at === have) {
        have = Math.min(block.length, 2 * ((end - i + 1) >> 1));
        bg.fillDouble(block, 0, have);
        at = 0;
      }
      x1 = 2.0 * block[at]! - 1.0;
      x2 = 2.0 * block[at + 1]! - 1.0;
      at += 2;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = polarFactor(r2);
    out[i++] = f * x2;
    if (i < end) {
      out[i++] = f * x1;
    } else {
      cache.gauss = f * x1;
      cache.hasGauss = 1;
    }
  }
}
