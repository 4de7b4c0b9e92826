/**
 * PCG64 (XSL-RR 128/64), bit-exact with NumPy's `PCG64`. The 128-bit LCG state lives in four 32-bit
 * limbs; the step `state = state * M + inc (mod 2^128)` is computed with exact double-precision column
 * sums of 32×16-bit partial products (no BigInt, no allocation). BigInt is used only for seeding, state
 * get/set and `advance`.
 */
import { describeValue, SeedkitTypeError } from '@seedkit/core';
import { BitGenerator64 } from './bitgen64.js';
import {
  PCG_KERNEL_CHUNK,
  PCG_RAW_CHUNK,
  PCG_W_HAS32,
  PCG_W_UINT32,
  type PCGKernel,
  pcgKernel,
} from './pcg64-wasm.js';
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
  type SeedLike,
  stateBigints64,
  toSeedSequence,
} from './seeding.js';

const MASK128 = (1n << 128n) - 1n;
/** Outputs generated ahead per refill of PCG64's raw buffer. */
const RAW_CHUNK = PCG_RAW_CHUNK;
/** PCG64's 128-bit multiplier. */
export const PCG_DEFAULT_MULTIPLIER_128 = 0x2360ed051fc65da44385df649fccf645n;
/** PCG64DXSM's 64-bit "cheap multiplier". */
export const PCG_CHEAP_MULTIPLIER_128 = 0xda942042e4dd58b5n;
/** The `jumped()` distance: advance by this × jumps (mod 2^128). */
export const PCG_JUMP_DELTA = 0x9e3779b97f4a7c15f39cc0605cedc835n;

/** `pcg_advance_lcg_128`: the (mult, plus) of `delta` LCG steps, applied to `state`. */
export function advanceLcg128(state: bigint, delta: bigint, curMult: bigint, curPlus: bigint): bigint {
  let accMult = 1n;
  let accPlus = 0n;
  let d = delta & MASK128;
  let m = curMult;
  let p = curPlus;
  while (d > 0n) {
    if (d & 1n) {
      accMult = (accMult * m) & MASK128;
      accPlus = (accPlus * m + p) & MASK128;
    }
    p = ((m + 1n) * p) & MASK128;
    m = (m * m) & MASK128;
    d >>= 1n;
  }
  return (accMult * state + accPlus) & MASK128;
}

/** The PCG seeding (`pcg_setseq_128_srandom_r`) shared by PCG64 and PCG64DXSM: returns [state, inc]. */
export function pcgSeed(words: readonly bigint[]): [bigint, bigint] {
  const initstate = (words[0]! << 64n) | words[1]!;
  const initseq = (words[2]! << 64n) | words[3]!;
  const inc = ((initseq << 1n) | 1n) & MASK128;
  let state = (0n * PCG_DEFAULT_MULTIPLIER_128 + inc) & MASK128;
  state = (state + initstate) & MASK128;
  state = (state * PCG_DEFAULT_MULTIPLIER_128 + inc) & MASK128;
  return [state, inc];
}

/** `PCG64(…).state` / `PCG64DXSM(…).state`: 128-bit values as decimal strings (bigints accepted when setting). */
export interface PCG64State {
  bit_generator: string;
  state: { state: string | bigint; inc: string | bigint };
  has_uint32: number;
  uinteger: number;
}

/** Shared state handling of PCG64 and PCG64DXSM. */
export abstract class PCG64Base extends BitGenerator64 {
  /** state limbs s0..s3 (least significant first) then increment limbs i0..i3, in a typed array. */
  protected readonly st: Uint32Array = new Uint32Array(8);
  protected abstract readonly multiplier: bigint;

  constructor(seed?: SeedLike) {
    super();
    const ss = toSeedSequence(seed);
    this._seedSeq = ss;
    const [state, inc] = pcgSeed(stateBigints64(ss, 4));
    this.setRaw(state, inc);
  }

  protected setRaw(state: bigint, inc: bigint): void {
    bigToLimbs(state, 4, this.st, 0);
    bigToLimbs(inc, 4, this.st, 4);
    this.hasUint32 = 0;
    this.uinteger = 0;
  }

  protected getStateBig(): bigint {
    return limbsToBig(this.st, 4, 0);
  }

  protected getIncBig(): bigint {
    return limbsToBig(this.st, 4, 4);
  }

  /**
   * NumPy's state dict. 128-bit `state`/`inc` are decimal strings (JSON-safe); the setter also accepts
   * bigints and safe integers.
   */
  get state(): PCG64State {
    return {
      bit_generator: this.name,
      state: { state: this.getStateBig().toString(), inc: this.getIncBig().toString() },
      has_uint32: this.hasUint32,
      uinteger: this.uinteger,
    };
  }

