/**
 * Bounded integers exactly as NumPy draws them (`random_bounded_*_fill`, `_bounded_integers.pyx.in`):
 * Lemire's multiply-shift rejection (Generator) or masked rejection (`masked = true`, legacy RandomState),
 * with NumPy's per-dtype dispatch (32-bit path for 64-bit dtypes with small ranges; raw draws for full
 * ranges; the per-call uint16 / uint8 / bool buffers fed from `next32`, lowest bits first).
 *
 * Values are written as `off + v`; typed arrays wrap that to the dtype, exactly as NumPy's unsigned
 * arithmetic does. Nothing here allocates per element.
 */
import type { BitGenerator } from '../bitgen/bit-generator.js';
import { PCG_KERNEL_CHUNK, PCG_W_OFFSET, PCG_W_OUT, pcgKernel } from '../bitgen/pcg64-wasm.js';
import { LITTLE_ENDIAN } from '../shape.js';
import { genMask } from './interval.js';

/** Scratch for bulk `next_uint32` draws (fills are synchronous and never re-enter). */
const SCRATCH = new Uint32Array(4096);

/** Exact high 32 bits of the 64-bit product of two uint32 values. */
export function mulhi32(a: number, b: number): number {
  const t = a * (b & 0xffff);
  const u = a * (b >>> 16);
  return Math.floor((u + Math.floor(t * 1.52587890625e-5)) * 1.52587890625e-5);
}

/** Scratch for {@link mul64x64}: 128-bit product limbs, least significant first. */
export const MUL128 = new Float64Array(4);

/** Full 128-bit product of two uint64 given as (hi, lo) words; limbs in {@link MUL128}. */
export function mul64x64(ah: number, al: number, bh: number, bl: number): void {
  const lo00 = Math.imul(al, bl) >>> 0;
  const hi00 = mulhi32(al, bl);
  const lo01 = Math.imul(al, bh) >>> 0;
  const hi01 = mulhi32(al, bh);
  const lo10 = Math.imul(ah, bl) >>> 0;
  const hi10 = mulhi32(ah, bl);
  const lo11 = Math.imul(ah, bh) >>> 0;
  const hi11 = mulhi32(ah, bh);
  const s1 = hi00 + lo01 + lo10;
  const l1 = s1 >>> 0;
  const s2 = hi01 + hi10 + lo11 + (s1 - l1) * 2.3283064365386963e-10;
  const l2 = s2 >>> 0;
  MUL128[0] = lo00;
  MUL128[1] = l1;
  MUL128[2] = l2;
  MUL128[3] = (hi11 + (s2 - l2) * 2.3283064365386963e-10) >>> 0;
}

/** Lemire on `next32` for a range `rng` < 2^32 − 1 (returns v in [0, rng]). */
export function lemire32(bg: BitGenerator, rng: number): number {
  const excl = rng + 1;
  const thr = (4294967296 - excl) % excl;
  let x = bg.nextUint32();
  while (Math.imul(x, excl) >>> 0 < thr) x = bg.nextUint32();
  return excl <= 2097152 ? Math.floor(x * excl * 2.3283064365386963e-10) : mulhi32(x, excl);
}

/** Masked rejection on `next32` for a range `rng` ≤ 2^32 − 1. */
export function masked32(bg: BitGenerator, rng: number): number {
  const mask = genMask(rng);
  let v = (bg.nextUint32() & mask) >>> 0;
  while (v > rng) v = (bg.nextUint32() & mask) >>> 0;
  return v;
}

/** Result words of {@link bounded64}: [hi, lo]. */
export const BOUNDED64 = new Float64Array(2);

/**
 * `random_bounded_uint64` core for a 64-bit range given as (rngHi, rngLo) with rng > 2^32 − 1
 * (the caller handles smaller ranges with the 32-bit path). Result in {@link BOUNDED64}.
 * `thrHi/thrLo` must be `(2^64 − (rng+1)) % (rng+1)` (only used by Lemire).
 */
