import { describeValue, SeedkitTypeError, SeedkitValueError, SeedSequence } from '@seedkit/core';
import { normalizeSize, type Shaped, shapeSize, withShape } from '../shape.js';
import type { BitGenerator } from './bit-generator.js';
import { MT19937_JUMP_POLY_BASE64 } from './mt19937-jump-poly.js';
import { KERNEL_CHUNK, mtKernel } from './mt19937-wasm.js';
import {
  checkCount,
  checkDict,
  checkStateName,
  type ISeedSequence,
  type SeedLike,
  stateWords32,
  toSeedSequence,
} from './seeding.js';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df | 0;
const UPPER = 0x80000000 | 0;
const LOWER = 0x7fffffff;
/** 2^-53: `(a·2^26 + b) / 2^53` is computed as an exact power-of-two scaling. */
const TWO_M53 = 1.1102230246251565e-16;

/** NumPy's `MT19937.state` dict (JSON-safe: the key is a plain array of 624 uint32 numbers). */
export type MT19937State = {
  bit_generator: 'MT19937';
  state: { key: number[]; pos: number };
};

/** The legacy tuple form accepted by the `state` setter and by `RandomState.setState`. */
export type MT19937LegacyTuple =
  | readonly ['MT19937', ArrayLike<number | bigint>, number]
  | readonly ['MT19937', ArrayLike<number | bigint>, number, number, number];

/** Regenerates all 624 words (the reference `genrand` recurrence) in place. */
function twist(mt: Int32Array): void {
  let kk = 0;
  let y: number;
  for (; kk < N - M; kk++) {
    y = (mt[kk]! & UPPER) | (mt[kk + 1]! & LOWER);
    mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
  for (; kk < N - 1; kk++) {
    y = (mt[kk]! & UPPER) | (mt[kk + 1]! & LOWER);
    mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
  y = (mt[N - 1]! & UPPER) | (mt[0]! & LOWER);
  mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
}

/** The MT19937 output transformation (result as a signed int32; `>>> 0` for the unsigned value). */
function temper(y: number): number {
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  return y ^ (y >>> 18);
}

/** Knuth's `init_genrand(s)`: the key filled from one 32-bit seed. */
function initGenrand(mt: Int32Array, s: number): void {
  mt[0] = s;
  for (let i = 1; i < N; i++) {
    const p = mt[i - 1]!;
    mt[i] = (Math.imul(1812433253, p ^ (p >>> 30)) + i) | 0;
  }
}

/** The reference `init_by_array`, as NumPy's `mt19937_init_by_array` (key[0] forced to 0x80000000). */
function initByArray(mt: Int32Array, init: ArrayLike<number>): void {
  initGenrand(mt, 19650218);
  const len = init.length;
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, len); k > 0; k--) {
    const p = mt[i - 1]!;
    mt[i] = ((mt[i]! ^ Math.imul(p ^ (p >>> 30), 1664525)) + init[j]! + j) | 0;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const p = mt[i - 1]!;
    mt[i] = ((mt[i]! ^ Math.imul(p ^ (p >>> 30), 1566083941)) - i) | 0;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
  }
  mt[0] = UPPER;
}

