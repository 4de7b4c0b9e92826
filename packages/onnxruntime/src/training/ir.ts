import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';

/**
 * A small in-memory graph representation used by the training builder. It maps one to one onto ONNX
 * `GraphProto` (see `onnx-codec.ts`), but keeps attributes typed and tensors as typed arrays so that the
 * autodiff pass can read and emit nodes without going through protobuf.
 */

/** Floating dtypes a training graph can be built in (float64 is for gradient checks). */
export type FloatDType = 'float32' | 'float64';
/** Element types the training graphs use. */
export type ElemType = FloatDType | 'int64' | 'bool';
/** A dimension: a number, or a symbolic name such as `'batch'`. */
export type Dim = number | string;

export type TensorArray = Float32Array | Float64Array | BigInt64Array | Uint8Array;

export interface TensorValue {
  name: string;
  dtype: ElemType;
  dims: number[];
  data: TensorArray;
}

export type Attr =
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'ints'; value: number[] }
  | { kind: 'floats'; value: number[] }
  | { kind: 'string'; value: string }
  | { kind: 'tensor'; value: TensorValue };

export interface GraphNode {
  name: string;
  opType: string;
  domain?: string;
  inputs: string[];
  outputs: string[];
  attrs: Record<string, Attr>;
}

export interface ValueInfo {
  name: string;
  dtype: ElemType;
  shape: Dim[];
}

export interface Graph {
  name: string;
  nodes: GraphNode[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  initializers: TensorValue[];
  /** Default-domain opset the graph is written for. */
  opset: number;
}

/** The opset every graph built here targets (ReduceSum takes `axes` as an input, ReduceMean as an attribute). */
export const TRAINING_OPSET = 17;

/**
 * An error about one node of a graph. The message names the node and its op, e.g.
 * `node "dense/MatMul" (MatMul): shape mismatch …`.
 */
export class GraphError extends SeedkitValueError {
  readonly node: string;
  readonly op: string;
  constructor(node: string, op: string, message: string) {
    super(`node ${JSON.stringify(node)} (${op}): ${message}`);
    this.node = node;
    this.op = op;
  }
}

export const attr = {
  int: (value: number): Attr => ({ kind: 'int', value }),
  float: (value: number): Attr => ({ kind: 'float', value }),
  ints: (value: number[]): Attr => ({ kind: 'ints', value }),
  floats: (value: number[]): Attr => ({ kind: 'floats', value }),
  string: (value: string): Attr => ({ kind: 'string', value }),
  tensor: (value: TensorValue): Attr => ({ kind: 'tensor', value }),
};

export function getInt(node: GraphNode, name: string, fallback: number): number {
  const a = node.attrs[name];
  if (a === undefined) return fallback;
  if (a.kind !== 'int') throw new GraphError(node.name, node.opType, `attribute ${name} must be an int`);
  return a.value;
}

export function getFloat(node: GraphNode, name: string, fallback: number): number {
  const a = node.attrs[name];
  if (a === undefined) return fallback;
  if (a.kind !== 'float') throw new GraphError(node.name, node.opType, `attribute ${name} must be a float`);
  return a.value;
}

export function getInts(node: GraphNode, name: string): number[] | undefined {
  const a = node.attrs[name];
  if (a === undefined) return undefined;
  if (a.kind !== 'ints') throw new GraphError(node.name, node.opType, `attribute ${name} must be ints`);
  return a.value;
}

export function arrayFor(dtype: ElemType, n: number): TensorArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(n);
    case 'float64':
      return new Float64Array(n);
    case 'int64':
      return new BigInt64Array(n);
    case 'bool':
      return new Uint8Array(n);
  }
}

export function scalarTensor(name: string, dtype: ElemType, value: number): TensorValue {
  const data = arrayFor(dtype, 1);
  if (data instanceof BigInt64Array) data[0] = BigInt(value);
  else data[0] = value;
  return { name, dtype, dims: [], data };
}

