/**
 * Philox4x32-10 as TensorFlow's CPU kernels use it (counter-based: a 128-bit counter and a 64-bit key give
 * one block of four 32-bit words). Written from the algorithm description (Salmon et al., SC'11, and the
 * constants TensorFlow documents); no TensorFlow code is copied.
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** High 32 bits of the 64-bit product of two uint32 values. */
function mulHi(a: number, b: number): number {
  const aH = a >>> 16;
  const aL = a & 0xffff;
  const bH = b >>> 16;
  const bL = b & 0xffff;
  const lh = aL * bH;
  const hl = aH * bL;
  const mid = ((aL * bL) >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  return (aH * bH + (lh >>> 16) + (hl >>> 16) + (mid >>> 16)) >>> 0;
}

/** One 10-round Philox block for counter (c0..c3, c0 least significant) and key (k0, k1), into out[at..at+3]. */
export function philoxBlock(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  k0: number,
  k1: number,
  out: Uint32Array,
  at: number,
): void {
  for (let round = 0; round < 10; round++) {
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi0 = mulHi(M0, c0);
    const lo1 = Math.imul(M1, c2) >>> 0;
    const hi1 = mulHi(M1, c2);
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
    if (round < 9) {
      k0 = (k0 + W0) >>> 0;
      k1 = (k1 + W1) >>> 0;
    }
  }
  out[at] = c0;
  out[at + 1] = c1;
  out[at + 2] = c2;
  out[at + 3] = c3;
}

const TWO32 = 4294967296;

/** A Philox generator: key plus a 128-bit counter that advances one block per call. */
export class Philox {
  readonly key: Uint32Array;
  readonly counter: Uint32Array;

  constructor(key: ArrayLike<number>, counter: ArrayLike<number>) {
    this.key = Uint32Array.from(key);
    this.counter = Uint32Array.from(counter);
  }

  /** `PhiloxRandom(seed, seed2)` of TF's stateful kernels: key = seed, counter high half = seed2. */
  static fromSeeds(seed: bigint, seed2: bigint): Philox {
    const s = BigInt.asUintN(64, seed);
    const t = BigInt.asUintN(64, seed2);
    return new Philox(
      [Number(s & 0xffffffffn), Number(s >> 32n)],
      [0, 0, Number(t & 0xffffffffn), Number(t >> 32n)],
    );
  }

  clone(): Philox {
    return new Philox(this.key, this.counter);
  }

  /** Writes the block at the current counter to out[at..at+3] and advances the counter by one. */
  next(out: Uint32Array, at = 0): void {
    const c = this.counter;
    philoxBlock(c[0]!, c[1]!, c[2]!, c[3]!, this.key[0]!, this.key[1]!, out, at);
    this.skip(1);
  }

  /** Block at counter + offset (the counter itself is not changed). */
  blockAt(offset: number, out: Uint32Array, at = 0): void {
    const c = this.counter;
    const lo = offset % TWO32;
    const hi = (offset - lo) / TWO32;
    let s = c[0]! + lo;
    const c0 = s >>> 0;
    s = c[1]! + hi + (s >= TWO32 ? 1 : 0);
    const c1 = s >>> 0;
    let carry = s >= TWO32 ? 1 : 0;
    let c2 = c[2]!;
    let c3 = c[3]!;
    if (carry) {
      s = c2 + 1;
      c2 = s >>> 0;
      carry = s >= TWO32 ? 1 : 0;
      if (carry) c3 = (c3 + 1) >>> 0;
    }
    philoxBlock(c0, c1, c2, c3, this.key[0]!, this.key[1]!, out, at);
  }

  /** Adds n (a non-negative safe integer) to the 128-bit counter. */
  skip(n: number): void {
    const c = this.counter;
    const lo = n % TWO32;
    const hi = (n - lo) / TWO32;
    let s = c[0]! + lo;
    c[0] = s;
    s = c[1]! + hi + (s >= TWO32 ? 1 : 0);
    c[1] = s;
    if (s < TWO32) return;
    s = c[2]! + 1;
    c[2] = s;
    if (s >= TWO32) c[3] = c[3]! + 1;
  }
}

/**
 * TF's `SingleSampleAdapter`: hands out the words of successive blocks one at a time.
 */
export class WordStream {
  private readonly block = new Uint32Array(4);
  private used = 4;
  constructor(private readonly gen: Philox) {}

  next(): number {
    if (this.used === 4) {
      this.gen.next(this.block);
      this.used = 0;
    }
    return this.block[this.used++]!;
  }
}
