import {
  type Dim,
  type ElemType,
  type Graph,
  GraphError,
  type GraphNode,
  getInt,
  getInts,
  type TensorValue,
} from './ir.js';

/** Static type of a value: element type and shape (symbolic dims are strings). */
export interface ValueType {
  dtype: ElemType;
  shape: Dim[];
}

export interface ShapeInfo {
  types: Map<string, ValueType>;
  /** Constant int64 tensors (initializers and Constant nodes), for Reshape shapes, axes, Split sizes. */
  constInts: Map<string, number[]>;
  /** The node producing each value. */
  producer: Map<string, GraphNode>;
}

function dimProduct(shape: Dim[]): { known: number; symbols: string[] } {
  let known = 1;
  const symbols: string[] = [];
  for (const d of shape) {
    if (typeof d === 'number') known *= d;
    else symbols.push(d);
  }
  return { known, symbols };
}

function normAxis(node: GraphNode, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank)
    throw new GraphError(node.name, node.opType, `axis ${axis} is out of range for rank ${rank}`);
  return a;
}

export function broadcastShapes(node: GraphNode, shapes: Dim[][]): Dim[] {
  const rank = Math.max(...shapes.map((s) => s.length));
  const out: Dim[] = [];
  for (let i = 0; i < rank; i++) {
    let d: Dim = 1;
    for (const s of shapes) {
      const k = s.length - rank + i;
      if (k < 0) continue;
      const e = s[k] as Dim;
      if (e === 1) continue;
      if (d === 1) d = e;
      else if (d !== e) {
        if (typeof d === 'number' && typeof e === 'number') {
          throw new GraphError(
            node.name,
            node.opType,
            `shape mismatch: cannot broadcast ${shapes.map((x) => `[${x.join(', ')}]`).join(' with ')}`,
          );
        }
        if (typeof d === 'string' && typeof e === 'number') d = e;
      }
    }
    out.push(d);
  }
  return out;
}

function constInts(t: TensorValue): number[] | undefined {
  if (t.dtype !== 'int64' || !(t.data instanceof BigInt64Array)) return undefined;
  return Array.from(t.data, (v) => Number(v));
}

function dimEq(a: Dim | undefined, b: Dim | undefined): boolean {
  return a === b || typeof a === 'string' || typeof b === 'string';
}

/** Conv attributes with their ONNX defaults (2-D). */
export function convParams(node: GraphNode, wShape: Dim[]) {
  const kernel = (getInts(node, 'kernel_shape') ?? wShape.slice(2)) as number[];
  if (kernel.some((k) => typeof k !== 'number'))
    throw new GraphError(node.name, node.opType, 'kernel dims must be static');
  return {
    kernel,
    strides: getInts(node, 'strides') ?? [1, 1],
    pads: getInts(node, 'pads') ?? [0, 0, 0, 0],
    dilations: getInts(node, 'dilations') ?? [1, 1],
  };
}

/** Ops whose output type equals the first input's type. */
const SAME_AS_INPUT = new Set([
  'Relu',
  'LeakyRelu',
  'Sigmoid',
  'Tanh',
  'Softmax',
  'LogSoftmax',
  'Identity',
  'Neg',
  'Exp',
  'Log',
  'Sqrt',
  'Abs',
]);

/**
 * Infers dtypes and shapes for every value in `graph`, in node order. Throws a {@link GraphError} naming the
 * node and op for an unknown op, a missing input (e.g. an initializer that is not in the graph) or a shape
 * mismatch.
 */
