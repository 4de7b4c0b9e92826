import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { appendGradients } from './autodiff.js';
import {
  attr,
  cloneGraph,
  type Dim,
  type ElemType,
  type FloatDType,
  type Graph,
  GraphError,
  type GraphNode,
  GraphWriter,
  type TensorValue,
} from './ir.js';
import { checkOptimizer, emitUpdate, type OptimizerSpec, scalarInputs, stateSlots } from './optimizers.js';
import { inferShapes } from './shapes.js';

/**
 * A loss appended to a model output:
 * - `'softmaxCrossEntropy'`: mean over the batch of −log softmax(logits)[label]; the target is int64 class
 *   indices `[B]` (or float one-hot/probabilities `[B, C]`);
 * - `'mse'`: mean over all elements of (output − target)².
 */
export type LossName = 'softmaxCrossEntropy' | 'mse';
export type LossSpec = LossName | { type: LossName; output?: string };

export function checkLoss(loss: unknown, argName = 'loss'): { type: LossName; output?: string } {
  const spec = typeof loss === 'string' ? { type: loss } : loss;
  if (typeof spec !== 'object' || spec === null || !('type' in spec)) {
    throw new SeedkitTypeError(`${argName} must be 'softmaxCrossEntropy', 'mse' or { type, output }`);
  }
  const t = (spec as { type: unknown }).type;
  if (t !== 'softmaxCrossEntropy' && t !== 'mse') {
    throw new SeedkitValueError(
      `${argName} must be 'softmaxCrossEntropy' or 'mse', got ${JSON.stringify(t)}`,
    );
  }
  return spec as { type: LossName; output?: string };
}

export const LOSS_OUTPUT = 'loss';
export const TARGET_INPUT = 'target';

/** Appends the loss on `output`; adds the `target` graph input; returns the scalar loss name. */
function appendLoss(
  w: GraphWriter,
  type: LossName,
  output: string,
  outType: { dtype: ElemType; shape: Dim[] },
  targetDtype?: ElemType,
): string {
  const g = w.graph;
  const dt = outType.dtype;
  if (dt !== 'float32' && dt !== 'float64')
    throw new SeedkitValueError(`model output ${JSON.stringify(output)} is not float`);
  w.reserve(TARGET_INPUT);
  w.reserve(LOSS_OUTPUT);
  if (type === 'mse') {
    g.inputs.push({ name: TARGET_INPUT, dtype: dt, shape: [...outType.shape] });
    const d = w.node('Sub', [output, TARGET_INPUT], {}, 'loss/diff');
    const sq = w.node('Mul', [d, d], {}, 'loss/square');
    return w.nodeTo('ReduceMean', [sq], LOSS_OUTPUT, { keepdims: attr.int(0) }, 'loss/mean');
  }
  if (outType.shape.length !== 2) {
    throw new SeedkitValueError(
      `softmaxCrossEntropy needs logits of rank 2 [batch, classes], output ${JSON.stringify(output)} has [${outType.shape}]`,
    );
  }
  const classes = outType.shape[1];
  const logp = w.node('LogSoftmax', [output], { axis: attr.int(-1) }, 'loss/log_softmax');
  let onehot: string;
  if ((targetDtype ?? 'int64') === 'int64') {
    if (typeof classes !== 'number')
      throw new SeedkitValueError('softmaxCrossEntropy needs a static number of classes');
    g.inputs.push({ name: TARGET_INPUT, dtype: 'int64', shape: [outType.shape[0] as Dim] });
    const ids = w.ints(Array.from({ length: classes }, (_, i) => i));
    const col = w.node('Unsqueeze', [TARGET_INPUT, w.ints([1])], {}, 'loss/labels');
    const eq = w.node('Equal', [col, ids], {}, 'loss/one_hot');
    onehot = w.node('Cast', [eq], { to: attr.int(dt === 'float64' ? 11 : 1) }, 'loss/one_hot');
  } else {
    g.inputs.push({ name: TARGET_INPUT, dtype: dt, shape: [...outType.shape] });
    onehot = TARGET_INPUT;
  }
  const picked = w.node(
    'ReduceSum',
    [w.node('Mul', [onehot, logp], {}, 'loss/pick'), w.ints([1])],
    { keepdims: attr.int(0) },
    'loss/pick',
  );
  const mean = w.node('ReduceMean', [picked], { keepdims: attr.int(0) }, 'loss/mean');
  return w.nodeTo('Neg', [mean], LOSS_OUTPUT, {}, 'loss/neg');
}

