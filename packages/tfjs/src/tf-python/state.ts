/**
 * Process-wide state that mirrors Python's: TensorFlow's eager context (global seed, its `random.Random`
 * for op seeds, the kernel cache) and Python's global `random` module (which Keras's default seeds use).
 */
import type { Philox } from './philox.js';
import { entropyWords, PyRandom } from './py-random.js';

function freshPyRandom(): PyRandom {
  const w = entropyWords(4);
  let v = 0n;
  for (const x of w) v = (v << 32n) | BigInt(x);
  return new PyRandom(v);
}

export const tfContext: {
  globalSeed: bigint | null;
  rng: PyRandom | null;
  kernels: Map<string, Philox>;
} = { globalSeed: null, rng: null, kernels: new Map() };

/** Python's global `random` module (seeded from OS entropy until `keras.utils.setRandomSeed`). */
export const pythonRandom: { rng: PyRandom } = { rng: freshPyRandom() };