  set state(value: PCG64State | Record<string, unknown>) {
    const st = checkDict(value, 'state');
    checkStateName(st, this.name);
    const inner = checkDict(st.state, 'state.state');
    const s = parseUint(inner.state, 128, 'state.state.state');
    const inc = parseUint(inner.inc, 128, 'state.state.inc');
    const buf = parseUint32Buffer(st);
    this.setRaw(s, inc);
    this.hasUint32 = buf.hasUint32;
    this.uinteger = buf.uinteger;
  }

  /**
   * `advance(delta)`: jump the LCG ahead by `delta` steps (taken mod 2^128, so negative values go back).
   * Resets the uint32 buffer. Returns this.
   */
  advance(delta: number | bigint | string): this {
    const d = parseBigInt(delta, 'delta');
    const next = advanceLcg128(this.getStateBig(), BigInt.asUintN(128, d), this.multiplier, this.getIncBig());
    this.setRaw(next, this.getIncBig());
    return this;
  }

  /** `jumped(jumps=1)`: a copy advanced by `PCG_JUMP_DELTA × jumps` (the copy has a fresh seed sequence). */
  jumped(jumps: number | bigint = 1): this {
    if (typeof jumps === 'number') checkCount(jumps, 'jumps');
    else if (typeof jumps !== 'bigint')
      throw new SeedkitTypeError(`jumps: expected an integer, got ${describeValue(jumps)}`);
    const copy = this.make(null) as this;
    copy.state = this.state;
    copy.advance(BigInt.asUintN(128, PCG_JUMP_DELTA * BigInt(jumps)));
    return copy;
  }
}

/**
 * `numpy.random.PCG64`: seed with a number, bigint, array, core SeedSequence or Seed (or nothing for fresh
 * entropy). `new PCG64(42)` ≡ NumPy's `PCG64(42)`.
 */
export class PCG64 extends PCG64Base {
  readonly name: string = 'PCG64';
  protected readonly multiplier: bigint = PCG_DEFAULT_MULTIPLIER_128;

  protected make(ss: ISeedSequence | null): PCG64 {
    return new PCG64(ss);
  }

  /** Buffered raw outputs raw[pos..end) (lo, hi pairs), generated ahead in chunks; `st` is the state after them. */
  private readonly raw: Uint32Array = new Uint32Array(2 * RAW_CHUNK);
  private pos = 0;
  private end = 0;

  /** One 64-bit output (step the LCG, then XSL-RR). Returns the high 32 bits; low 32 bits in `lo`. */
  nextUint64(): number {
    let p = this.pos;
    if (p === this.end) {
      this.refill();
      p = 0;
    }
    this.pos = p + 1;
    this.w[0] = this.raw[2 * p]!;
    return this.raw[2 * p + 1]!;
  }

  /** `next_uint32` straight from the raw buffer (the buffered high half first, as NumPy). */
  override nextUint32(): number {
    const w = this.w;
    if (w[2] !== 0) {
      w[2] = 0;
      return w[1]!;
    }
    let p = this.pos;
    if (p === this.end) {
      this.refill();
      p = 0;
    }
    this.pos = p + 1;
    w[2] = 1;
    w[1] = this.raw[2 * p + 1]!;
    return this.raw[2 * p]!;
  }

  /** Bulk `next_uint32`: the buffered half, then (lo, hi) halves copied straight from the raw buffer. */
  override fillUint32(out: Uint32Array, start = 0, end: number = out.length): void {
    let k = start;
    const w = this.w;
    if (k < end && w[2] !== 0) {
      w[2] = 0;
      out[k++] = w[1]!;
    }
    while (end - k >= 2) {
      if (this.pos === this.end) this.refill();
      const take = Math.min(this.end - this.pos, (end - k) >> 1);
      out.set(this.raw.subarray(2 * this.pos, 2 * (this.pos + take)), k);
      this.pos += take;
      k += 2 * take;
      // as after two next_uint32 calls: uinteger keeps the (consumed) high half
      w[1] = this.raw[2 * this.pos - 1]!;
    }
    if (k < end) out[k] = this.nextUint32();
  }

  /** Bulk `next_uint64` as (lo, hi) pairs, copied from the raw buffer. */
  fillUint64(out: Uint32Array, start = 0, end: number = out.length >> 1): void {
    let k = start;
    while (k < end) {
      if (this.pos === this.end) this.refill();
      const take = Math.min(this.end - this.pos, end - k);
      out.set(this.raw.subarray(2 * this.pos, 2 * (this.pos + take)), 2 * k);
      this.pos += take;
      k += take;
    }
  }

