/**
 * CPython's `random.Random` for integer seeds, which TensorFlow (eager op seeds) and Keras (default seeds) draw
 * from: MT19937 seeded with `init_by_array` over the 32-bit words of |seed| (the generator and its seeding are
 * `@seedkit/numpy-random`'s MT19937 with NumPy's legacy array seeding, the same reference algorithm), plus
 * CPython's `getrandbits` / `randbelow` / `randint` (python-framework-parity.md §1.2).
 */
import { MT19937 } from '@seedkit/numpy-random';

export class PyRandom {
  private readonly mt = new MT19937(0);

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
    this.mt.legacySeeding(key);
  }

  /** One 32-bit output. */
  nextUint32(): number {
    return this.mt.nextUint32();
  }

  /** `randbelow(n)` for 1 ≤ n < 2^32: rejection sampling on `getrandbits(bit_length(n))`. */
  randbelow(n: number): number {
    if (!(n >= 1 && n <= 0xffffffff)) throw new RangeError(`randbelow: n = ${n} is outside [1, 2^32)`);
    const k = 32 - Math.clz32(n);
    for (;;) {
      const r = this.mt.nextUint32() >>> (32 - k);
      if (r < n) return r;
    }
  }

  /** `randint(a, b)` (both ends included), for b − a < 2^32. */
  randint(a: number, b: number): number {
    return a + this.randbelow(b - a + 1);
  }
}

/** Platform entropy words, for the unseeded (nondeterministic) cases Python seeds from os.urandom. */
export function entropyWords(count: number): Uint32Array {
  const out = new Uint32Array(count);
  globalThis.crypto.getRandomValues(out);
  return out;
}
