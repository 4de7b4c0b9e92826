/**
 * Philox4x64-10 (Random123), bit-exact with NumPy's `Philox`: 256-bit counter, 128-bit key, four 64-bit
 * outputs per block, counter incremented before each block (so the first block uses counter 1).
 */
import { describeValue, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { MUL128, mul64x64 } from '../distributions/bounded.js';
import { BitGenerator64 } from './bitgen64.js';
import {
  bigToLimbs,
  checkCount,
  checkDict,
  checkStateName,
  type ISeedSequence,
  limbsToBig,
  parseBigInt,
  parseUint,
  parseUint32Buffer,
  parseUintArray,
  type SeedLike,
  stateWords64,
  toSeedSequence,
} from './seeding.js';

/** `Philox(…).state`: 64-bit words as decimal strings (bigints accepted when setting). */
export interface PhiloxState {
  bit_generator: string;
  state: { counter: (string | bigint)[]; key: (string | bigint)[] };
  buffer: (string | bigint)[];
  buffer_pos: number;
  has_uint32: number;
  uinteger: number;
}

export interface PhiloxOptions {
  /** 256-bit counter: an integer < 2^256 or 4 little-endian 64-bit words. Default 0. */
  counter?: number | bigint | string | readonly (number | bigint | string)[] | null;
  /** 128-bit key: an integer < 2^128 or 2 little-endian 64-bit words. Excludes `seed`. */
  key?: number | bigint | string | readonly (number | bigint | string)[] | null;
}

function parseWords(value: unknown, words: number, where: string): bigint {
  if (Array.isArray(value) || value instanceof BigUint64Array) {
    const w = parseUintArray(value, words, 64, where);
    let v = 0n;
    for (let i = words - 1; i >= 0; i--) v = (v << 64n) | w[i]!;
    return v;
  }
  return parseUint(value, 64 * words, where);
}

export class Philox extends BitGenerator64 {
  readonly name: string = 'Philox';
  /** counter (8 limbs), key (4 limbs), buffer (8 limbs); 32-bit limbs, least significant first. */
  private readonly ctr = new Uint32Array(8);
  private readonly key = new Uint32Array(4);
  private readonly buf = new Uint32Array(8);
  private bufferPos = 4;

  /**
   * `Philox(seed=None, counter=None, key=None)`; `counter`/`key` may also come in a trailing options
   * object. Giving both `seed` and `key` → ValueError.
   */
  constructor(
    seed?: SeedLike | PhiloxOptions,
    counter?: PhiloxOptions['counter'] | PhiloxOptions,
    key?: PhiloxOptions['key'],
  ) {
    super();
    let s: unknown = seed;
    let c: unknown = counter;
    let k: unknown = key;
    const isOpts = (x: unknown): x is PhiloxOptions =>
      typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
    if (isOpts(c)) {
      k = c.key;
      c = c.counter;
    } else if (isOpts(s)) {
      c = s.counter;
      k = s.key;
      s = undefined;
    }
    if (k !== undefined && k !== null) {
      if (s !== undefined && s !== null) throw new SeedkitValueError('seed and key cannot be both used');
      bigToLimbs(parseWords(k, 2, 'key'), 4, this.key);
      this._seedSeq = null;
    } else {
      const ss = toSeedSequence(s as SeedLike);
      this._seedSeq = ss;
      this.key.set(stateWords64(ss, 2));
    }
    if (c !== undefined && c !== null) bigToLimbs(parseWords(c, 4, 'counter'), 8, this.ctr);
  }

  protected make(ss: ISeedSequence | null): Philox {
    return new Philox(ss);
  }

  /** Runs the 10-round bijection on the current counter and key, writing `buf`. */
  private block(): void {
    const ctr = this.ctr;
    let c0h = ctr[1]!;
    let c0l = ctr[0]!;
    let c1h = ctr[3]!;
    let c1l = ctr[2]!;
    let c2h = ctr[5]!;
    let c2l = ctr[4]!;
    let c3h = ctr[7]!;
    let c3l = ctr[6]!;
    let k0h = this.key[1]!;
    let k0l = this.key[0]!;
    let k1h = this.key[3]!;
    let k1l = this.key[2]!;
    for (let r = 0; r < 10; r++) {
      if (r > 0) {
        // key bump: k0 += 0x9E3779B97F4A7C15, k1 += 0xBB67AE8584CAA73B (mod 2^64)
        let s = k0l + 0x7f4a7c15;
        k0l = s >>> 0;
        k0h = (k0h + 0x9e3779b9 + (s >= 4294967296 ? 1 : 0)) >>> 0;
        s = k1l + 0x84caa73b;
        k1l = s >>> 0;
        k1h = (k1h + 0xbb67ae85 + (s >= 4294967296 ? 1 : 0)) >>> 0;
      }
      mul64x64(0xd2e7470e, 0xe14c6c93, c0h, c0l);
      const lo0l = MUL128[0]!;
      const lo0h = MUL128[1]!;
      const hi0l = MUL128[2]!;
      const hi0h = MUL128[3]!;
      mul64x64(0xca5a8263, 0x95121157, c2h, c2l);
      const lo1l = MUL128[0]!;
      const lo1h = MUL128[1]!;
      const hi1l = MUL128[2]!;
      const hi1h = MUL128[3]!;
      // c' = [hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0]
      const n0h = (hi1h ^ c1h ^ k0h) >>> 0;
      const n0l = (hi1l ^ c1l ^ k0l) >>> 0;
      const n2h = (hi0h ^ c3h ^ k1h) >>> 0;
      const n2l = (hi0l ^ c3l ^ k1l) >>> 0;
      c0h = n0h;
      c0l = n0l;
      c1h = lo1h;
      c1l = lo1l;
      c2h = n2h;
      c2l = n2l;
      c3h = lo0h;
      c3l = lo0l;
    }
    const b = this.buf;
    b[0] = c0l;
    b[1] = c0h;
    b[2] = c1l;
    b[3] = c1h;
    b[4] = c2l;
    b[5] = c2h;
    b[6] = c3l;
    b[7] = c3h;
  }

  nextUint64(): number {
    if (this.bufferPos < 4) {
      const p = this.bufferPos++;
      this.w[0] = this.buf[2 * p]!;
      return this.buf[2 * p + 1]!;
    }
    // increment the 256-bit counter, then generate a block
    const ctr = this.ctr;
    for (let i = 0; i < 8; i++) {
      ctr[i] = (ctr[i]! + 1) >>> 0;
      if (ctr[i] !== 0) break;
    }
    this.block();
    this.bufferPos = 1;
    this.w[0] = this.buf[0]!;
    return this.buf[1]!;
  }

  get state(): PhiloxState {
    const words = (a: Uint32Array, n: number) =>
      Array.from({ length: n }, (_, i) => limbsToBig(a, 2, 2 * i).toString());
    return {
      bit_generator: 'Philox',
      state: { counter: words(this.ctr, 4), key: words(this.key, 2) },
      buffer: words(this.buf, 4),
      buffer_pos: this.bufferPos,
      has_uint32: this.hasUint32,
      uinteger: this.uinteger,
    };
  }

  set state(value: PhiloxState | Record<string, unknown>) {
    const st = checkDict(value, 'state');
    checkStateName(st, 'Philox');
    const inner = checkDict(st.state, 'state.state');
    const ctr = parseUintArray(inner.counter, 4, 64, 'state.state.counter');
    const key = parseUintArray(inner.key, 2, 64, 'state.state.key');
    const buffer = parseUintArray(st.buffer, 4, 64, 'state.buffer');
    const pos = Number(parseUint(st.buffer_pos, 8, 'state.buffer_pos'));
    if (pos > 4) throw new SeedkitValueError(`state.buffer_pos: expected 0..4, got ${pos}`);
    const b = parseUint32Buffer(st);
    for (let i = 0; i < 4; i++) bigToLimbs(ctr[i]!, 2, this.ctr, 2 * i);
    for (let i = 0; i < 2; i++) bigToLimbs(key[i]!, 2, this.key, 2 * i);
    for (let i = 0; i < 4; i++) bigToLimbs(buffer[i]!, 2, this.buf, 2 * i);
    this.bufferPos = pos;
    this.hasUint32 = b.hasUint32;
    this.uinteger = b.uinteger;
  }

  /**
   * `advance(delta)`: add `delta` (mod 2^256) to the counter; resets the output buffer and the uint32
   * buffer. Returns this.
   */
  advance(delta: number | bigint | string): this {
    const d = BigInt.asUintN(256, parseBigInt(delta, 'delta'));
    const c = BigInt.asUintN(256, limbsToBig(this.ctr, 8) + d);
    bigToLimbs(c, 8, this.ctr);
    this.bufferPos = 4;
    this.buf.fill(0);
    this.hasUint32 = 0;
    this.uinteger = 0;
    return this;
  }

  /** `jumped(jumps=1)`: a copy advanced by `jumps × 2^128` (the copy has a fresh seed sequence). */
  jumped(jumps: number | bigint = 1): Philox {
    if (typeof jumps === 'number') checkCount(jumps, 'jumps');
    else if (typeof jumps !== 'bigint')
      throw new SeedkitTypeError(`jumps: expected an integer, got ${describeValue(jumps)}`);
    const copy = new Philox();
    copy.state = this.state;
    copy.advance(BigInt(jumps) << 128n);
    return copy;
  }
}
