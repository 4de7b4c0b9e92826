import { readFileSync } from 'node:fs';
import { rootSeed } from '@seedkit/core';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { deterministicSessionOptions } from '../src/session.js';
import { Trainer, type TrainerCheckpoint } from '../src/trainer.js';
import { type Graph, TRAINING_OPSET } from '../src/training/ir.js';
import { mlp } from '../src/training/mlp.js';
import { encodeGraph, graphFromModel } from '../src/training/onnx-codec.js';
import { adam, adamW, scalarValues, sgd } from '../src/training/optimizers.js';
import { dropoutKeepMask, epochOrder, initParam } from '../src/training/seeding.js';
import { hex, syntheticClassification } from './training-helpers.js';

const small = () => syntheticClassification(100, 12, 3, 'small');
const smallModel = (dropout = 0.25) =>
  mlp({
    inputSize: 12,
    layers: [
      { units: 10, activation: 'relu', dropout },
      { units: 8, activation: 'tanh', dropout },
      { units: 3 },
    ],
    loss: 'softmaxCrossEntropy',
  });

function weightsHex(t: Trainer): Record<string, string> {
  return Object.fromEntries([...t.getWeights()].map(([k, v]) => [k, hex(v)]));
}

describe('784-256-10 MLP on synthetic data', () => {
  it('lowers its loss more than tenfold', async () => {
    const data = syntheticClassification(512, 784, 10, 'mnist-like');
    const t = await Trainer.create({
      model: mlp({
        inputSize: 784,
        layers: [{ units: 256, activation: 'relu' }, { units: 10 }],
        loss: 'softmaxCrossEntropy',
      }),
      optimizer: sgd({ lr: 0.05, momentum: 0.9 }),
      seed: rootSeed(7),
      data,
      batchSize: 64,
    });
    const steps: number[] = [];
    const epochs = await t.fit(8, { onStep: (s) => steps.push(s.step) });
    expect(steps).toEqual(Array.from({ length: 64 }, (_, i) => i));
    expect(epochs.map((e) => e.epoch)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const first = epochs[0]?.loss as number;
    const last = epochs.at(-1)?.loss as number;
    expect(first).toBeGreaterThan(1);
    expect(first / last).toBeGreaterThan(10);
    // The exported inference model classifies the training data well.
    const s = await ort.InferenceSession.create(t.exportModel());
    const out = await s.run({ x: new ort.Tensor('float32', data.x, data.xShape) });
    const logits = out.output?.data as Float32Array;
    let correct = 0;
    for (let i = 0; i < 512; i++) {
      const row = Array.from(logits.subarray(i * 10, i * 10 + 10));
      if (row.indexOf(Math.max(...row)) === Number(data.y[i])) correct++;
    }
    expect(correct / 512).toBeGreaterThan(0.9);
    await s.release();
    await t.dispose();
  });
});

describe('seeded streams', () => {
  it('initial weights come from root.derive("params", path) with the layer initialisers', async () => {
    const seed = rootSeed(99);
    const t = await Trainer.create({
      model: smallModel(),
      optimizer: sgd({ lr: 0.1 }),
      seed,
      data: small(),
      batchSize: 16,
    });
    const w = t.getWeights();
    expect(hex(w.get('dense/kernel') as Float32Array)).toBe(
      hex(initParam(seed, 'dense/kernel', [12, 10], 'glorotUniform', 12, 10)),
    );
    expect(hex(w.get('dense_1/kernel') as Float32Array)).toBe(
      hex(initParam(seed, 'dense_1/kernel', [10, 8], 'glorotUniform', 10, 8)),
    );
    expect(Array.from(w.get('dense/bias') as Float32Array)).toEqual(new Array(10).fill(0));
    expect(hex(w.get('dense/kernel') as Float32Array)).not.toBe(
      hex(w.get('dense_1/kernel')?.subarray(0, 120) as Float32Array),
    );
    // options.init overrides by path
    const t2 = await Trainer.create({
      model: smallModel(),
      optimizer: sgd({ lr: 0.1 }),
      seed,
      data: small(),
      batchSize: 16,
      init: { 'dense/kernel': 'heNormal', 'dense/bias': { scheme: 'torchDefault', fanIn: 12, fanOut: 10 } },
    });
    const w2 = t2.getWeights();
    expect(hex(w2.get('dense/kernel') as Float32Array)).toBe(
      hex(initParam(seed, 'dense/kernel', [12, 10], 'heNormal', 12, 10)),
    );
    expect(hex(w2.get('dense/bias') as Float32Array)).toBe(
      hex(initParam(seed, 'dense/bias', [10], 'torchDefault', 12, 10)),
    );
    await t.dispose();
    await t2.dispose();
  });

  it('batch order is a seeded permutation per epoch, exposed by batchOrder()', async () => {
    const seed = rootSeed(5);
    const t = await Trainer.create({
      model: smallModel(),
      optimizer: sgd({ lr: 0.1 }),
      seed,
      data: small(),
      batchSize: 16,
    });
    const o0 = t.batchOrder(0);
    const o1 = t.batchOrder(1);
    expect([...o0].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(hex(new Float32Array(o0.buffer))).not.toBe(hex(new Float32Array(o1.buffer)));
    expect(Array.from(o0)).toEqual(Array.from(epochOrder(seed, 0, 100)));
    expect(t.stepsPerEpoch).toBe(7);
    const noShuffle = await Trainer.create({
      model: smallModel(),
      optimizer: sgd({ lr: 0.1 }),
      seed,
      data: small(),
      batchSize: 16,
      shuffle: false,
      dropRemainder: true,
    });
    expect(Array.from(noShuffle.batchOrder(3))).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(noShuffle.stepsPerEpoch).toBe(6);
    await t.dispose();
    await noShuffle.dispose();
  });

  it('dropout masks depend on (seed, node, step) only and are the masks the step uses', async () => {
    const seed = rootSeed(11);
    const t = await Trainer.create({
      model: smallModel(0.5),
      optimizer: sgd({ lr: 0.1 }),
      seed,
      data: small(),
      batchSize: 16,
    });
    expect(t.trainingGraph.dropout.map((d) => d.node)).toEqual(['dropout', 'dropout_1']);
    const m = t.dropoutMask('dropout', 3);
    expect(m.length).toBe(16 * 10);
    expect(Array.from(m)).toEqual(Array.from(dropoutKeepMask(seed, 'dropout', 3, 160, 0.5)));
    expect(hex(new Float32Array(Float32Array.from(m)))).not.toBe(
      hex(Float32Array.from(t.dropoutMask('dropout', 4))),
    );
    expect(hex(Float32Array.from(m))).not.toBe(
      hex(Float32Array.from(t.dropoutMask('dropout_1', 3, 20).subarray(0, 160))),
    );
    const kept = m.reduce((a, b) => a + b, 0);
    expect(kept).toBeGreaterThan(40);
    expect(kept).toBeLessThan(120);
    // Rate 0.5 with 1 000 draws: the kept fraction is near 1/2.
    const big = dropoutKeepMask(seed, 'dropout', 0, 1000, 0.5).reduce((a, b) => a + b, 0);
    expect(big).toBeGreaterThan(430);
    expect(big).toBeLessThan(570);
    expect(() => t.dropoutMask('nope', 0)).toThrow(/"nope" is not a dropout node/);
    await t.dispose();
  });
});

describe('batches gathered inside ORT', () => {
  it('the session graph is the step graph fed the seeded batches: same bits as a JavaScript-gathered loop', async () => {
    // 100 samples, batch 16: 7 steps per epoch with a last batch of 4 rows; 10 steps cross into epoch 1.
    const data = small();
    const opts = {
      model: smallModel(0.3),
      optimizer: adam({ lr: 0.01 }),
      seed: rootSeed(5),
      data,
      batchSize: 16,
    };
    const t = await Trainer.create(opts);
    const ref = await Trainer.create(opts); // only for its initial weights, batch orders and masks
    const tg = t.trainingGraph;
    expect(t.sessionGraph.nodes.slice(0, 2).map((n) => n.opType)).toEqual(['Gather', 'Gather']);
    expect(t.sessionGraph.inputs.map((v) => v.name)).not.toContain(tg.dataInputs[0]);
    const session = await ort.InferenceSession.create(encodeGraph(tg.graph), deterministicSessionOptions());
    const feeds: Record<string, ort.Tensor> = {};
    for (const [name, w] of ref.getWeights())
      feeds[name] = new ort.Tensor('float32', w, tg.params.find((p) => p.name === name)?.dims);
    for (const s of tg.state)
      feeds[s.input] = new ort.Tensor(
        'float32',
        new Float32Array(feeds[s.param]!.size),
        feeds[s.param]!.dims,
      );
    const losses: number[] = [];
    const refLosses: number[] = [];
    for (let step = 0; step < 10; step++) {
      const epoch = Math.floor(step / 7);
      const order = ref.batchOrder(epoch);
      const start = (step % 7) * 16;
      const rows = Math.min(16, 100 - start);
      const x = new Float32Array(rows * 12);
      const y = new BigInt64Array(rows);
      for (let i = 0; i < rows; i++) {
        const r = order[start + i] as number;
        x.set(data.x.subarray(r * 12, r * 12 + 12), i * 12);
        y[i] = data.y[r] as bigint;
      }
      feeds[tg.dataInputs[0] as string] = new ort.Tensor('float32', x, [rows, 12]);
      feeds[tg.targetInput] = new ort.Tensor('int64', y, [rows]);
      for (const site of tg.dropout) {
        const keep = ref.dropoutMask(site.node, step, rows);
        const width = keep.length / rows;
        feeds[site.input] = new ort.Tensor(
          'float32',
          Float32Array.from(keep, (k) => (k ? 1 / 0.7 : 0)),
          [rows, width],
        );
      }
      const sv = scalarValues(adam({ lr: 0.01 }), step);
      for (const name of tg.scalars)
        feeds[name] = new ort.Tensor('float32', Float32Array.of(sv[name] as number), []);
      const out = await session.run(feeds);
      for (const p of tg.params) feeds[p.name] = out[tg.paramOutputs[p.name] as string] as ort.Tensor;
      for (const s of tg.state) feeds[s.input] = out[s.output] as ort.Tensor;
      refLosses.push(Number((out[tg.lossOutput] as ort.Tensor).data[0]));
      losses.push((await t.trainStep()).loss);
    }
    expect(t.epoch).toBe(1);
    expect(losses).toEqual(refLosses);
    for (const [name, w] of t.getWeights()) expect(hex(w)).toBe(hex(feeds[name]!.data as Float32Array));
    await Promise.all([t.dispose(), ref.dispose(), session.release()]);
  });
});

describe('checkpoints', () => {
  for (const [name, optimizer] of [
    ['adam', adam({ lr: 0.01 })],
    ['sgd+nesterov', sgd({ lr: 0.1, momentum: 0.9, nesterov: true })],
    ['adamW, lr schedule', adamW({ lr: (s: number) => 0.01 / (1 + s) })],
  ] as const) {
    it(`resume mid-epoch equals the uninterrupted run bitwise (${name})`, async () => {
      const make = (checkpoint?: TrainerCheckpoint) =>
        Trainer.create({
          model: smallModel(),
          optimizer,
          seed: rootSeed(2024),
          data: small(),
          batchSize: 16,
          ...(checkpoint ? { checkpoint } : {}),
        });
      const full = await make();
      const fullLosses: number[] = [];
      await full.fit(3, { onStep: (s) => fullLosses.push(s.loss) });

      const first = await make();
      const losses: number[] = [];
      await first.fit(1, { onStep: (s) => losses.push(s.loss) });
      for (let i = 0; i < 3; i++) losses.push((await first.trainStep()).loss);
      const saved = JSON.parse(JSON.stringify(first.checkpoint())) as TrainerCheckpoint;
      expect(saved.step).toBe(10);
      expect(saved.epoch).toBe(1);
      expect(saved.batchInEpoch).toBe(3);
      await first.dispose();

      const resumed = await make(saved);
      expect(resumed.step).toBe(10);
      await resumed.fit(2, { onStep: (s) => losses.push(s.loss) });
      expect(resumed.step).toBe(full.step);
      expect(losses).toEqual(fullLosses);
      expect(weightsHex(resumed)).toEqual(weightsHex(full));
      expect(resumed.checkpoint()).toEqual(full.checkpoint());
      await full.dispose();
      await resumed.dispose();
    });
  }

  it('refuses a checkpoint of another seed or optimiser', async () => {
    const t = await Trainer.create({
      model: smallModel(),
      optimizer: adam({ lr: 0.01 }),
      seed: rootSeed(1),
      data: small(),
      batchSize: 16,
    });
    await t.trainStep();
    const ck = t.checkpoint();
    await expect(
      Trainer.create({
        model: smallModel(),
        optimizer: adam({ lr: 0.01 }),
        seed: rootSeed(2),
        data: small(),
        batchSize: 16,
        checkpoint: ck,
      }),
    ).rejects.toThrow(/seed differs/);
    await expect(
      Trainer.create({
        model: smallModel(),
        optimizer: adam({ lr: 0.02 }),
        seed: rootSeed(1),
        data: small(),
        batchSize: 16,
        checkpoint: ck,
      }),
    ).rejects.toThrow(/optimizer differs/);
    expect(() => t.restore({ ...ck, format: 'x' } as never)).toThrow(/Trainer.checkpoint/);
    await t.dispose();
  });
});

describe('export and ONNX import', () => {
  it('exports the inference graph with trained initializers and no Dropout; trains further from the bytes', async () => {
    const t = await Trainer.create({
      model: smallModel(),
      optimizer: adam({ lr: 0.01 }),
      seed: rootSeed(3),
      data: small(),
      batchSize: 16,
    });
    await t.fit(2);
    const bytes = t.exportModel();
    const g = graphFromModel(bytes);
    expect(g.nodes.some((n) => n.opType === 'Dropout')).toBe(false);
    const w = t.getWeights();
    for (const init of g.initializers.filter((x) => w.has(x.name))) {
      expect(hex(init.data as Float32Array)).toBe(hex(w.get(init.name) as Float32Array));
    }
    // Inference is deterministic (no dropout): the same input twice gives the same output.
    const s = await ort.InferenceSession.create(bytes);
    const d = small();
    const x = new ort.Tensor('float32', d.x, d.xShape);
    const a = (await s.run({ x })).output?.data as Float32Array;
    const b = (await s.run({ x })).output?.data as Float32Array;
    expect(hex(a)).toBe(hex(b));
    await s.release();
    // A model given as ONNX bytes keeps its initializer values as the starting point.
    const t2 = await Trainer.create({
      model: bytes,
      loss: 'softmaxCrossEntropy',
      optimizer: sgd({ lr: 0.05 }),
      seed: rootSeed(3),
      data: d,
      batchSize: 25,
    });
    expect(weightsHex(t2)).toEqual(weightsHex(t));
    const before = (await t2.trainStep()).loss;
    await t2.fit(3);
    expect(before).toBeLessThan(1.2);
    await t.dispose();
    await t2.dispose();
  });

  it('mse regression with a float target', async () => {
    const d = syntheticClassification(64, 4, 2, 'reg');
    const y = Float32Array.from(
      { length: 64 },
      (_, i) => (d.x[i * 4] as number) - 0.5 * (d.x[i * 4 + 1] as number),
    );
    const t = await Trainer.create({
      model: mlp({ inputSize: 4, layers: [{ units: 8, activation: 'sigmoid' }, { units: 1 }], loss: 'mse' }),
      optimizer: adam({ lr: 0.02 }),
      seed: rootSeed(8),
      data: { x: d.x, xShape: d.xShape, y, yShape: [64, 1] },
      batchSize: 16,
    });
    const h = await t.fit(40);
    expect((h[0]?.loss as number) / (h.at(-1)?.loss as number)).toBeGreaterThan(10);
    await t.dispose();
  });
});

describe('input validation', () => {
  const base = () => ({
    model: smallModel(),
    optimizer: sgd({ lr: 0.1 }),
    seed: rootSeed(1),
    data: small(),
    batchSize: 16,
  });
  it('names the bad argument', async () => {
    await expect(Trainer.create({ ...base(), batchSize: 0 })).rejects.toThrow(/batchSize/);
    await expect(Trainer.create({ ...base(), data: { ...small(), xShape: [100, 11] } })).rejects.toThrow(
      /options\.data\.x/,
    );
    await expect(Trainer.create({ ...base(), data: { ...small(), yShape: [99] } })).rejects.toThrow(/yShape/);
    await expect(Trainer.create({ ...base(), init: { 'dense/nope': 'zeros' } })).rejects.toThrow(
      /"dense\/nope" is not a trainable parameter/,
    );
    await expect(
      Trainer.create({ ...base(), init: { 'dense/kernel': 'uniformish' as never } }),
    ).rejects.toThrow(/must be one of/);
    await expect(
      Trainer.create({ ...base(), model: mlp({ inputSize: 12, layers: [{ units: 3 }] }) }),
    ).rejects.toThrow(/options\.loss is required/);
    await expect(Trainer.create({ ...base(), model: 'model.onnx' as never })).rejects.toThrow(
      /options\.model/,
    );
    expect(() => sgd({ lr: -1 })).toThrow(/lr/);
    expect(() => adam({ beta1: 1.5 })).toThrow(/beta1/);
    expect(() => mlp({ inputSize: 0, layers: [{ units: 1 }] })).toThrow(/inputSize/);
    expect(() => mlp({ inputSize: 3, layers: [{ units: 2, activation: 'gelu' as never }] })).toThrow(
      /activation/,
    );
    expect(() => mlp({ inputSize: 3, layers: [{ units: 2, dropout: 1 }] })).toThrow(/dropout/);
    const t = await Trainer.create(base());
    await expect(t.fit(-1)).rejects.toThrow(/epochs/);
    expect(() => t.batchOrder(-1)).toThrow(/epoch/);
    await t.dispose();
  });
});

describe('seeded streams vs NumPy (fixtures/training-seeding.json, seedkit_protocol.derive + numpy default_rng)', () => {
  const fx = JSON.parse(
    readFileSync(new URL('../fixtures/training-seeding.json', import.meta.url), 'utf8'),
  ) as {
    root: number;
    orders: { epoch: number; n: number; order: number[] }[];
    masks: { node: string; step: number; size: number; rate: number; keep: string }[];
  };
  it('batch orders are numpy permutations from derive(root, "batches", epoch)', () => {
    for (const o of fx.orders)
      expect(Array.from(epochOrder(rootSeed(fx.root), o.epoch, o.n))).toEqual(o.order);
  });
  it('dropout keep masks are numpy random() >= rate from derive(root, "dropout", node, step)', async () => {
    for (const m of fx.masks) {
      expect(Array.from(dropoutKeepMask(rootSeed(fx.root), m.node, m.step, m.size, m.rate)).join('')).toBe(
        m.keep,
      );
    }
    // and the Trainer uses those masks
    const t = await Trainer.create({
      model: smallModel(0.25),
      optimizer: sgd({ lr: 0.1 }),
      seed: rootSeed(fx.root),
      data: small(),
      batchSize: 16,
    });
    const m = fx.masks[1] as (typeof fx.masks)[number];
    expect(Array.from(t.dropoutMask(m.node, m.step)).join('')).toBe(m.keep);
    await t.dispose();
  });
});

describe('training a model exported by torch.onnx.export', () => {
  it('trains from the ONNX bytes (Flatten → Gemm → Relu → Dropout → Gemm), seeded masks, export drops Dropout', async () => {
    const bytes = readFileSync(new URL('../fixtures/torch-exported-f32.onnx', import.meta.url));
    const d = syntheticClassification(120, 12, 3, 'exported');
    const data = { ...d, xShape: [120, 3, 4] };
    const make = () =>
      Trainer.create({
        model: new Uint8Array(bytes),
        loss: 'softmaxCrossEntropy',
        optimizer: adam({ lr: 0.02 }),
        seed: rootSeed(77),
        data,
        batchSize: 20,
        init: { '1.weight': { scheme: 'heUniform', fanIn: 12, fanOut: 8 } },
      });
    const t = await make();
    expect(t.trainingGraph.dropout.map((s) => s.node)).toEqual(['/3/Dropout']);
    expect(hex(t.getWeights().get('1.weight') as Float32Array)).toBe(
      hex(initParam(rootSeed(77), '1.weight', [8, 12], 'heUniform', 12, 8)),
    );
    const h = await t.fit(30);
    expect((h[0]?.loss as number) / (h.at(-1)?.loss as number)).toBeGreaterThan(3);
    const again = await make();
    await again.fit(30);
    expect(weightsHex(again)).toEqual(weightsHex(t));
    const g = graphFromModel(t.exportModel());
    expect(g.nodes.map((n) => n.opType)).not.toContain('Dropout');
    const s = await ort.InferenceSession.create(t.exportModel());
    const out = await s.run({ x: new ort.Tensor('float32', Float32Array.from(d.x), [120, 3, 4]) });
    expect(out.logits?.dims).toEqual([120, 3]);
    await s.release();
    await t.dispose();
    await again.dispose();
  });
});

describe('a small CNN graph (Conv → Relu → Flatten → MatMul)', () => {
  it('trains with seeded He init and lowers its loss', async () => {
    const graph: Graph = {
      name: 'cnn',
      opset: TRAINING_OPSET,
      inputs: [{ name: 'x', dtype: 'float32', shape: ['batch', 1, 6, 6] }],
      outputs: [{ name: 'output', dtype: 'float32', shape: ['batch', 3] }],
      initializers: [
        { name: 'conv/kernel', dtype: 'float32', dims: [4, 1, 3, 3], data: new Float32Array(36) },
        { name: 'conv/bias', dtype: 'float32', dims: [4], data: new Float32Array(4) },
        { name: 'dense/kernel', dtype: 'float32', dims: [64, 3], data: new Float32Array(192) },
        { name: 'dense/bias', dtype: 'float32', dims: [3], data: new Float32Array(3) },
      ],
      nodes: [
        {
          name: 'conv',
          opType: 'Conv',
          inputs: ['x', 'conv/kernel', 'conv/bias'],
          outputs: ['c'],
          attrs: {},
        },
        { name: 'relu', opType: 'Relu', inputs: ['c'], outputs: ['r'], attrs: {} },
        { name: 'flatten', opType: 'Flatten', inputs: ['r'], outputs: ['f'], attrs: {} },
        { name: 'dense/MatMul', opType: 'MatMul', inputs: ['f', 'dense/kernel'], outputs: ['m'], attrs: {} },
        { name: 'dense/BiasAdd', opType: 'Add', inputs: ['m', 'dense/bias'], outputs: ['output'], attrs: {} },
      ],
    };
    const d = syntheticClassification(90, 36, 3, 'cnn');
    const t = await Trainer.create({
      model: graph,
      loss: 'softmaxCrossEntropy',
      optimizer: adam({ lr: 0.01 }),
      seed: rootSeed(5),
      data: { ...d, xShape: [90, 1, 6, 6] },
      batchSize: 15,
      init: { 'conv/kernel': { scheme: 'heNormal', fanIn: 9, fanOut: 36 }, 'dense/kernel': 'glorotUniform' },
    });
    const h = await t.fit(25);
    expect((h[0]?.loss as number) / (h.at(-1)?.loss as number)).toBeGreaterThan(3);
    await t.dispose();
  });
});
