/**
 * `random_interval(max)` (masked rejection, used by every Fisher–Yates shuffle) and `gen_mask`.
 */
import type { BitGenerator } from '../bitgen/bit-generator.js';
import { PCG_KERNEL_CHUNK, PCG_W_OUT, pcgKernel } from '../bitgen/pcg64-wasm.js';

/** `gen_mask(max)`: the smallest 2^k − 1 ≥ max (max a non-negative safe integer). */
export function genMask(max: number): number {
  if (max <= 0xffffffff) {
    let m = max >>> 0;
    m |= m >>> 1;
    m |= m >>> 2;
    m |= m >>> 4;
    m |= m >>> 8;
    m |= m >>> 16;
    return m >>> 0;
  }
  let m = 1;
  while (m < max) m = m * 2 + 1;
  return m;
}

/**
 * `random_interval(bg, max)`: uniform in [0, max] by masked rejection. `max == 0` draws nothing.
 * max ≤ 2^32 − 1 uses `next32`; larger max (up to 2^53 − 1) uses `next64` masked.
 */
export function randomInterval(bg: BitGenerator, max: number): number {
  if (max === 0) return 0;
  if (max <= 0xffffffff) {
    const mask = genMask(max);
    let v = (bg.nextUint32() & mask) >>> 0;
    while (v > max) v = (bg.nextUint32() & mask) >>> 0;
    return v;
  }
  const mask = genMask(max);
  const maskHi = Math.floor(mask / 4294967296);
  for (;;) {
    const hi = bg.nextUint64();
    const v = ((hi & maskHi) >>> 0) * 4294967296 + (bg.lo >>> 0);
    if (v <= max) return v;
  }
}

/** Fisher–Yates with `random_interval`, `i = n-1 .. first`, on a plain or typed array. */
export function shuffleInPlace<T>(
  bg: BitGenerator,
  x: { [i: number]: T; length: number },
  n: number,
  first = 1,
): void {
  let i = n - 1;
  if (i - first >= 64 && bg.pcgKernelEnter !== undefined && pcgKernel() !== null) {
    // PCG64's WebAssembly kernel draws the j's (the same masked rejection on the same next_uint32 stream)
    // 8192 at a time for i ≤ 2^32 − 1 (≥ 1); the swaps stay here. Larger i and buffered draws go first.
    const low = Math.max(first, 1);
    for (; i >= low; i--) {
      const k = i <= 0xffffffff ? bg.pcgKernelEnter(true) : null;
      if (k !== null) {
        const m32 = k.mem32;
        while (i >= low) {
          const m = Math.min(PCG_KERNEL_CHUNK, i - low + 1);
          k.interval(m, i);
          for (let t = PCG_W_OUT; t < PCG_W_OUT + m; t++, i--) {
            const j = m32[t]!;
            const v = x[i]!;
            x[i] = x[j]!;
            x[j] = v;
          }
        }
        bg.pcgKernelExit!(k, true);
        break;
      }
      const j = randomInterval(bg, i);
      const t = x[i]!;
      x[i] = x[j]!;
      x[j] = t;
    }
  }
  for (; i >= first; i--) {
    const j = randomInterval(bg, i);
    const t = x[i]!;
    x[i] = x[j]!;
    x[j] = t;
  }
}
