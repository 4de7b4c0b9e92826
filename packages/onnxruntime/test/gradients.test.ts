import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { deterministicSessionOptions } from '../src/session.js';
import { type Attr, type Graph, GraphError, int64Tensor, TRAINING_OPSET } from '../src/training/ir.js';
import { mlp } from '../src/training/mlp.js';
import { encodeGraph, graphFromModel } from '../src/training/onnx-codec.js';
import { adam, adamW, type OptimizerSpec, scalarValues, sgd } from '../src/training/optimizers.js';
import { buildGradientGraph, buildTrainingGraph, type TrainingGraph } from '../src/training/step-graph.js';

interface OpCase {
  name: string;
  op: string;
  attrs: Record<string, Attr>;
  inputs: { index: number; shape: number[]; hex: string }[];
  consts: { index: number; ints: number[] }[];
  target: { shape: number[]; hex: string };
  loss: string;
  grads: string[];
  mask?: string;
}
interface MlpCase {
  name: string;
  dropout: number;
  params: Record<string, { shape: number[]; hex: string }>;
  x: string;
  y: number[];
  mask?: string;
  loss: string;
  grads: Record<string, string>;
}
interface OptCase {
  optimizer: 'sgd' | 'adam' | 'adamw';
  options: Record<string, number | boolean>;
  params: Record<string, { shape: number[]; hex: string }>;
  batches: { x: string; y: number[] }[];
  steps: { loss: string; params: Record<string, string> }[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/torch-gradients.json', import.meta.url), 'utf8'),
) as {
  torch: string;
  ops: OpCase[];
  mlp: MlpCase[];
  optimizers: OptCase[];
};

const f64 = (hex: string) => {
  const b = Buffer.from(hex, 'hex');
  const u = new Uint8Array(b.length);
  u.set(b);
  return new Float64Array(u.buffer);
};

const RTOL = 1e-6;

/** |a − e| ≤ rtol·(|e| + 1e-3·max|e|) elementwise: relative, with a floor at 1e-3 of the tensor's scale. */
function expectRelClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  what: string,
  rtol = RTOL,
): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  let scale = 0;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i] as number));
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    const err = Math.abs((actual[i] as number) - e) / (Math.abs(e) + 1e-3 * scale || 1);
    worst = Math.max(worst, Number.isNaN(err) ? Number.POSITIVE_INFINITY : err);
  }
  expect(worst, `${what}: worst relative error`).toBeLessThanOrEqual(rtol);
}

function opGraph(c: OpCase): Graph {
  const nInputs = c.inputs.length + c.consts.length;
  const names: string[] = [];
  const g: Graph = {
    name: c.op,
    opset: TRAINING_OPSET,
    nodes: [],
    inputs: [],
    outputs: [],
    initializers: [],
  };
  for (let i = 0; i < nInputs; i++) {
    const k = c.consts.find((x) => x.index === i);
    if (k) {
      g.initializers.push(int64Tensor(`const${i}`, k.ints));
      names.push(`const${i}`);
      continue;
    }
    const inp = c.inputs.find((x) => x.index === i);
    if (!inp) throw new Error('bad fixture');
    g.initializers.push({ name: `in${i}`, dtype: 'float64', dims: inp.shape, data: f64(inp.hex) });
    names.push(`in${i}`);
  }
  g.nodes.push({ name: `${c.op}_node`, opType: c.op, inputs: names, outputs: ['y'], attrs: c.attrs });
  g.nodes.push({ name: 'out', opType: 'Identity', inputs: ['y'], outputs: ['output'], attrs: {} });
  g.outputs.push({ name: 'output', dtype: 'float64', shape: c.target.shape });
  return g;
}

async function session(tg: TrainingGraph): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(encodeGraph(tg.graph), deterministicSessionOptions());
}

function paramFeeds(tg: TrainingGraph): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  for (const p of tg.params)
    feeds[p.name] = new ort.Tensor(
      'float64',
      (tg.initialParams.get(p.name)!.data as Float64Array).slice(),
      p.dims,
    );
  return feeds;
}