  /** Generates the next RAW_CHUNK outputs into the buffer (WebAssembly kernel, else TypeScript). */
  private refill(): void {
    const k = pcgKernel();
    const raw = this.raw;
    if (k !== null) {
      const st = this.st;
      const ks = k.state;
      ks.set(st);
      k.fillRaw(RAW_CHUNK);
      raw.set(k.rawChunk);
      st[0] = ks[0]!;
      st[1] = ks[1]!;
      st[2] = ks[2]!;
      st[3] = ks[3]!;
    } else {
      for (let i = 0; i < RAW_CHUNK; i++) {
        raw[2 * i + 1] = this.step();
        raw[2 * i] = this.w[0]!;
      }
    }
    this.pos = 0;
    this.end = RAW_CHUNK;
  }

  /**
   * @internal Bulk fills outside this class (bounded integers, Fisher–Yates draws, normals): the WebAssembly
   * kernel with this generator's state and increment (and for `words`, NumPy's uint32 buffer) copied in,
   * or null when there is no kernel or when raw outputs generated ahead are still buffered; the caller then
   * draws one value through the ordinary methods and asks again. Pair with
   * {@link pcgKernelExit} before any other draw from this generator.
   */
  pcgKernelEnter(words: boolean): PCGKernel | null {
    if (this.pos !== this.end) return null;
    const k = pcgKernel();
    if (k !== null) {
      k.state.set(this.st);
      if (words) {
        k.mem32[PCG_W_HAS32] = this.w[2]!;
        k.mem32[PCG_W_UINT32] = this.w[1]!;
      }
    }
    return k;
  }

  /** @internal Copies the kernel's state back (and, after `words`, NumPy's uint32 buffer). */
  pcgKernelExit(k: PCGKernel, words: boolean): void {
    const st = this.st;
    const ks = k.state;
    st[0] = ks[0]!;
    st[1] = ks[1]!;
    st[2] = ks[2]!;
    st[3] = ks[3]!;
    if (words) {
      this.w[2] = k.mem32[PCG_W_HAS32]!;
      this.w[1] = k.mem32[PCG_W_UINT32]!;
    }
  }

  /** The true state: `st` rewound over the buffered, unconsumed outputs. */
  protected override getStateBig(): bigint {
    const s = super.getStateBig();
    const unused = this.end - this.pos;
    if (unused === 0) return s;
    return advanceLcg128(
      s,
      BigInt.asUintN(128, -BigInt(unused)),
      PCG_DEFAULT_MULTIPLIER_128,
      this.getIncBig(),
    );
  }

  protected override setRaw(state: bigint, inc: bigint): void {
    super.setRaw(state, inc);
    this.pos = 0;
    this.end = 0;
  }

  /** One LCG step + XSL-RR on `st` in TypeScript (returns hi, lo in w[0]). */
  private step(): number {
    const st = this.st;
    const s0 = st[0]!;
    const s1 = st[1]!;
    const s2 = st[2]!;
    const s3 = st[3]!;
    // M in 16-bit pieces (least significant first): f645 9fcc df64 4385 | 5da4 1fc6 ed05 2360.
    // a_k: partial products at bit 32k, b_k: at bit 32k+16; all exact in doubles (< 2^53).
    const a0 = s0 * 0xf645 + st[4]!;
    const b0 = s0 * 0x9fcc;
    const a1 = s0 * 0xdf64 + s1 * 0xf645 + st[5]!;
    const b1 = s0 * 0x4385 + s1 * 0x9fcc;
    const a2 = s0 * 0x5da4 + s1 * 0xdf64 + s2 * 0xf645 + st[6]!;
    const b2 = s0 * 0x1fc6 + s1 * 0x4385 + s2 * 0x9fcc;
    const a3 = s0 * 0xed05 + s1 * 0x5da4 + s2 * 0xdf64 + s3 * 0xf645 + st[7]!;
    const b3 = s0 * 0x2360 + s1 * 0x1fc6 + s2 * 0x4385 + s3 * 0x9fcc;
    // carry propagation with exact floor divisions (no float→int truncations)
    let bh = Math.floor(b0 * 1.52587890625e-5);
    let x = a0 + (b0 - bh * 65536) * 65536;
    let c = Math.floor(x * 2.3283064365386963e-10);
    const r0 = x - c * 4294967296;
    c += bh;
    bh = Math.floor(b1 * 1.52587890625e-5);
    x = a1 + c + (b1 - bh * 65536) * 65536;
    c = Math.floor(x * 2.3283064365386963e-10);
    const r1 = x - c * 4294967296;
    c += bh;
    bh = Math.floor(b2 * 1.52587890625e-5);
    x = a2 + c + (b2 - bh * 65536) * 65536;
    c = Math.floor(x * 2.3283064365386963e-10);
    const r2 = x - c * 4294967296;
    c += bh;
    bh = Math.floor(b3 * 1.52587890625e-5);
    x = a3 + c + (b3 - bh * 65536) * 65536;
    const r3 = x - Math.floor(x * 2.3283064365386963e-10) * 4294967296;
    st[0] = r0;
    st[1] = r1;
    st[2] = r2;
    st[3] = r3;
    // XSL-RR: rotr64(hi ^ lo, hi >>> 58)
    let h = st[3]! ^ st[1]!;
    let l = st[2]! ^ st[0]!;
    const rot = st[3]! >>> 26;
    if (rot & 32) {
      const tmp = h;
      h = l;
      l = tmp;
    }
    const r = rot & 31;
    this.w[0] = (l >>> r) | ((h << (31 - r)) << 1);
    return ((h >>> r) | ((l << (31 - r)) << 1)) >>> 0;
  }

