export { ADAPTER_NAME, registerOnnxruntimeAdapter } from './adapter.js';
export type {
  AttributeProto,
  FunctionProto,
  GraphProto,
  Int64,
  ModelProto,
  NodeProto,
  OperatorSetIdProto,
  TensorProto,
  TypeProto,
  ValueInfoProto,
} from './onnx-proto/index.js';
export {
  AttributeType,
  decodeModel,
  encodeModel,
  ONNX_PROTO_VERSION,
  TensorDataType,
} from './onnx-proto/index.js';
export type { RandomNodeInfo, SeedModelOptions } from './seed-model.js';
export {
  effectiveEngineSeed,
  listRandomNodes,
  RANDOM_OPS,
  SEED_END,
  SEED_MIN,
  seedModel,
  seedModelFile,
  setNodeSeeds,
} from './seed-model.js';
export type { DeterministicSessionOptionsInput, GraphOptimizationLevel } from './session.js';
export { deterministicSessionOptions, PINNED_SESSION_OPTIONS } from './session.js';
export { VERSION } from './version.js';
