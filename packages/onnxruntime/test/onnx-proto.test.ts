import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { describe, expect, it } from 'vitest';
import { ONNX_PROTO_TEXT } from '../src/onnx-proto/generated/onnx-ml-proto.js';
import {
  AttributeType,
  decodeMessage,
  decodeModel,
  encodeMessage,
  encodeModel,
  ONNX_PROTO_SHA256,
  ONNX_PROTO_VERSION,
  onnxType,
} from '../src/onnx-proto/index.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('pinned onnx-ml.proto', () => {
  it('the embedded text is the committed onnx-ml.proto (regenerate with src/onnx-proto/embed-proto.mjs)', () => {
    const file = readFileSync(new URL('../src/onnx-proto/onnx-ml.proto', import.meta.url), 'utf8');
    expect(ONNX_PROTO_TEXT).toBe(file);
    expect(createHash('sha256').update(file).digest('hex')).toBe(ONNX_PROTO_SHA256);
    expect(ONNX_PROTO_VERSION).toBe('1.23.1');
  });

  it('resolves the field numbers of the ONNX schema', () => {
    expect(onnxType('ModelProto').fields.graph!.id).toBe(7);
    expect(onnxType('ModelProto').fields.functions!.id).toBe(25);
    expect(onnxType('NodeProto').fields.attribute!.id).toBe(5);
    expect(onnxType('NodeProto').fields.metadataProps!.id).toBe(9);
    expect(onnxType('AttributeProto').fields.g!.id).toBe(6);
    expect(onnxType('AttributeProto').fields.graphs!.id).toBe(11);
    expect(onnxType('FunctionProto').fields.node!.id).toBe(7);
  });
});

describe('decodeModel / encodeModel', () => {
  for (const name of ['seed-random-ops.onnx', 'seed-random-ops-pyseeded.onnx', 'seed-mlp.onnx']) {
    it(`round-trips ${name} (written by onnx 1.23.1) byte for byte`, () => {
      const bytes = fixture(name);
      const again = encodeModel(decodeModel(bytes));
      expect(again.length).toBe(bytes.length);
      expect(hex(again)).toBe(hex(bytes));
    });
  }

  it('decodes the fields part B builds on (camelCase, int64 as Long)', () => {
    const model = decodeModel(fixture('seed-random-ops.onnx'));
    expect(Number(model.irVersion)).toBe(8);
    expect(model.producerName).toBe('seedkit-fixtures');
    expect(model.opsetImport!.map((o) => [o.domain, Number(o.version)])).toEqual([
      ['', 18],
      ['seedkit.test', 1],
    ]);
    const drop = model.graph!.node!.find((n) => n.name === 'drop')!;
    expect(drop.opType).toBe('Dropout');
    expect(drop.metadataProps).toEqual([expect.objectContaining({ key: 'origin', value: 'fixture' })]);
    const fixed = model.graph!.node!.find((n) => n.name === 'ru_fixed')!;
    const seed = fixed.attribute!.find((a) => a.name === 'seed')!;
    expect(seed.type).toBe(AttributeType.FLOAT);
    expect(seed.f).toBe(77);
    expect(model.functions![0]!.name).toBe('NoisyAdd');
  });

  it('encodes plain objects, accepting number, bigint and string int64 values', () => {
    const plain = {
      irVersion: 8n,
      opsetImport: [{ domain: '', version: 18 }],
      graph: {
        name: 'g',
        node: [{ opType: 'Identity', input: ['x'], output: ['y'], attribute: [] }],
        initializer: [{ name: 'c', dataType: 7, dims: [2n], int64Data: [-(2n ** 63n), 2n ** 62n] }],
        input: [{ name: 'x', type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: 3 }] } } } }],
        output: [{ name: 'y', type: { tensorType: { elemType: 1 } } }],
      },
    };
    const bytes = encodeModel(plain);
    const back = decodeModel(bytes);
    expect(back.irVersion!.toString()).toBe('8');
    expect(back.graph!.initializer![0]!.int64Data!.map(String)).toEqual([
      (-(2n ** 63n)).toString(),
      (2n ** 62n).toString(),
    ]);
    expect(back.graph!.node![0]!.opType).toBe('Identity');
    expect(hex(encodeModel(back))).toBe(hex(bytes));
  });

  it('encodes single messages as the onnx Python package does', () => {
    // ru_fixed in the fixture carries seed=77.0, written by onnx.helper.make_attribute: its encoding
    // (field 5, length, AttributeProto) must occur verbatim in the file.
    const bytes = encodeMessage('AttributeProto', { name: 'seed', type: AttributeType.FLOAT, f: 77 });
    const field = hex(new Uint8Array([(5 << 3) | 2, bytes.length, ...bytes]));
    expect(hex(fixture('seed-random-ops.onnx'))).toContain(field);
    expect(decodeMessage<{ f: number }>('AttributeProto', bytes).f).toBe(77);
  });

  it('rejects invalid input with typed errors naming the argument', () => {
    expect(() => decodeModel(new Uint8Array([0xff, 0xff, 0xff]))).toThrow(SeedkitValueError);
    expect(() => decodeModel(new Uint8Array([0xff, 0xff, 0xff]))).toThrow(
      /bytes is not a valid onnx\.ModelProto/,
    );
    expect(() => decodeModel(new Uint8Array(0))).toThrow(/no ir_version/);
    expect(() => decodeModel(fixture('seed-mlp.onnx').subarray(0, 500))).toThrow(SeedkitValueError);
    expect(() => decodeModel('model.onnx' as unknown as Uint8Array)).toThrow(SeedkitTypeError);
    expect(() => encodeModel({ irVersion: 'x' as unknown as number })).toThrow(
      /model is not a valid onnx\.ModelProto/,
    );
    expect(() => encodeModel({ irVersion: 2n ** 64n })).toThrow(SeedkitValueError);
    expect(() => encodeModel(null as unknown as object)).toThrow(SeedkitTypeError);
  });
});