  /** `random(size)`: buffered outputs first, then the WebAssembly kernel (or the TypeScript loop). */
  override fillDouble(out: Float64Array, start = 0, end: number = out.length): void {
    let i = start;
    const raw = this.raw;
    while (i < end && this.pos < this.end) {
      const p = this.pos++;
      out[i++] = (raw[2 * p + 1]! * 2097152 + (raw[2 * p]! >>> 11)) * 1.1102230246251565e-16;
    }
    if (i === end) return;
    const k = end - i >= 64 ? pcgKernel() : null;
    if (k === null) {
      this.fillDoubleTs(out, i, end);
      return;
    }
    const st = this.st;
    while (i < end) {
      const n = Math.min(PCG_KERNEL_CHUNK, end - i);
      k.state.set(st);
      k.fillDouble(n);
      out.set(k.out.subarray(0, n), i);
      st.set(k.state.subarray(0, 4));
      i += n;
    }
  }

  /** The TypeScript `next_double` loop with the state in locals (buffer must be empty). */
  private fillDoubleTs(out: Float64Array, start: number, end: number): void {
    const st = this.st;
    let s0 = st[0]!;
    let s1 = st[1]!;
    let s2 = st[2]!;
    let s3 = st[3]!;
    const i0 = st[4]!;
    const i1 = st[5]!;
    const i2 = st[6]!;
    const i3 = st[7]!;
    for (let i = start; i < end; i++) {
      const a0 = s0 * 0xf645 + i0;
      const b0 = s0 * 0x9fcc;
      const a1 = s0 * 0xdf64 + s1 * 0xf645 + i1;
      const b1 = s0 * 0x4385 + s1 * 0x9fcc;
      const a2 = s0 * 0x5da4 + s1 * 0xdf64 + s2 * 0xf645 + i2;
      const b2 = s0 * 0x1fc6 + s1 * 0x4385 + s2 * 0x9fcc;
      const a3 = s0 * 0xed05 + s1 * 0x5da4 + s2 * 0xdf64 + s3 * 0xf645 + i3;
      const b3 = s0 * 0x2360 + s1 * 0x1fc6 + s2 * 0x4385 + s3 * 0x9fcc;
      let bh = Math.floor(b0 * 1.52587890625e-5);
      let x = a0 + (b0 - bh * 65536) * 65536;
      let c = Math.floor(x * 2.3283064365386963e-10);
      s0 = x - c * 4294967296;
      c += bh;
      bh = Math.floor(b1 * 1.52587890625e-5);
      x = a1 + c + (b1 - bh * 65536) * 65536;
      c = Math.floor(x * 2.3283064365386963e-10);
      s1 = x - c * 4294967296;
      c += bh;
      bh = Math.floor(b2 * 1.52587890625e-5);
      x = a2 + c + (b2 - bh * 65536) * 65536;
      c = Math.floor(x * 2.3283064365386963e-10);
      s2 = x - c * 4294967296;
      c += bh;
      bh = Math.floor(b3 * 1.52587890625e-5);
      x = a3 + c + (b3 - bh * 65536) * 65536;
      s3 = x - Math.floor(x * 2.3283064365386963e-10) * 4294967296;
      let h = s3 ^ s1;
      let l = s2 ^ s0;
      const rot = Math.floor(s3 * 1.4901161193847656e-8); // s3 >>> 26
      if (rot & 32) {
        const tmp = h;
        h = l;
        l = tmp;
      }
      const r = rot & 31;
      const lo = (l >>> r) | ((h << (31 - r)) << 1);
      const hi = ((h >>> r) | ((l << (31 - r)) << 1)) >>> 0;
      out[i] = (hi * 2097152 + (lo >>> 11)) * 1.1102230246251565e-16;
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
  }
}
