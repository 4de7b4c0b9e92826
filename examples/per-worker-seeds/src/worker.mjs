import { parentPort, workerData } from 'node:worker_threads';
import { workerEpoch } from './shard.mjs';

const { root, worker, workers, epochs, datasetSize } = workerData;
for (let epoch = 0; epoch < epochs; epoch++) {
  // Real work would train here; what matters is that everything random comes from (root, worker, epoch).
  parentPort.postMessage(workerEpoch(root, worker, workers, epoch, datasetSize));
}
