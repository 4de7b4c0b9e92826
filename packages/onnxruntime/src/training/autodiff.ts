import { SeedkitValueError } from '@seedkit/core';
import {
  attr,
  type Dim,
  type ElemType,
  type Graph,
  GraphError,
  type GraphNode,
  GraphWriter,
  getFloat,
  getInt,
  getInts,
} from './ir.js';
import { convParams, inferShapes, type ShapeInfo, type ValueType } from './shapes.js';

/** Ops the reverse-mode pass can differentiate. */
export const DIFFERENTIABLE_OPS: readonly string[] = [
  'MatMul',
  'Gemm',
  'Add',
  'Sub',
  'Mul',
  'Div',
  'Neg',
  'Exp',
  'Log',
  'Relu',
  'LeakyRelu',
  'Sigmoid',
  'Tanh',
  'Softmax',
  'LogSoftmax',
  'Reshape',
  'Flatten',
  'Transpose',
  'Concat',
  'ReduceSum',
  'ReduceMean',
  'Identity',
  'Dropout',
  'Conv',
];

/** Inputs of these ops never carry a gradient (integer/boolean or shape inputs). */
const NON_DIFF_INPUTS: Record<string, number[]> = {
  Reshape: [1],
  ReduceSum: [1],
  ReduceMean: [1],
  Dropout: [1, 2],
  Expand: [1],
};

interface RuleContext {
  w: GraphWriter;
  node: GraphNode;
  /** Gradient of each output (undefined where nothing downstream depends on it). */
  gy: (string | undefined)[];
  needs: boolean[];
  type: (name: string) => ValueType;
  info: ShapeInfo;
}

type Rule = (c: RuleContext) => (string | undefined)[];

/** Sums `g` (of shape gShape) down to `x`'s shape, over the axes along which `x` was broadcast. */
function unbroadcast(c: RuleContext, g: string, gShape: Dim[], x: string): string {
  const target = c.type(x).shape;
  const lead = gShape.length - target.length;
  const axes: number[] = [];
  for (let i = 0; i < lead; i++) axes.push(i);
  target.forEach((d, j) => {
    if (d === 1 && gShape[lead + j] !== 1) axes.push(lead + j);
  });
  if (axes.length === 0) return g;
  const summed = c.w.node(
    'ReduceSum',
    [g, c.w.ints(axes)],
    { keepdims: attr.int(1) },
    `${c.node.name}/grad/unbroadcast`,
  );
  if (lead === 0) return summed;
  const shape = c.w.node('Shape', [x], {}, `${c.node.name}/grad/shape`);
  return c.w.node('Reshape', [summed, shape], {}, `${c.node.name}/grad/reshape`);
}

function dtypeOf(c: RuleContext, name: string): ElemType {
  return c.type(name).dtype;
}

function swapLast(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 1] = rank - 2;
  perm[rank - 2] = rank - 1;
  return perm;
}

const CAST_TO: Record<string, number> = { float32: 1, float64: 11, int64: 7, bool: 9 };

