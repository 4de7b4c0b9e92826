#!/usr/bin/env node
// TensorFlow's four seeding steps, done in tf.js with seedkit:
//   1. tf.random.set_seed(seed)                    → setGlobalSeed(seed)              (@seedkit/tfjs)
//   2. np.random.seed(seed)                        → random.seed(seed)                (@seedkit/numpy-random)
//   3. tf.keras.initializers.GlorotUniform(seed=…) → seededInitializer(root, path)    (@seedkit/tfjs)
//   4. dataset.shuffle(buffer, seed=…)             → shuffleDataset(ds, buffer, seed) (@seedkit/tfjs)
// then a small model trained with model.fitDataset; everything printed is a function of --seed only.
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { random } from '@seedkit/numpy-random';
import { fitDataset, seededInitializer, setGlobalSeed, shuffleDataset } from '@seedkit/tfjs';
import * as tf from '@tensorflow/tfjs';

const { values } = parseArgs({
  options: { seed: { type: 'string', default: '42' }, epochs: { type: 'string', default: '3' } },
});
if (!/^\d+$/.test(values.seed)) {
  console.error(`--seed must be a non-negative integer, got ${JSON.stringify(values.seed)}`);
  process.exit(2);
}
const seed = Number(values.seed);
const epochs = Number(values.epochs);
if (!Number.isInteger(epochs) || epochs < 1 || epochs > 100) {
  console.error(`--epochs must be an integer in [1, 100], got ${JSON.stringify(values.epochs)}`);
  process.exit(2);
}
await tf.setBackend('cpu');
const fmt = (xs) => Array.from(xs, (v) => v.toFixed(6)).join(' ');
const sha = (t) => createHash('sha256').update(Buffer.from(t.dataSync().buffer)).digest('hex').slice(0, 16);

// 1. global seed (tf.random.set_seed): every tf.js random op and initialiser now draws from the seed.
const root = setGlobalSeed(seed);
console.log(`1. setGlobalSeed(${seed}); tf.randomNormal([4]):    ${fmt(tf.randomNormal([4]).dataSync())}`);

// 2. NumPy's global seed (np.random.seed): the legacy module-level functions, bit-exact with NumPy.
random.seed(seed);
console.log(`2. random.seed(${seed});   random.rand(4):           ${fmt(random.rand(4))}`);
// Synthetic data from NumPy-style draws: y = x · w + 0.1 · noise.
const n = 96;
const xData = random.randn(n * 4);
const wTrue = [0.5, -1.0, 2.0, 0.25];
const yData = Array.from({ length: n }, (_, i) => {
  let s = 0;
  for (let k = 0; k < 4; k++) s += xData[i * 4 + k] * wTrue[k];
  return s + 0.1 * random.randn();
});

// 3. a seeded Glorot initialiser (GlorotUniform(seed=…)): a pure function of (seed, path, shape).
const init = seededInitializer(root, ['params', 'dense/kernel'], 'glorotUniform');
console.log(`3. seededInitializer Glorot [4, 8] sha256:         ${sha(init.apply([4, 8]))}`);

// 4. a seeded dataset shuffle (dataset.shuffle(buffer, seed)): the same order in every process.
const ds = tf.data.zip({
  xs: tf.data.array(Array.from({ length: n }, (_, i) => Array.from(xData.subarray(i * 4, i * 4 + 4)))),
  ys: tf.data.array(yData.map((v) => [v])),
});
const shuffled = shuffleDataset(ds, n, root.derive('shuffle'));
const firstYs = [];
await shuffled.take(5).forEachAsync((e) => firstYs.push(e.ys[0]));
console.log(`4. shuffleDataset: first 5 targets:              ${fmt(firstYs)}`);

// A model using all four, trained with fitDataset (shuffling and dropout from the seed).
const model = tf.sequential({
  layers: [
    tf.layers.dense({ units: 8, activation: 'relu', inputShape: [4], kernelInitializer: init }),
    tf.layers.dropout({ rate: 0.1 }),
    tf.layers.dense({
      units: 1,
      kernelInitializer: seededInitializer(root, ['params', 'dense_1/kernel'], 'glorotUniform'),
    }),
  ],
});
model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
const hist = await fitDataset(model, shuffled.batch(16), { seed: root.derive('fit'), epochs, verbose: 0 });
console.log(`   fitDataset losses per epoch:                  ${fmt(hist.history.loss)}`);
const weights = model.getWeights();
const all = tf.concat(weights.map((w) => w.flatten()));
console.log(`   trained weights sha256:                       ${sha(all)}`);
