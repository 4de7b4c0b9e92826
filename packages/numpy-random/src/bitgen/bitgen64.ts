/**
 * Common machinery of NumPy's 64-bit bit generators (PCG64, PCG64DXSM, Philox, SFC64): the uint32
 * half-buffer (`has_uint32`/`uinteger`, low half first), `next_double`, `random_raw`, `spawn`.
 * Subclasses implement `nextUint64()` (returns the high 32 bits, leaves the low 32 bits in `lo`).
 */
import { describeValue, SeedkitTypeError } from '@seedkit/core';
import { normalizeSize, type Shaped, shapeSize, withShape } from '../shape.js';
import type { BitGenerator } from './bit-generator.js';
import { checkCount, type ISeedSequence } from './seeding.js';

const TWO_POW_M53 = 1.1102230246251565e-16; // 2^-53

export abstract class BitGenerator64 implements BitGenerator {
  abstract readonly name: string;
  /**
   * Small mutable words kept in a typed array (uint32 values above 2^30 stored in object fields would be
   * boxed on every write): [0] = lo, [1] = uinteger, [2] = has_uint32.
   */
  protected readonly w: Uint32Array = new Uint32Array(4);

  /** Low 32 bits of the last `nextUint64()` draw. */
  get lo(): number {
    return this.w[0]!;
  }
  set lo(v: number) {
    this.w[0] = v;
  }
  /** NumPy's `has_uint32`: 1 when `uinteger` holds the unused high half of the last 64-bit draw. */
  get hasUint32(): number {
    return this.w[2]!;
  }
  set hasUint32(v: number) {
    this.w[2] = v;
  }
  /** NumPy's `uinteger`: the buffered high half. */
  get uinteger(): number {
    return this.w[1]!;
  }
  set uinteger(v: number) {
    this.w[1] = v;
  }
  /** The seed sequence this generator was built from (null when seeded from an explicit key/state). */
  protected _seedSeq: ISeedSequence | null = null;

  abstract nextUint64(): number;

  /** `next_uint32`: the buffered high half if present, else the LOW half of a fresh 64-bit draw. */
  nextUint32(): number {
    const w = this.w;
    if (w[2] !== 0) {
      w[2] = 0;
      return w[1]!;
    }
    const hi = this.nextUint64();
    w[2] = 1;
    w[1] = hi;
    return w[0]!;
  }

  /** Bulk `next_uint32` (see {@link BitGenerator.fillUint32}). */
  fillUint32(out: Uint32Array, start = 0, end: number = out.length): void {
    for (let i = start; i < end; i++) out[i] = this.nextUint32();
  }

  /** `next_double`: `(next64() >> 11) * 2^-53`. */
  nextDouble(): number {
    const hi = this.nextUint64();
    return (hi * 2097152 + (this.w[0]! >>> 11)) * TWO_POW_M53;
  }

  fillDouble(out: Float64Array, start = 0, end: number = out.length): void {
    for (let i = start; i < end; i++) {
      const hi = this.nextUint64();
      out[i] = (hi * 2097152 + (this.w[0]! >>> 11)) * TWO_POW_M53;
    }
  }

  /** The seed sequence the generator was created from (NumPy's `seed_seq`), or null. */
  get seedSeq(): ISeedSequence | null {
    return this._seedSeq;
  }

  /** `random_raw(size=None)`: raw 64-bit outputs (bypasses and keeps the uint32 buffer). */
  randomRaw(): bigint;
  randomRaw(size: number | readonly number[]): Shaped<BigUint64Array>;
  randomRaw(size?: number | readonly number[] | null): bigint | Shaped<BigUint64Array> {
    const shape = normalizeSize(size);
    if (shape === null) {
      const hi = this.nextUint64();
      return (BigInt(hi) << 32n) | BigInt(this.lo);
    }
    const n = shapeSize(shape);
    const out = new BigUint64Array(n);
    const view = new Uint32Array(out.buffer);
    const le = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
    for (let i = 0; i < n; i++) {
      const hi = this.nextUint64();
      if (le) {
        view[2 * i] = this.lo;
        view[2 * i + 1] = hi;
      } else out[i] = (BigInt(hi) << 32n) | BigInt(this.lo);
    }
    return withShape(out, shape);
  }

  abstract get state(): { readonly bit_generator: string };
  abstract set state(value: { readonly bit_generator: string } | Record<string, unknown>);

  /** A new instance of the same class seeded from `ss`. */
  protected abstract make(ss: ISeedSequence | null): BitGenerator64;

  /** `spawn(n)`: children seeded from `seedSeq.spawn(n)` (TypeError without a spawnable seed sequence). */
  spawn(n: number): BitGenerator64[] {
    checkCount(n, 'nChildren');
    const ss = this._seedSeq;
    if (ss === null || typeof ss.spawn !== 'function') {
      throw new SeedkitTypeError(
        `The underlying SeedSequence does not implement spawning (seed sequence: ${describeValue(ss)})`,
      );
    }
    return ss.spawn(n).map((child) => this.make(child));
  }
}