const RULES: Record<string, Rule> = {
  Identity: (c) => [c.gy[0]],
  Dropout: (c) => [c.gy[0]],
  Neg: (c) => [c.w.node('Neg', [c.gy[0] as string], {}, `${c.node.name}/grad`)],
  Exp: (c) => [c.w.node('Mul', [c.gy[0] as string, c.node.outputs[0] as string], {}, `${c.node.name}/grad`)],
  Log: (c) => [c.w.node('Div', [c.gy[0] as string, c.node.inputs[0] as string], {}, `${c.node.name}/grad`)],
  Add: (c) => {
    const g = c.gy[0] as string;
    const gs = c.type(c.node.outputs[0] as string).shape;
    return [
      c.needs[0] ? unbroadcast(c, g, gs, c.node.inputs[0] as string) : undefined,
      c.needs[1] ? unbroadcast(c, g, gs, c.node.inputs[1] as string) : undefined,
    ];
  },
  Sub: (c) => {
    const g = c.gy[0] as string;
    const gs = c.type(c.node.outputs[0] as string).shape;
    const n = c.node.name;
    return [
      c.needs[0] ? unbroadcast(c, g, gs, c.node.inputs[0] as string) : undefined,
      c.needs[1]
        ? unbroadcast(c, c.w.node('Neg', [g], {}, `${n}/grad`), gs, c.node.inputs[1] as string)
        : undefined,
    ];
  },
  Mul: (c) => {
    const g = c.gy[0] as string;
    const [a, b] = c.node.inputs as [string, string];
    const gs = c.type(c.node.outputs[0] as string).shape;
    const n = c.node.name;
    return [
      c.needs[0] ? unbroadcast(c, c.w.node('Mul', [g, b], {}, `${n}/grad`), gs, a) : undefined,
      c.needs[1] ? unbroadcast(c, c.w.node('Mul', [g, a], {}, `${n}/grad`), gs, b) : undefined,
    ];
  },
  Div: (c) => {
    const g = c.gy[0] as string;
    const [a, b] = c.node.inputs as [string, string];
    const y = c.node.outputs[0] as string;
    const gs = c.type(y).shape;
    const n = c.node.name;
    let gb: string | undefined;
    if (c.needs[1]) {
      // d(a/b)/db = -(a/b)/b = -y/b
      const t = c.w.node('Div', [c.w.node('Mul', [g, y], {}, `${n}/grad`), b], {}, `${n}/grad`);
      gb = unbroadcast(c, c.w.node('Neg', [t], {}, `${n}/grad`), gs, b);
    }
    return [c.needs[0] ? unbroadcast(c, c.w.node('Div', [g, b], {}, `${n}/grad`), gs, a) : undefined, gb];
  },
  Relu: (c) => {
    const x = c.node.inputs[0] as string;
    const dt = dtypeOf(c, x);
    const n = c.node.name;
    const pos = c.w.node('Greater', [x, c.w.scalar(dt, 0)], {}, `${n}/grad/mask`);
    const mask = c.w.node('Cast', [pos], { to: attr.int(CAST_TO[dt] as number) }, `${n}/grad/mask`);
    return [c.w.node('Mul', [c.gy[0] as string, mask], {}, `${n}/grad`)];
  },
  LeakyRelu: (c) => {
    const x = c.node.inputs[0] as string;
    const dt = dtypeOf(c, x);
    const n = c.node.name;
    const alpha = getFloat(c.node, 'alpha', 0.01);
    const pos = c.w.node('Greater', [x, c.w.scalar(dt, 0)], {}, `${n}/grad/mask`);
    const slope = c.w.node(
      'Where',
      [pos, c.w.scalar(dt, 1), c.w.scalar(dt, Math.fround(alpha))],
      {},
      `${n}/grad/slope`,
    );
    return [c.w.node('Mul', [c.gy[0] as string, slope], {}, `${n}/grad`)];
  },
  Sigmoid: (c) => {
    const y = c.node.outputs[0] as string;
    const dt = dtypeOf(c, y);
    const n = c.node.name;
    const oneMinus = c.w.node('Sub', [c.w.scalar(dt, 1), y], {}, `${n}/grad`);
    const d = c.w.node('Mul', [y, oneMinus], {}, `${n}/grad`);
    return [c.w.node('Mul', [c.gy[0] as string, d], {}, `${n}/grad`)];
  },
  Tanh: (c) => {
    const y = c.node.outputs[0] as string;
    const dt = dtypeOf(c, y);
    const n = c.node.name;
    const y2 = c.w.node('Mul', [y, y], {}, `${n}/grad`);
    const d = c.w.node('Sub', [c.w.scalar(dt, 1), y2], {}, `${n}/grad`);
    return [c.w.node('Mul', [c.gy[0] as string, d], {}, `${n}/grad`)];
  },
  Softmax: (c) => {
    const y = c.node.outputs[0] as string;
    const n = c.node.name;
    const axis = getInt(c.node, 'axis', -1);
    const g = c.gy[0] as string;
    const gyY = c.w.node('Mul', [g, y], {}, `${n}/grad`);
    const s = c.w.node('ReduceSum', [gyY, c.w.ints([axis])], { keepdims: attr.int(1) }, `${n}/grad`);
    const diff = c.w.node('Sub', [g, s], {}, `${n}/grad`);
    return [c.w.node('Mul', [y, diff], {}, `${n}/grad`)];
  },
  LogSoftmax: (c) => {
    const y = c.node.outputs[0] as string;
    const n = c.node.name;
    const axis = getInt(c.node, 'axis', -1);
    const g = c.gy[0] as string;
    const s = c.w.node('ReduceSum', [g, c.w.ints([axis])], { keepdims: attr.int(1) }, `${n}/grad`);
    const p = c.w.node('Exp', [y], {}, `${n}/grad/softmax`);
    const ps = c.w.node('Mul', [p, s], {}, `${n}/grad`);
    return [c.w.node('Sub', [g, ps], {}, `${n}/grad`)];
  },
  Reshape: (c) => {
    const x = c.node.inputs[0] as string;
    const shape = c.w.node('Shape', [x], {}, `${c.node.name}/grad/shape`);
    return [c.w.node('Reshape', [c.gy[0] as string, shape], {}, `${c.node.name}/grad`), undefined];
  },
  Flatten: (c) => {
    const x = c.node.inputs[0] as string;
    const shape = c.w.node('Shape', [x], {}, `${c.node.name}/grad/shape`);
    return [c.w.node('Reshape', [c.gy[0] as string, shape], {}, `${c.node.name}/grad`)];
  },
  Transpose: (c) => {
    const x = c.node.inputs[0] as string;
    const rank = c.type(x).shape.length;
    const perm = getInts(c.node, 'perm') ?? Array.from({ length: rank }, (_, i) => rank - 1 - i);
    const inv = new Array<number>(rank);
    perm.forEach((p, i) => {
      inv[p] = i;
    });
    return [c.w.node('Transpose', [c.gy[0] as string], { perm: attr.ints(inv) }, `${c.node.name}/grad`)];
  },
  Concat: (c) => {
    const rank = c.type(c.node.inputs[0] as string).shape.length;
    const axisRaw = getInt(c.node, 'axis', 0);
    const axis = axisRaw < 0 ? axisRaw + rank : axisRaw;
    const sizes = c.node.inputs.map((x) => c.type(x).shape[axis]);
    if (sizes.some((s) => typeof s !== 'number')) {
      throw new GraphError(
        c.node.name,
        c.node.opType,
        `the gradient needs static sizes along the concat axis, got [${sizes}]`,
      );
    }
    const parts = c.w.nodeN(
      'Split',
      [c.gy[0] as string, c.w.ints(sizes as number[])],
      sizes.length,
      { axis: attr.int(axis) },
      `${c.node.name}/grad`,
    );
    return parts.map((p, i) => (c.needs[i] ? p : undefined));
  },
  Conv: (c) => {
    // 2-D, group 1, explicit pads (checked by shape inference).
    const [x, wt, b] = c.node.inputs as [string, string, string | undefined];
    const g = c.gy[0] as string;
    const n = c.node.name;
    const xs = c.type(x).shape;
    const ws = c.type(wt).shape;
    const ys = c.type(c.node.outputs[0] as string).shape;
    const { strides, pads, dilations, kernel } = convParams(c.node, ws);
    const out: (string | undefined)[] = [undefined, undefined, undefined];
    if (c.needs[0]) {
      // dX = ConvTranspose(dY, W) with output_padding making the output exactly X's spatial size.
      const outputPadding = [0, 1].map((i) => {
        const full =
          (strides[i] as number) * ((ys[2 + i] as number) - 1) +
          ((kernel[i] as number) - 1) * (dilations[i] as number) +
          1;
        return (xs[2 + i] as number) - (full - (pads[i] as number) - (pads[i + 2] as number));
      });
      out[0] = c.w.node(
        'ConvTranspose',
        [g, wt],
        {
          strides: attr.ints(strides),
          pads: attr.ints(pads),
          dilations: attr.ints(dilations),
          output_padding: attr.ints(outputPadding),
        },
        `${n}/grad/input`,
      );
    }
    if (c.needs[1]) {
      // dW[m, c] = correlation of X[:, c] with dY[:, m]: a Conv over the batch axis with strides and
      // dilations swapped, cropped to the kernel size.
      const perm = { perm: attr.ints([1, 0, 2, 3]) };
      const xt = c.w.node('Transpose', [x], perm, `${n}/grad/weight`);
      const gt = c.w.node('Transpose', [g], perm, `${n}/grad/weight`);
      const full = c.w.node(
        'Conv',
        [xt, gt],
        { strides: attr.ints(dilations), pads: attr.ints(pads), dilations: attr.ints(strides) },
        `${n}/grad/weight`,
      );
      const cropped = c.w.node(
        'Slice',
        [full, c.w.ints([0, 0]), c.w.ints(kernel), c.w.ints([2, 3])],
        {},
        `${n}/grad/weight`,
      );
      out[1] = c.w.node('Transpose', [cropped], perm, `${n}/grad/weight`);
    }
    if (b && c.needs[2]) {
      out[2] = c.w.node('ReduceSum', [g, c.w.ints([0, 2, 3])], { keepdims: attr.int(0) }, `${n}/grad/bias`);
    }
    return out;
  },
  ReduceSum: (c) => reduceGrad(c, false),
  ReduceMean: (c) => reduceGrad(c, true),
  MatMul: (c) => {
    const [a, b] = c.node.inputs as [string, string];
    const g = c.gy[0] as string;
    const n = c.node.name;
    const ta = c.type(a).shape;
    const tb = c.type(b).shape;
    const ty = c.type(c.node.outputs[0] as string).shape;
    const batch = ty.slice(0, -2);
    let ga: string | undefined;
    let gb: string | undefined;
    if (c.needs[0]) {
      const bt = c.w.node('Transpose', [b], { perm: attr.ints(swapLast(tb.length)) }, `${n}/grad/transpose`);
      ga = unbroadcast(
        c,
        c.w.node('MatMul', [g, bt], {}, `${n}/grad`),
        [...batch, ta.at(-2) as Dim, ta.at(-1) as Dim],
        a,
      );
    }
    if (c.needs[1]) {
      const at = c.w.node('Transpose', [a], { perm: attr.ints(swapLast(ta.length)) }, `${n}/grad/transpose`);
      gb = unbroadcast(
        c,
        c.w.node('MatMul', [at, g], {}, `${n}/grad`),
        [...batch, tb.at(-2) as Dim, tb.at(-1) as Dim],
        b,
      );
    }
    return [ga, gb];
  },
  Gemm: (c) => {
    const [a, b, cc] = c.node.inputs as [string, string, string | undefined];
    const g = c.gy[0] as string;
    const n = c.node.name;
    const alpha = getFloat(c.node, 'alpha', 1);
    const beta = getFloat(c.node, 'beta', 1);
    const transA = getInt(c.node, 'transA', 0);
    const transB = getInt(c.node, 'transB', 0);
    const gemm = (x: string, y: string, tx: number, ty: number) =>
      c.w.node(
        'Gemm',
        [x, y],
        { alpha: attr.float(alpha), transA: attr.int(tx), transB: attr.int(ty) },
        `${n}/grad`,
      );
    const out: (string | undefined)[] = [undefined, undefined, undefined];
    if (c.needs[0]) out[0] = transA ? gemm(b, g, transB, 1) : gemm(g, b, 0, transB ? 0 : 1);
    if (c.needs[1]) out[1] = transB ? gemm(g, a, 1, transA) : gemm(a, g, transA ? 0 : 1, 0);
    if (cc && c.needs[2]) {
      const dt = dtypeOf(c, c.node.outputs[0] as string);
      // ORT keeps Gemm's alpha/beta as float32.
      const scaled =
        beta === 1 ? g : c.w.node('Mul', [g, c.w.scalar(dt, Math.fround(beta))], {}, `${n}/grad`);
      out[2] = unbroadcast(c, scaled, c.type(c.node.outputs[0] as string).shape, cc);
    }
    return out;
  },
};