let jumpPoly: Uint32Array | undefined;
function jumpPolynomial(): Uint32Array {
  if (jumpPoly === undefined) {
    const bin = atob(MT19937_JUMP_POLY_BASE64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const dv = new DataView(bytes.buffer);
    jumpPoly = new Uint32Array(N);
    for (let i = 0; i < N; i++) jumpPoly[i] = dv.getUint32(4 * i, true);
  }
  return jumpPoly;
}

/**
 * One step of the recurrence on a circular buffer (`gen_next` of the jump code): the word at `pos` is
 * replaced by its successor; returns the next position.
 */
function genNext(k: Int32Array, pos: number): number {
  const nxt = pos < N - 1 ? pos + 1 : 0;
  const y = (k[pos]! & UPPER) | (k[nxt]! & LOWER);
  const src = pos < N - M ? pos + M : pos + M - N;
  k[pos] = k[src]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  return nxt;
}

/** XORs the circular buffer `b` (starting at `pb`) into `a` (starting at `pa`). */
function addState(a: Int32Array, pa: number, b: Int32Array, pb: number): void {
  for (let i = 0; i < N; i++) {
    let ia = pa + i;
    if (ia >= N) ia -= N;
    let ib = pb + i;
    if (ib >= N) ib -= N;
    a[ia]! ^= b[ib]!;
  }
}

/**
 * NumPy's `mt19937_jump_state`: evaluates the 2^128-step jump polynomial at the current state with
 * Horner's rule on the circular buffer. Returns the new position; `key` is replaced in place.
 */
function jumpState(key: Int32Array, pos: number): number {
  const pf = jumpPolynomial();
  const coef = (d: number) => (pf[d >>> 5]! >>> (d & 31)) & 1;
  if (pos >= N) pos = 0;
  let i = 19936;
  while (i >= 0 && coef(i) === 0) i--;
  const t = new Int32Array(N);
  let tp = 0;
  if (i > 0) {
    t.set(key);
    tp = genNext(t, pos);
    i--;
    for (; i > 0; i--) {
      if (coef(i) !== 0) addState(t, tp, key, pos);
      tp = genNext(t, tp);
    }
    if (coef(0) !== 0) addState(t, tp, key, pos);
  } else if (i === 0) {
    t.set(key);
    tp = pos;
  }
  key.set(t);
  return tp;
}

function checkWord(v: unknown, where: string): number {
  if (typeof v === 'bigint') {
    if (v < 0n || v > 0xffffffffn)
      throw new SeedkitValueError(`${where}: expected a uint32 value, got ${describeValue(v)}`);
    return Number(v);
  }
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new SeedkitTypeError(`${where}: expected an integer, got ${describeValue(v)}`);
  if (v < 0 || v > 0xffffffff)
    throw new SeedkitValueError(`${where}: expected a uint32 value, got ${describeValue(v)}`);
  return v;
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return (
    Array.isArray(v) ||
    (ArrayBuffer.isView(v) &&
      !(v instanceof DataView) &&
      typeof (v as { length?: unknown }).length === 'number')
  );
}

/**
 * `numpy.random.MT19937`, bit-exact with NumPy 2.4: the Mersenne Twister bit generator, seeded through
 * `SeedSequence` like `MT19937(seed)`; {@link MT19937.legacySeeding} gives the `RandomState(seed)` /
 * `np.random.seed(seed)` initialisation (`init_genrand` / `init_by_array`).
 */
export class MT19937 implements BitGenerator {
  readonly name = 'MT19937';
  lo = 0;
  /** The 624-word key (stored as int32; the same bits as NumPy's uint32 key). */
  private readonly key = new Int32Array(N);
  private pos = N;
  private seedSeqValue: ISeedSequence | null;

  /**
   * `MT19937(seed)`: a number, bigint, array of them, core `SeedSequence` or `Seed` (anything with
   * `generateState`), or nothing for fresh OS entropy; seeded through the seed sequence as NumPy does.
   */
  constructor(seed?: SeedLike) {
    const ss = toSeedSequence(seed);
    this.seedSeqValue = ss;
    this.seedFromSequence(ss);
    // Cython quirk: `pos = i` after `for i in range(1, 624)` leaves pos at 623.
    this.pos = N - 1;
  }

  /** The SeedSequence this generator was seeded from (`null` after legacy seeding), as NumPy's `seed_seq`. */
  get seedSeq(): ISeedSequence | null {
    return this.seedSeqValue;
  }

  private seedFromSequence(ss: ISeedSequence): void {
    const words = stateWords32(ss, N);
    this.key.set(new Int32Array(words.buffer, words.byteOffset, N));
    this.key[0] = UPPER;
  }

  /**
   * NumPy's `MT19937._legacy_seeding(seed)`: `RandomState(seed)` / `np.random.seed(seed)`. An integer in
   * [0, 2^32) uses `init_genrand`; a non-empty 1-D array of such integers uses `init_by_array`; `null` /
   * `undefined` re-seeds from fresh entropy through a SeedSequence (pos is left as it was, as in NumPy).
   * Afterwards `seedSeq` is `null`, so `spawn()` is no longer possible.
   */
  legacySeeding(seed: number | bigint | ArrayLike<number | bigint> | null | undefined): void {
    if (seed === null || seed === undefined) {
      this.seedFromSequence(new SeedSequence());
    } else if (typeof seed === 'number' || typeof seed === 'bigint') {
      if (typeof seed === 'number' && !Number.isInteger(seed)) {
        throw new SeedkitTypeError(
          `seed: Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe' (got ${seed})`,
        );
      }
      if (seed < 0 || seed > 0xffffffff) throw new SeedkitValueError('Seed must be between 0 and 2**32 - 1');
      initGenrand(this.key, Number(seed) | 0);
      this.pos = N;
    } else if (isArrayLike(seed)) {
      const n = seed.length;
      if (n === 0) throw new SeedkitValueError('Seed must be non-empty');
      const words = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const v = seed[i];
        if (isArrayLike(v)) throw new SeedkitValueError('Seed array must be 1-d');
        if (typeof v === 'number' && !Number.isInteger(v)) {
          throw new SeedkitTypeError(
            `seed[${i}]: Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'`,
          );
        }
        if (typeof v !== 'number' && typeof v !== 'bigint')
          throw new SeedkitTypeError(`seed[${i}]: expected an integer, got ${describeValue(v)}`);
        if (v < 0 || v > 0xffffffff) throw new SeedkitValueError('Seed must be between 0 and 2**32 - 1');
        words[i] = Number(v);
      }
      initByArray(this.key, words);
      this.pos = N;
    } else {
      throw new SeedkitTypeError(
        `seed: expected an integer in [0, 2**32), an array of such integers, or null; got ${describeValue(seed)}`,
      );
    }
    this.seedSeqValue = null;
  }

  /** `next_uint32`: one tempered output. */
  nextUint32(): number {
    if (this.pos === N) {
      twist(this.key);
      this.pos = 0;
    }
    return temper(this.key[this.pos++]!) >>> 0;
  }

  /** `next_uint64`: two outputs, the first is the high word (returned); the second is left in `lo`. */
  nextUint64(): number {
    const hi = this.nextUint32();
    this.lo = this.nextUint32();
    return hi;
  }

  /** `next_double`: `((a >> 5) * 2^26 + (b >> 6)) / 2^53` from two outputs. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864.0 + b) * TWO_M53;
  }

  /** Fills `out[start..end)` with `next_double` draws (the `random_sample(size)` fast path). */
  fillDouble(out: Float64Array, start = 0, end: number = out.length): void {
    if (end - start >= 1024) {
      const k = mtKernel();
      if (k !== null) {
        k.key.set(this.key);
        k.pos[0] = this.pos;
        for (let i = start; i < end; i += KERNEL_CHUNK) {
          const m = Math.min(KERNEL_CHUNK, end - i);
          k.fill(m);
          out.set(m === KERNEL_CHUNK ? k.out : k.out.subarray(0, m), i);
        }
        this.key.set(k.key);
        this.pos = k.pos[0]!;
        return;
      }
    }
    const key = this.key;
    let pos = this.pos;
    let i = start;
    while (i < end) {
      if (pos === N) {
        twist(key);
        pos = 0;
      }
      if (pos === N - 1) {
        // A pair straddling a twist.
        const a = temper(key[pos]!) >>> 5;
        twist(key);
        const b = temper(key[0]!) >>> 6;
        out[i++] = (a * 67108864.0 + b) * TWO_M53;
        pos = 1;
        continue;
      }
      let take = (N - pos) >> 1;
      if (take > end - i) take = end - i;
      const stop = i + take;
      while (i < stop) {
        let y = key[pos]!;
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        let z = key[pos + 1]!;
        z ^= z >>> 11;
        z ^= (z << 7) & 0x9d2c5680;
        z ^= (z << 15) & 0xefc60000;
        z ^= z >>> 18;
        out[i++] = ((y >>> 5) * 67108864.0 + (z >>> 6)) * TWO_M53;
        pos += 2;
      }
    }
    this.pos = pos;
  }

  /** Fills `out[start..end)` with raw 32-bit outputs. */
  fillUint32(out: Uint32Array | Int32Array, start = 0, end: number = out.length): void {
    const key = this.key;
    let pos = this.pos;
    let i = start;
    while (i < end) {
      if (pos === N) {
        twist(key);
        pos = 0;
      }
      let take = N - pos;
      if (take > end - i) take = end - i;
      const stop = i + take;
      while (i < stop) out[i++] = temper(key[pos++]!);
    }
    this.pos = pos;
  }

  /** `random_raw()`: one raw 32-bit output as a bigint; `random_raw(size)`: a BigUint64Array of them. */
  randomRaw(): bigint;
  randomRaw(size: number | readonly number[]): Shaped<BigUint64Array>;
  randomRaw(size?: number | readonly number[] | null): bigint | Shaped<BigUint64Array> {
    const shape = normalizeSize(size);
    if (shape === null) return BigInt(this.nextUint32());
    const n = shapeSize(shape);
    const words = new Uint32Array(n);
    this.fillUint32(words);
    const out = new BigUint64Array(n);
    for (let i = 0; i < n; i++) out[i] = BigInt(words[i]!);
    return withShape(out, shape);
  }

  /** NumPy's state dict `{bit_generator: 'MT19937', state: {key, pos}}` (a copy; JSON-safe). */
  get state(): MT19937State {
    const key = new Array<number>(N);
    for (let i = 0; i < N; i++) key[i] = this.key[i]! >>> 0;
    return { bit_generator: 'MT19937', state: { key, pos: this.pos } };
  }

  /** Accepts the dict form or the legacy tuple `['MT19937', key, pos(, hasGauss, gauss)]`. */
  set state(value: Record<string, unknown> | MT19937LegacyTuple) {
    let dict: Record<string, unknown>;
    if (Array.isArray(value)) {
      if (value[0] !== 'MT19937' || (value.length !== 3 && value.length !== 5))
        throw new SeedkitValueError('state is not a legacy MT19937 state');
      dict = { bit_generator: 'MT19937', state: { key: value[1], pos: value[2] } };
    } else {
      dict = checkDict(value, 'state');
    }
    checkStateName(dict, 'MT19937');
    const inner = dict.state as { key?: unknown; pos?: unknown } | undefined;
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner))
      throw new SeedkitValueError('state.state: expected {key, pos}');
    const key = inner.key;
    if (!isArrayLike(key) || key.length !== N)
      throw new SeedkitValueError(`state.key: expected 624 uint32 values, got ${describeValue(key)}`);
    const pos = inner.pos;
    if (typeof pos !== 'number' || !Number.isInteger(pos) || pos < 0 || pos > N)
      throw new SeedkitValueError(`state.pos: expected an integer in [0, 624], got ${describeValue(pos)}`);
    const words = new Int32Array(N);
    for (let i = 0; i < N; i++) words[i] = checkWord(key[i], `state.key[${i}]`);
    this.key.set(words);
    this.pos = pos;
  }

  /** `jumped(jumps=1)`: a new generator advanced by `jumps`·2^128 steps (NumPy's jump polynomial). */
  jumped(jumps = 1): MT19937 {
    checkCount(jumps, 'jumps');
    // Like NumPy, the copy gets a fresh (OS-entropy) seed sequence and the state of this one.
    const bg = new MT19937();
    bg.key.set(this.key);
    bg.pos = this.pos;
    for (let j = 0; j < jumps; j++) bg.pos = jumpState(bg.key, bg.pos);
    return bg;
  }

  /** `spawn(n)`: `n` children seeded from `seedSeq.spawn(n)`. */
  spawn(n: number): MT19937[] {
    checkCount(n, 'nChildren');
    const ss = this.seedSeqValue;
    if (ss === null || typeof ss.spawn !== 'function')
      throw new SeedkitTypeError('The underlying SeedSequence does not implement spawning.');
    return ss.spawn(n).map((child) => new MT19937(child));
  }
}
