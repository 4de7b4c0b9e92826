/** `keras.utils.set_random_seed` / `get_random_seed`. */
import { describeValue } from '@seedkit/core';
import { SeedkitValueError } from './errors.js';
import { resetGlobalSeedGenerator } from './keras-random.js';
import type { IntLike } from './random.js';
import { setSeed } from './random.js';
import { pythonRandom } from './state.js';

const state: { seed: bigint | null } = { seed: null };

/**
 * `keras.utils.set_random_seed(seed)`: seeds Python's global `random` (Keras's default seeds), TensorFlow's
 * global seed (`random.setSeed`) and drops Keras's global SeedGenerator. As in Keras (through
 * `np.random.seed`), the seed must be an integer in [0, 2^32 − 1]. NumPy's global state is not touched here;
 * seed `@seedkit/numpy-random` yourself if you mirror NumPy calls too.
 */
export function setRandomSeed(seed: IntLike): void {
  if (!((typeof seed === 'number' && Number.isSafeInteger(seed)) || typeof seed === 'bigint')) {
    throw new SeedkitValueError(
      `Expected \`seed\` argument to be an integer. Received: seed=${describeValue(seed)}`,
    );
  }
  const s = BigInt(seed);
  if (s < 0n || s > 0xffffffffn) throw new SeedkitValueError('seed: Seed must be between 0 and 2**32 - 1');
  state.seed = s;
  resetGlobalSeedGenerator();
  pythonRandom.rng.seed(s);
  setSeed(s);
}

/** `keras.utils.get_random_seed()`: the seed last given to {@link setRandomSeed}, or `null`. */
export function getRandomSeed(): bigint | null {
  return state.seed;
}
