import type { BitGenerator } from '../bitgen/bit-generator.js';
import { logRaw as log } from '../math/log.js';

/** NumPy's `legacy_standard_exponential`: `-log(1 - U)` (inversion, not the ziggurat of `Generator`). */
export function legacyStandardExponential(bg: BitGenerator): number {
  return -log(1.0 - bg.nextDouble());
}

/** Fills `out[start..end)` with `scale · legacy_standard_exponential` draws (`scale = 1` for the standard one). */
export function legacyExponentialFill(
  bg: BitGenerator,
  out: Float64Array,
  scale: number,
  start = 0,
  end: number = out.length,
): void {
  bg.fillDouble(out, start, end);
  if (scale === 1) for (let i = start; i < end; i++) out[i] = -log(1.0 - out[i]!);
  else for (let i = start; i < end; i++) out[i] = scale * -log(1.0 - out[i]!);
}