/** Central finite differences of the loss for a few elements of each parameter (float64, h = 1e-6). */
async function checkFiniteDifferences(
  s: ort.InferenceSession,
  tg: TrainingGraph,
  feeds: Record<string, ort.Tensor>,
  out: ort.InferenceSession.ReturnType,
) {
  const lossOf = async (f: Record<string, ort.Tensor>) => Number((await s.run(f))[tg.lossOutput]?.data[0]);
  for (const p of tg.params) {
    const base = feeds[p.name]?.data as Float64Array;
    const grad = out[tg.paramOutputs[p.name] as string]?.data as Float64Array;
    const picks = [
      ...new Set([0, Math.floor(base.length / 3), Math.floor((2 * base.length) / 3), base.length - 1]),
    ];
    const fd: number[] = [];
    const an: number[] = [];
    for (const i of picks) {
      const h = 1e-6 * Math.max(1, Math.abs(base[i] as number));
      const plus = base.slice();
      plus[i] = (base[i] as number) + h;
      const minus = base.slice();
      minus[i] = (base[i] as number) - h;
      const lp = await lossOf({ ...feeds, [p.name]: new ort.Tensor('float64', plus, p.dims) });
      const lm = await lossOf({ ...feeds, [p.name]: new ort.Tensor('float64', minus, p.dims) });
      fd.push((lp - lm) / ((plus[i] as number) - (minus[i] as number)));
      an.push(grad[i] as number);
    }
    // Compared on the tensor's gradient scale (central differences carry ~1e-10 absolute error).
    let scale = 0;
    for (const v of grad) scale = Math.max(scale, Math.abs(v));
    for (let k = 0; k < fd.length; k++) {
      expect(
        Math.abs((fd[k] as number) - (an[k] as number)) / (Math.abs(an[k] as number) + 1e-3 * scale),
        `${p.name}[${picks[k]}] finite difference`,
      ).toBeLessThanOrEqual(RTOL);
    }
  }
}

describe(`per-op gradients (float64) vs PyTorch ${fixture.torch} autograd and finite differences`, () => {
  for (const c of fixture.ops) {
    it(c.name, async () => {
      const tg = buildGradientGraph(opGraph(c), { loss: 'mse' });
      expect(tg.params.map((p) => p.name)).toEqual(c.inputs.map((x) => `in${x.index}`));
      const s = await session(tg);
      const feeds = paramFeeds(tg);
      feeds.target = new ort.Tensor('float64', f64(c.target.hex), c.target.shape);
      if (c.mask) {
        expect(tg.dropout).toHaveLength(1);
        feeds[tg.dropout[0]?.input as string] = new ort.Tensor(
          'float64',
          f64(c.mask),
          c.inputs[0]?.shape as number[],
        );
      }
      const out = await s.run(feeds);
      expectRelClose(out.loss?.data as Float64Array, f64(c.loss), 'loss');
      tg.params.forEach((p, k) => {
        expectRelClose(
          out[tg.paramOutputs[p.name] as string]?.data as Float64Array,
          f64(c.grads[k] as string),
          `d loss / d ${p.name}`,
        );
      });
      await checkFiniteDifferences(s, tg, feeds, out);
      await s.release();
    });
  }
});

function fixtureMlp(c: { params: Record<string, { shape: number[]; hex: string }> }, dropout = 0) {
  const m = mlp({
    inputSize: 6,
    layers: [{ units: 5, activation: 'relu', dropout }, { units: 4, activation: 'tanh' }, { units: 3 }],
    dtype: 'float64',
  });
  for (const t of m.graph.initializers) {
    const p = c.params[t.name];
    if (p) t.data = f64(p.hex);
  }
  return m;
}

