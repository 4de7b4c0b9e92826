import type { BitGenerator } from '../bitgen/bit-generator.js';
import { logRaw as log } from '../math/log.js';
import { LOG_CHUNK, type LogKernel, logKernel } from './log-kernel.js';

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
  const f = Math.sqrt((-2.0 * log(r2)) / r2);
  cache.gauss = f * x1;
  cache.hasGauss = 1;
  return f * x2;
}

/**
 * Fills `out[start..end)` with `legacy_gauss` draws, exactly as repeated calls would (the cache is
 * consumed first and a trailing odd value leaves one cached). Uniforms are drawn in blocks through
 * `fillDouble` so that the bit generator's fast path is used.
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
  if (i < end) gaussFillRounds(bg, cache, out, i, end, end - i >= 64 ? logKernel() : null);
}

/**
 * {@link legacyGaussFill}'s loop, in rounds of up to {@link LOG_CHUNK} pairs: accept the pairs (each attempt
 * takes two uniforms, drawn in blocks never longer than the pairs still needed could use, so nothing is drawn
 * ahead and the generator ends exactly where repeated `legacy_gauss` calls leave it), take their logs (in one
 * WebAssembly batch when `k` is given: logRaw's values, NaN where logRaw must decide; else logRaw), then write
 * the outputs in order, caching a trailing odd value.
 */
function gaussFillRounds(
  bg: BitGenerator,
  cache: GaussCache,
  out: Float64Array,
  start: number,
  end: number,
  k: LogKernel | null,
): void {
  const pairs = Math.min((end - start + 1) >> 1, LOG_CHUNK);
  const r2s = k === null ? new Float64Array(pairs) : k.input;
  const logs = k === null ? null : k.output;
  const xs = new Float64Array(2 * pairs);
  const block = new Float64Array(Math.min(4096, 2 * pairs));
  let have = 0;
  let at = 0;
  let i = start;
  while (i < end) {
    const pairsLeft = (end - i + 1) >> 1;
    const m = Math.min(pairsLeft, LOG_CHUNK);
    for (let j = 0; j < m; j++) {
      let x1: number;
      let x2: number;
      let r2: number;
      do {
        if (at === have) {
          have = Math.min(block.length, 2 * (pairsLeft - j));
          bg.fillDouble(block, 0, have);
          at = 0;
        }
        x1 = 2.0 * block[at]! - 1.0;
        x2 = 2.0 * block[at + 1]! - 1.0;
        at += 2;
        r2 = x1 * x1 + x2 * x2;
      } while (r2 >= 1.0 || r2 === 0.0);
      xs[2 * j] = x1;
      xs[2 * j + 1] = x2;
      r2s[j] = r2;
    }
    k?.logBatch(m);
    for (let j = 0; j < m; j++) {
      const r2 = r2s[j]!;
      let l = logs === null ? Number.NaN : logs[j]!;
      if (Number.isNaN(l)) l = log(r2);
      const f = Math.sqrt((-2.0 * l) / r2);
      out[i++] = f * xs[2 * j + 1]!;
      if (i < end) {
        out[i++] = f * xs[2 * j]!;
      } else {
        cache.gauss = f * xs[2 * j]!;
        cache.hasGauss = 1;
      }
    }
  }
}
