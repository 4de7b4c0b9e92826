/**
 * ONNX protobuf encoding/decoding with protobufjs and the pinned onnx-ml.proto (onnx 1.23.1), embedded as
 * text in `generated/onnx-ml-proto.ts` so that it works from the bundled dist through import and require.
 *
 * Round trip: for files written by the `onnx` Python package (canonical field order, unpacked proto2 repeated
 * scalars except the `[packed = true]` TensorProto fields), `encodeModel(decodeModel(bytes))` is byte-identical
 * (tested on the fixtures). Unknown fields are dropped by protobufjs; {@link seedModel} therefore never
 * re-encodes whole models but splices only the changed node messages.
 */
import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import protobuf from 'protobufjs';
import { ONNX_PROTO_SHA256, ONNX_PROTO_TEXT, ONNX_PROTO_VERSION } from './generated/onnx-ml-proto.js';
import type { ModelProto } from './types.js';

export * from './types.js';
export { ONNX_PROTO_SHA256, ONNX_PROTO_VERSION };

let root: protobuf.Root | undefined;

/** The protobufjs root of the pinned onnx-ml.proto (parsed once, lazily). */
export function onnxRoot(): protobuf.Root {
  if (root === undefined) {
    root = protobuf.parse(ONNX_PROTO_TEXT, { keepCase: false }).root;
    root.resolveAll();
  }
  return root;
}

/** The protobufjs type `onnx.<name>`, e.g. `onnxType('NodeProto')`. */
export function onnxType(name: string): protobuf.Type {
  return onnxRoot().lookupType(`onnx.${name}`);
}

/** Options of {@link toPlainObject}. */
export const PLAIN_OBJECT_OPTIONS: protobuf.IConversionOptions = {
  longs: String,
  bytes: Array,
  defaults: false,
};

function asBytes(value: unknown, argName: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === 'string') {
    throw new SeedkitTypeError(
      `${argName} must be the model bytes (Uint8Array), got a string; read the file first (or use seedModelFile)`,
    );
  }
  throw new SeedkitTypeError(`${argName} must be a Uint8Array or ArrayBuffer, got ${typeof value}`);
}

/** Coerces `model` (Uint8Array, Buffer, ArrayBuffer or another ArrayBufferView) to a Uint8Array view. */
export function modelBytes(model: unknown, argName = 'model'): Uint8Array {
  return asBytes(model, argName);
}

/**
 * Decodes a protobuf message of type `onnx.<typeName>`; throws SeedkitValueError naming `argName` when the
 * bytes are not a valid encoding.
 */
export function decodeMessage<T = unknown>(typeName: string, bytes: Uint8Array, argName = 'bytes'): T {
  const buf = asBytes(bytes, argName);
  try {
    return onnxType(typeName).decode(buf) as unknown as T;
  } catch (e) {
    throw new SeedkitValueError(
      `${argName} is not a valid onnx.${typeName} encoding (${(e as Error).message})`,
    );
  }
}

/** Decodes ONNX model bytes (a serialized `onnx.ModelProto`). */
export function decodeModel(bytes: Uint8Array | ArrayBuffer): ModelProto & protobuf.Message {
  const buf = asBytes(bytes, 'bytes');
  const model = decodeMessage<ModelProto & protobuf.Message>('ModelProto', buf);
  if (model.irVersion === undefined || model.irVersion === null || !Object.hasOwn(model, 'irVersion')) {
    throw new SeedkitValueError(
      `bytes is not an ONNX model: the decoded ModelProto has no ir_version (${buf.length} bytes)`,
    );
  }
  return model;
}

const INT64_MIN = -(2n ** 63n);
const UINT64_END = 2n ** 64n;

/** Replaces bigint values (anywhere in a plain object tree) by protobufjs Longs so that verify() accepts them. */
function bigintsToLongs(value: unknown, path: string): unknown {
  if (typeof value === 'bigint') {
    if (value < INT64_MIN || value >= UINT64_END) {
      throw new SeedkitValueError(`model${path} = ${value}n does not fit in 64 bits`);
    }
    const Long = protobuf.util.Long as unknown as {
      fromString(s: string, unsigned?: boolean): protobuf.Long;
    };
    return Long.fromString(value.toString(), value > 2n ** 63n - 1n);
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = bigintsToLongs(value[i], `${path}[${i}]`);
      if (v !== value[i]) {
        out ??= value.slice();
        out[i] = v;
      }
    }
    return out ?? value;
  }
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    if (value instanceof protobuf.util.Long) return value;
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const c = bigintsToLongs(v, `${path}.${k}`);
      if (c !== v) {
        out ??= { ...(value as Record<string, unknown>) };
        out[k] = c;
      }
    }
    return out ?? value;
  }
  return value;
}

/**
 * Encodes a message of type `onnx.<typeName>` (a decoded message or a plain object with the protobufjs
 * camelCase field names); plain objects are validated first (SeedkitValueError naming the bad field).
 */
export function encodeMessage(typeName: string, message: object, argName = 'message'): Uint8Array {
  if (message === null || typeof message !== 'object') {
    throw new SeedkitTypeError(
      `${argName} must be an onnx.${typeName} object, got ${message === null ? 'null' : typeof message}`,
    );
  }
  const type = onnxType(typeName);
  let msg: protobuf.Message;
  if (message instanceof type.ctor) {
    msg = message as protobuf.Message;
  } else {
    const plain = bigintsToLongs(message, '') as Record<string, unknown>;
    const problem = type.verify(plain);
    if (problem !== null)
      throw new SeedkitValueError(`${argName} is not a valid onnx.${typeName}: ${problem}`);
    msg = type.fromObject(plain);
  }
  return type.encode(msg).finish();
}

/** Encodes an ONNX model (`onnx.ModelProto`, decoded or a plain object) to bytes. */
export function encodeModel(model: ModelProto): Uint8Array {
  return encodeMessage('ModelProto', model, 'model');
}