export function int64Tensor(name: string, values: number[]): TensorValue {
  return {
    name,
    dtype: 'int64',
    dims: [values.length],
    data: BigInt64Array.from(values.map((v) => BigInt(v))),
  };
}

export function sizeOf(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

export function assertFloatDType(dtype: unknown, argName: string): FloatDType {
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new SeedkitValueError(`${argName} must be 'float32' or 'float64', got ${JSON.stringify(dtype)}`);
  }
  return dtype;
}

export function cloneGraph(g: Graph): Graph {
  return {
    name: g.name,
    opset: g.opset,
    nodes: g.nodes.map((n) => ({
      ...n,
      inputs: [...n.inputs],
      outputs: [...n.outputs],
      attrs: { ...n.attrs },
    })),
    inputs: g.inputs.map((v) => ({ ...v, shape: [...v.shape] })),
    outputs: g.outputs.map((v) => ({ ...v, shape: [...v.shape] })),
    initializers: g.initializers.map((t) => ({ ...t, dims: [...t.dims] })),
  };
}

/**
 * Emits nodes into a graph with unique names; caches scalar constants per (dtype, value).
 */
export class GraphWriter {
  readonly graph: Graph;
  private readonly used = new Set<string>();
  private readonly constants = new Map<string, string>();
  private counter = 0;

  constructor(graph: Graph) {
    this.graph = graph;
    for (const n of graph.nodes) {
      this.used.add(n.name);
      for (const o of n.outputs) this.used.add(o);
    }
    for (const v of graph.inputs) this.used.add(v.name);
    for (const t of graph.initializers) this.used.add(t.name);
  }

  fresh(prefix: string): string {
    let name = prefix;
    while (this.used.has(name)) name = `${prefix}_${++this.counter}`;
    this.used.add(name);
    return name;
  }

  reserve(name: string): string {
    if (this.used.has(name))
      throw new SeedkitValueError(`graph name ${JSON.stringify(name)} is already in use`);
    this.used.add(name);
    return name;
  }

  /** Adds a node; returns its output names. */
  nodeN(
    opType: string,
    inputs: string[],
    nOutputs: number,
    attrs: Record<string, Attr> = {},
    prefix = opType,
  ): string[] {
    const name = this.fresh(prefix);
    const outputs: string[] = [];
    for (let i = 0; i < nOutputs; i++) outputs.push(this.fresh(`${name}:${i}`));
    this.graph.nodes.push({ name, opType, inputs, outputs, attrs });
    return outputs;
  }

  node(opType: string, inputs: string[], attrs: Record<string, Attr> = {}, prefix = opType): string {
    return this.nodeN(opType, inputs, 1, attrs, prefix)[0] as string;
  }

  /** A node whose output name is given. */
  nodeTo(
    opType: string,
    inputs: string[],
    output: string,
    attrs: Record<string, Attr> = {},
    prefix = opType,
  ): string {
    const name = this.fresh(prefix);
    this.graph.nodes.push({ name, opType, inputs, outputs: [output], attrs });
    return output;
  }

  initializer(t: TensorValue): string {
    this.reserve(t.name);
    this.graph.initializers.push(t);
    return t.name;
  }

  scalar(dtype: ElemType, value: number): string {
    const key = `${dtype}:${Object.is(value, -0) ? '-0' : value}`;
    const hit = this.constants.get(key);
    if (hit) return hit;
    const name = this.fresh(`const_${dtype}_${value}`);
    this.graph.initializers.push(scalarTensor(name, dtype, value));
    this.constants.set(key, name);
    return name;
  }

  ints(values: number[]): string {
    const key = `ints:${values.join(',')}`;
    const hit = this.constants.get(key);
    if (hit) return hit;
    const name = this.fresh(`const_ints_${values.join('_') || 'empty'}`);
    this.graph.initializers.push(int64Tensor(name, values));
    this.constants.set(key, name);
    return name;
  }
}

export function checkName(value: unknown, argName: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new SeedkitTypeError(`${argName} must be a non-empty string, got ${typeof value}`);
  }
  return value;
}