export function bounded64(
  bg: BitGenerator,
  rngHi: number,
  rngLo: number,
  thrHi: number,
  thrLo: number,
  masked: boolean,
): void {
  if (rngHi === 0xffffffff && rngLo === 0xffffffff) {
    BOUNDED64[0] = bg.nextUint64();
    BOUNDED64[1] = bg.lo;
    return;
  }
  if (masked) {
    const maskHi = genMask(rngHi);
    for (;;) {
      const vh = (bg.nextUint64() & maskHi) >>> 0;
      const vl = bg.lo;
      if (vh < rngHi || (vh === rngHi && vl <= rngLo)) {
        BOUNDED64[0] = vh;
        BOUNDED64[1] = vl;
        return;
      }
    }
  }
  // excl = rng + 1 (no overflow: rng < 2^64 - 1)
  let el = rngLo + 1;
  let eh = rngHi;
  if (el === 4294967296) {
    el = 0;
    eh += 1;
  }
  for (;;) {
    const xh = bg.nextUint64();
    mul64x64(xh, bg.lo, eh, el);
    const lh = MUL128[1]!;
    if (lh > thrHi || (lh === thrHi && MUL128[0]! >= thrLo)) {
      BOUNDED64[0] = MUL128[3]!;
      BOUNDED64[1] = MUL128[2]!;
      return;
    }
  }
}

/** `(2^64 − (rng+1)) % (rng+1)` as [hi, lo] for a 64-bit rng < 2^64 − 1. */
export function lemire64Threshold(rng: bigint): [number, number] {
  const excl = rng + 1n;
  const thr = ((1n << 64n) - excl) % excl;
  return [Number(thr >> 32n), Number(thr & 0xffffffffn)];
}

/**
 * `random_bounded_uint64(bg, 0, rng, 0, use_masked=false)` for a range given as a safe integer
 * (Generator.choice's Floyd / tail shuffle). Returns v in [0, rng].
 */
export function boundedUint64Lemire(bg: BitGenerator, rng: number): number {
  if (rng === 0) return 0;
  if (rng <= 0xffffffff) return rng === 0xffffffff ? bg.nextUint32() : lemire32(bg, rng);
  const rh = Math.floor(rng / 4294967296);
  const rl = rng >>> 0;
  const [th, tl] = lemire64Threshold(BigInt(rng));
  bounded64(bg, rh, rl, th, tl, false);
  return BOUNDED64[0]! * 4294967296 + BOUNDED64[1]!;
}

/** Typed arrays (or plain number arrays) that receive `off + v` for ≤ 32-bit dtypes. */
export type SmallIntOut = {
  [i: number]: number;
  readonly length: number;
};

/**
 * Fill for 32-bit dtypes (int32/uint32): `out[i] = off + v`, v in [0, rng], rng ≤ 2^32 − 1.
 */
export function fillBounded32(
  bg: BitGenerator,
  out: SmallIntOut,
  start: number,
  end: number,
  off: number,
  rng: number,
  masked: boolean,
): void {
  if (rng === 0) {
    for (let i = start; i < end; i++) out[i] = off;
  } else if (rng === 0xffffffff) {
    for (let i = start; i < end; i++) out[i] = off + bg.nextUint32();
  } else if (masked) {
    const mask = genMask(rng);
    for (let i = start; i < end; i++) {
      let v = (bg.nextUint32() & mask) >>> 0;
      while (v > rng) v = (bg.nextUint32() & mask) >>> 0;
      out[i] = off + v;
    }
  } else {
    const excl = rng + 1;
    const thr = (4294967296 - excl) % excl;
    if (excl <= 2097152 && bg.fillUint32 !== undefined) {
      // bulk draws: exactly the stream nextUint32() would give; a rejection consumes the next one
      for (let i = start; i < end; ) {
        const m = Math.min(end - i, SCRATCH.length);
        bg.fillUint32(SCRATCH, 0, m);
        let c = 0;
        for (let t = 0; t < m; t++) {
          let x = c < m ? SCRATCH[c++]! : bg.nextUint32();
          while (Math.imul(x, excl) >>> 0 < thr) x = c < m ? SCRATCH[c++]! : bg.nextUint32();
          out[i + t] = off + Math.floor(x * excl * 2.3283064365386963e-10);
        }
        i += m;
      }
    } else if (excl <= 2097152) {
      // x * excl < 2^53: the product is exact in a double
      for (let i = start; i < end; i++) {
        let x = bg.nextUint32();
        while (Math.imul(x, excl) >>> 0 < thr) x = bg.nextUint32();
        out[i] = off + Math.floor(x * excl * 2.3283064365386963e-10);
      }
    } else {
      for (let i = start; i < end; i++) {
        let x = bg.nextUint32();
        while (Math.imul(x, excl) >>> 0 < thr) x = bg.nextUint32();
        out[i] = off + mulhi32(x, excl);
      }
    }
  }
}