export interface DropoutSite {
  /** Name of the Dropout node in the forward model. */
  node: string;
  ratio: number;
  /** Graph input receiving the scaled keep mask (0 or 1/(1 − ratio)). */
  input: string;
  /** Shape of the mask (that of the Dropout input; the batch dim is symbolic). */
  shape: Dim[];
}

function constFloat(g: Graph, name: string | undefined): number | undefined {
  if (!name) return undefined;
  const c = g.nodes.find((n) => n.opType === 'Constant' && n.outputs[0] === name)?.attrs.value;
  const t = c?.kind === 'tensor' ? c.value : g.initializers.find((x) => x.name === name);
  if (!t || t.dims.length > 0 || t.data instanceof BigInt64Array) return undefined;
  return Number(t.data[0]);
}

/**
 * Replaces every Dropout node with `Mul(x, mask)`, the mask being a new graph input (so it can come from the
 * seed); its `training_mode` input is ignored (a training step always applies dropout). Ratio 0 → Identity.
 */
function replaceDropouts(g: Graph, w: GraphWriter): DropoutSite[] {
  const sites: DropoutSite[] = [];
  const info = inferShapes(g);
  const nodes: GraphNode[] = [];
  for (const node of g.nodes) {
    if (node.opType !== 'Dropout') {
      nodes.push(node);
      continue;
    }
    if (node.outputs[1] && g.nodes.some((n) => n.inputs.includes(node.outputs[1] as string))) {
      throw new GraphError(
        node.name,
        node.opType,
        'the mask output is used by the graph; this is not supported',
      );
    }
    const ratioIn = node.inputs[1];
    const ratio = ratioIn ? constFloat(g, ratioIn) : 0.5;
    if (ratio === undefined || !(ratio >= 0 && ratio < 1)) {
      throw new GraphError(node.name, node.opType, 'ratio must be a constant in [0, 1)');
    }
    const x = node.inputs[0] as string;
    if (ratio === 0) {
      nodes.push({
        name: node.name,
        opType: 'Identity',
        inputs: [x],
        outputs: [node.outputs[0] as string],
        attrs: {},
      });
      continue;
    }
    const input = w.reserve(`${node.name}/mask`);
    const t = info.types.get(x);
    if (!t || (t.dtype !== 'float32' && t.dtype !== 'float64'))
      throw new GraphError(node.name, node.opType, 'input must be float');
    g.inputs.push({ name: input, dtype: t.dtype, shape: [...t.shape] });
    sites.push({ node: node.name, ratio, input, shape: [...t.shape] });
    nodes.push({
      name: node.name,
      opType: 'Mul',
      inputs: [x, input],
      outputs: [node.outputs[0] as string],
      attrs: {},
    });
  }
  g.nodes = nodes;
  return sites;
}

export interface ParamInfo {
  name: string;
  dtype: FloatDType;
  dims: number[];
}

export interface TrainingGraph {
  graph: Graph;
  dtype: FloatDType;
  /** The forward model's own inputs (e.g. `x`), then `target`. */
  dataInputs: string[];
  targetInput: string;
  targetDtype: ElemType;
  lossOutput: string;
  params: ParamInfo[];
  /** Parameter name → output name of its updated value (or its gradient, for a gradient graph). */
  paramOutputs: Record<string, string>;
  /** One entry per (param, slot): state input and output names. */
  state: { param: string; slot: string; input: string; output: string }[];
  dropout: DropoutSite[];
  /** Names of the per-step scalar inputs (learning rate, bias corrections). */
  scalars: string[];
  /** Initial parameter values taken from the model's initializers. */
  initialParams: Map<string, TensorValue>;
}

