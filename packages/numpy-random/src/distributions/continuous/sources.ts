/**
 * The normal / exponential sources the continuous samplers draw from. `Generator` uses the ziggurat
 * (`random_standard_normal`, `random_standard_exponential`); `RandomState` uses the frozen legacy polar
 * Gaussian (with its cache) and the inversion exponential `-log(1 - U)`. Every algorithm in this folder is
 * written once against this interface; the few places where NumPy's `legacy-distributions.c` differs from
 * `distributions.c` branch on {@link Sources.legacy}.
 */
import type { BitGenerator } from '../../bitgen/bit-generator.js';
import { legacyStandardExponential } from '../../legacy/exponential.js';
import { type GaussCache, legacyGauss } from '../../legacy/gauss.js';
import { standardExponential, standardNormal } from '../ziggurat.js';

export interface Sources {
  readonly bg: BitGenerator;
  /** true for the frozen `RandomState` algorithms. */
  readonly legacy: boolean;
  /** A standard normal: ziggurat (Generator) or `legacy_gauss` (RandomState). */
  normal(): number;
  /** A standard exponential: ziggurat (Generator) or `-log(1 - U)` (RandomState). */
  exponential(): number;
}

/** The sources of `Generator` (NumPy 2.4 `distributions.c`). */
export function generatorSources(bg: BitGenerator): Sources {
  return {
    bg,
    legacy: false,
    normal: () => standardNormal(bg),
    exponential: () => standardExponential(bg),
  };
}

/** The sources of `RandomState` (`legacy-distributions.c`), sharing the RandomState's Gaussian cache. */
export function legacySources(bg: BitGenerator, cache: GaussCache): Sources {
  return {
    bg,
    legacy: true,
    normal: () => legacyGauss(bg, cache),
    exponential: () => legacyStandardExponential(bg),
  };
}
