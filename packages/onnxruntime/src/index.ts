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
export { VERSION } from './version.js';