function reduceGrad(c: RuleContext, mean: boolean): (string | undefined)[] {
  const x = c.node.inputs[0] as string;
  const y = c.node.outputs[0] as string;
  const n = c.node.name;
  const rank = c.type(x).shape.length;
  const keep = getInt(c.node, 'keepdims', 1);
  let g = c.gy[0] as string;
  if (!keep) {
    const asInput = c.node.opType === 'ReduceSum' || c.w.graph.opset >= 18;
    let axes: number[] | undefined;
    if (asInput && c.node.inputs[1]) axes = c.info.constInts.get(c.node.inputs[1]);
    else if (!asInput) axes = getInts(c.node, 'axes');
    if (axes === undefined && asInput && c.node.inputs[1]) {
      throw new GraphError(n, c.node.opType, 'the axes input must be a constant');
    }
    // Reducing every axis gives a scalar that Expand broadcasts directly.
    if (axes && axes.length > 0 && axes.length < rank) {
      g = c.w.node(
        'Unsqueeze',
        [g, c.w.ints(axes.map((a) => (a < 0 ? a + rank : a)))],
        {},
        `${n}/grad/unsqueeze`,
      );
    }
  }
  const shape = c.w.node('Shape', [x], {}, `${n}/grad/shape`);
  let gx = c.w.node('Expand', [g, shape], {}, `${n}/grad`);
  if (mean) {
    const dt = dtypeOf(c, x);
    const to = attr.int(CAST_TO[dt] as number);
    const sx = c.w.node('Cast', [c.w.node('Size', [x], {}, `${n}/grad/size`)], { to }, `${n}/grad/size`);
    const sy = c.w.node('Cast', [c.w.node('Size', [y], {}, `${n}/grad/size`)], { to }, `${n}/grad/size`);
    gx = c.w.node('Div', [gx, c.w.node('Div', [sx, sy], {}, `${n}/grad/count`)], {}, `${n}/grad`);
  }
  return [gx, undefined];
}

