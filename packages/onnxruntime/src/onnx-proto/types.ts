/**
 * TypeScript shapes of the ONNX protobuf messages (pinned onnx-ml.proto, onnx 1.23.1), as protobufjs
 * represents them: camelCase field names, `int64` as `Long` when decoded (a `number`, a decimal string,
 * a `bigint` or a `Long` is accepted when encoding), `bytes` as `Uint8Array`, enums as numbers.
 * Absent optional fields are `undefined`/`null`; repeated fields are arrays.
 */
import type { Long } from 'protobufjs';

/** An int64 field: decoded as `Long`; any of these is accepted by {@link encodeModel}. */
export type Int64 = Long | number | bigint | string;

/** `AttributeProto.AttributeType`. */
export const AttributeType = {
  UNDEFINED: 0,
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
  TENSORS: 9,
  GRAPHS: 10,
  SPARSE_TENSOR: 11,
  SPARSE_TENSORS: 12,
  TYPE_PROTO: 13,
  TYPE_PROTOS: 14,
} as const;
export type AttributeType = (typeof AttributeType)[keyof typeof AttributeType];

/** `TensorProto.DataType` (the common ones; any number is accepted). */
export const TensorDataType = {
  UNDEFINED: 0,
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  COMPLEX64: 14,
  COMPLEX128: 15,
  BFLOAT16: 16,
} as const;

export interface StringStringEntryProto {
  key?: string | null;
  value?: string | null;
}

export interface OperatorSetIdProto {
  domain?: string | null;
  version?: Int64 | null;
}

export interface TensorShapeDimension {
  dimValue?: Int64 | null;
  dimParam?: string | null;
  denotation?: string | null;
}

export interface TensorShapeProto {
  dim?: TensorShapeDimension[] | null;
}

export interface TypeProto {
  tensorType?: { elemType?: number | null; shape?: TensorShapeProto | null } | null;
  sequenceType?: { elemType?: TypeProto | null } | null;
  mapType?: { keyType?: number | null; valueType?: TypeProto | null } | null;
  optionalType?: { elemType?: TypeProto | null } | null;
  sparseTensorType?: { elemType?: number | null; shape?: TensorShapeProto | null } | null;
  opaqueType?: { domain?: string | null; name?: string | null } | null;
  denotation?: string | null;
}

export interface ValueInfoProto {
  name?: string | null;
  type?: TypeProto | null;
  docString?: string | null;
  metadataProps?: StringStringEntryProto[] | null;
}

export interface TensorProto {
  dims?: Int64[] | null;
  dataType?: number | null;
  segment?: { begin?: Int64 | null; end?: Int64 | null } | null;
  floatData?: number[] | null;
  int32Data?: number[] | null;
  stringData?: Uint8Array[] | null;
  int64Data?: Int64[] | null;
  name?: string | null;
  docString?: string | null;
  rawData?: Uint8Array | null;
  externalData?: StringStringEntryProto[] | null;
  dataLocation?: number | null;
  doubleData?: number[] | null;
  uint64Data?: Int64[] | null;
  metadataProps?: StringStringEntryProto[] | null;
}

export interface SparseTensorProto {
  values?: TensorProto | null;
  indices?: TensorProto | null;
  dims?: Int64[] | null;
}

export interface AttributeProto {
  name?: string | null;
  refAttrName?: string | null;
  docString?: string | null;
  type?: number | null;
  f?: number | null;
  i?: Int64 | null;
  s?: Uint8Array | null;
  t?: TensorProto | null;
  g?: GraphProto | null;
  sparseTensor?: SparseTensorProto | null;
  tp?: TypeProto | null;
  floats?: number[] | null;
  ints?: Int64[] | null;
  strings?: Uint8Array[] | null;
  tensors?: TensorProto[] | null;
  graphs?: GraphProto[] | null;
  sparseTensors?: SparseTensorProto[] | null;
  typeProtos?: TypeProto[] | null;
}

export interface NodeProto {
  input?: string[] | null;
  output?: string[] | null;
  name?: string | null;
  opType?: string | null;
  domain?: string | null;
  overload?: string | null;
  attribute?: AttributeProto[] | null;
  docString?: string | null;
  metadataProps?: StringStringEntryProto[] | null;
  deviceConfigurations?: unknown[] | null;
}

export interface GraphProto {
  node?: NodeProto[] | null;
  name?: string | null;
  initializer?: TensorProto[] | null;
  sparseInitializer?: SparseTensorProto[] | null;
  docString?: string | null;
  input?: ValueInfoProto[] | null;
  output?: ValueInfoProto[] | null;
  valueInfo?: ValueInfoProto[] | null;
  quantizationAnnotation?: unknown[] | null;
  metadataProps?: StringStringEntryProto[] | null;
}

export interface FunctionProto {
  name?: string | null;
  input?: string[] | null;
  output?: string[] | null;
  attribute?: string[] | null;
  attributeProto?: AttributeProto[] | null;
  node?: NodeProto[] | null;
  docString?: string | null;
  opsetImport?: OperatorSetIdProto[] | null;
  domain?: string | null;
  overload?: string | null;
  valueInfo?: ValueInfoProto[] | null;
  metadataProps?: StringStringEntryProto[] | null;
}

export interface TrainingInfoProto {
  initialization?: GraphProto | null;
  algorithm?: GraphProto | null;
  initializationBinding?: StringStringEntryProto[] | null;
  updateBinding?: StringStringEntryProto[] | null;
}

export interface ModelProto {
  irVersion?: Int64 | null;
  opsetImport?: OperatorSetIdProto[] | null;
  producerName?: string | null;
  producerVersion?: string | null;
  domain?: string | null;
  modelVersion?: Int64 | null;
  docString?: string | null;
  graph?: GraphProto | null;
  metadataProps?: StringStringEntryProto[] | null;
  trainingInfo?: TrainingInfoProto[] | null;
  functions?: FunctionProto[] | null;
  configuration?: unknown[] | null;
}
