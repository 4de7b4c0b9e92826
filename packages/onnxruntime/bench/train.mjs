// Training benchmark (not a test): `npx tsup && npm run bench` from packages/onnxruntime.
// 1. Trainer.trainStep() against a bare session.run of the same step graph (trainer.session, whose graph gathers
//    the batch from the dataset inside ORT; feeds prepared once: the dataset and one batch's row indices; params
//    fed back): the Trainer's per-step overhead (target ≤ 5%). For comparison it also runs the step graph without
//    the gather prelude on one batch prepared once (a hot, already-gathered batch, which no training loop that
//    shuffles gets): that gap is the cost of gathering a shuffled batch, in ORT.
// 2. Steps per second for a 784-256-10 MLP (SGD, batch 64) in onnxruntime-node against the same model trained
//    with @tensorflow/tfjs on its cpu backend.
// Measurements alternate step by step and medians and means are reported, since the machine may be shared; besides wall
// time, process CPU time per step (all threads, process.cpuUsage) is reported, which load from other processes
// disturbs much less.
import { existsSync } from 'node:fs';

const dist = new URL('../dist/index.js', import.meta.url);
if (!existsSync(dist)) {
  console.error('bench: build the package first (npx tsup)');
  process.exit(1);
}
const { Trainer, mlp, sgd } = await import(dist.href);
const { rootSeed } = await import('@seedkit/core');
const ort = await import('onnxruntime-node');

const N = 2048;
const D = 784;
const C = 10;
const B = 64;
const LR = 0.05;
// Short blocks alternate in a rotating order (all 6 orders of Trainer, bare, hot in turn), so the three kinds
// see the same machine state and none always follows the same other; each block's first step only warms the
// caches for its weights and is not timed. (Long blocks drifted apart by several percent on this shared machine;
// single alternating steps are all cache-cold and favour whichever kind follows a particular other.)
const BLOCK = 8;
const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 120);
const TF_BLOCK = 5; // tf.js steps are ~100x slower

// Synthetic data: x ~ U(-1, 1) from the seed's words, labels = argmax of a random linear map.
function uniforms(label, n) {
  const w = rootSeed(1).derive('bench', label).generateState(n, 'uint32');
  return Float64Array.from(w, (v) => v / 2 ** 32);
}
const x = Float32Array.from(uniforms('x', N * D), (u) => 2 * u - 1);
const map = Float64Array.from(uniforms('w', D * C), (u) => 2 * u - 1);
const y = new BigInt64Array(N);
for (let i = 0; i < N; i++) {
  let best = 0;
  let bv = -Infinity;
  for (let c = 0; c < C; c++) {
    let s = 0;
    for (let k = 0; k < D; k++) s += x[i * D + k] * map[k * C + c];
    if (s > bv) [bv, best] = [s, c];
  }
  y[i] = BigInt(best);
}

const median = (a) => [...a].sort((p, q) => p - q)[Math.floor(a.length / 2)];

const trainer = await Trainer.create({
  model: mlp({
    inputSize: D,
    layers: [{ units: 256, activation: 'relu' }, { units: C }],
    loss: 'softmaxCrossEntropy',
  }),
  optimizer: sgd({ lr: LR }),
  seed: rootSeed(42),
  data: { x, xShape: [N, D], y },
  batchSize: B,
});
const tg = trainer.trainingGraph;
const session = trainer.session;
const bf = trainer.batchFeed;

// Bare loop: the session's own graph, weights fed back, and the same moving batches as the Trainer's (row
// indices of a shuffled order, prepared before timing), so both read the same cold rows.
const order = trainer.batchOrder(0);
const indexFeeds = [];
for (let s = 0; s + B <= N; s += B)
  indexFeeds.push(new ort.Tensor('int64', BigInt64Array.from(order.subarray(s, s + B), BigInt), [B]));
let nextIndex = 0;
const feeds = {
  [bf.xData]: new ort.Tensor('float32', x, [N, D]),
  [bf.yData]: new ort.Tensor('int64', y, [N]),
  lr: new ort.Tensor('float32', Float32Array.of(LR), []),
};
for (const [name, w] of trainer.getWeights())
  feeds[name] = new ort.Tensor('float32', w, tg.params.find((p) => p.name === name).dims);
// Hot-batch loop: the step graph without the gather prelude, one gathered batch prepared once.
const { encodeGraph, deterministicSessionOptions } = await import(dist.href);
const hotSession = await ort.InferenceSession.create(encodeGraph(tg.graph), deterministicSessionOptions());
const hotFeeds = {
  x: new ort.Tensor('float32', x.slice(0, B * D), [B, D]),
  target: new ort.Tensor('int64', y.slice(0, B), [B]),
  lr: feeds.lr,
};
for (const p of tg.params) hotFeeds[p.name] = feeds[p.name];
function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
async function bareStep() {
  feeds[bf.index] = indexFeeds[nextIndex++ % indexFeeds.length];
  const out = await session.run(feeds);
  for (const p of tg.params) feeds[p.name] = out[tg.paramOutputs[p.name]];
}
async function hotStep() {
  const out = await hotSession.run(hotFeeds);
  for (const p of tg.params) hotFeeds[p.name] = out[tg.paramOutputs[p.name]];
}
const trainerStep = () => trainer.trainStep();
/** One untimed step (warms the caches for that kind's weights), then BLOCK timed ones: [wall, cpu] ms/step. */
async function block(step) {
  await step();
  const c0 = cpuMs();
  const t0 = performance.now();
  for (let i = 0; i < BLOCK; i++) await step();
  return [(performance.now() - t0) / BLOCK, (cpuMs() - c0) / BLOCK];
}

