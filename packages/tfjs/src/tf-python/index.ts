/**
 * `@seedkit/tfjs/tf-python`: TensorFlow 2.21's and Keras 3.15's own random numbers (x86-64 CPU, eager), bit for
 * bit, as tf.js tensors. Python names in camelCase:
 *
 * - `random`: `tf.random` — `setSeed`, `uniform`, `normal`, `truncatedNormal`, `stateless*` (+ `*Values`);
 * - `keras`: `keras.utils.setRandomSeed`, `keras.initializers.*`, `keras.random.*`;
 * - `data`: `tf.data` shuffling — `range(n).shuffle(bufferSize, { seed })`, `shuffle(anyDataset, …)`.
 */
export * as data from './data.js';
export { InvalidArgumentError, SeedkitTypeError, SeedkitValueError } from './errors.js';
export * as keras from './keras.js';
export * as random from './random.js';