describe('MLP gradients (float64) vs PyTorch autograd and finite differences', () => {
  for (const c of fixture.mlp) {
    it(c.name, async () => {
      const m = fixtureMlp(c, c.dropout);
      const tg = buildGradientGraph(m.graph, { loss: 'softmaxCrossEntropy' });
      const s = await session(tg);
      const feeds = paramFeeds(tg);
      feeds.x = new ort.Tensor('float64', f64(c.x), [c.y.length, 6]);
      feeds.target = new ort.Tensor('int64', BigInt64Array.from(c.y.map(BigInt)), [c.y.length]);
      if (c.mask) feeds['dropout/mask'] = new ort.Tensor('float64', f64(c.mask), [c.y.length, 5]);
      expect(tg.dropout.map((d) => d.input)).toEqual(c.mask ? ['dropout/mask'] : []);
      const out = await s.run(feeds);
      expectRelClose(out.loss?.data as Float64Array, f64(c.loss), 'loss');
      for (const p of tg.params) {
        expectRelClose(
          out[tg.paramOutputs[p.name] as string]?.data as Float64Array,
          f64(c.grads[p.name] as string),
          p.name,
        );
      }
      await checkFiniteDifferences(s, tg, feeds, out);
      await s.release();
    });
  }
});

function optimizerOf(c: OptCase): OptimizerSpec {
  if (c.optimizer === 'sgd') return sgd(c.options as never);
  return c.optimizer === 'adam' ? adam(c.options as never) : adamW(c.options as never);
}

describe('optimiser steps (float64) vs torch.optim', () => {
  for (const c of fixture.optimizers) {
    it(`${c.optimizer} ${JSON.stringify(c.options)}: 3 steps`, async () => {
      const spec = optimizerOf(c);
      const tg = buildTrainingGraph(fixtureMlp(c).graph, { loss: 'softmaxCrossEntropy', optimizer: spec });
      const s = await session(tg);
      let feeds = paramFeeds(tg);
      for (const st of tg.state) {
        const p = tg.params.find((q) => q.name === st.param);
        feeds[st.input] = new ort.Tensor(
          'float64',
          new Float64Array((p?.dims ?? []).reduce((a, b) => a * b, 1)),
          p?.dims,
        );
      }
      for (let step = 0; step < c.batches.length; step++) {
        const b = c.batches[step] as OptCase['batches'][number];
        const sv = scalarValues(spec, step);
        const f: Record<string, ort.Tensor> = { ...feeds };
        f.x = new ort.Tensor('float64', f64(b.x), [b.y.length, 6]);
        f.target = new ort.Tensor('int64', BigInt64Array.from(b.y.map(BigInt)), [b.y.length]);
        for (const name of tg.scalars)
          f[name] = new ort.Tensor('float64', Float64Array.of(sv[name] as number), []);
        const out = await s.run(f);
        const exp = c.steps[step] as OptCase['steps'][number];
        expectRelClose(out.loss?.data as Float64Array, f64(exp.loss), `step ${step} loss`);
        feeds = {};
        for (const p of tg.params) {
          const t = out[tg.paramOutputs[p.name] as string] as ort.Tensor;
          expectRelClose(t.data as Float64Array, f64(exp.params[p.name] as string), `step ${step} ${p.name}`);
          feeds[p.name] = t;
        }
        for (const st of tg.state) feeds[st.input] = out[st.output] as ort.Tensor;
      }
      await s.release();
    });
  }
});

