// What one data-parallel worker does in one epoch, from its own derived seed only.
import { rootSeed } from '@seedkit/core';
import { defaultRng } from '@seedkit/numpy-random';

/** The path of worker `worker`'s seed in epoch `epoch`, below the run's root seed. */
export const workerPath = (worker, epoch) => ['data-parallel', 'worker', worker, 'epoch', epoch];

/**
 * Worker `worker` of `workers` owns samples worker, worker + workers, …; each epoch it visits them in an
 * order drawn from its seed, and draws augmentation noise for the first of them.
 */
export function workerEpoch(rootJson, worker, workers, epoch, datasetSize) {
  const root = rootSeed(BigInt(rootJson));
  const rng = defaultRng(root.derive(...workerPath(worker, epoch)));
  const shard = [];
  for (let i = worker; i < datasetSize; i += workers) shard.push(i);
  const order = Array.from(rng.permutation(shard.length), (k) => shard[Number(k)]);
  const noise = Array.from(rng.standardNormal(3));
  return { worker, epoch, order, noise };
}
