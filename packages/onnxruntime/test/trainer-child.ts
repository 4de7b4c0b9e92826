// Run in a child process by trainer-determinism.test.ts (bundled with esbuild): trains a small MLP with
// dropout and Adam from the seed given in argv and prints the SHA-256 of the final weights and state.
import { createHash } from 'node:crypto';
import { rootSeed } from '@seedkit/core';
import { Trainer } from '../src/trainer.js';
import { mlp } from '../src/training/mlp.js';
import { adam } from '../src/training/optimizers.js';
import { syntheticClassification } from './training-helpers.js';

export async function trainFingerprint(
  seed: number,
): Promise<{ weights: string; checkpoint: string; losses: number[] }> {
  const data = syntheticClassification(96, 20, 4, 'determinism');
  const t = await Trainer.create({
    model: mlp({
      inputSize: 20,
      layers: [
        { units: 16, activation: 'relu', dropout: 0.2, kernelInitializer: 'heUniform' },
        { units: 4, kernelInitializer: 'torchDefault', biasInitializer: 'torchDefault' },
      ],
      loss: 'softmaxCrossEntropy',
    }),
    optimizer: adam({ lr: 0.01 }),
    seed: rootSeed(seed),
    data,
    batchSize: 32,
  });
  const losses: number[] = [];
  await t.fit(3, { onStep: (s) => losses.push(s.loss) });
  const h = createHash('sha256');
  for (const [k, v] of [...t.getWeights()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    h.update(k);
    h.update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  const ck = t.checkpoint();
  await t.dispose();
  return {
    weights: h.digest('hex'),
    checkpoint: createHash('sha256')
      .update(JSON.stringify({ ...ck, seed: null }))
      .digest('hex'),
    losses,
  };
}

if (process.argv[2] === '--child') {
  trainFingerprint(Number(process.argv[3])).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
}
