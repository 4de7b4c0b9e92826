/** `keras.utils.set_random_seed` / `get_random_seed`. */
import { describeValue } from '@seedkit/core';
import { random as npRandom } from '@seedkit/numpy-random';
import { SeedkitValueError } from './errors.js';
import { resetGlobalSeedGenerator } from './keras-random.js';
import type { IntLike } from './random.js';
import { setSeed } from './random.js';
import { pythonRandom } from './state.js';

const state: { seed: bigint | null } = { seed: null };

/**
 * `keras.utils.set_random_seed(seed)`: drops Keras's global SeedGenerator and seeds Python's global `random`
 * (Keras's default seeds), NumPy's global `np.random` (the `random` module object of `@seedkit/numpy-random`)
 * and TensorFlow's global seed (`random.setSeed`), in Keras's order. As in Keras, a seed outside
 * [0, 2^32 − 1] fails in `np.random.seed` (ValueError), after Python's `random` was already seeded.
 */
export function setRandomSeed(seed: IntLike): void {
  if (!((typeof seed === 'number' && Number.isSafeInteger(seed)) || typeof seed === 'bigint')) {
    throw new SeedkitValueError(
      `Expected \`seed\` argument to be an integer. Received: seed=${describeValue(seed)}`,
    );
  }
  const s = BigInt(seed);
  state.seed = s;
  resetGlobalSeedGenerator();
  pythonRandom.rng.seed(s);
  if (s < 0n || s > 0xffffffffn) throw new SeedkitValueError('seed: Seed must be between 0 and 2**32 - 1');
  npRandom.seed(Number(s));
  setSeed(s);
}

/** `keras.utils.get_random_seed()`: the seed last given to {@link setRandomSeed}, or `null`. */
export function getRandomSeed(): bigint | null {
  return state.seed;
}
