// The unified-seeding demo's pieces, importable in-process (tests/cross-framework uses them): one root seed →
// NumPy-compatible draws, and the same MLP trained in tf.js and in ONNX Runtime from the shared training streams
// of @seedkit/numpy-random (initial weights, batch order, dropout masks).
import { createHash } from 'node:crypto';
import { rootSeed } from '@seedkit/core';
import { defaultRng, random as npRandom } from '@seedkit/numpy-random';
import {
  buildGradientGraph,
  deterministicSessionOptions,
  encodeGraph,
  mlp,
  sgd,
  Trainer,
} from '@seedkit/onnxruntime';
import { dropoutMask, epochOrder, initialWeights } from '@seedkit/tfjs';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';

/** The model and training settings shared by both frameworks. */
export const CONFIG = Object.freeze({
  inputSize: 20,
  hidden: 32,
  classes: 3,
  dropout: 0.2,
  samples: 256,
  batchSize: 32,
  lr: 0.1,
  steps: 50,
});

/** Parameters in Keras order: path, shape, scheme (biases: zeros). */
export const PARAMS = Object.freeze([
  { path: 'dense/kernel', shape: [CONFIG.inputSize, CONFIG.hidden], scheme: 'glorotUniform' },
  { path: 'dense/bias', shape: [CONFIG.hidden], scheme: 'zeros' },
  { path: 'dense_1/kernel', shape: [CONFIG.hidden, CONFIG.classes], scheme: 'glorotUniform' },
  { path: 'dense_1/bias', shape: [CONFIG.classes], scheme: 'zeros' },
]);

const DROPOUT_NODE = 'dropout';

// ---------- NumPy-compatible draws ----------

/** Python's float.hex() of a double. */
export function floatHex(v) {
  if (v === 0) return Object.is(v, -0) ? '-0x0.0p+0' : '0x0.0p+0';
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, v);
  const hi = dv.getUint32(0);
  const lo = dv.getUint32(4);
  const sign = hi >>> 31 ? '-' : '';
  const exp = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const m = mant.toString(16).padStart(13, '0');
  return exp === 0 ? `${sign}0x0.${m}p-1022` : `${sign}0x1.${m}p${exp - 1023 >= 0 ? '+' : ''}${exp - 1023}`;
}

/** The draws of src/numpy_draws.py, made by @seedkit/numpy-random (floats as float.hex()). */
export function seedkitNumpyDraws(seed) {
  const g = defaultRng(seed);
  const out = {
    'default_rng.random(4)': Array.from(g.random(4), floatHex),
    'default_rng.integers(0, 100, 6)': Array.from(g.integers(0, 100, 6), Number),
    'default_rng.standard_normal(3)': Array.from(g.standardNormal(3), floatHex),
  };
  npRandom.seed(seed);
  out['np.random.rand(3)'] = Array.from(npRandom.rand(3), floatHex);
  out['np.random.randint(0, 10, 5)'] = Array.from(npRandom.randint(0, 10, 5), Number);
  return out;
}

// ---------- data and shared streams ----------

/** Synthetic data drawn from the root too: x ~ N(0, 1) [n, 20], y = argmax(x · T) for a random teacher T. */
export function makeData(root, n = CONFIG.samples) {
  const g = defaultRng(root.derive('data'));
  const x = Float32Array.from(g.standardNormal(n * CONFIG.inputSize));
  const teacher = g.standardNormal(CONFIG.inputSize * CONFIG.classes);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    for (let c = 0; c < CONFIG.classes; c++) {
      let s = 0;
      for (let k = 0; k < CONFIG.inputSize; k++)
        s += x[i * CONFIG.inputSize + k] * teacher[k * CONFIG.classes + c];
      if (s > best) {
        best = s;
        y[i] = c;
      }
    }
  }
  return { x, y, n };
}

const bytesOf = (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const sha256 = (chunks) => {
  const h = createHash('sha256');
  for (const c of chunks) h.update(bytesOf(c));
  return h.digest('hex');
};
/** sha256 of the float32 bytes of the parameters, in PARAMS order. */
export const weightsFingerprint = (arrays) => sha256(arrays.map((a) => Float32Array.from(a)));

// ---------- tf.js ----------

let tfReady;
async function tfCpu() {
  tfReady ??= tf.setBackend('cpu').then(() => tf.ready());
  await tfReady;
  return tf;
}

function tfLoss(params, xb, yb, mask) {
  const [w1, b1, w2, b2] = params;
  let h = tf.relu(tf.add(tf.matMul(xb, w1), b1));
  if (mask) h = tf.mul(h, mask);
  const logits = tf.add(tf.matMul(h, w2), b2);
  const ll = tf.logSoftmax(logits);
  return tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(yb, CONFIG.classes), ll), 1)));
}

