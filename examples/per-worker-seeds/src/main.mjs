#!/usr/bin/env node
// Data-parallel training needs one independent, reproducible stream per worker and epoch. With seedkit each
// worker derives its own seed from the run's root — root.derive('data-parallel', 'worker', w, 'epoch', e) —
// so results depend neither on scheduling nor on how many threads ran, and Python can derive the same seeds.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { rootSeed } from '@seedkit/core';
import { workerEpoch, workerPath } from './shard.mjs';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '42' },
    workers: { type: 'string', default: '4' },
    epochs: { type: 'string', default: '3' },
    'dataset-size': { type: 'string', default: '20' },
    check: { type: 'boolean', default: false },
    python: { type: 'boolean', default: false },
  },
});
const int = (name) => {
  const v = values[name];
  if (!/^\d+$/.test(v))
    throw new RangeError(`--${name} must be a non-negative integer, got ${JSON.stringify(v)}`);
  return Number(v);
};
const seed = rootSeed(values.seed).toString();
const root = values.seed;
const workers = int('workers');
const epochs = int('epochs');
const datasetSize = int('dataset-size');

console.log(`root seed ${root}: ${workers} workers × ${epochs} epochs, ${datasetSize} samples (${seed})`);
const results = await Promise.all(
  Array.from(
    { length: workers },
    (_, worker) =>
      new Promise((resolve, reject) => {
        const got = [];
        const w = new Worker(new URL('./worker.mjs', import.meta.url), {
          workerData: { root, worker, workers, epochs, datasetSize },
        });
        w.on('message', (m) => got.push(m));
        w.on('error', reject);
        w.on('exit', (code) =>
          code === 0 ? resolve(got) : reject(new Error(`worker ${worker} exited ${code}`)),
        );
      }),
  ),
);
const byKey = new Map(results.flat().map((r) => [`${r.worker}/${r.epoch}`, r]));
for (let epoch = 0; epoch < epochs; epoch++) {
  for (let worker = 0; worker < workers; worker++) {
    const r = byKey.get(`${worker}/${epoch}`);
    console.log(
      `epoch ${epoch} worker ${worker}: order [${r.order.join(', ')}]  noise [${r.noise.map((v) => v.toFixed(6)).join(', ')}]`,
    );
  }
}

let failures = 0;
if (values.check) {
  // Recompute every (worker, epoch) in the main thread, in reverse order: results must not depend on scheduling.
  for (let epoch = epochs - 1; epoch >= 0; epoch--) {
    for (let worker = workers - 1; worker >= 0; worker--) {
      const again = workerEpoch(root, worker, workers, epoch, datasetSize);
      if (JSON.stringify(again) !== JSON.stringify(byKey.get(`${worker}/${epoch}`))) {
        failures++;
        console.error(`worker ${worker} epoch ${epoch}: differs when recomputed in the main thread`);
      }
    }
  }
  // Every sample is visited exactly once per epoch, and epochs differ.
  for (let epoch = 0; epoch < epochs; epoch++) {
    const seen = Array.from({ length: workers }, (_, w) => byKey.get(`${w}/${epoch}`).order).flat();
    if (seen.length !== datasetSize || new Set(seen).size !== datasetSize) {
      failures++;
      console.error(`epoch ${epoch}: samples are not partitioned across workers`);
    }
  }
  if (
    epochs > 1 &&
    JSON.stringify(byKey.get('0/0').order) === JSON.stringify(byKey.get('0/1').order) &&
    datasetSize > 8
  ) {
    failures++;
    console.error('worker 0 visits its shard in the same order in epochs 0 and 1');
  }
  console.log(
    failures ? `check failed (${failures})` : 'check: threads, sequential recomputation and partition agree',
  );
}

if (values.python) {
  // The same draws from the Python reference of the protocol and real NumPy.
  const core = new URL('../../../packages/seed-core/python/', import.meta.url).pathname;
  const script = `
import sys, json, numpy as np
sys.path.insert(0, ${JSON.stringify(core)})
from seedkit_protocol import derive
out = {}
for w in range(${workers}):
    for e in range(${epochs}):
        rng = np.random.default_rng(derive(${JSON.stringify(root)}, ${workerPath('W', 'E')
          .map((s) => (s === 'W' ? 'w' : s === 'E' ? 'e' : JSON.stringify(s)))
          .join(', ')}))
        shard = list(range(w, ${datasetSize}, ${workers}))
        order = [shard[k] for k in rng.permutation(len(shard))]
        out[f"{w}/{e}"] = {"order": order, "noise": rng.standard_normal(3).tolist()}
print(json.dumps(out))`;
  const py = JSON.parse(execFileSync('python3', ['-c', script], { encoding: 'utf8' }));
  for (const [key, r] of byKey) {
    const same =
      JSON.stringify(py[key].order) === JSON.stringify(r.order) &&
      py[key].noise.every((v, i) => Object.is(v, r.noise[i]));
    if (!same) {
      failures++;
      console.error(`worker/epoch ${key}: differs from Python (numpy + seedkit_protocol.py)`);
    }
  }
  console.log(
    failures ? 'python check failed' : `python: all ${byKey.size} worker-epochs identical to NumPy`,
  );
}
process.exit(failures ? 1 : 0);