export interface BuildOptions {
  loss: LossSpec;
  /** Trainable parameters: float initializers of the model (default: all float initializers with rank ≥ 1). */
  params?: string[];
  /** int64 class indices (default) or float targets for softmaxCrossEntropy. */
  targetDtype?: 'int64' | 'float';
}

function prepare(model: Graph, options: BuildOptions) {
  if (typeof options !== 'object' || options === null)
    throw new SeedkitTypeError('options must be an object');
  const loss = checkLoss(options.loss, 'options.loss');
  const g = cloneGraph(model);
  const w = new GraphWriter(g);
  const output = loss.output ?? g.outputs[0]?.name;
  if (!output || !g.outputs.some((o) => o.name === output)) {
    throw new SeedkitValueError(`loss output ${JSON.stringify(output)} is not an output of the model`);
  }
  const floatInits = g.initializers.filter(
    (t) => (t.dtype === 'float32' || t.dtype === 'float64') && t.dims.length > 0,
  );
  const names = options.params ?? floatInits.map((t) => t.name);
  if (!Array.isArray(names) || names.length === 0)
    throw new SeedkitValueError('the model has no trainable parameters (float initializers)');
  const initialParams = new Map<string, TensorValue>();
  const params: ParamInfo[] = [];
  for (const name of names) {
    const t = floatInits.find((x) => x.name === name);
    if (!t)
      throw new SeedkitValueError(
        `options.params: ${JSON.stringify(name)} is not a float initializer of the model`,
      );
    initialParams.set(name, t);
    params.push({ name, dtype: t.dtype as FloatDType, dims: [...t.dims] });
  }
  const dtypes = new Set(params.map((p) => p.dtype));
  if (dtypes.size !== 1) throw new SeedkitValueError('all parameters must share one float dtype');
  const dtype = params[0]?.dtype as FloatDType;
  // Parameters become graph inputs, fed each step.
  g.initializers = g.initializers.filter((t) => !initialParams.has(t.name));
  for (const p of params) g.inputs.push({ name: p.name, dtype: p.dtype, shape: [...p.dims] });
  const dataInputs = model.inputs.map((v) => v.name);
  const dropout = replaceDropouts(g, w);
  // Drop Constant nodes and initializers nothing reads any more (e.g. the Dropout ratios).
  for (;;) {
    const read = new Set([...g.nodes.flatMap((n) => n.inputs), ...g.outputs.map((o) => o.name)]);
    const before = g.nodes.length;
    g.nodes = g.nodes.filter((n) => n.opType !== 'Constant' || n.outputs.some((o) => read.has(o)));
    g.initializers = g.initializers.filter((t) => read.has(t.name));
    if (g.nodes.length === before) break;
  }
  const info = inferShapes(g);
  const outType = info.types.get(output);
  if (!outType) throw new SeedkitValueError(`no type for output ${output}`);
  const targetDtype: ElemType =
    loss.type === 'mse' ? outType.dtype : options.targetDtype === 'float' ? outType.dtype : 'int64';
  const lossName = appendLoss(w, loss.type, output, outType, targetDtype);
  g.outputs = [{ name: lossName, dtype: outType.dtype, shape: [] }];
  return { g, w, params, dtype, dataInputs, dropout, targetDtype, initialParams, lossName };
}

/**
 * The gradient graph of a model: inputs = model inputs + target + params + dropout masks;
 * outputs = loss, then `<param>/grad` for each parameter. Used for gradient checks.
 */
