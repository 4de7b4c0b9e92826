/**
 * Replays the NumPy fixtures written by scripts/gen-fixtures-generator.py: builds the same bit generator,
 * applies the same operations, and encodes every result the way the script did (IEEE bit patterns as hex,
 * integers as decimal strings, big arrays as SHA-256 of their little-endian bytes).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SeedSequence } from '@seedkit/core';
import { expect } from 'vitest';
import type { BitGenerator } from '../src/bitgen/bit-generator.js';
import { MT19937 } from '../src/bitgen/mt19937.js';
import { PCG64 } from '../src/bitgen/pcg64.js';
import { PCG64DXSM } from '../src/bitgen/pcg64dxsm.js';
import { Philox } from '../src/bitgen/philox.js';
import { SFC64 } from '../src/bitgen/sfc64.js';
import { Generator } from '../src/generator.js';
import { withShape } from '../src/shape.js';

export const BIG = 4096;

export type SeedSpec =
  | { kind: 'int'; value: string }
  | { kind: 'array'; value: string[] }
  | { kind: 'ss'; entropy: string | string[]; spawn_key?: number[] };

export interface Encoded {
  t: string;
  shape?: number[] | null;
  v?: string | string[];
  hex?: string | string[];
  sha256?: string;
  head?: string[];
}

export interface OpRecord {
  m: string;
  args: unknown[];
  kw?: Record<string, unknown>;
  result?: Encoded;
  state?: unknown;
  error?: string;
  msg?: string;
}

export interface Case {
  bitgen: string;
  seed?: SeedSpec;
  philox?: Record<string, string | string[]>;
  ops: OpRecord[];
}

export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

function intOf(s: string): number | bigint {
  const b = BigInt(s);
  return b <= BigInt(Number.MAX_SAFE_INTEGER) && b >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}

export function makeSeed(spec: SeedSpec): unknown {
  if (spec.kind === 'int') return intOf(spec.value);
  if (spec.kind === 'array') return spec.value.map(intOf);
  const e = Array.isArray(spec.entropy) ? spec.entropy.map(intOf) : intOf(spec.entropy);
  return new SeedSequence(e as number, { spawnKey: spec.spawn_key ?? [] });
}

const CTORS: Record<string, new (seed?: never) => BitGenerator> = {
  PCG64: PCG64 as never,
  PCG64DXSM: PCG64DXSM as never,
  Philox: Philox as never,
  SFC64: SFC64 as never,
  MT19937: MT19937 as never,
};

export function makeBitGen(c: Case): BitGenerator {
  if (c.philox) {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c.philox))
      o[k] = Array.isArray(v) ? v.map((x) => BigInt(x)) : BigInt(v);
    return new Philox(o);
  }
  return new CTORS[c.bitgen]!(makeSeed(c.seed!) as never);
}

const CAMEL: Record<string, string> = {
  random_raw: 'randomRaw',
  standard_normal: 'standardNormal',
  standard_exponential: 'standardExponential',
};

const TYPED: Record<
  string,
  new (
    n: number,
  ) => ArrayLike<number | bigint> & { [i: number]: number | bigint }
> = {
  float64: Float64Array,
  float32: Float32Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  int64: BigInt64Array as never,
  uint8: Uint8Array,
  uint16: Uint16Array,
  uint32: Uint32Array,
  uint64: BigUint64Array as never,
};

export function decodeArg(a: unknown): unknown {
  if (a !== null && typeof a === 'object' && !Array.isArray(a)) {
    const o = a as { big?: string; arr?: number[]; dtype?: string; shape?: number[] };
    if (o.big !== undefined) return BigInt(o.big);
    if ((o as { float?: string }).float !== undefined)
      return Number.parseFloat((o as { float: string }).float.replace('inf', 'Infinity'));
    if (o.arr !== undefined) {
      const C = TYPED[o.dtype!]!;
      const out = new C(o.arr.length);
      o.arr.forEach((v, i) => {
        out[i] = o.dtype === 'int64' || o.dtype === 'uint64' ? BigInt(v) : v;
      });
      return withShape(out, o.shape!);
    }
  }
  return a;
}

function typeName(x: ArrayBufferView): string {
  if (x instanceof Float64Array) return 'float64';
  if (x instanceof Float32Array) return 'float32';
  if (x instanceof Int8Array) return 'int8';
  if (x instanceof Int16Array) return 'int16';
  if (x instanceof Int32Array) return 'int32';
  if (x instanceof BigInt64Array) return 'int64';
  if (x instanceof Uint8Array) return 'uint8';
  if (x instanceof Uint16Array) return 'uint16';
  if (x instanceof Uint32Array) return 'uint32';
  if (x instanceof BigUint64Array) return 'uint64';
  return 'unknown';
}

function f64hex(v: number): string {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, v);
  return dv.getBigUint64(0).toString(16).padStart(16, '0');
}

function f32hex(v: number): string {
  const dv = new DataView(new ArrayBuffer(4));
  dv.setFloat32(0, v);
  if (Math.fround(v) !== v && !Number.isNaN(v)) return `not-a-float32(${v})`;
  return dv.getUint32(0).toString(16).padStart(8, '0');
}

/** Encodes a JS result like the Python script's `enc`, using `expected.t` to name bool arrays / scalars. */
export function encode(x: unknown, expected: Encoded, big = BIG): Encoded {
  if (x instanceof Uint8Array && expected.t === 'bytes')
    return { t: 'bytes', hex: Buffer.from(x).toString('hex') };
  if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') {
    if (expected.t === 'float64') return { t: 'float64', shape: null, hex: f64hex(Number(x)) };
    if (expected.t === 'float32') return { t: 'float32', shape: null, hex: f32hex(Number(x)) };
    if (expected.t === 'bool') return { t: 'bool', shape: null, v: x === true || x === 1 ? '1' : '0' };
    return { t: 'int', shape: null, v: String(x) };
  }
  if (ArrayBuffer.isView(x)) {
    const arr = x as unknown as ArrayLike<number | bigint> & { shape?: number[] };
    let t = typeName(x);
    if (t === 'uint8' && expected.t === 'bool') t = 'bool';
    const shape = arr.shape ? [...arr.shape] : [arr.length];
    const out: Encoded = { t, shape };
    const n = arr.length > big ? 16 : arr.length;
    const vals: string[] = [];
    for (let i = 0; i < n; i++) {
      const v = arr[i]!;
      if (t === 'float64') vals.push(f64hex(v as number));
      else if (t === 'float32') vals.push(f32hex(v as number));
      else vals.push(String(v));
    }
    if (arr.length > big) {
      const bytes = new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
      out.sha256 = createHash('sha256').update(bytes).digest('hex');
      out.head = vals;
    } else out.v = vals;
    return out;
  }
  throw new Error(`cannot encode ${String(x)}`);
}

