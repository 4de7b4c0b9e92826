#!/usr/bin/env node
// ONNX Runtime training with checkpoint and resume, across processes:
//   process A trains K steps and saves a checkpoint (JSON: weights, Adam state, step/epoch position, seed);
//   process B loads it and trains on to N steps;
//   process C trains N steps without interruption.
// B's final weights and optimiser state must equal C's bit for bit (sha256 fingerprints printed).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { rootSeed } from '@seedkit/core';
import { defaultRng } from '@seedkit/numpy-random';
import { adam, mlp, Trainer } from '@seedkit/onnxruntime';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '42' },
    quick: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    phase: { type: 'string' },
    steps: { type: 'string' },
    at: { type: 'string' },
    checkpoint: { type: 'string', default: resolve(here, '..', 'out', 'checkpoint.json') },
  },
});
const int = (v, name, min) => {
  if (!/^\d+$/.test(String(v)) || Number(v) < min) {
    console.error(`--${name} must be an integer ≥ ${min}, got ${JSON.stringify(v)}`);
    process.exit(2);
  }
  return Number(v);
};
const seed = int(values.seed, 'seed', 0);
const total = int(values.steps ?? (values.quick ? 12 : 40), 'steps', 2);
const at = int(values.at ?? (values.quick ? 5 : 13), 'at', 1); // mid-epoch (8 steps per epoch)
if (at >= total) {
  console.error(`--at (${at}) must be below --steps (${total})`);
  process.exit(2);
}

const SAMPLES = 256;
async function makeTrainer(checkpoint) {
  const root = rootSeed(seed);
  const g = defaultRng(root.derive('data'));
  const x = Float32Array.from(g.standardNormal(SAMPLES * 16));
  const y = Array.from(g.integers(0, 4, SAMPLES), Number);
  return Trainer.create({
    model: mlp({
      inputSize: 16,
      layers: [{ units: 32, activation: 'relu', dropout: 0.25 }, { units: 4 }],
      loss: 'softmaxCrossEntropy',
    }),
    optimizer: adam({ lr: 1e-2 }),
    seed: root,
    data: { x, xShape: [SAMPLES, 16], y },
    batchSize: 32,
    ...(checkpoint ? { checkpoint } : {}),
  });
}
/** sha256 of the final weights and optimiser state (their IEEE bytes, from the checkpoint form). */
function fingerprint(trainer) {
  const c = trainer.checkpoint();
  const h = createHash('sha256');
  for (const part of [c.params, c.state])
    for (const k of Object.keys(part).sort()) h.update(`${k}:${part[k].data};`);
  return h.digest('hex');
}
async function trainTo(trainer, steps) {
  const losses = [];
  while (trainer.step < steps) losses.push((await trainer.trainStep()).loss);
  return losses;
}

if (values.phase === 'first') {
  const t = await makeTrainer();
  await trainTo(t, at);
  mkdirSync(dirname(values.checkpoint), { recursive: true });
  writeFileSync(values.checkpoint, JSON.stringify(t.checkpoint()));
  console.log(JSON.stringify({ step: t.step, checkpoint: values.checkpoint, fingerprint: fingerprint(t) }));
  await t.dispose();
} else if (values.phase === 'resume') {
  const t = await makeTrainer(JSON.parse(readFileSync(values.checkpoint, 'utf8')));
  const from = t.step;
  const losses = await trainTo(t, total);
  console.log(JSON.stringify({ from, step: t.step, lastLoss: losses.at(-1), fingerprint: fingerprint(t) }));
  await t.dispose();
} else if (values.phase === 'full') {
  const t = await makeTrainer();
  const losses = await trainTo(t, total);
  console.log(
    JSON.stringify({ from: 0, step: t.step, lastLoss: losses.at(-1), fingerprint: fingerprint(t) }),
  );
  await t.dispose();
} else if (values.phase !== undefined) {
  console.error(`--phase must be first, resume or full, got ${JSON.stringify(values.phase)}`);
  process.exit(2);
} else {
  const child = (phase) => {
    const out = execFileSync(
      process.execPath,
      [
        fileURLToPath(import.meta.url),
        '--phase',
        phase,
        '--seed',
        String(seed),
        '--steps',
        String(total),
        '--at',
        String(at),
        '--checkpoint',
        values.checkpoint,
      ],
      { encoding: 'utf8' },
    );
    return JSON.parse(out.trim().split('\n').pop());
  };
  console.log(`seed ${seed}: MLP 16→32 (relu, dropout 0.25)→4, Adam lr 0.01, batch 32, ${total} steps`);
  const a = child('first');
  console.log(`process A: trained ${a.step} steps, checkpoint → ${relative(process.cwd(), a.checkpoint)}`);
  console.log(`  fingerprint at the checkpoint:      ${a.fingerprint}`);
  const b = child('resume');
  console.log(`process B: resumed at step ${b.from}, trained to ${b.step}: final loss ${b.lastLoss}`);
  console.log(`  fingerprint (weights + Adam state): ${b.fingerprint}`);
  const c = child('full');
  console.log(`process C: uninterrupted ${c.step} steps:          final loss ${c.lastLoss}`);
  console.log(`  fingerprint (weights + Adam state): ${c.fingerprint}`);
  const same =
    b.fingerprint === c.fingerprint &&
    b.lastLoss === c.lastLoss &&
    b.step === c.step &&
    a.fingerprint !== c.fingerprint;
  console.log(same ? 'resumed run = uninterrupted run, bit for bit' : 'MISMATCH: the resumed run differs');
  if (values.check && !same) process.exit(1);
}
