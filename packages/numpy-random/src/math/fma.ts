/**
 * Exact binary64 fused multiply-add, `fma(a, b, c) = RN(a·b + c)` with one rounding (ties to even).
 *
 * JavaScript has no FMA primitive, but glibc's x86-64 FMA builds of `log`, `exp`, `pow`, `sin`, … contract
 * particular `a*b + c` expressions into `vfmadd` instructions, so reproducing their last bit needs a true FMA.
 *
 * Fast path (operands and product in a comfortable exponent range, as in nearly every call the ports make):
 *  1. Dekker/Veltkamp two-product: `a·b = ph + pl` exactly.
 *  2. Knuth two-sum: `c + ph = uh + ul` exactly.
 *  3. `t = ul + pl` rounded to *odd* (if inexact and even, take the odd neighbour towards the exact sum).
 *  4. `RN(uh + t)` is the correctly rounded `a·b + c` (Boldo & Melquiond, "Emulation of FMA and correctly
 *     rounded sums: proved algorithms using rounding to odd", IEEE TC 2008): rounding to odd at 53 bits keeps
 *     enough sticky information that the final round to nearest cannot double-round.
 * A zero factor returns `a·b + c` directly (exact product). Slow path (non-finite operands, huge or tiny
 * exponents, results that may be subnormal): exact integer arithmetic on BigInt significands, then one
 * round-to-nearest-even with gradual underflow and overflow.
 */
import { F64, HI, LO, U32 } from './bits.js';

const SPLIT = 134217729; // 2^27 + 1, Veltkamp splitter for 53-bit significands
const M_960 = 2 ** -960;
const P_995 = 2 ** 995;
const M_900 = 2 ** -900;
const P_1000 = 2 ** 1000;

export function fma(a: number, b: number, c: number): number {
  if (a === 0 || b === 0) return a * b + c; // exact zero product: one IEEE addition is exact-then-rounded
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  const ac = Math.abs(c);
  const ph = a * b;
  const ap = Math.abs(ph);
  // The fast path needs: no overflow in the splits and products, an exactly representable product error
  // (|ph| well above the subnormal range) and a final result that cannot be subnormal.
  if (
    !(aa > M_960 && aa < P_995 && ab > M_960 && ab < P_995 && ap > M_900 && ap < P_1000) ||
    !(ac < P_1000)
  ) {
    return fmaSlow(a, b, c);
  }
  // two-product: pl = a*b - ph exactly
  let t = SPLIT * a;
  const ahi = t - (t - a);
  const alo = a - ahi;
  t = SPLIT * b;
  const bhi = t - (t - b);
  const blo = b - bhi;
  const pl = alo * blo - (ph - ahi * bhi - alo * bhi - ahi * blo);
  // two-sum: c + ph = uh + ul exactly
  const uh = c + ph;
  const bv = uh - c;
  const ul = c - (uh - bv) + (ph - bv);
  // ul + pl rounded to odd
  let s = ul + pl;
  const sv = s - ul;
  const w = ul - (s - sv) + (pl - sv);
  if (w !== 0) {
    F64[0] = s;
    const lo = U32[LO] as number;
    if ((lo & 1) === 0) {
      // s is even: the odd neighbour in the direction of the error is the round-to-odd result
      if (s > 0 === w > 0) {
        U32[LO] = lo + 1; // away from zero; lo even so no carry
      } else if (lo === 0) {
        U32[LO] = 0xffffffff;
        U32[HI] = (U32[HI] as number) - 1;
      } else {
        U32[LO] = lo - 1;
      }
      s = F64[0] as number;
    }
  }
  const r = uh + s;
  if (Math.abs(r) < M_960) return fmaSlow(a, b, c); // possible subnormal / cancellation near underflow
  return r;
}

// ---------------------------------------------------------------------------------------------------------
// Exact slow path

/** Decompose a finite double into an integer significand and exponent: x = m·2^e. */
function decompose(x: number): [bigint, number] {
  F64[0] = x;
  const hi = U32[HI] as number;
  const lo = U32[LO] as number;
  const bexp = (hi >>> 20) & 0x7ff;
  let m = BigInt(hi & 0xfffff) * 0x100000000n + BigInt(lo);
  let e: number;
  if (bexp === 0) {
    e = -1074;
  } else {
    m += 0x10000000000000n;
    e = bexp - 1075;
  }
  return [hi >>> 31 ? -m : m, e];
}

/** 2^k as a double for -1074 <= k <= 1023 (two steps below the normal range). */
function pow2(k: number): number {
  if (k >= -1022) return 2 ** k;
  return 2 ** (k + 200) * 2 ** -200;
}

function bitLength(m: bigint): number {
  return m.toString(2).length;
}

/** Round m·2^e (m a BigInt, any size) to the nearest double, ties to even, with gradual underflow. */
export function roundScaled(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const neg = m < 0n;
  let am = neg ? -m : m;
  const n = bitLength(am);
  const top = e + n - 1; // exponent of the leading bit
  if (top > 1023) return neg ? -Infinity : Infinity;
  let shift = top >= -1022 ? n - 53 : -1074 - e;
  if (shift > 0) {
    const big = BigInt(shift);
    const rem = am & ((1n << big) - 1n);
    am >>= big;
    const half = 1n << (big - 1n);
    if (rem > half || (rem === half && (am & 1n) === 1n)) am += 1n;
    e += shift;
  } else {
    shift = 0;
  }
  // am < 2^54 here, so Number(am) is exact; the scaling is exact or overflows to infinity.
  let v: number;
  if (e > 900) v = Number(am) * 2 ** 900 * 2 ** (e - 900);
  else v = Number(am) * pow2(Math.max(e, -1074 - 60) + 60) * 2 ** -60;
  return neg ? -v : v;
}

function fmaSlow(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b + c;
  if (!Number.isFinite(c)) return c; // finite exact product + ±inf (or NaN)
  if (a === 0 || b === 0) return a * b + c;
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  let mp = ma * mb;
  let ep = ea + eb;
  if (c === 0) return roundScaled(mp, ep); // product nonzero, so the sum's sign is the product's
  let [mc, ec] = decompose(c);
  if (ep > ec) {
    mp <<= BigInt(ep - ec);
    ep = ec;
  } else if (ec > ep) {
    mc <<= BigInt(ec - ep);
  }
  const sum = mp + mc;
  if (sum === 0n) return 0; // exact cancellation gives +0 in round-to-nearest
  return roundScaled(sum, ep);
}
