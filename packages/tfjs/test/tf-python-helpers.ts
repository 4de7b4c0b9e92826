// Shared by the tf-python*.test.ts files: fixture loading and IEEE-exact comparison.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export interface Encoded {
  dtype: string;
  shape: number[];
  hex?: string;
  sha256?: string;
  head?: string;
  tail?: string;
}

export function loadFixture<T>(name: string): T {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/tf-python-${name}.json`, import.meta.url), 'utf8'),
  ) as T;
}

type Typed = Float32Array | Float64Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array;

const DTYPE: Record<string, string> = {
  Float32Array: 'float32',
  Float64Array: 'float64',
  Int32Array: 'int32',
  Uint32Array: 'uint32',
  BigInt64Array: 'int64',
  BigUint64Array: 'uint64',
};

/** Hex of each element's bits (big-endian per element), concatenated — the fixture encoding. */
export function bitsHex(values: Typed): string {
  if (values.BYTES_PER_ELEMENT === 4) {
    const u = new Uint32Array(values.buffer, values.byteOffset, values.length);
    return Array.from(u, (x) => x.toString(16).padStart(8, '0')).join('');
  }
  const u = new BigUint64Array(values.buffer, values.byteOffset, values.length);
  return Array.from(u, (x) => x.toString(16).padStart(16, '0')).join('');
}

/** Asserts IEEE-exact equality with an encoded fixture array (dtype, shape and every bit). */
export function expectBits(values: Typed, expected: Encoded, shape?: readonly number[], label = ''): void {
  expect(DTYPE[values.constructor.name], `${label} dtype`).toBe(expected.dtype);
  if (shape) expect([...shape], `${label} shape`).toEqual(expected.shape);
  const n = expected.shape.reduce((p, d) => p * d, 1);
  expect(values.length, `${label} length`).toBe(n);
  if (expected.hex !== undefined) {
    expect(bitsHex(values), label).toBe(expected.hex);
    return;
  }
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  expect(bitsHex(values.subarray(0, 64) as Typed), `${label} head`).toBe(expected.head);
  expect(bitsHex(values.subarray(values.length - 64) as Typed), `${label} tail`).toBe(expected.tail);
  expect(createHash('sha256').update(bytes).digest('hex'), `${label} sha256`).toBe(expected.sha256);
}

/** Decodes a small fixture array of 32-bit floats into numbers (for readable cross-checks). */
export function decodeFloat32(hex: string): Float32Array {
  const u = new Uint32Array(hex.length / 8);
  for (let i = 0; i < u.length; i++) u[i] = Number.parseInt(hex.slice(8 * i, 8 * i + 8), 16);
  return new Float32Array(u.buffer);
}

/** Fixture ints: strings for big values. */
export const big = (v: string | number): bigint => BigInt(v);