export function buildGradientGraph(model: Graph, options: BuildOptions): TrainingGraph {
  const p = prepare(model, options);
  const { gradients } = appendGradients(
    p.g,
    p.lossName,
    p.params.map((x) => x.name),
    p.w,
  );
  const paramOutputs: Record<string, string> = {};
  for (const q of p.params) {
    const out = p.w.reserve(`${q.name}/grad`);
    p.w.nodeTo('Identity', [gradients.get(q.name) as string], out, {}, 'grad_out');
    paramOutputs[q.name] = out;
    p.g.outputs.push({ name: out, dtype: q.dtype, shape: [...q.dims] });
  }
  return {
    graph: p.g,
    dtype: p.dtype,
    dataInputs: p.dataInputs,
    targetInput: TARGET_INPUT,
    targetDtype: p.targetDtype,
    lossOutput: p.lossName,
    params: p.params,
    paramOutputs,
    state: [],
    dropout: p.dropout,
    scalars: [],
    initialParams: p.initialParams,
  };
}

/**
 * The training-step graph: forward + loss + backward + optimiser update, in standard ONNX ops.
 * inputs = model inputs, target, params, optimiser state (`<param>/<slot>`), dropout masks, step scalars;
 * outputs = loss, `<param>/new` for each param, `<param>/<slot>/new` for each state slot.
 */
export function buildTrainingGraph(
  model: Graph,
  options: BuildOptions & { optimizer: OptimizerSpec },
): TrainingGraph {
  const opt = checkOptimizer(options.optimizer);
  const p = prepare(model, options);
  const { gradients } = appendGradients(
    p.g,
    p.lossName,
    p.params.map((x) => x.name),
    p.w,
  );
  const scalars: Record<string, string> = {};
  for (const s of scalarInputs(opt)) {
    scalars[s] = p.w.reserve(s);
    p.g.inputs.push({ name: s, dtype: p.dtype, shape: [] });
  }
  const paramOutputs: Record<string, string> = {};
  const state: TrainingGraph['state'] = [];
  const slots = stateSlots(opt);
  for (const q of p.params) {
    const stIn: Record<string, string> = {};
    for (const slot of slots) {
      stIn[slot] = p.w.reserve(`${q.name}/${slot}`);
      p.g.inputs.push({ name: stIn[slot], dtype: q.dtype, shape: [...q.dims] });
    }
    const upd = emitUpdate(p.w, opt, p.dtype, q.name, gradients.get(q.name) as string, stIn, scalars);
    const out = p.w.reserve(`${q.name}/new`);
    p.w.nodeTo('Identity', [upd.param], out, {}, 'param_out');
    paramOutputs[q.name] = out;
    p.g.outputs.push({ name: out, dtype: q.dtype, shape: [...q.dims] });
    for (const slot of slots) {
      const so = p.w.reserve(`${q.name}/${slot}/new`);
      p.w.nodeTo('Identity', [upd.state[slot] as string], so, {}, 'state_out');
      p.g.outputs.push({ name: so, dtype: q.dtype, shape: [...q.dims] });
      state.push({ param: q.name, slot, input: stIn[slot] as string, output: so });
    }
  }
  return {
    graph: p.g,
    dtype: p.dtype,
    dataInputs: p.dataInputs,
    targetInput: TARGET_INPUT,
    targetDtype: p.targetDtype,
    lossOutput: p.lossName,
    params: p.params,
    paramOutputs,
    state,
    dropout: p.dropout,
    scalars: Object.values(scalars),
    initialParams: p.initialParams,
  };
}

/**
 * The inference model: the forward graph with `params` as initializers and Dropout nodes replaced by Identity.
 */
export function inferenceGraph(model: Graph, params: Map<string, TensorValue>): Graph {
  const g = cloneGraph(model);
  g.initializers = g.initializers.map((t) => {
    const v = params.get(t.name);
    if (!v) return t;
    if (v.data.length !== t.data.length)
      throw new SeedkitValueError(`parameter ${t.name}: size ${v.data.length} != ${t.data.length}`);
    return { ...t, data: v.data };
  });
  g.nodes = g.nodes.map((n) =>
    n.opType === 'Dropout'
      ? {
          name: n.name,
          opType: 'Identity',
          inputs: [n.inputs[0] as string],
          outputs: [n.outputs[0] as string],
          attrs: {},
        }
      : n,
  );
  return g;
}