function gatherBatch(data, order, start, rows) {
  const d = CONFIG.inputSize;
  const xb = new Float32Array(rows * d);
  const yb = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const r = order[start + i];
    xb.set(data.x.subarray(r * d, (r + 1) * d), i * d);
    yb[i] = data.y[r];
  }
  return { xb, yb };
}

/**
 * tf.js (cpu backend): a custom loop with tf.js ops; weights from `initialWeights`, batches from `epochOrder`,
 * dropout from `dropoutMask` (x · mask), plain SGD `w ← w − lr·g` as the ONNX trainer's `sgd({ lr })`.
 */
export async function trainTfjs(root, data, { steps = CONFIG.steps, onStep } = {}) {
  await tfCpu();
  const spe = Math.ceil(data.n / CONFIG.batchSize);
  let params = PARAMS.map((p) => initialWeights(root, p.path, p.shape, p.scheme));
  const initial = params.map((t) => t.dataSync().slice());
  const lr = tf.scalar(CONFIG.lr);
  const grad = tf.valueAndGrads((w1, b1, w2, b2) => tfLoss([w1, b1, w2, b2], ...grad.batch));
  const losses = [];
  const orders = [];
  const masks = [];
  let step0Grads;
  for (let step = 0; step < steps; step++) {
    const epoch = Math.floor(step / spe);
    const b = step % spe;
    if (orders.length <= epoch) orders.push(epochOrder(root, epoch, data.n));
    const rows = Math.min(CONFIG.batchSize, data.n - b * CONFIG.batchSize);
    const { xb, yb } = gatherBatch(data, orders[epoch], b * CONFIG.batchSize, rows);
    const mask = dropoutMask(root, DROPOUT_NODE, step, [rows, CONFIG.hidden], CONFIG.dropout);
    masks.push(Uint8Array.from(mask.dataSync(), (v) => (v ? 1 : 0)));
    const xt = tf.tensor2d(xb, [rows, CONFIG.inputSize]);
    const yt = tf.tensor1d(yb, 'int32');
    grad.batch = [xt, yt, mask];
    const { value, grads } = grad(params);
    losses.push(value.dataSync()[0]);
    if (step === 0) step0Grads = grads.map((g) => g.dataSync().slice());
    const next = params.map((p, i) => tf.tidy(() => tf.sub(p, tf.mul(grads[i], lr))));
    for (const t of [...params, ...grads, value, xt, yt, mask]) t.dispose();
    params = next;
    onStep?.(step, losses[step]);
  }
  const final = params.map((t) => t.dataSync().slice());
  for (const t of [...params, lr]) t.dispose();
  return { losses, initial, final, orders, masks, step0Grads };
}

// ---------- ONNX Runtime ----------

export function ortModel() {
  return mlp({
    inputSize: CONFIG.inputSize,
    layers: [
      { units: CONFIG.hidden, activation: 'relu', dropout: CONFIG.dropout },
      { units: CONFIG.classes }, // logits; the softmax is in the loss
    ],
    loss: 'softmaxCrossEntropy',
  });
}

/** ONNX Runtime: the `Trainer` of @seedkit/onnxruntime with `sgd({ lr })`, from the same root. */
export async function trainOrt(root, data, { steps = CONFIG.steps, onStep } = {}) {
  const trainer = await Trainer.create({
    model: ortModel(),
    optimizer: sgd({ lr: CONFIG.lr }),
    seed: root,
    data: { x: data.x, xShape: [data.n, CONFIG.inputSize], y: Array.from(data.y) },
    batchSize: CONFIG.batchSize,
  });
  try {
    const w0 = trainer.getWeights();
    const initial = PARAMS.map((p) => Float32Array.from(w0.get(p.path)));
    const losses = [];
    const orders = [];
    const masks = [];
    for (let step = 0; step < steps; step++) {
      const epoch = trainer.epoch;
      if (orders.length <= epoch) orders.push(trainer.batchOrder(epoch));
      masks.push(trainer.dropoutMask(DROPOUT_NODE, step));
      const info = await trainer.trainStep();
      losses.push(info.loss);
      onStep?.(step, info.loss);
    }
    const w = trainer.getWeights();
    const final = PARAMS.map((p) => Float32Array.from(w.get(p.path)));
    return { losses, initial, final, orders, masks };
  } finally {
    await trainer.dispose();
  }
}