// Warm-up, then interleaved blocks: Trainer vs bare run first, tf.js afterwards (its heap would otherwise
// add garbage-collection time to whichever block follows it).
for (let k = 0; k < 5; k++) {
  await block(bareStep);
  await block(trainerStep);
  await block(hotStep);
}
const bare = [];
const trn = [];
const hot = [];
const ORDERS = ['tbh', 'thb', 'bth', 'bht', 'htb', 'hbt'];
for (let k = 0; k < BLOCKS; k++) {
  for (const c of ORDERS[k % 6]) {
    if (c === 't') trn.push(await block(trainerStep));
    else if (c === 'b') bare.push(await block(bareStep));
    else hot.push(await block(hotStep));
  }
}
const tfs = [];
if (process.env.BENCH_TFJS !== '0') {
  // tf.js, cpu backend: the same MLP, SGD, sparse softmax cross-entropy, same batch size.
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  await tf.ready();
  const W1 = tf.variable(tf.randomUniform([D, 256], -0.07, 0.07, 'float32', 1));
  const b1 = tf.variable(tf.zeros([256]));
  const W2 = tf.variable(tf.randomUniform([256, C], -0.15, 0.15, 'float32', 2));
  const b2 = tf.variable(tf.zeros([C]));
  const opt = tf.train.sgd(LR);
  const xs = tf.tensor2d(x, [N, D]);
  const ys = tf.oneHot(tf.tensor1d(Int32Array.from(y, Number), 'int32'), C);
  let tfBatch = 0;
  function tfStep() {
    const start = (tfBatch++ * B) % (N - B + 1);
    tf.tidy(() => {
      const xb = xs.slice([start, 0], [B, D]);
      const yb = ys.slice([start, 0], [B, C]);
      opt.minimize(() =>
        tf.losses.softmaxCrossEntropy(yb, tf.relu(xb.matMul(W1).add(b1)).matMul(W2).add(b2)),
      );
    });
  }
  function tfBlock() {
    const c0 = cpuMs();
    const t0 = performance.now();
    for (let i = 0; i < TF_BLOCK; i++) tfStep();
    return [(performance.now() - t0) / TF_BLOCK, (cpuMs() - c0) / TF_BLOCK];
  }

  tfBlock();
  for (let k = 0; k < 5; k++) tfs.push(tfBlock());
} else tfs.push([Number.NaN, Number.NaN]);
const col = (a, i) => median(a.map((v) => v[i]));
const mean = (a, i) => a.reduce((acc, v) => acc + v[i], 0) / a.length;
console.log(
  `784-256-10 MLP, SGD, batch ${B}, ${BLOCKS} blocks of ${BLOCK} timed steps per kind in rotating order (medians of block means; overheads from medians and means), intraOpNumThreads 1`,
);
for (const [i, what] of [
  [0, 'wall'],
  [1, 'cpu '],
]) {
  const mb = col(bare, i);
  const mt = col(trn, i);
  const mh = col(hot, i);
  const mtf = col(tfs, i);
  console.log(
    `${what} time: bare session.run ${mb.toFixed(3)} ms/step, Trainer.trainStep ${mt.toFixed(3)} ms/step`,
  );
  const pct = (a, b) => `${((a / b - 1) * 100).toFixed(1)}%`;
  console.log(
    `           Trainer overhead over the bare run: ${pct(mt, mb)} by medians, ${pct(mean(trn, i), mean(bare, i))} by means (target <= 5%)`,
  );
  console.log(
    `           step graph on one hot pre-gathered batch ${mh.toFixed(3)} ms/step: Trainer ${pct(mt, mh)} slower by medians, ${pct(mean(trn, i), mean(hot, i))} by means (gathering a shuffled batch included)`,
  );
  console.log(`           tf.js cpu backend ${mtf.toFixed(3)} ms/step`);
  console.log(
    `           steps/s: onnxruntime Trainer ${(1000 / mt).toFixed(1)}, tf.js cpu ${(1000 / mtf).toFixed(1)}; ratio ${(mtf / mt).toFixed(2)}x`,
  );
}
// The Trainer's own JavaScript per step (batch gather, masks, feeds, epoch permutations): session.run replaced
// by a stub that hands the parameters back.
{
  const steps = 1000;
  const realRun = session.run;
  session.run = async (f) => {
    const out = { [tg.lossOutput]: { data: [0] } };
    for (const p of tg.params) out[tg.paramOutputs[p.name]] = f[p.name];
    return out;
  };
  for (let i = 0; i < 100; i++) await trainer.trainStep();
  const c0 = cpuMs();
  for (let i = 0; i < steps; i++) await trainer.trainStep();
  const js = (cpuMs() - c0) / steps;
  session.run = realRun;
  console.log(
    `Trainer's own JS per step (run stubbed): ${js.toFixed(3)} ms CPU = ${((js / col(bare, 1)) * 100).toFixed(1)}% of the bare run`,
  );
}
await trainer.dispose();
await hotSession.release();