describe('graph errors name the node and the op', () => {
  const base = (): Graph => ({
    name: 'g',
    opset: TRAINING_OPSET,
    nodes: [],
    inputs: [{ name: 'x', dtype: 'float32', shape: ['batch', 3] }],
    outputs: [{ name: 'output', dtype: 'float32', shape: ['batch', 2] }],
    initializers: [{ name: 'w', dtype: 'float32', dims: [3, 2], data: new Float32Array(6) }],
  });
  it('unsupported op', () => {
    const g = base();
    g.nodes.push({ name: 'mm', opType: 'MatMul', inputs: ['x', 'w'], outputs: ['h'], attrs: {} });
    g.nodes.push({ name: 'my_sin', opType: 'Sin', inputs: ['h'], outputs: ['output'], attrs: {} });
    expect(() => buildGradientGraph(g, { loss: 'mse' })).toThrow(/node "my_sin" \(Sin\)/);
    try {
      buildGradientGraph(g, { loss: 'mse' });
    } catch (e) {
      expect(e).toBeInstanceOf(GraphError);
      expect((e as GraphError).node).toBe('my_sin');
      expect((e as GraphError).op).toBe('Sin');
    }
  });
  it('missing initializer', () => {
    const g = base();
    g.nodes.push({ name: 'dense/MatMul', opType: 'MatMul', inputs: ['x', 'w'], outputs: ['h'], attrs: {} });
    g.nodes.push({
      name: 'dense/BiasAdd',
      opType: 'Add',
      inputs: ['h', 'dense/bias'],
      outputs: ['output'],
      attrs: {},
    });
    expect(() => buildGradientGraph(g, { loss: 'mse' })).toThrow(
      /node "dense\/BiasAdd" \(Add\): input 1 "dense\/bias" is not/,
    );
  });
  it('shape mismatch', () => {
    const g = base();
    g.initializers.push({ name: 'w2', dtype: 'float32', dims: [4, 2], data: new Float32Array(8) });
    g.nodes.push({ name: 'mm1', opType: 'MatMul', inputs: ['x', 'w'], outputs: ['h'], attrs: {} });
    g.nodes.push({ name: 'mm2', opType: 'MatMul', inputs: ['h', 'w2'], outputs: ['output'], attrs: {} });
    expect(() => buildGradientGraph(g, { loss: 'mse' })).toThrow(/node "mm2" \(MatMul\): shape mismatch/);
    const g2 = base();
    g2.initializers.push({ name: 'b', dtype: 'float32', dims: [3], data: new Float32Array(3) });
    g2.nodes.push({ name: 'mm1', opType: 'MatMul', inputs: ['x', 'w'], outputs: ['h'], attrs: {} });
    g2.nodes.push({ name: 'add', opType: 'Add', inputs: ['h', 'b'], outputs: ['output'], attrs: {} });
    expect(() => buildGradientGraph(g2, { loss: 'mse' })).toThrow(/node "add" \(Add\): shape mismatch/);
  });
});

describe('a model exported by torch.onnx.export (Flatten, Gemm transB, Relu, Dropout)', () => {
  const fx = JSON.parse(
    readFileSync(new URL('../fixtures/torch-exported.json', import.meta.url), 'utf8'),
  ) as {
    x: string;
    xShape: number[];
    y: number[];
    mask: string;
    maskShape: number[];
    loss: string;
    grads: Record<string, string>;
  };
  it('float64 gradients equal torch autograd (mask fed to the Dropout)', async () => {
    const g = graphFromModel(readFileSync(new URL('../fixtures/torch-exported-f64.onnx', import.meta.url)));
    const tg = buildGradientGraph(g, { loss: 'softmaxCrossEntropy' });
    expect(tg.params.map((p) => p.name).sort()).toEqual(Object.keys(fx.grads).sort());
    expect(tg.dropout.map((d) => [d.node, d.ratio])).toEqual([['/3/Dropout', 0.25]]);
    const s = await session(tg);
    const feeds = paramFeeds(tg);
    feeds.x = new ort.Tensor('float64', f64(fx.x), fx.xShape);
    feeds.target = new ort.Tensor('int64', BigInt64Array.from(fx.y.map(BigInt)), [fx.y.length]);
    feeds[tg.dropout[0]?.input as string] = new ort.Tensor('float64', f64(fx.mask), fx.maskShape);
    const out = await s.run(feeds);
    expectRelClose(out.loss?.data as Float64Array, f64(fx.loss), 'loss');
    for (const p of tg.params) {
      expectRelClose(
        out[tg.paramOutputs[p.name] as string]?.data as Float64Array,
        f64(fx.grads[p.name] as string),
        p.name,
      );
    }
    await checkFiniteDifferences(s, tg, feeds, out);
    await s.release();
  });
});

