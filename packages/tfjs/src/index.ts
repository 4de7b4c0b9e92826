import { registerAdapter } from '@seedkit/core';
import { setGlobalSeed } from './global.js';

export type {
  CheckReproducibleOptions,
  Divergence,
  Fingerprint,
  ReproducibilityReport,
  RunTrace,
  TrainFunction,
  TrainModule,
} from './check.js';
export { checkReproducible, runReproducibilityChild } from './check.js';
export type {
  InitializerName,
  SeededFitArgs,
  SeededInitializerOptions,
  SeedPath,
} from './explicit.js';
export {
  fit,
  fitDataset,
  seededDropout,
  seededInitializer,
  shuffle,
  shuffleCombo,
  shuffleDataset,
} from './explicit.js';
export { clearGlobalSeed, getGlobalSeed, restoreTfjs, setGlobalSeed, withSeed } from './global.js';
export type { SeedInput } from './seed.js';
export { TfjsNotFoundError } from './tf.js';
export { VERSION } from './version.js';

/** Path below the root at which `seedEverything` seeds tf.js: `setGlobalSeed(root.derive('tfjs'))`. */
export const TFJS_SEED_PATH = 'tfjs';

registerAdapter({
  name: 'tfjs',
  seed: (root) => {
    setGlobalSeed(root.derive(TFJS_SEED_PATH));
  },
});

export type { StreamSeed } from './streams.js';
export { dropoutKeepMask, dropoutMask, epochOrder, initialWeights } from './streams.js';