export interface GradientResult {
  /** Name of the gradient value for each `wrt` name (same order). */
  gradients: Map<string, string>;
  info: ShapeInfo;
}

/**
 * Appends the reverse-mode gradient of the scalar `loss` with respect to each name in `wrt` (graph inputs or
 * initializers) to `graph`, in standard ONNX ops. Mutates `graph`; returns the gradient value names.
 * A node on the path from a `wrt` value to the loss whose op has no rule gets a {@link GraphError}.
 */
export function appendGradients(
  graph: Graph,
  loss: string,
  wrt: readonly string[],
  writer?: GraphWriter,
): GradientResult {
  const info = inferShapes(graph);
  const lossType = info.types.get(loss);
  if (!lossType) throw new SeedkitValueError(`loss ${JSON.stringify(loss)} is not a value of the graph`);
  if (lossType.shape.some((d) => d !== 1)) {
    throw new SeedkitValueError(
      `loss ${JSON.stringify(loss)} must be a scalar, has shape [${lossType.shape}]`,
    );
  }
  for (const name of wrt) {
    const t = info.types.get(name);
    if (!t)
      throw new SeedkitValueError(
        `wrt value ${JSON.stringify(name)} is not an input or initializer of the graph`,
      );
    if (t.dtype !== 'float32' && t.dtype !== 'float64') {
      throw new SeedkitValueError(
        `wrt value ${JSON.stringify(name)} has dtype ${t.dtype}; only float values have gradients`,
      );
    }
  }
  const w = writer ?? new GraphWriter(graph);
  const forward = graph.nodes.slice();
  // Values depending on a wrt value...
  const depends = new Set<string>(wrt);
  for (const node of forward) {
    const nd = NON_DIFF_INPUTS[node.opType] ?? [];
    if (node.inputs.some((x, i) => depends.has(x) && !nd.includes(i)))
      for (const o of node.outputs) depends.add(o);
  }
  // ...and values the loss depends on.
  const reaches = new Set<string>([loss]);
  for (let i = forward.length - 1; i >= 0; i--) {
    const node = forward[i] as GraphNode;
    if (node.outputs.some((o) => reaches.has(o))) for (const x of node.inputs) reaches.add(x);
  }
  const type = (name: string): ValueType => {
    const t = info.types.get(name);
    if (!t) throw new SeedkitValueError(`no type for ${JSON.stringify(name)}`);
    return t;
  };
  const contributions = new Map<string, string[]>();
  const add = (name: string, g: string) => {
    const list = contributions.get(name);
    if (list) list.push(g);
    else contributions.set(name, [g]);
  };
  const collect = (name: string): string | undefined => {
    const list = contributions.get(name);
    if (!list || list.length === 0) return undefined;
    let acc = list[0] as string;
    for (let i = 1; i < list.length; i++)
      acc = w.node('Add', [acc, list[i] as string], {}, `grad_accumulate`);
    contributions.set(name, [acc]);
    return acc;
  };
  const lossDt = lossType.dtype;
  const one = w.scalar(lossDt, 1);
  add(
    loss,
    lossType.shape.length === 0
      ? one
      : w.node('Expand', [one, w.ints(lossType.shape.map(() => 1))], {}, 'grad_seed'),
  );
  for (let i = forward.length - 1; i >= 0; i--) {
    const node = forward[i] as GraphNode;
    if (!node.outputs.some((o) => depends.has(o) && reaches.has(o))) continue;
    const gy = node.outputs.map((o) => collect(o));
    if (gy.every((g) => g === undefined)) continue;
    const nd = NON_DIFF_INPUTS[node.opType] ?? [];
    const needs = node.inputs.map((x, k) => depends.has(x) && !nd.includes(k));
    const op = node.domain && node.domain !== 'ai.onnx' ? `${node.domain}:${node.opType}` : node.opType;
    const rule = RULES[op];
    if (!rule) {
      throw new GraphError(
        node.name,
        node.opType,
        `op ${op} has no gradient rule (supported: ${DIFFERENTIABLE_OPS.join(', ')})`,
      );
    }
    if (gy[0] === undefined) continue;
    const grads = rule({ w, node, gy, needs, type, info });
    grads.forEach((g, k) => {
      if (g !== undefined && needs[k]) add(node.inputs[k] as string, g);
    });
  }
  const gradients = new Map<string, string>();
  for (const name of wrt) {
    let g = collect(name);
    if (g === undefined) {
      const t = type(name);
      const zero = {
        name: `${name}/zero`,
        dtype: t.dtype,
        dims: [1],
        data: t.dtype === 'float64' ? new Float64Array(1) : new Float32Array(1),
      };
      g = w.node(
        'ConstantOfShape',
        [w.node('Shape', [name], {}, 'grad_zero/shape')],
        { value: attr.tensor(zero) },
        'grad_zero',
      );
    } else if (
      g === name ||
      graph.inputs.some((v) => v.name === g) ||
      graph.initializers.some((t) => t.name === g)
    ) {
      g = w.node('Identity', [g], {}, 'grad_identity');
    }
    gradients.set(name, g);
  }
  return { gradients, info };
}