/** Normalises a state dict for comparison: every number/bigint/numeric string → decimal string. */
export function normState(s: unknown): unknown {
  if (Array.isArray(s) || ArrayBuffer.isView(s)) return Array.from(s as ArrayLike<unknown>, normState);
  if (typeof s === 'number' || typeof s === 'bigint') return String(s);
  if (s !== null && typeof s === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s)) o[k] = normState(v);
    return o;
  }
  return s;
}

/** A fixture state (decimal strings everywhere) as a settable state: small ints → numbers, big → bigint. */
export function settableState(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(settableState);
  if (typeof s === 'string' && /^-?[0-9]+$/.test(s)) return intOf(s);
  if (s !== null && typeof s === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s)) o[k] = settableState(v);
    return o;
  }
  return s;
}

/** Replays one case; every op's result / state / error is asserted. Returns the number of checks. */
export function replay(c: Case): number {
  let bg = makeBitGen(c);
  let rng = new Generator(bg);
  let checks = 0;
  for (const [k, op] of c.ops.entries()) {
    const where = `${c.bitgen} ${JSON.stringify(c.seed ?? c.philox)} op#${k} ${op.m}(${JSON.stringify(op.args)}, ${JSON.stringify(op.kw ?? {})})`;
    const args = op.args.map(decodeArg);
    const kw: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(op.kw ?? {}))
      kw[key] = Array.isArray(v) && key !== 'p' ? v : decodeArg(v);
    const callArgs = Object.keys(kw).length > 0 ? [...args, kw] : args;
    if (op.m === '__state__') {
      expect(normState(bg.state), where).toEqual(op.state);
      // continue on a fresh generator (same seed sequence, for spawn) restored from NumPy's state
      const fresh = c.philox ? new Philox(0) : new CTORS[c.bitgen]!(makeSeed(c.seed!) as never);
      fresh.state = settableState(op.state) as Record<string, unknown>;
      expect(normState(fresh.state), where).toEqual(op.state);
      bg = fresh;
      rng = new Generator(bg);
      checks += 2;
      continue;
    }
    if (op.m === '__jumped__') {
      bg = (bg as unknown as { jumped(j?: number): BitGenerator }).jumped(...(args as [number]));
      rng = new Generator(bg);
      expect(normState(bg.state), where).toEqual(op.state);
      checks++;
      continue;
    }
    if (op.m === '__advance__') {
      (bg as unknown as { advance(d: unknown): void }).advance(args[0]);
      expect(normState(bg.state), where).toEqual(op.state);
      checks++;
      continue;
    }
    if (op.m === '__spawn__') {
      rng = rng.spawn(args[0] as number)[args[1] as number]!;
      bg = rng.bitGenerator;
      continue;
    }
    if (op.error !== undefined) {
      const want = op.error === 'OverflowError' ? 'ValueError' : op.error;
      let got: unknown;
      try {
        (rng as unknown as Record<string, (...a: unknown[]) => unknown>)[CAMEL[op.m] ?? op.m]!(...callArgs);
      } catch (e) {
        got = e;
      }
      expect(got, `${where}: expected ${want} (${op.msg})`).toBeInstanceOf(Error);
      expect((got as Error).name, `${where}: ${(got as Error).message} vs NumPy ${op.msg}`).toBe(want);
      checks++;
      continue;
    }
    let result: unknown;
    if (op.m === 'random_raw') {
      result = (bg.randomRaw as (...a: unknown[]) => unknown)(...callArgs);
    } else if (op.m === 'shuffle') {
      const x = args[0] as Float64Array & { shape: number[] };
      const copy = withShape(x.slice(), x.shape);
      rng.shuffle(copy, ...(callArgs.slice(1) as []));
      result = copy;
    } else {
      result = (rng as unknown as Record<string, (...a: unknown[]) => unknown>)[CAMEL[op.m] ?? op.m]!(
        ...callArgs,
      );
    }
    expect(encode(result, op.result!), where).toEqual(op.result);
    checks++;
  }
  return checks;
}