/**
 * Fill for 16-bit (`bits = 16`) and 8-bit (`bits = 8`) dtypes from the per-call buffer of `next32` words
 * (low bits first); Lemire in 16/8-bit arithmetic, or masked.
 */
export function fillBoundedBuffered(
  bg: BitGenerator,
  bits: 8 | 16,
  out: SmallIntOut,
  start: number,
  end: number,
  off: number,
  rng: number,
  masked: boolean,
): void {
  if (rng === 0) {
    for (let i = start; i < end; i++) out[i] = off;
    return;
  }
  const full = bits === 16 ? 0xffff : 0xff;
  const refill = bits === 16 ? 1 : 3;
  let buf = 0;
  let bcnt = 0;
  if (rng === full) {
    for (let i = start; i < end; i++) {
      if (bcnt === 0) {
        buf = bg.nextUint32();
        bcnt = refill;
      } else {
        buf >>>= bits;
        bcnt--;
      }
      out[i] = off + (buf & full);
    }
  } else if (masked) {
    const mask = genMask(rng);
    for (let i = start; i < end; i++) {
      let v: number;
      do {
        if (bcnt === 0) {
          buf = bg.nextUint32();
          bcnt = refill;
        } else {
          buf >>>= bits;
          bcnt--;
        }
        v = buf & mask;
      } while (v > rng);
      out[i] = off + v;
    }
  } else {
    const excl = rng + 1;
    const thr = (full - rng) % excl;
    for (let i = start; i < end; i++) {
      let m: number;
      do {
        if (bcnt === 0) {
          buf = bg.nextUint32();
          bcnt = refill;
        } else {
          buf >>>= bits;
          bcnt--;
        }
        m = (buf & full) * excl;
      } while ((m & full) < thr);
      out[i] = off + (m >>> bits);
    }
  }
}

/** Fill for bool: `rng == 0` → off, else one bit per value from the per-call buffer (LSB first). */
export function fillBoundedBool(
  bg: BitGenerator,
  out: SmallIntOut,
  start: number,
  end: number,
  off: number,
  rng: number,
): void {
  if (rng === 0) {
    for (let i = start; i < end; i++) out[i] = off;
    return;
  }
  let buf = 0;
  let bcnt = 0;
  for (let i = start; i < end; i++) {
    if (bcnt === 0) {
      buf = bg.nextUint32();
      bcnt = 31;
    } else {
      buf >>>= 1;
      bcnt--;
    }
    out[i] = buf & 1;
  }
}

/**
 * Fill for int64/uint64: `out[i] = off + v (mod 2^64)` with v in [0, rng], rng and off as 64-bit values.
 * Small ranges (rng ≤ 2^32 − 1) take NumPy's 32-bit path on `next32`.
 */
