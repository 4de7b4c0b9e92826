/** `keras` (3.15, TensorFlow backend): `keras.utils`, `keras.initializers`, `keras.random`. */
export * as initializers from './keras-initializers.js';
export * as random from './keras-random.js';
export * as utils from './keras-utils.js';
