/**
 * CPython's `random.Random` for integer seeds: MT19937 seeded with `init_by_array` over the 32-bit words of
 * |seed|, and the `getrandbits` / `randbelow` / `randint` built on it. TensorFlow (eager op seeds) and Keras
 * (default seeds) draw from it. Written from the published MT19937 algorithm and CPython's documented
 * behaviour (see /work/shared/reference/python-framework-parity.md §1.1–1.2).
 */

const N = 624;
const M = 397;

export class PyRandom {
  private readonly mt = new Uint32Array(N);
  private mti = N + 1;

  constructor(seed: bigint) {
    this.seed(seed);
  }

  /** `random.seed(n)` for an int n: negative seeds act as their absolute value. */
  seed(seed: bigint): void {
    let v = seed < 0n ? -seed : seed;
    const key: number[] = [];
    do {
      key.push(Number(v & 0xffffffffn));
      v >>= 32n;
    } while (v > 0n);
    this.initByArray(key);
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s;
    for (let i = 1; i < N; i++) {
      const p = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = Math.imul(1812433253, p) + i;
    }
    this.mti = N;
  }

  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const p = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (mt[i]! ^ Math.imul(p, 1664525)) + key[j]! + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const p = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (mt[i]! ^ Math.imul(p, 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.mti = N;
  }

  private twist(): void {
    const mt = this.mt;
    for (let k = 0; k < N; k++) {
      const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % N]! & 0x7fffffff);
      mt[k] = mt[(k + M) % N]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.mti = 0;
  }

  /** One tempered 32-bit output. */
  nextUint32(): number {
    if (this.mti >= N) this.twist();
    let y = this.mt[this.mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** `randbelow(n)` for 1 ≤ n ≤ 2^32: rejection sampling on `getrandbits(bit_length(n))`. */
  randbelow(n: number): number {
    const k = n >= 4294967296 ? 33 : 32 - Math.clz32(n);
    if (k > 32) throw new RangeError('randbelow: n above 2^32 is not needed here');
    for (;;) {
      const r = this.nextUint32() >>> (32 - k);
      if (r < n) return r;
    }
  }

  /** `randint(a, b)` (both ends included), for b − a < 2^32. */
  randint(a: number, b: number): number {
    return a + this.randbelow(b - a + 1);
  }
}

/** 64 bits of platform entropy, for the unseeded (nondeterministic) cases Python seeds from os.urandom. */
export function entropyWords(count: number): Uint32Array {
  const out = new Uint32Array(count);
  globalThis.crypto.getRandomValues(out);
  return out;
}
