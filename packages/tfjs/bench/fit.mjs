// Benchmark: model.fit with the @seedkit/tfjs adapter (global seed set) vs plain tf.js, same model, same
// process, measured in CPU time. Run `pnpm build` first (it imports the built package). Prints the time ratio (target ≤ 1.03).
// Usage: node bench/fit.mjs [pairs=20]
import * as tf from '@tensorflow/tfjs';
import { restoreTfjs, setGlobalSeed } from '../dist/index.js';

const rounds = Number(process.argv[2] ?? 20);
await tf.setBackend('cpu');

const model = tf.sequential();
model.add(
  tf.layers.dense({
    units: 64,
    activation: 'relu',
    inputShape: [32],
    kernelInitializer: tf.initializers.glorotNormal({ seed: 1 }),
  }),
);
model.add(tf.layers.dropout({ rate: 0.2 }));
model.add(
  tf.layers.dense({
    units: 64,
    activation: 'relu',
    kernelInitializer: tf.initializers.glorotNormal({ seed: 2 }),
  }),
);
model.add(tf.layers.gaussianNoise({ stddev: 0.1 }));
model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotNormal({ seed: 3 }) }));
model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
const x = tf.randomNormal([1024, 32], 0, 1, 'float32', 4);
const y = tf.randomNormal([1024, 1], 0, 1, 'float32', 5);

// CPU time of this process (user + system), less sensitive than wall time to other load on the machine.
async function timeFit() {
  const c0 = process.cpuUsage();
  await model.fit(x, y, { epochs: 1, batchSize: 32, shuffle: true, verbose: 0 });
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}
const median = (a) => [...a].sort((p, q) => p - q)[Math.floor(a.length / 2)];

// Warm-up, then plain tf.js before anything of the adapter ran (no AsyncLocalStorage in use yet).
for (let i = 0; i < 3; i++) await timeFit();
const pristine = [];
for (let i = 0; i < 5; i++) pristine.push(await timeFit());

// Interleaved pairs, ABBA order so that drift (GC, JIT, other load) favours neither side:
// adapter (patched, global seed set) vs plain tf.js (patches removed with restoreTfjs).
const withAdapter = [];
const without = [];
const pairRatios = [];
for (let i = 0; i < rounds; i++) {
  let a;
  let b;
  if (i % 2 === 0) {
    setGlobalSeed(i);
    a = await timeFit();
    restoreTfjs();
    b = await timeFit();
  } else {
    restoreTfjs();
    b = await timeFit();
    setGlobalSeed(i);
    a = await timeFit();
  }
  withAdapter.push(a);
  without.push(b);
  pairRatios.push(a / b);
}

const ms = (v) => `${v.toFixed(1)} ms`;
console.log(
  `fit: 1 epoch × 32 batches, dense 32→64→64→1 + dropout + gaussianNoise; CPU time; ${rounds} pairs`,
);
console.log(`  plain tf.js before the adapter ran (median): ${ms(median(pristine))}`);
console.log(`  plain tf.js, interleaved   median ${ms(median(without))}  min ${ms(Math.min(...without))}`);
console.log(
  `  with setGlobalSeed         median ${ms(median(withAdapter))}  min ${ms(Math.min(...withAdapter))}`,
);
console.log(
  `ratio with/without: median of pair ratios ${median(pairRatios).toFixed(4)}, ` +
    `ratio of medians ${(median(withAdapter) / median(without)).toFixed(4)}, ` +
    `ratio of minima ${(Math.min(...withAdapter) / Math.min(...without)).toFixed(4)} (target ≤ 1.03)`,
);
