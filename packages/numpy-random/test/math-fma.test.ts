import { describe, expect, it } from 'vitest';
import { fma } from '../src/math/index.js';

// Independent oracle: exact rational arithmetic on BigInt. Instead of rounding (which would re-implement the
// code under test), it VERIFIES a candidate r: r must be the double nearest to the exact a·b + c, ties to even.

const dv = new DataView(new ArrayBuffer(8));
const bitsOf = (x: number): bigint => {
  dv.setFloat64(0, x);
  return dv.getBigUint64(0);
};
const fromBits = (b: bigint): number => {
  dv.setBigUint64(0, BigInt.asUintN(64, b));
  return dv.getFloat64(0);
};

/** x = m · 2^-1074 * 2^-1074 (common fixed point with 2148 fractional bits, enough for any product). */
const SCALE = 2148n;
function exactFixed(x: number): bigint {
  const b = bitsOf(x);
  const neg = b >> 63n === 1n;
  const be = (b >> 52n) & 0x7ffn;
  let m = b & 0xfffffffffffffn;
  let e: bigint; // x = m · 2^e
  if (be === 0n) e = -1074n;
  else {
    m |= 1n << 52n;
    e = be - 1075n;
  }
  const v = m << (e + SCALE); // e + 2148 >= 1074 > 0
  return neg ? -v : v;
}
function exactProductFixed(a: number, b: number): bigint {
  // (ma 2^ea)(mb 2^eb) with each scaled by 2^1074 -> need total scale 2^2148
  return (exactFixed(a) * exactFixed(b)) >> SCALE; // exact: both factors are multiples of 2^1074
}

const MAX = 1.7976931348623157e308;
const abs = (v: bigint) => (v < 0n ? -v : v);

/** Is r the correctly rounded (nearest-even) value of the exact v (fixed point)? */
function isCorrectlyRounded(v: bigint, r: number): boolean {
  if (Number.isNaN(r)) return false;
  if (!Number.isFinite(r)) {
    // overflow threshold: |v| >= MAX + half ulp(MAX) = 2^1024 - 2^970
    const thr = (1n << (1024n + SCALE)) - (1n << (970n + SCALE));
    return r > 0 ? v >= thr : v <= -thr;
  }
  if (Math.abs(r) === MAX && abs(v) >= (1n << (1024n + SCALE)) - (1n << (970n + SCALE))) return false;
  const er = exactFixed(r);
  const d = abs(v - er);
  // neighbours of r
  for (const nb of [nextUp(r), nextDown(r)]) {
    if (!Number.isFinite(nb)) continue;
    const dn = abs(v - exactFixed(nb));
    if (dn < d) return false;
    if (dn === d && (bitsOf(r) & 1n) === 1n) return false; // tie must go to the even one
  }
  return true;
}

function nextUp(x: number): number {
  if (x === 0) return 5e-324;
  const b = bitsOf(x);
  return fromBits(x > 0 ? b + 1n : b - 1n);
}
const nextDown = (x: number) => -nextUp(-x);

function check(a: number, b: number, c: number): string | null {
  const r = fma(a, b, c);
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) {
    // IEEE semantics: NaN if any NaN, inf·0, or inf − inf; otherwise the infinity
    let want: number;
    if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(c)) want = Number.NaN;
    else if (!Number.isFinite(a) || !Number.isFinite(b)) {
      const p = a * b; // ±inf, or NaN for inf·0
      want = Number.isNaN(p) || (!Number.isFinite(c) && c !== p) ? Number.NaN : p;
    } else want = c; // finite exact product + ±inf
    if (Number.isNaN(want)) return Number.isNaN(r) ? null : `fma(${a}, ${b}, ${c}) = ${r}, expected NaN`;
    return Object.is(r, want) ? null : `fma(${a}, ${b}, ${c}) = ${r}, expected ${want}`;
  }
  const v = exactProductFixed(a, b) + exactFixed(c);
  if (v === 0n) {
    // exact zero: -0 only if both the product and c are -0 (round to nearest)
    const prodNegZero = (a === 0 || b === 0) && Object.is(a * b, -0);
    const want = prodNegZero && Object.is(c, -0) ? -0 : 0;
    return Object.is(r, want) ? null : `fma(${a}, ${b}, ${c}) = ${r}, expected signed zero ${want}`;
  }
  if (r === 0 && !isCorrectlyRounded(v, 0)) return `fma(${a}, ${b}, ${c}) = ${r}, not correctly rounded`;
  if (r === 0) {
    const want = v < 0n ? -0 : 0;
    return Object.is(r, want) ? null : `fma(${a}, ${b}, ${c}) = ${r}: wrong zero sign`;
  }
  return isCorrectlyRounded(v, r)
    ? null
    : `fma(${a}, ${b}, ${c}) = ${r} (${bitsOf(r).toString(16)}), not correctly rounded`;
}

// xorshift128+ for reproducible inputs
let s0 = 0x9e3779b97f4a7c15n;
let s1 = 0xbf58476d1ce4e5b9n;
function next64(): bigint {
  let x = s0;
  const y = s1;
  s0 = y;
  x ^= (x << 23n) & 0xffffffffffffffffn;
  s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
  return (s1 + y) & 0xffffffffffffffffn;
}
const rnd = () => Number(next64() >> 11n) / 2 ** 53;
const randBits = () => fromBits(next64());
const randIn = (elo: number, ehi: number) =>
  (rnd() < 0.5 ? -1 : 1) * (1 + rnd()) * 2 ** Math.floor(elo + rnd() * (ehi - elo));
