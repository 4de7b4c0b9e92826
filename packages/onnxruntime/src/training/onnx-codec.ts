import { SeedkitValueError } from '@seedkit/core';
import {
  type AttributeProto,
  AttributeType,
  decodeModel,
  encodeModel,
  type ModelProto,
  type NodeProto,
  TensorDataType,
  type TensorProto,
  type ValueInfoProto,
} from '../onnx-proto/index.js';
import type { Attr, Dim, ElemType, Graph, GraphNode, TensorArray, TensorValue, ValueInfo } from './ir.js';

const ELEM_CODE: Record<ElemType, number> = {
  float32: TensorDataType.FLOAT,
  float64: TensorDataType.DOUBLE,
  int64: TensorDataType.INT64,
  bool: TensorDataType.BOOL,
};

function elemFromCode(code: number, where: string): ElemType {
  switch (code) {
    case TensorDataType.FLOAT:
      return 'float32';
    case TensorDataType.DOUBLE:
      return 'float64';
    case TensorDataType.INT64:
      return 'int64';
    case TensorDataType.BOOL:
      return 'bool';
    default:
      throw new SeedkitValueError(`${where}: element type ${code} is not supported by the training builder`);
  }
}

function bytesOf(data: TensorArray): Uint8Array {
  return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

function tensorToProto(t: TensorValue): TensorProto {
  return { dims: t.dims, dataType: ELEM_CODE[t.dtype], name: t.name, rawData: bytesOf(t.data) };
}

function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' || typeof v === 'string') return Number(v);
  if (v && typeof v === 'object' && 'toNumber' in v) return (v as { toNumber(): number }).toNumber();
  return Number(v);
}

function tensorFromProto(p: TensorProto, where: string): TensorValue {
  const dtype = elemFromCode(p.dataType ?? 0, where);
  const dims = (p.dims ?? []).map(num);
  const n = dims.reduce((a, b) => a * b, 1);
  const name = p.name ?? '';
  if (p.dataLocation === 1) throw new SeedkitValueError(`${where}: external tensor data is not supported`);
  if (p.rawData && p.rawData.length > 0) {
    const raw = new Uint8Array(p.rawData).slice();
    const data =
      dtype === 'float32'
        ? new Float32Array(raw.buffer)
        : dtype === 'float64'
          ? new Float64Array(raw.buffer)
          : dtype === 'int64'
            ? new BigInt64Array(raw.buffer)
            : raw;
    if (data.length !== n)
      throw new SeedkitValueError(`${where}: raw data holds ${data.length} values, dims say ${n}`);
    return { name, dtype, dims, data };
  }
  let data: TensorArray;
  if (dtype === 'float32') data = Float32Array.from(p.floatData ?? []);
  else if (dtype === 'float64') data = Float64Array.from(p.doubleData ?? []);
  else if (dtype === 'int64') data = BigInt64Array.from((p.int64Data ?? []).map((v) => BigInt(String(v))));
  else data = Uint8Array.from(p.int32Data ?? []);
  if (data.length !== n)
    throw new SeedkitValueError(`${where}: tensor holds ${data.length} values, dims say ${n}`);
  return { name, dtype, dims, data };
}

function attrToProto(name: string, a: Attr): AttributeProto {
  switch (a.kind) {
    case 'int':
      return { name, type: AttributeType.INT, i: a.value };
    case 'float':
      return { name, type: AttributeType.FLOAT, f: a.value };
    case 'ints':
      return { name, type: AttributeType.INTS, ints: a.value };
    case 'floats':
      return { name, type: AttributeType.FLOATS, floats: a.value };
    case 'string':
      return { name, type: AttributeType.STRING, s: new TextEncoder().encode(a.value) };
    case 'tensor':
      return { name, type: AttributeType.TENSOR, t: tensorToProto(a.value) };
  }
}

function attrFromProto(p: AttributeProto, where: string): Attr {
  switch (p.type) {
    case AttributeType.INT:
      return { kind: 'int', value: num(p.i ?? 0) };
    case AttributeType.FLOAT:
      return { kind: 'float', value: p.f ?? 0 };
    case AttributeType.INTS:
      return { kind: 'ints', value: (p.ints ?? []).map(num) };
    case AttributeType.FLOATS:
      return { kind: 'floats', value: [...(p.floats ?? [])] };
    case AttributeType.STRING:
      return { kind: 'string', value: new TextDecoder().decode(p.s ?? new Uint8Array()) };
    case AttributeType.TENSOR:
      return { kind: 'tensor', value: tensorFromProto(p.t ?? {}, where) };
    default:
      throw new SeedkitValueError(`${where}: attribute ${p.name} of type ${p.type} is not supported`);
  }
}

