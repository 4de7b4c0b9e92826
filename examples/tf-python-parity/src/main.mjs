#!/usr/bin/env node
// The tf.js half of the tf-python parity demo: the same calls as parity.py, through @seedkit/tfjs/tf-python.
// `node src/main.mjs` prints; `node src/main.mjs --check` compares with expected-output.txt (made by parity.py
// with TensorFlow 2.21 / Keras 3.15) and exits 1 on any difference.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { data, keras, random } from '@seedkit/tfjs/tf-python';
import * as tf from '@tensorflow/tfjs';

const { values: args } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const lines = [];
const print = (line) => lines.push(line);

/** Like Python's f"{x:.6e}" (two-digit exponent). */
const sci = (x) => x.toExponential(6).replace(/e([+-])(\d)$/, 'e$10$2');

function show(label, values) {
  if (values instanceof tf.Tensor) values = values.dataSync();
  if (values instanceof Float32Array || values instanceof Float64Array) {
    const bits =
      values instanceof Float32Array
        ? Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length), (b) =>
            b.toString(16).padStart(8, '0'),
          )
        : Array.from(new BigUint64Array(values.buffer, values.byteOffset, values.length), (b) =>
            b.toString(16).padStart(16, '0'),
          );
    print(`${label}: ${Array.from(values, sci).join(' ')} | ${bits.join(' ')}`);
  } else {
    print(`${label}: ${Array.from(values).join(' ')}`);
  }
}

keras.utils.setRandomSeed(42);
const init = new keras.initializers.GlorotUniform();
print(`GlorotUniform() picked seed: ${init.seed}`);
show('GlorotUniform()((3, 4))', init.apply([3, 4]));
const dense = tf.layers.dense({ units: 4, kernelInitializer: new keras.initializers.GlorotUniform() });
dense.build([null, 3]);
show('Dense(4) kernel', dense.getWeights()[0]);
show('HeNormal(seed=7)((2, 3))', new keras.initializers.HeNormal({ seed: 7 }).apply([2, 3]));
show('keras.random.uniform((4,))', keras.random.uniform([4]));
show('keras.random.normal((4,))', keras.random.normal([4]));
show('tf.random.uniform([3])', random.uniform([3]));
show('tf.random.normal([4])', random.normal([4]));
show(
  'tf.random.uniform([5], 0, 10, tf.int32)',
  random.uniform([5], { minval: 0, maxval: 10, dtype: 'int32' }),
);
show('tf.random.uniform([2], seed=7)', random.uniform([2], { seed: 7 }));
show('tf.random.uniform([2], seed=7) again', random.uniform([2], { seed: 7 }));
show(
  'tf.random.truncated_normal([3], dtype=tf.float64)',
  random.truncatedNormalValues([3], { dtype: 'float64' }),
);
show('tf.random.stateless_normal([2, 3], seed=[1, 2])', random.statelessNormal([2, 3], [1, 2]));
show(
  'tf.random.stateless_uniform([3], seed=[-1, 7], dtype=tf.float64)',
  random.statelessUniformValues([3], [-1, 7], { dtype: 'float64' }),
);
const ds = data.range(10).shuffle(4, { seed: 7 });
for (let epoch = 0; epoch < 2; epoch++) {
  show(`Dataset.range(10).shuffle(4, seed=7) epoch ${epoch}`, await ds.toArray());
}

if (!args.check) {
  console.log(lines.join('\n'));
} else {
  const expected = readFileSync(new URL('../expected-output.txt', import.meta.url), 'utf8')
    .trimEnd()
    .split('\n');
  let bad = 0;
  for (let i = 0; i < Math.max(expected.length, lines.length); i++) {
    if (expected[i] !== lines[i]) {
      bad++;
      console.error(`line ${i + 1} differs:\n  python: ${expected[i]}\n  tf.js:  ${lines[i]}`);
    }
  }
  if (bad > 0 || expected.length === 0) {
    console.error(`${bad} of ${expected.length} lines differ from TensorFlow/Keras`);
    process.exit(1);
  }
  console.log(`all ${expected.length} lines identical to TensorFlow 2.21 / Keras 3.15 (expected-output.txt)`);
}
