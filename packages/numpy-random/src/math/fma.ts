/**
 * Exact binary64 fused multiply-add, `fma(a, b, c) = RN(a·b + c)` with one rounding (ties to even).
 *
 * JavaScript has no FMA primitive, but glibc's x86-64 FMA builds of `log`, `exp`, `pow`, `sin`, … contract
 * particular `a*b + c` expressions into `vfmadd` instructions, so reproducing their last bit needs a true FMA.
 *
 * Fast path (operands and product in a comfortable exponent range, as in nearly every call the ports make),
 * branch-light and free of typed-array bit access so that V8 can inline it:
 *  1. Dekker/Veltkamp two-product: `a·b = ph + pl` exactly.
 *  2. Knuth two-sum: `c + ph = uh + ul` exactly.
 *  3. Two-sum: `ul + pl = s + w` exactly; `r = RN(uh + s)`. The exact result is `uh + s + w`.
 *  4. If `w = 0`, `r` is the correctly rounded result. Otherwise `ul ≠ 0` (if `ul = 0`, `s = pl` exactly), so
 *     `c + ph` was inexact, so not a Sterbenz cancellation, so `|uh| >= |ph|/2`; then `|pl| <= ulp(ph)/2
 *     <= ulp(uh)`, `|s| <= 1.5 ulp(uh)`, `ulp(s) <= 2^-51 ulp(uh)` and `ulp(r) >= ulp(uh)/2` (r is at most one
 *     binade below uh). `uh + s` is a multiple of `ulp(s)`, and so is every rounding boundary (midpoint)
 *     near `r` (they are multiples of `ulp(r)/4`, including below a power of two). As `|w| <= ulp(s)/2`,
 *     a boundary in [uh + s, uh + s + w] can only be `uh + s` itself: RN(uh + s + w) = r unless `uh + s` is
 *     exactly a midpoint. Then the result is the neighbour of `r` on `w`'s side. With `e = uh + s − r`
 *     (exact, fast two-sum since `|s| <= |uh|`), `uh + s` is a midpoint iff `e ≠ 0` and `r + 2e` is
 *     representable, i.e. `(r + 2e) − r === 2e` (if not a midpoint, `0 < |2e| <` the gap to the neighbour
 *     on that side, which is half as large below a power of two: `r + 2e` rounds to r or to the
 *     neighbour and the difference is 0 or the gap). Then the result is `r + 2e` if `w` has the sign of `e`,
 *     else `r`.
 *  {@link fmaRoundToOdd} (the previous fast path: `s` rounded to odd through its bit pattern, Boldo &
 *  Melquiond, IEEE TC 2008) and {@link fmaSlow} are kept as references: scripts/check-math-fastpath.mjs
 *  compares this path with both on random and midpoint-constructed triples.
 * Slow path (zero or non-finite operands, huge or tiny
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
  const ph = a * b;
  const ap = Math.abs(ph);
  // Range guard (fails for zero, non-finite and extreme operands, which go to fmaSlow): no overflow in the
  // splits and products, an exactly representable product error (|ph| well above the subnormal range).
  if (!(ap > M_900 && ap < P_1000 && Math.abs(c) < P_1000)) return fmaSlow(a, b, c);
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  if (!(aa > M_960 && aa < P_995 && ab > M_960 && ab < P_995)) return fmaSlow(a, b, c);
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
  // two-sum: ul + pl = s + w exactly
  const s = ul + pl;
  const sv = s - ul;
  const w = ul - (s - sv) + (pl - sv);
  const r = uh + s;
  if (Math.abs(r) < M_960) return fmaSlow(a, b, c); // possible subnormal / cancellation near underflow
  if (w !== 0) {
    // Exact a·b + c = uh + s + w. The only way RN(uh + s + w) can differ from r = RN(uh + s) is that uh + s is
    // exactly a midpoint (see the module comment for the proof); then the result is the neighbour of r on
    // w's side. e = (uh + s) − r exactly (fast two-sum: |s| <= 1.5 ulp(uh) <= |uh|).
    const e = s - (r - uh);
    const e2 = e + e;
    if (e !== 0 && r + e2 - r === e2) return e > 0 === w > 0 ? r + e2 : r;
  }
  return r;
}

/**
 * The previous fast path (Boldo–Melquiond: `ul + pl` rounded to odd through the bit pattern, then one
 * round-to-nearest), kept as a second reference for scripts/check-math-fastpath.mjs. Same range guard.
 */
export function fmaRoundToOdd(a: number, b: number, c: number): number {
  if (a === 0 || b === 0) return a * b + c;
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  const ac = Math.abs(c);
  const ph = a * b;
  const ap = Math.abs(ph);
  if (
    !(aa > M_960 && aa < P_995 && ab > M_960 && ab < P_995 && ap > M_900 && ap < P_1000) ||
    !(ac < P_1000)
  ) {
    return fmaSlow(a, b, c);
  }
  let t = SPLIT * a;
  const ahi = t - (t - a);
  const alo = a - ahi;
  t = SPLIT * b;
  const bhi = t - (t - b);
  const blo = b - bhi;
  const pl = alo * blo - (ph - ahi * bhi - alo * bhi - ahi * blo);
  const uh = c + ph;
  const bv = uh - c;
  const ul = c - (uh - bv) + (ph - bv);
  let s = ul + pl;
  const sv = s - ul;
  const w = ul - (s - sv) + (pl - sv);
  if (w !== 0) {
    F64[0] = s;
    const lo = U32[LO] as number;
    if ((lo & 1) === 0) {
      if (s > 0 === w > 0) {
        U32[LO] = lo + 1;
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
  if (Math.abs(r) < M_960) return fmaSlow(a, b, c);
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

/** Exact fused multiply-add on BigInt significands (any inputs); the reference the fast path is checked against. */
export function fmaSlow(a: number, b: number, c: number): number {
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