export function fillBounded64(
  bg: BitGenerator,
  out: BigInt64Array | BigUint64Array,
  start: number,
  end: number,
  off: bigint,
  rng: bigint,
  masked: boolean,
): void {
  const offU = BigInt.asUintN(64, off);
  const oh = Number(offU >> 32n);
  const ol = Number(offU & 0xffffffffn);
  const view = new Uint32Array(out.buffer, out.byteOffset, out.length * 2);
  const le = LITTLE_ENDIAN;
  const put = (i: number, vh: number, vl: number): void => {
    const sl = ol + vl;
    const carry = sl >= 4294967296 ? 1 : 0;
    const h = (oh + vh + carry) >>> 0;
    const l = sl >>> 0;
    if (le) {
      view[2 * i] = l;
      view[2 * i + 1] = h;
    } else out[i] = ((BigInt(h) << 32n) | BigInt(l)) as never;
  };
  if (rng === 0n) {
    for (let i = start; i < end; i++) put(i, 0, 0);
  } else if (rng <= 0xffffffffn) {
    const r = Number(rng);
    if (r === 0xffffffff) {
      for (let i = start; i < end; i++) put(i, 0, bg.nextUint32());
    } else if (masked) {
      for (let i = start; i < end; i++) put(i, 0, masked32(bg, r));
    } else {
      const excl = r + 1;
      const thr = (4294967296 - excl) % excl;
      if (le && end - start >= 64 && bg.pcgKernelEnter !== undefined && pcgKernel() !== null) {
        // PCG64's WebAssembly kernel: the same Lemire on the same next_uint32 stream, int64 `off + v` written
        // in the kernel and copied out 8192 at a time. Buffered draws are consumed here first.
        let i = start;
        for (; i < end; i++) {
          const k = bg.pcgKernelEnter(true);
          if (k !== null) {
            const m32 = k.mem32;
            m32[PCG_W_OFFSET] = ol;
            m32[PCG_W_OFFSET + 1] = oh;
            while (i < end) {
              const m = Math.min(PCG_KERNEL_CHUNK, end - i);
              k.bounded(m, excl, thr);
              view.set(m32.subarray(PCG_W_OUT, PCG_W_OUT + 2 * m), 2 * i);
              i += m;
            }
            bg.pcgKernelExit!(k, true);
            return;
          }
          put(i, 0, lemire32(bg, r));
        }
        return;
      }
      if (le && oh === 0 && ol + r < 4294967296 && excl <= 2097152) {
        // common case (small non-negative range): the high words are 0
        if (bg.fillUint32 !== undefined) {
          for (let i = start; i < end; ) {
            const m = Math.min(end - i, SCRATCH.length);
            bg.fillUint32(SCRATCH, 0, m);
            let c = 0;
            for (let t = 0; t < m; t++) {
              let x = c < m ? SCRATCH[c++]! : bg.nextUint32();
              while (Math.imul(x, excl) >>> 0 < thr) x = c < m ? SCRATCH[c++]! : bg.nextUint32();
              view[2 * (i + t)] = ol + Math.floor(x * excl * 2.3283064365386963e-10);
              view[2 * (i + t) + 1] = 0;
            }
            i += m;
          }
          return;
        }
        for (let i = start; i < end; i++) {
          let x = bg.nextUint32();
          while (Math.imul(x, excl) >>> 0 < thr) x = bg.nextUint32();
          view[2 * i] = ol + Math.floor(x * excl * 2.3283064365386963e-10);
          view[2 * i + 1] = 0;
        }
        return;
      }
      const small = excl <= 2097152;
      for (let i = start; i < end; i++) {
        let x = bg.nextUint32();
        while (Math.imul(x, excl) >>> 0 < thr) x = bg.nextUint32();
        put(i, 0, small ? Math.floor(x * excl * 2.3283064365386963e-10) : mulhi32(x, excl));
      }
    }
  } else {
    const rh = Number(rng >> 32n);
    const rl = Number(rng & 0xffffffffn);
    const [th, tl] = rng === 0xffffffffffffffffn ? [0, 0] : lemire64Threshold(rng);
    for (let i = start; i < end; i++) {
      bounded64(bg, rh, rl, th, tl, masked);
      put(i, BOUNDED64[0]!, BOUNDED64[1]!);
    }
  }
}
