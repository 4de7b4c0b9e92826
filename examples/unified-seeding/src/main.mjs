#!/usr/bin/env node
// The unified-seeding demo: one root seed → NumPy-compatible draws (beside NumPy's own), and the same MLP with
// dropout trained in tf.js and in ONNX Runtime with identical initial weights, batch order and dropout masks.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONFIG, runDemo, seedkitNumpyDraws } from './demo.mjs';
import { lossPlotSvg } from './plot.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '42' },
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    steps: { type: 'string' },
    out: { type: 'string', default: resolve(here, '..', 'out', 'loss-curves.svg') },
  },
});
if (!/^\d+$/.test(values.seed) || Number(values.seed) > Number.MAX_SAFE_INTEGER) {
  console.error(`--seed must be a non-negative integer, got ${JSON.stringify(values.seed)}`);
  process.exit(2);
}
const seed = Number(values.seed);
const steps = values.steps !== undefined ? Number(values.steps) : values.quick ? 20 : CONFIG.steps;
if (!Number.isInteger(steps) || steps < 1 || steps > 10000) {
  console.error(`--steps must be an integer in [1, 10000], got ${JSON.stringify(values.steps)}`);
  process.exit(2);
}

// ---- 1. NumPy-compatible draws beside NumPy's ----
function liveNumpy() {
  const r = spawnSync('python3', [resolve(here, 'numpy_draws.py'), String(seed), String(steps)], {
    encoding: 'utf8',
    timeout: 20000,
  });
  if (r.status !== 0 || !r.stdout) return undefined;
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    return undefined;
  }
}
const ours = seedkitNumpyDraws(seed);
let theirs = liveNumpy();
let source = theirs ? `live NumPy ${theirs.numpy} (python3)` : undefined;
if (!theirs && seed === 42) {
  theirs = JSON.parse(readFileSync(resolve(here, '..', 'fixtures', 'numpy-seed-42.json'), 'utf8'));
  source = `committed NumPy ${theirs.numpy} values for seed 42 (fixtures/numpy-seed-42.json; python3+numpy not found)`;
}
const show = (v) => (typeof v === 'string' && v.includes('0x') ? String(parseHexFloat(v)) : String(v));
function parseHexFloat(h) {
  const m = /^(-?)0x([01])\.([0-9a-f]+)p([+-]\d+)$/.exec(h);
  if (!m) return Number.NaN;
  const mant = Number.parseInt(m[2] + m[3], 16) / 16 ** m[3].length;
  return (m[1] ? -1 : 1) * mant * 2 ** Number(m[4]);
}
console.log(`seedkit unified seeding — root seed ${seed}`);
console.log(
  `\n1. NumPy-compatible draws (@seedkit/numpy-random) vs ${source ?? 'NumPy: not available for this seed'}`,
);
let numpyAllEqual = true;
for (const [k, v] of Object.entries(ours)) {
  const ref = theirs?.[k];
  const eq = ref ? JSON.stringify(ref) === JSON.stringify(v) : undefined;
  if (eq === false) numpyAllEqual = false;
  console.log(`  ${k}`);
  console.log(`    seedkit: ${v.map(show).join(', ')}`);
  if (ref) console.log(`    NumPy:   ${ref.map(show).join(', ')}   ${eq ? 'identical bits' : 'DIFFERENT'}`);
}

// ---- 2. tf.js and ONNX Runtime training ----
console.log(
  `\n2. MLP ${CONFIG.inputSize}→${CONFIG.hidden} (relu, dropout ${CONFIG.dropout})→${CONFIG.classes} (softmax cross-entropy),` +
    ` ${CONFIG.samples} samples, batch ${CONFIG.batchSize}, SGD lr ${CONFIG.lr}, ${steps} steps`,
);
const progress = (fw, s, n, loss) => {
  if (s % 10 === 9 || s === n - 1)
    process.stderr.write(`  [${fw}] step ${s + 1}/${n} loss ${loss.toFixed(5)}\n`);
};
const r = await runDemo({ seed, steps, onProgress: progress });
const j = r.json;
console.log(
  `  tf.js ${(r.timings.tfjsMs / 1000).toFixed(1)} s, ONNX Runtime ${(r.timings.ortMs / 1000).toFixed(1)} s`,
);
console.log('  step   tf.js loss      ONNX Runtime loss   rel. diff');
for (let i = 0; i < steps; i++) {
  const a = j.tfjs.losses[i];
  const b = j.onnxruntime.losses[i];
  const d = a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  console.log(
    `  ${String(i).padStart(4)}   ${a.toFixed(9)}     ${b.toFixed(9)}         ${d.toExponential(2)}`,
  );
}
const yes = (b) => (b ? 'yes (bitwise)' : 'NO');
console.log(`  initial weights equal:   ${yes(j.initialWeightsEqual)}`);
console.log(`  batch order equal:       ${yes(j.batchOrderEqual)}`);
console.log(`  dropout masks equal:     ${yes(j.dropoutMasksEqual)}`);
console.log(`  largest rel. loss diff:  ${j.maxRelLossDiff.toExponential(3)}`);
console.log(
  `  step-0 gradient diff:    ${j.step0GradMaxRelDiff.toExponential(3)} (max |Δ| / max |g| per tensor)`,
);
console.log(`  fingerprint initial weights:   ${r.fingerprints.initial}`);
console.log(`  fingerprint final, tf.js:      ${r.fingerprints.finalTfjs}`);
console.log(`  fingerprint final, ONNX RT:    ${r.fingerprints.finalOnnxruntime}`);
console.log(`  fingerprint of the streams (initial weights + batch order + masks): ${j.fingerprint}`);
const npStreams = theirs?.streams?.[String(steps)];
const streamsMatchNumpy = npStreams === undefined ? undefined : npStreams === j.fingerprint;
console.log(
  npStreams === undefined
    ? '  (no NumPy fingerprint of the streams for these settings)'
    : `  the same, drawn by NumPy + seedkit_protocol:                        ${npStreams} ${streamsMatchNumpy ? 'identical' : 'DIFFERENT'}`,
);

// ---- 3. plot ----
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(
  values.out,
  lossPlotSvg({
    title: `Training loss, seed ${seed}: tf.js vs ONNX Runtime (max rel. diff ${j.maxRelLossDiff.toExponential(1)})`,
    series: [
      { name: 'tf.js (cpu)', color: '#e8710a', values: j.tfjs.losses },
      { name: 'ONNX Runtime', color: '#1a73e8', values: j.onnxruntime.losses, dash: '6 4' },
    ],
  }),
);
console.log(`\n3. loss curves: ${relative(process.cwd(), values.out) || values.out}`);

const ok =
  j.initialWeightsEqual &&
  j.batchOrderEqual &&
  j.dropoutMasksEqual &&
  j.maxRelLossDiff <= 1e-5 &&
  numpyAllEqual;
if (values.json) console.log(JSON.stringify(j));
if (!ok) {
  console.error('MISMATCH: see above');
  process.exitCode = 1;
}
