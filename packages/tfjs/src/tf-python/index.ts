// @seedkit/tfjs/tf-python: TensorFlow's and Keras's own numbers in tf.js. Filled by issue 9.
export {};