describe('Conv gradients (float32: onnxruntime has no float64 Conv) vs PyTorch autograd in float64', () => {
  const conv = (
    fixture as unknown as {
      conv: {
        attrs: { strides: number[]; pads: number[]; dilations: number[] };
        bias: boolean;
        x: string;
        w: string;
        b: string;
        target: { shape: number[]; hex: string };
        loss: string;
        grads: string[];
      }[];
    }
  ).conv;
  for (const c of conv) {
    it(`Conv ${JSON.stringify(c.attrs)}${c.bias ? '' : ' no bias'}`, async () => {
      const f32 = (h: string) => Float32Array.from(f64(h));
      const g: Graph = {
        name: 'conv',
        opset: TRAINING_OPSET,
        nodes: [],
        inputs: [],
        outputs: [],
        initializers: [],
      };
      g.initializers.push({ name: 'X', dtype: 'float32', dims: [2, 3, 7, 6], data: f32(c.x) });
      g.initializers.push({ name: 'W', dtype: 'float32', dims: [4, 3, 3, 2], data: f32(c.w) });
      if (c.bias) g.initializers.push({ name: 'B', dtype: 'float32', dims: [4], data: f32(c.b) });
      g.nodes.push({
        name: 'conv',
        opType: 'Conv',
        inputs: c.bias ? ['X', 'W', 'B'] : ['X', 'W'],
        outputs: ['output'],
        attrs: {
          strides: { kind: 'ints', value: c.attrs.strides },
          pads: { kind: 'ints', value: c.attrs.pads },
          dilations: { kind: 'ints', value: c.attrs.dilations },
        },
      });
      g.outputs.push({ name: 'output', dtype: 'float32', shape: c.target.shape });
      const tg = buildGradientGraph(g, { loss: 'mse' });
      const s = await session(tg);
      const feeds: Record<string, ort.Tensor> = {
        target: new ort.Tensor('float32', f32(c.target.hex), c.target.shape),
      };
      for (const p of tg.params)
        feeds[p.name] = new ort.Tensor('float32', tg.initialParams.get(p.name)?.data as Float32Array, p.dims);
      const out = await s.run(feeds);
      // float32 arithmetic: 1e-4 relative (on the tensor's scale floor as above).
      expectRelClose(out.loss?.data as Float32Array, f64(c.loss), 'loss', 1e-4);
      tg.params.forEach((p, k) => {
        expectRelClose(
          out[tg.paramOutputs[p.name] as string]?.data as Float32Array,
          f64(c.grads[k] as string),
          `d loss / d ${p.name}`,
          1e-4,
        );
      });
      await s.release();
    });
  }
});

describe('opset 18 ReduceMean (axes as an input)', () => {
  it('matches the torch fixture of the opset-17 form', async () => {
    const c = fixture.ops.find((o) => o.name === 'ReduceMean keepdims=1') as OpCase;
    const axes = (c.attrs.axes as { kind: 'ints'; value: number[] }).value;
    const g = opGraph({ ...c, attrs: {} });
    g.opset = 18;
    g.initializers.push(int64Tensor('axes', axes));
    (g.nodes[0] as Graph['nodes'][number]).inputs.push('axes');
    const tg = buildGradientGraph(g, { loss: 'mse' });
    const s = await session(tg);
    const feeds = paramFeeds(tg);
    feeds.target = new ort.Tensor('float64', f64(c.target.hex), c.target.shape);
    const out = await s.run(feeds);
    expectRelClose(out['in0/grad']?.data as Float64Array, f64(c.grads[0] as string), 'd loss / d in0');
    await s.release();
  });
});

describe('builder options are validated', () => {
  const m = () => mlp({ inputSize: 2, layers: [{ units: 2 }] });
  it('names the bad option', () => {
    expect(() => buildGradientGraph(m().graph, { loss: 'hinge' as never })).toThrow(/options\.loss/);
    expect(() => buildGradientGraph(m().graph, { loss: { type: 'mse', output: 'nope' } })).toThrow(
      /"nope" is not an output/,
    );
    expect(() => buildGradientGraph(m().graph, { loss: 'mse', params: ['dense/nope'] })).toThrow(
      /options\.params: "dense\/nope"/,
    );
    expect(() =>
      buildTrainingGraph(m().graph, { loss: 'mse', optimizer: { type: 'rmsprop' } as never }),
    ).toThrow(/optimizer\.type/);
  });
});