export function inferShapes(graph: Graph): ShapeInfo {
  const types = new Map<string, ValueType>();
  const consts = new Map<string, number[]>();
  const producer = new Map<string, GraphNode>();
  for (const t of graph.initializers) {
    types.set(t.name, { dtype: t.dtype, shape: [...t.dims] });
    const c = constInts(t);
    if (c) consts.set(t.name, c);
  }
  for (const v of graph.inputs)
    if (!types.has(v.name)) types.set(v.name, { dtype: v.dtype, shape: [...v.shape] });

  for (const node of graph.nodes) {
    const ins: (ValueType | undefined)[] = node.inputs.map((name, i) => {
      if (name === '') return undefined;
      const t = types.get(name);
      if (!t) {
        throw new GraphError(
          node.name,
          node.opType,
          `input ${i} ${JSON.stringify(name)} is not a graph input, an initializer or an earlier node's output`,
        );
      }
      return t;
    });
    const need = (i: number): ValueType => {
      const t = ins[i];
      if (!t) throw new GraphError(node.name, node.opType, `missing input ${i}`);
      return t;
    };
    const set = (i: number, t: ValueType) => {
      const name = node.outputs[i];
      if (name) {
        types.set(name, t);
        producer.set(name, node);
      }
    };
    const op = node.domain && node.domain !== 'ai.onnx' ? `${node.domain}:${node.opType}` : node.opType;
    switch (op) {
      case 'Add':
      case 'Sub':
      case 'Mul':
      case 'Div':
      case 'Pow': {
        const a = need(0);
        const b = need(1);
        if (a.dtype !== b.dtype) {
          throw new GraphError(node.name, node.opType, `type mismatch: ${a.dtype} and ${b.dtype}`);
        }
        set(0, { dtype: a.dtype, shape: broadcastShapes(node, [a.shape, b.shape]) });
        break;
      }
      case 'Greater':
      case 'Less':
      case 'Equal': {
        const a = need(0);
        const b = need(1);
        set(0, { dtype: 'bool', shape: broadcastShapes(node, [a.shape, b.shape]) });
        break;
      }
      case 'Where': {
        const c = need(0);
        const a = need(1);
        const b = need(2);
        set(0, { dtype: a.dtype, shape: broadcastShapes(node, [c.shape, a.shape, b.shape]) });
        break;
      }
      case 'Cast': {
        const to = getInt(node, 'to', 1);
        const dtype: ElemType = to === 1 ? 'float32' : to === 11 ? 'float64' : to === 7 ? 'int64' : 'bool';
        set(0, { dtype, shape: [...need(0).shape] });
        break;
      }
      case 'Dropout': {
        const x = need(0);
        set(0, { dtype: x.dtype, shape: [...x.shape] });
        set(1, { dtype: 'bool', shape: [...x.shape] });
        break;
      }
      case 'MatMul': {
        const a = need(0);
        const b = need(1);
        if (a.dtype !== b.dtype)
          throw new GraphError(node.name, node.opType, `type mismatch: ${a.dtype} and ${b.dtype}`);
        if (a.shape.length < 2 || b.shape.length < 2) {
          throw new GraphError(node.name, node.opType, 'only operands of rank 2 or more are supported');
        }
        const k1 = a.shape[a.shape.length - 1];
        const k2 = b.shape[b.shape.length - 2];
        if (!dimEq(k1, k2)) {
          throw new GraphError(
            node.name,
            node.opType,
            `shape mismatch: [${a.shape.join(', ')}] x [${b.shape.join(', ')}] (inner dimensions ${k1} and ${k2})`,
          );
        }
        const batch = broadcastShapes(node, [a.shape.slice(0, -2), b.shape.slice(0, -2)]);
        set(0, {
          dtype: a.dtype,
          shape: [...batch, a.shape[a.shape.length - 2] as Dim, b.shape[b.shape.length - 1] as Dim],
        });
        break;
      }
      case 'Gemm': {
        const a = need(0);
        const b = need(1);
        if (a.shape.length !== 2 || b.shape.length !== 2) {
          throw new GraphError(node.name, node.opType, 'A and B must be matrices');
        }
        const ta = getInt(node, 'transA', 0);
        const tb = getInt(node, 'transB', 0);
        const [m, k1] = ta ? [a.shape[1], a.shape[0]] : [a.shape[0], a.shape[1]];
        const [k2, n] = tb ? [b.shape[1], b.shape[0]] : [b.shape[0], b.shape[1]];
        if (!dimEq(k1, k2)) {
          throw new GraphError(
            node.name,
            node.opType,
            `shape mismatch: A [${a.shape.join(', ')}] and B [${b.shape.join(', ')}] (inner dimensions ${k1} and ${k2})`,
          );
        }
        const out: Dim[] = [m as Dim, n as Dim];
        const c = ins[2];
        if (c) broadcastShapes(node, [out, c.shape]);
        set(0, { dtype: a.dtype, shape: out });
        break;
      }
      case 'Conv': {
        const x = need(0);
        const wt = need(1);
        if (x.shape.length !== 4 || wt.shape.length !== 4) {
          throw new GraphError(
            node.name,
            node.opType,
            'only 2-D convolutions (rank-4 X and W) are supported',
          );
        }
        const autoPad = node.attrs.auto_pad;
        if (autoPad && !(autoPad.kind === 'string' && autoPad.value === 'NOTSET')) {
          throw new GraphError(node.name, node.opType, 'auto_pad is not supported; give explicit pads');
        }
        if (getInt(node, 'group', 1) !== 1)
          throw new GraphError(node.name, node.opType, 'group > 1 is not supported');
        const { strides, pads, dilations, kernel } = convParams(node, wt.shape);
        if (!dimEq(x.shape[1], wt.shape[1])) {
          throw new GraphError(
            node.name,
            node.opType,
            `shape mismatch: X has ${x.shape[1]} channels, W expects ${wt.shape[1]}`,
          );
        }
        const out: Dim[] = [x.shape[0] as Dim, wt.shape[0] as Dim];
        for (let i = 0; i < 2; i++) {
          const h = x.shape[2 + i];
          if (typeof h !== 'number')
            throw new GraphError(node.name, node.opType, 'spatial dims must be static');
          const o =
            Math.floor(
              (h +
                (pads[i] as number) +
                (pads[i + 2] as number) -
                (dilations[i] as number) * ((kernel[i] as number) - 1) -
                1) /
                (strides[i] as number),
            ) + 1;
          if (o < 1)
            throw new GraphError(
              node.name,
              node.opType,
              `shape mismatch: kernel larger than the padded input`,
            );
          out.push(o);
        }
        if (ins[2]) broadcastShapes(node, [[wt.shape[0] as Dim], ins[2].shape]);
        set(0, { dtype: x.dtype, shape: out });
        break;
      }
      case 'Reshape': {
        const x = need(0);
        const target = consts.get(node.inputs[1] ?? '');
        if (!target)
          throw new GraphError(node.name, node.opType, 'the shape input must be a constant (initializer)');
        const out: Dim[] = target.map((d, i) => (d === 0 ? (x.shape[i] as Dim) : d));
        const minus = out.indexOf(-1);
        if (minus >= 0) {
          const src = dimProduct(x.shape);
          const rest = dimProduct(out.filter((_, i) => i !== minus));
          if (src.known % rest.known !== 0) {
            throw new GraphError(
              node.name,
              node.opType,
              `shape mismatch: cannot reshape [${x.shape}] to [${target}]`,
            );
          }
          const k = src.known / rest.known;
          const syms = src.symbols.filter((s) => !rest.symbols.includes(s));
          out[minus] =
            syms.length === 0
              ? k
              : k === 1 && syms.length === 1
                ? (syms[0] as string)
                : `${k}*${syms.join('*')}`;
        } else {
          const src = dimProduct(x.shape);
          const dst = dimProduct(out);
          if (src.symbols.length === 0 && dst.symbols.length === 0 && src.known !== dst.known) {
            throw new GraphError(
              node.name,
              node.opType,
              `shape mismatch: cannot reshape [${x.shape}] to [${target}]`,
            );
          }
        }
        set(0, { dtype: x.dtype, shape: out });
        break;
      }
      case 'Flatten': {
        const x = need(0);
        const axis = getInt(node, 'axis', 1);
        const a = axis < 0 ? axis + x.shape.length : axis;
        const left = dimProduct(x.shape.slice(0, a));
        const right = dimProduct(x.shape.slice(a));
        const dimOf = (p: { known: number; symbols: string[] }): Dim =>
          p.symbols.length === 0
            ? p.known
            : p.known === 1 && p.symbols.length === 1
              ? (p.symbols[0] as string)
              : `${p.known}*${p.symbols.join('*')}`;
        set(0, { dtype: x.dtype, shape: [dimOf(left), dimOf(right)] });
        break;
      }
      case 'Transpose': {
        const x = need(0);
        const perm = getInts(node, 'perm') ?? x.shape.map((_, i) => x.shape.length - 1 - i);
        if (perm.length !== x.shape.length) {
          throw new GraphError(
            node.name,
            node.opType,
            `perm [${perm}] does not match rank ${x.shape.length}`,
          );
        }
        set(0, { dtype: x.dtype, shape: perm.map((p) => x.shape[p] as Dim) });
        break;
      }
      case 'Concat': {
        const first = need(0);
        const axis = normAxis(node, getInt(node, 'axis', 0), first.shape.length);
        const out = [...first.shape];
        let total: Dim = first.shape[axis] as Dim;
        for (let i = 1; i < node.inputs.length; i++) {
          const t = need(i);
          if (t.shape.length !== first.shape.length) {
            throw new GraphError(
              node.name,
              node.opType,
              `shape mismatch: inputs have ranks ${first.shape.length} and ${t.shape.length}`,
            );
          }
          for (let k = 0; k < t.shape.length; k++) {
            if (k !== axis && !dimEq(t.shape[k], first.shape[k])) {
              throw new GraphError(
                node.name,
                node.opType,
                `shape mismatch: [${first.shape}] and [${t.shape}] off axis ${axis}`,
              );
            }
          }
          const d = t.shape[axis] as Dim;
          total = typeof total === 'number' && typeof d === 'number' ? total + d : `${total}+${d}`;
        }
        out[axis] = total;
        set(0, { dtype: first.dtype, shape: out });
        break;
      }
      case 'ReduceSum':
      case 'ReduceMean': {
        const x = need(0);
        const keep = getInt(node, 'keepdims', 1);
        const axesAsInput =
          (op === 'ReduceSum' && graph.opset >= 13) || (op === 'ReduceMean' && graph.opset >= 18);
        const axesRaw = axesAsInput
          ? node.inputs[1]
            ? consts.get(node.inputs[1])
            : []
          : (getInts(node, 'axes') ?? []);
        if (axesRaw === undefined)
          throw new GraphError(node.name, node.opType, 'the axes input must be a constant');
        const noop = getInt(node, 'noop_with_empty_axes', 0);
        const axes =
          axesRaw.length === 0
            ? noop
              ? []
              : x.shape.map((_, i) => i)
            : axesRaw.map((a) => normAxis(node, a, x.shape.length));
        const out: Dim[] = [];
        x.shape.forEach((d, i) => {
          if (axes.includes(i)) {
            if (keep) out.push(1);
          } else out.push(d);
        });
        set(0, { dtype: x.dtype, shape: out });
        break;
      }
      case 'Shape':
        set(0, { dtype: 'int64', shape: [need(0).shape.length] });
        break;
      case 'Size':
        set(0, { dtype: 'int64', shape: [] });
        break;
      case 'Constant': {
        const v = node.attrs.value;
        if (v?.kind !== 'tensor')
          throw new GraphError(node.name, node.opType, 'only tensor-valued Constant nodes are supported');
        set(0, { dtype: v.value.dtype, shape: [...v.value.dims] });
        const c = constInts(v.value);
        if (c && node.outputs[0]) consts.set(node.outputs[0], c);
        break;
      }
      case 'Expand': {
        const x = need(0);
        const s = consts.get(node.inputs[1] ?? '');
        set(0, {
          dtype: x.dtype,
          shape: s ? broadcastShapes(node, [x.shape, s]) : x.shape.map((_, i) => `expand${i}`),
        });
        break;
      }
      case 'Unsqueeze': {
        const x = need(0);
        const axes = consts.get(node.inputs[1] ?? '');
        if (!axes) throw new GraphError(node.name, node.opType, 'the axes input must be a constant');
        const rank = x.shape.length + axes.length;
        const norm = axes.map((a) => (a < 0 ? a + rank : a));
        const out: Dim[] = [];
        let k = 0;
        for (let i = 0; i < rank; i++) out.push(norm.includes(i) ? 1 : (x.shape[k++] as Dim));
        set(0, { dtype: x.dtype, shape: out });
        break;
      }
      case 'Range':
        set(0, { dtype: need(0).dtype, shape: ['range'] });
        break;
      case 'Split': {
        const x = need(0);
        const axis = normAxis(node, getInt(node, 'axis', 0), x.shape.length);
        const sizes = consts.get(node.inputs[1] ?? '');
        node.outputs.forEach((_, i) => {
          const s = [...x.shape];
          s[axis] = sizes ? (sizes[i] as number) : `split${i}`;
          set(i, { dtype: x.dtype, shape: s });
        });
        break;
      }
      case 'ConstantOfShape': {
        const v = node.attrs.value;
        const dtype = v && v.kind === 'tensor' ? v.value.dtype : 'float32';
        const s = consts.get(node.inputs[0] ?? '');
        set(0, { dtype, shape: s ?? ['dynamic'] });
        break;
      }
      default:
        if (SAME_AS_INPUT.has(op)) {
          const x = need(0);
          set(0, { dtype: x.dtype, shape: [...x.shape] });
          break;
        }
        throw new GraphError(
          node.name,
          node.opType,
          `op ${op} is not supported by the training graph builder`,
        );
    }
  }
  return { types, constInts: consts, producer };
}
