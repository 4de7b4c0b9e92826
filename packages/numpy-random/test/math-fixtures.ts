// Shared loader for the glibc fixtures written by `scripts/check-math.py fixtures`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface MathFixture {
  function: string;
  kind: 'd1' | 'd2' | 'd3' | 'f1' | 'f1x2';
  count: number;
  inputs: string[];
  outputs: string[];
}

export function loadFixture(name: string): MathFixture {
  const url = new URL(`../fixtures/math-${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as MathFixture;
}

/** Decode concatenated big-endian hex bit patterns into numbers (float64 or float32). */
export function decode(hex: string, f32: boolean): number[] {
  const w = f32 ? 8 : 16;
  const dv = new DataView(new ArrayBuffer(8));
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += w) {
    if (f32) {
      dv.setUint32(0, Number.parseInt(hex.slice(i, i + 8), 16));
      out.push(dv.getFloat32(0));
    } else {
      dv.setBigUint64(0, BigInt(`0x${hex.slice(i, i + 16)}`));
      out.push(dv.getFloat64(0));
    }
  }
  return out;
}

/** Bit pattern as hex (float64 or float32); every NaN maps to 'nan' (payloads are not reproducible in JS). */
export function bitsHex(v: number, f32: boolean): string {
  if (Number.isNaN(v)) return 'nan';
  const dv = new DataView(new ArrayBuffer(8));
  if (f32) {
    dv.setFloat32(0, v);
    return dv.getUint32(0).toString(16).padStart(8, '0');
  }
  dv.setFloat64(0, v);
  return dv.getBigUint64(0).toString(16).padStart(16, '0');
}

/**
 * Runs a unary/binary function over a fixture and returns the mismatching cases (as readable strings).
 * `fn` returns one value, or for 'f1x2' fixtures a pair.
 */
export function mismatches(fx: MathFixture, fn: (...args: number[]) => number | ArrayLike<number>): string[] {
  const f32 = fx.kind.startsWith('f');
  const ins = fx.inputs.map((h) => decode(h, f32));
  const outs = fx.outputs.map((h) => decode(h, f32));
  const bad: string[] = [];
  for (let i = 0; i < fx.count; i++) {
    const args = ins.map((a) => a[i] as number);
    const r = fn(...args);
    const got = typeof r === 'number' ? [r] : Array.from(r);
    for (let o = 0; o < outs.length; o++) {
      const e = bitsHex(outs[o]?.[i] as number, f32);
      const g = bitsHex(got[o] as number, f32);
      if (e !== g)
        bad.push(
          `${fx.function}(${args.map((a) => bitsHex(a, f32)).join(', ')})[${o}]: glibc ${e}, port ${g}`,
        );
    }
  }
  return bad;
}

/** A small xorshift32 stream of uniforms in [0, 1) for test inputs (not a NumPy stream). */
export function xorshiftUniform(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