/** a double with only k significant bits (makes exact ties likely) */
const fewBits = (k: number, e: number) =>
  (Math.floor(rnd() * 2 ** k) + 2 ** k) * 2 ** (e - k) * (rnd() < 0.5 ? -1 : 1);

describe('fma: exact fused multiply-add', () => {
  it('specials: infinities, NaN, signed zeros', () => {
    const sp = [
      0,
      -0,
      1,
      -1,
      5e-324,
      -5e-324,
      MAX,
      -MAX,
      Infinity,
      -Infinity,
      Number.NaN,
      2 ** -1022,
      0.5,
      3,
    ];
    const bad: string[] = [];
    for (const a of sp)
      for (const b of sp)
        for (const c of sp) {
          const m = check(a, b, c);
          if (m) bad.push(m);
        }
    expect(bad).toEqual([]);
  });

  it('known hard cases', () => {
    // product just above/below a tie, exact cancellation, overflow of a·b rescued by c, subnormal results
    const cases: [number, number, number][] = [
      [1 + 2 ** -52, 1 + 2 ** -52, -1],
      [1 + 2 ** -52, 1 - 2 ** -53, -1],
      [0.1, 10, -1],
      [2 ** 512, 2 ** 512, -(2 ** 1023)],
      [2 ** 1023, 2, -MAX],
      [2 ** -537, 2 ** -537, 0],
      [2 ** -600, 2 ** -500, 2 ** -1074],
      [1 + 2 ** -30, 2 ** -1000, -(2 ** -1000)],
      [3, 2 ** -1074, -(2 ** -1073)],
      [MAX, 1 + 2 ** -52, -MAX],
      [MAX, 2, -MAX],
      [1.5, 2 ** 1023, 0],
      [1 + 2 ** -52, 2 ** 1023, 2 ** 970],
      [134217729, 134217729, -(2 ** 54)],
    ];
    const bad = cases.map(([a, b, c]) => check(a, b, c)).filter((m) => m !== null);
    expect(bad).toEqual([]);
    expect(fma(2 ** 512, 2 ** 512, -(2 ** 1023))).toBe(2 ** 1023);
    expect(fma(1 + 2 ** -52, 1 - 2 ** -53, -1)).toBe(2 ** -53 - 2 ** -105);
  });

  it('random inputs (100,000 over several regimes) are correctly rounded', () => {
    const bad: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      let a: number;
      let b: number;
      let c: number;
      switch (i % 8) {
        case 0: // arbitrary bit patterns
          a = randBits();
          b = randBits();
          c = randBits();
          break;
        case 1: // typical magnitudes
          a = randIn(-10, 10);
          b = randIn(-10, 10);
          c = randIn(-20, 20);
          break;
        case 2: // massive cancellation: c ≈ −a·b
          a = randIn(-30, 30);
          b = randIn(-30, 30);
          c = -(a * b) * (1 + (rnd() - 0.5) * 2 ** -50);
          break;
        case 3: // few-bit operands: exact ties between doubles
          a = fewBits(27, Math.floor(rnd() * 8));
          b = fewBits(27, Math.floor(rnd() * 8));
          c = fewBits(53, Math.floor(rnd() * 20) - 5);
          break;
        case 4: // near overflow
          a = randIn(500, 520);
          b = randIn(495, 512);
          c = randIn(1015, 1024);
          break;
        case 5: // near/below the subnormal range
          a = randIn(-600, -450);
          b = randIn(-600, -450);
          c = rnd() < 0.5 ? randIn(-1074, -1000) : -(a * b) * (1 + (rnd() - 0.5) * 2 ** -40);
          break;
        case 6: // glibc-style: z·invc − 1, k·ln2 + logc
          a = 1 + rnd();
          b = 1 / a + (rnd() - 0.5) * 2 ** -45;
          c = -1;
          break;
        default: // unbalanced exponents
          a = randIn(-900, 900);
          b = randIn(-100, 100);
          c = randIn(-1000, 1000);
      }
      if (!Number.isFinite(c)) c = 1;
      const m = check(a, b, c);
      if (m && bad.length < 10) bad.push(m);
    }
    expect(bad).toEqual([]);
  });

  it('the oracle itself rejects a non-fused result', () => {
    // a·b + c with two roundings differs from the fused result here; the checker must notice.
    const a = 1 + 2 ** -52;
    const b = 1 - 2 ** -53;
    const v = exactProductFixed(a, b) + exactFixed(-1);
    expect(isCorrectlyRounded(v, a * b - 1)).toBe(false);
    expect(isCorrectlyRounded(v, fma(a, b, -1))).toBe(true);
  });

  it('rejects non-numbers', () => {
    expect(() => fma(1, 2, '3' as unknown as number)).toThrow(/argument 'c'/);
  });
});

describe('fma matches glibc fma (hardware FMA) on the committed fixture', () => {
  it('2048 triples incl. huge/tiny exponents, cancellation and ties', async () => {
    const { loadFixture, mismatches } = await import('./math-fixtures.js');
    const fx = loadFixture('fma');
    expect(fx.count).toBe(2048);
    expect(mismatches(fx, fma)).toEqual([]);
  });
});
