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
export type {
  BatchFeedNames,
  Dataset,
  EpochInfo,
  FitOptions,
  StepInfo,
  TrainerCheckpoint,
  TrainerOptions,
} from './trainer.js';
export { Trainer, withBatchGather } from './trainer.js';
export { appendGradients, DIFFERENTIABLE_OPS } from './training/autodiff.js';
export type {
  Attr,
  Dim,
  ElemType,
  FloatDType,
  Graph,
  GraphNode,
  TensorValue,
  ValueInfo,
} from './training/ir.js';
export { GraphError, TRAINING_OPSET } from './training/ir.js';
export type {
  Activation,
  DenseLayer,
  ForwardModel,
  InitScheme,
  MlpOptions,
  ParamInit,
} from './training/mlp.js';
export { INIT_SCHEMES, mlp } from './training/mlp.js';
export { encodeGraph, graphFromModel, graphToModelProto } from './training/onnx-codec.js';
export type { AdamOptions, LearningRate, OptimizerSpec, SgdOptions } from './training/optimizers.js';
export { adam, adamW, sgd } from './training/optimizers.js';
export { dropoutKeepMask, epochOrder, initParam } from './training/seeding.js';
export { inferShapes } from './training/shapes.js';
export type {
  BuildOptions,
  DropoutSite,
  LossName,
  LossSpec,
  ParamInfo,
  TrainingGraph,
} from './training/step-graph.js';
export { buildGradientGraph, buildTrainingGraph, inferenceGraph } from './training/step-graph.js';
export { VERSION } from './version.js';