/** Step-0 gradients in ONNX Runtime (buildGradientGraph, float32) with step 0's batch and mask. */
export async function ortStep0Gradients(root, data, initial) {
  const tg = buildGradientGraph(ortModel().graph, { loss: 'softmaxCrossEntropy' });
  const session = await ort.InferenceSession.create(encodeGraph(tg.graph), deterministicSessionOptions());
  try {
    const rows = Math.min(CONFIG.batchSize, data.n);
    const { xb, yb } = gatherBatch(data, epochOrder(root, 0, data.n), 0, rows);
    const feeds = {
      x: new ort.Tensor('float32', xb, [rows, CONFIG.inputSize]),
      target: new ort.Tensor('int64', BigInt64Array.from(yb, BigInt), [rows]),
    };
    PARAMS.forEach((p, i) => {
      feeds[p.path] = new ort.Tensor('float32', Float32Array.from(initial[i]), p.shape);
    });
    const mask = dropoutMask(root, DROPOUT_NODE, 0, [rows, CONFIG.hidden], CONFIG.dropout);
    feeds[tg.dropout[0].input] = new ort.Tensor('float32', mask.dataSync().slice(), [rows, CONFIG.hidden]);
    mask.dispose();
    const out = await session.run(feeds);
    return {
      loss: out[tg.lossOutput].data[0],
      grads: PARAMS.map((p) => Float32Array.from(out[tg.paramOutputs[p.path]].data)),
    };
  } finally {
    await session.release();
  }
}

// ---------- comparison ----------

const sameBytes = (a, b) =>
  a.length === b.length && Buffer.compare(Buffer.from(bytesOf(a)), Buffer.from(bytesOf(b))) === 0;
const allSame = (xs, ys) => xs.length === ys.length && xs.every((x, i) => sameBytes(x, ys[i]));
const relDiff = (a, b) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

/** max |a − b| / max |b| over each gradient tensor (scale-relative), maximised over the tensors. */
export function maxRelTensorDiff(as, bs) {
  let worst = 0;
  as.forEach((a, i) => {
    const b = bs[i];
    let scale = 0;
    let d = 0;
    for (let k = 0; k < a.length; k++) {
      scale = Math.max(scale, Math.abs(b[k]));
      d = Math.max(d, Math.abs(a[k] - b[k]));
    }
    worst = Math.max(worst, scale === 0 ? d : d / scale);
  });
  return worst;
}

/** Runs everything for one seed; returns the report (`json` is what `--json` prints). */
export async function runDemo({ seed = 42, steps = CONFIG.steps, onProgress } = {}) {
  const root = rootSeed(seed);
  const data = makeData(root);
  const t0 = performance.now();
  const tfjsRun = await trainTfjs(root, data, { steps, onStep: (s, l) => onProgress?.('tfjs', s, steps, l) });
  const t1 = performance.now();
  const ortRun = await trainOrt(root, data, {
    steps,
    onStep: (s, l) => onProgress?.('onnxruntime', s, steps, l),
  });
  const t2 = performance.now();
  const ortGrad = await ortStep0Gradients(root, data, tfjsRun.initial);
  const initialWeightsEqual = allSame(tfjsRun.initial, ortRun.initial);
  const batchOrderEqual = allSame(tfjsRun.orders, ortRun.orders);
  const dropoutMasksEqual = allSame(tfjsRun.masks, ortRun.masks);
  const maxRelLossDiff = Math.max(...tfjsRun.losses.map((l, i) => relDiff(l, ortRun.losses[i])));
  const step0GradMaxRelDiff = maxRelTensorDiff(tfjsRun.step0Grads, ortGrad.grads);
  const fingerprint = sha256([...tfjsRun.initial, ...tfjsRun.orders, ...tfjsRun.masks]);
  return {
    root,
    data,
    tfjs: tfjsRun,
    onnxruntime: ortRun,
    ortStep0: ortGrad,
    timings: { tfjsMs: t1 - t0, ortMs: t2 - t1 },
    fingerprints: {
      initial: weightsFingerprint(tfjsRun.initial),
      finalTfjs: weightsFingerprint(tfjsRun.final),
      finalOnnxruntime: weightsFingerprint(ortRun.final),
    },
    json: {
      seed: Number(seed),
      tfjs: { losses: tfjsRun.losses },
      onnxruntime: { losses: ortRun.losses },
      initialWeightsEqual,
      batchOrderEqual,
      dropoutMasksEqual,
      maxRelLossDiff,
      step0GradMaxRelDiff,
      fingerprint,
    },
  };
}