function valueInfoToProto(v: ValueInfo): ValueInfoProto {
  return {
    name: v.name,
    type: {
      tensorType: {
        elemType: ELEM_CODE[v.dtype],
        shape: { dim: v.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

function valueInfoFromProto(p: ValueInfoProto): ValueInfo {
  const tt = p.type?.tensorType;
  const name = p.name ?? '';
  if (!tt) throw new SeedkitValueError(`graph value ${JSON.stringify(name)} is not a tensor`);
  // dim_value / dim_param are a oneof; decoded messages report a default dimValue of 0 for a dim_param.
  const shape: Dim[] = (tt.shape?.dim ?? []).map((d, i) =>
    d.dimParam
      ? d.dimParam
      : d.dimValue !== undefined && d.dimValue !== null && Object.hasOwn(d, 'dimValue')
        ? num(d.dimValue)
        : `${name}_dim${i}`,
  );
  return { name, dtype: elemFromCode(tt.elemType ?? 0, `graph value ${JSON.stringify(name)}`), shape };
}

/** The ONNX `ModelProto` (plain object) of a graph. */
export function graphToModelProto(g: Graph, producer = 'seedkit-onnxruntime-training'): ModelProto {
  const node: NodeProto[] = g.nodes.map((n) => ({
    input: n.inputs,
    output: n.outputs,
    name: n.name,
    opType: n.opType,
    ...(n.domain ? { domain: n.domain } : {}),
    attribute: Object.entries(n.attrs).map(([k, a]) => attrToProto(k, a)),
  }));
  const domains = new Set(g.nodes.map((n) => n.domain).filter((d): d is string => !!d && d !== 'ai.onnx'));
  return {
    irVersion: 8,
    opsetImport: [
      { domain: '', version: g.opset },
      ...[...domains].map((domain) => ({ domain, version: 1 })),
    ],
    producerName: producer,
    graph: {
      name: g.name,
      node,
      initializer: g.initializers.map(tensorToProto),
      input: g.inputs.map(valueInfoToProto),
      output: g.outputs.map(valueInfoToProto),
    },
  };
}

/** Serialises a graph to ONNX model bytes. */
export function encodeGraph(g: Graph, producer?: string): Uint8Array {
  return encodeModel(graphToModelProto(g, producer));
}

/** Reads ONNX model bytes (or a decoded ModelProto) into the training builder's graph form. */
export function graphFromModel(model: Uint8Array | ArrayBuffer | ModelProto): Graph {
  const proto: ModelProto =
    model instanceof Uint8Array || model instanceof ArrayBuffer ? decodeModel(model) : model;
  const g = proto.graph;
  if (!g) throw new SeedkitValueError('model has no graph');
  const opset = num((proto.opsetImport ?? []).find((o) => !o.domain || o.domain === 'ai.onnx')?.version ?? 0);
  if (opset < 13) {
    throw new SeedkitValueError(`model uses opset ${opset}; the training builder supports opset 13 or newer`);
  }
  const initializers = (g.initializer ?? []).map((t) =>
    tensorFromProto(t, `initializer ${JSON.stringify(t.name)}`),
  );
  const initNames = new Set(initializers.map((t) => t.name));
  const nodes: GraphNode[] = (g.node ?? []).map((n, i) => {
    const name = n.name || `${n.opType}_${i}`;
    const attrs: Record<string, Attr> = {};
    for (const a of n.attribute ?? [])
      attrs[a.name ?? ''] = attrFromProto(a, `node ${JSON.stringify(name)} (${n.opType})`);
    return {
      name,
      opType: n.opType ?? '',
      ...(n.domain ? { domain: n.domain } : {}),
      inputs: [...(n.input ?? [])],
      outputs: [...(n.output ?? [])],
      attrs,
    };
  });
  return {
    name: g.name || 'graph',
    opset,
    nodes,
    // Older exporters list initializers among the inputs too.
    inputs: (g.input ?? []).filter((v) => !initNames.has(v.name ?? '')).map(valueInfoFromProto),
    outputs: (g.output ?? []).map(valueInfoFromProto),
    initializers,
  };
}
