// Checks the fast paths of src/math against the exact implementations they replace, bit for bit.
//
//   node scripts/check-math-fastpath.mjs [--n 1e8] [--exact-n 2e6] [--only fma,log,...] [--seed 1]
//
// The fast paths (branch-light fma, filtered plain-arithmetic evaluation of log/exp/pow/...) must return
// exactly what the previous all-fma evaluation returned, which scripts/check-math.py checks against glibc.
// Here each function is compared with its reference on `--n` random inputs from the ranges the samplers use
// plus adversarial families (midpoint-constructed fma triples; inputs whose result lies near a rounding
// boundary, found by evaluating the reference in double-double), comparing IEEE bits (Object.is, which
// also separates ±0; NaN matches NaN). The script bundles the internal modules of src/math with the esbuild
// that tsup ships, so it needs no build step. Exit status 1 on any mismatch.

import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (k, d) => {
  const i = args.indexOf(`--${k}`);
  return i >= 0 ? args[i + 1] : d;
};
const N = Number(opt('n', '1e8'));
const EXACT_N = Number(opt('exact-n', '2e6'));
const ONLY = opt('only', '');
const SEED = Number(opt('seed', '1'));

// ---------------------------------------------------------------------------------------------------------
// Bundle the internal functions (not part of the public entry) into a temporary ES module.
const require = createRequire(createRequire(import.meta.url).resolve('tsup'));
const esbuild = require('esbuild');
const src = join(here, '..', 'src', 'math');
const tmp = mkdtempSync(join(tmpdir(), 'seedkit-fastpath-'));
const out = join(tmp, 'm.mjs');
await esbuild.build({
  stdin: {
    contents: `export * from './fma.ts'; export * from './log.ts'; export * from './exp.ts';
               export * from './pow.ts'; export * from './log1p-expm1.ts';
               export * from './float32.ts';`,
    resolveDir: src,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  outfile: out,
  logLevel: 'error',
});
const M = await import(pathToFileURL(out).href);
rmSync(tmp, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------------------
// Random numbers: xoshiro128** generated in blocks into a typed array (module-level `let` state is slow).
const RB = new Uint32Array(1 << 16);
const RS = new Uint32Array([
  (0x9e3779b9 ^ SEED) >>> 0,
  (0x243f6a88 + SEED * 0x6a09e667) >>> 0,
  0xb7e15162,
  0x510e527f,
]);
const RI = { i: RB.length };
function refill() {
  let a = RS[0];
  let b = RS[1];
  let c = RS[2];
  let d = RS[3];
  for (let i = 0; i < RB.length; i++) {
    const x = Math.imul(b, 5);
    RB[i] = Math.imul((x << 7) | (x >>> 25), 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
  }
  RS[0] = a;
  RS[1] = b;
  RS[2] = c;
  RS[3] = d;
  RI.i = 0;
}
/** 32 random bits. */
function u32() {
  if (RI.i === RB.length) refill();
  return RB[RI.i++];
}
/** 2^k for integer −1074 <= k <= 1023, from a table. */
const P2 = new Float64Array(2200);
for (let k = -1074; k <= 1023; k++) P2[k + 1100] = 2 ** k;
const pow2 = (k) => P2[k + 1100];
/** Uniform in [0, 1) with 53 random bits. */
const uni = () => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992;
/** Uniform in (0, 1]: k/2^53, k in 1..2^53 (the samplers' grid). */
const u53 = () => ((u32() >>> 5) * 67108864 + (u32() >>> 6) + 1) / 9007199254740992;
const F = new Float64Array(1);
const W = new Uint32Array(F.buffer);
/** Double from random bits with the biased exponent in [elo, ehi] and a random sign if `sign`. */
function bitsDouble(elo, ehi, sign) {
  const e = elo + (u32() % (ehi - elo + 1));
  W[0] = u32();
  W[1] = ((sign && u32() & 1 ? 0x80000000 : 0) | (e << 20) | (u32() & 0xfffff)) >>> 0;
  return F[0];
}
/** |x| = (1 + u)·2^e, e uniform in [lo, hi]. */
const expo = (lo, hi, sign = false) =>
  (sign && u32() & 1 ? -1 : 1) * (1 + uni()) * pow2(lo + (u32() % (hi - lo + 1)));
function ulp(x) {
  F[0] = Math.abs(x);
  const e = (W[1] >>> 20) & 0x7ff;
  return e > 52 ? pow2(e - 1075) : pow2(-1074);
}

/** a·b − RN(a·b), exactly (Veltkamp–Dekker; moderate exponents). */
function twoProductErr(a, b, ph) {
  let t = 134217729 * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = 134217729 * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return al * bl - (ph - ah * bh - al * bh - ah * bl);
}

/** Replica of fma's fast-path midpoint test, to count how often each input exercises it. */
function midpointBranch(a, b, c) {
  const ph = a * b;
  const pl = twoProductErr(a, b, ph);
  const uh = c + ph;
  const bv = uh - c;
  const ul = c - (uh - bv) + (ph - bv);
  const s = ul + pl;
  const sv = s - ul;
  const w = ul - (s - sv) + (pl - sv);
  const r = uh + s;
  const e = s - (r - uh);
  return w !== 0 && e !== 0 && r + 2 * e - r === 2 * e;
}

const dv = new DataView(new ArrayBuffer(8));
const hex = (v) => {
  dv.setFloat64(0, v);
  return `0x${dv.getBigUint64(0).toString(16).padStart(16, '0')}`;
};
const same = (a, b) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

let failed = false;
function report(name, n, bad, examples, ms) {
  console.log(
    `${name}: ${n} inputs, ${bad} mismatches (${((ms / n) * 1e6).toFixed(0)} ns/input incl. reference)`,
  );
  for (const e of examples) console.log(`  ${e}`);
  if (bad) failed = true;
}

// ---------------------------------------------------------------------------------------------------------
// fma

/** One fma triple from family `f` (0..7) into T[0..2]. */
const T = new Float64Array(3);
function fmaTriple(f) {
  let a;
  let b;
  let c;
  switch (f) {
    case 0: // generic: moderate exponents, random signs
      a = expo(-40, 40, true);
      b = expo(-40, 40, true);
      c = expo(-90, 90, true);
      break;
    case 1: {
      // midpoint-constructed: with a·b = ph + pl (exact) and h = ± half the gap from ph to its neighbour on
      // one side, c = RN(h − pl) (+ j gaps) makes a·b + c = ph + h + ρ (+ j gaps), ρ = the rounding error of
      // c: within a hair of a rounding midpoint, on either side. A quarter of the products sit at a power of
      // two (the gap below is half the gap above).
      if (u32() & 3) {
        a = expo(-30, 30, true);
        b = expo(-30, 30, true);
      } else {
        const m = pow2(-(20 + (u32() % 30)));
        const j = 1 + (u32() % 1000);
        a = (1 + j * m) * pow2((u32() % 40) - 20) * (u32() & 1 ? -1 : 1);
        b = (1 - j * m + (u32() % 5) * 2 ** -52) * pow2((u32() % 40) - 20);
      }
      const ph = a * b;
      const pl = twoProductErr(a, b, ph);
      const up = u32() & 1;
      const atPow2 = Math.abs(ph) === pow2(Math.floor(Math.log2(Math.abs(ph))));
      const gap = up || !atPow2 ? ulp(ph) : ulp(ph) / 2;
      const h = (up ? gap : -gap) * Math.sign(ph) * 0.5;
      c = h - pl; // exact (both on the grid ulp(a)·ulp(b) and |h − pl| <= 2|h|): a·b + c is a midpoint
      const j = u32() % 8;
      if (j === 1 || j === 2) c += (j === 1 ? gap : -gap) * Math.sign(ph);
      else if (j === 3)
        c = ph * pow2(-(u32() % 3)) + c; // larger c: ph and c share the sum
      else if (j >= 4) c += j & 1 ? ulp(c) : -ulp(c); // one ulp of c off the midpoint: when |c| < |h| this
      // is a quarter-ulp(h) step, so ul + pl = ±h ± ulp(h)/2 is inexact and uh + s lands on the midpoint
      break;
    }
    case 2: // few-bit operands: exact products, sums landing on ties
      a = Math.round(uni() * 2 ** 27) * 2 ** -20 * (u32() & 1 ? -1 : 1) || 1;
      b = Math.round(uni() * 2 ** 27) * 2 ** -20 || 1;
      c = (u32() & 1 ? -1 : 1) * Math.round(uni() * 2 ** 30) * pow2(-((u32() % 80) + 20));
      break;
    case 3: // cancellation: c ≈ −a·b
      a = expo(-30, 30, true);
      b = expo(-30, 30, true);
      c = -(a * b) * (1 + (uni() - 0.5) * pow2(-(u32() % 60)));
      break;
    case 4: // any finite (exercises the slow path and its boundary with the fast path)
      a = bitsDouble(0, 2046, true);
      b = bitsDouble(0, 2046, true);
      c = bitsDouble(0, 2046, true);
      break;
    case 5: // near the fast path's range limits
      a = expo(-962, -958, true);
      b = expo(0, 80, true);
      c = expo(-1000, -880, true);
      break;
    case 6: // the ports' shapes: fma(invc, z, −1), fma(c, r, poly), x·(1 ± tiny) − x
      a = 0.7 + uni() * 0.8;
      b = 1 / a + (uni() - 0.5) * pow2(-(u32() % 52));
      c = u32() & 1 ? -1 : expo(-60, 2, true);
      break;
    default: // large c, tiny product (the product lands in c's rounding bits)
      a = expo(-30, 30, true);
      b = expo(-30, 30, true);
      c = a * b * pow2(53 + (u32() % 6)) * (u32() & 1 ? -1 : 1);
      c += (u32() % 3) - 1 === 0 ? 0 : ulp(c) * ((u32() % 3) - 1);
  }
  T[0] = a;
  T[1] = b;
  T[2] = c;
}

function checkFma() {
  const { fma, fmaRoundToOdd, fmaSlow } = M;
  // bulk: new fma vs the previous round-to-odd fast path (itself checked against glibc and fmaSlow)
  for (const [label, ref, n] of [
    ['fma vs fmaRoundToOdd', fmaRoundToOdd, N],
    ['fma vs fmaSlow (BigInt exact)', fmaSlow, EXACT_N],
  ]) {
    const counts = new Array(8).fill(0);
    let mid = 0;
    let bad = 0;
    const ex = [];
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      // family 4 (any finite: mostly the BigInt slow path on both sides) on 1 input in 64, family 1 instead
      const f = (i & 7) === 4 && (i & 63) !== 4 ? 1 : i & 7;
      fmaTriple(f);
      const a = T[0];
      const b = T[1];
      const c = T[2];
      const got = fma(a, b, c);
      const want = ref(a, b, c);
      counts[f]++;
      if (f === 1 && Math.abs(a) < 1e30 && Math.abs(b) < 1e30 && midpointBranch(a, b, c)) mid++;
      if (!same(got, want)) {
        bad++;
        if (ex.length < 8)
          ex.push(`fma(${hex(a)}, ${hex(b)}, ${hex(c)}) = ${hex(got)}, reference ${hex(want)}`);
      }
    }
    report(
      `${label} [families ${counts.join('/')}; ${mid} on the midpoint branch]`,
      n,
      bad,
      ex,
      performance.now() - t0,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Generic one-argument comparison: fast vs reference over input families, with the bound check.

/**
 * Compares `fast(x)` with `ref(x)` on n inputs drawn round-robin from `families` (functions returning x).
 * `observe(x)`, if given, is called on every input. If `parts` is given (`parts(x, out) -> boolean`, out = [T, T', D]), also records max |T − T'|/D, which
 * must stay below 1 for the fast path's filter to be sound.
 */
function compare1(name, fast, ref, families, n, parts, observe) {
  const out = new Float64Array(4);
  let bad = 0;
  let worst = 0;
  let worstX = 0;
  let over = 0;
  const ex = [];
  const nf = families.length;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const x = families[i % nf]();
    const got = fast(x);
    const want = ref(x);
    if (!same(got, want)) {
      bad++;
      if (ex.length < 8) ex.push(`${name}(${hex(x)}) = ${hex(got)}, reference ${hex(want)}`);
    }
    if (observe) observe(x);
    if (parts?.(x, out)) {
      const q = Math.abs(out[0] - out[1]) / out[2];
      if (q > worst) {
        worst = q;
        worstX = x;
      }
      if (!(q < 1)) over++;
    }
  }
  if (parts) {
    console.log(
      `${name}: max |T − T'|/D = ${worst.toExponential(3)} (at x = ${hex(worstX)}), ${over} over 1`,
    );
    if (over) failed = true;
  }
  report(`${name} vs reference [${nf} families]`, n, bad, ex, performance.now() - t0);
}

// ---------------------------------------------------------------------------------------------------------
// log

function checkLog() {
  const { logRaw, logFma, logParts } = M;
  // the table bound |r| <= 0x1.02p-8 used in the derivation (r is linear in z: check the subinterval ends)
  let rmax = 0;
  for (let i = 0; i < 128; i++) {
    const hw = (0x3fe60000 + (i << 13)) >>> 0;
    W[1] = hw;
    W[0] = 0;
    const zlo = F[0];
    W[1] = (hw + (1 << 13) - 1) >>> 0;
    W[0] = 0xffffffff;
    const zhi = F[0];
    for (const z of [zlo, zhi]) {
      const x = z; // k = 0: log(z) runs the main branch unless z is near 1
      if (x >= 0.9375 && x < 1.064697265625) continue;
      const out = new Float64Array(4);
      logParts(x, out);
      if (Math.abs(out[3]) > rmax) rmax = Math.abs(out[3]);
    }
  }
  console.log(
    `log: max |r| over the table subintervals = ${rmax} (bound used: 0x1.02p-8 = ${0x102 / 2 ** 16})`,
  );
  if (!(rmax <= 0x102 / 2 ** 16)) failed = true;
  const fam = [
    u53, // uniforms (exponential: 1 − U, gamma, beta)
    () => u53() * u53(), // randn's r² (x1² + x2², uniform on (0, 1))
    () => 0.9375 + uni() * (1.064697265625 - 0.9375), // the near-1 branch
    () => 1 + (uni() - 0.5) * pow2(-(u32() % 53)), // 1 ± tiny
    () => expo(-1022, 1023), // all normal binades
    () => bitsDouble(1, 2046, false), // random normal bit patterns
    () => (u32() & 15 ? u53() * 50 : bitsDouble(0, 2046, true)), // gamma/poisson arguments; occasional specials
    () => 0.6875 + uni() * 0.6875, // k = 0 main branch, all subintervals
  ];
  compare1('log', logRaw, logFma, fam, N, logParts);
}

// ---------------------------------------------------------------------------------------------------------
// exp

function checkExp() {
  const { expRaw, expFma, expParts } = M;
  const LN2N = Math.LN2 / 128;
  const fam = [
    () => -8 * uni(), // ziggurat wedge −x²/2 and similar
    () => (uni() * 2 - 1) * 745, // whole finite range
    () => uni() * 2 - 1,
    () => -50 * u53(), // gamma/beta/poisson arguments
    () => (u32() & 1 ? -1 : 1) * expo(-60, 9), // tiny to large magnitudes
    () => 708 + (uni() * 2 - 1) * 2, // near overflow (expFma's special case)
    () => -744 + (uni() * 2 - 1) * 2, // near underflow
    // adversarial: x·128/ln2 within a hair of a half-integer (the rounding of kd)
    () => ((u32() % 200000) - 100000 + 0.5) * LN2N * (1 + (uni() - 0.5) * pow2(-(u32() % 50) - 3)),
    () => Math.log(u53()) / (0.05 + 10 * uni()), // exp(log(U)/a): gamma's U^(1/a)
    () => bitsDouble(0, 2046, true), // any finite (mostly specials: expFma)
  ];
  compare1('exp', expRaw, expFma, fam, N, expParts);
}

// ---------------------------------------------------------------------------------------------------------
// pow

function checkPow() {
  const { powRaw, powFma, powParts } = M;
  const P = new Float64Array(2);
  const fam = [
    () => {
      P[0] = u53(); // gamma (a < 1) / beta (Johnk): U^(1/a)
      P[1] = 1 / (0.01 + 10 * uni());
    },
    () => {
      P[0] = u53();
      P[1] = 1 / (0.05 + 0.95 * uni()); // 1/a with a in (0.05, 1)
    },
    () => {
      P[0] = expo(-60, 60);
      P[1] = (uni() * 2 - 1) * 10;
    },
    () => {
      P[0] = 1 + (uni() * 2 - 1) * 0.01; // near 1, large y
      P[1] = (uni() * 2 - 1) * 1000;
    },
    () => {
      P[0] = 1 + (uni() * 2 - 1) * pow2(-(u32() % 50) - 5);
      P[1] = (u32() & 1 ? -1 : 1) * expo(0, 40);
    },
    () => {
      P[0] = u53() * 10; // integer and half-integer powers
      P[1] = (u32() % 20) - 10 + (u32() & 1 ? 0.5 : 0);
    },
    () => {
      P[0] = expo(-1022, 1023); // all binades, moderate y
      P[1] = (u32() & 1 ? -1 : 1) * expo(-40, 3);
    },
    () => {
      P[0] = bitsDouble(0, 2046, u32() % 8 === 0); // any (mostly specials and out-of-range: powFma)
      P[1] = (u32() & 1 ? -1 : 1) * expo(-70, 70);
    },
  ];
  const out = new Float64Array(9);
  const nf = fam.length;
  let worstE = 0;
  let bad = 0;
  let worstT = 0;
  let worstL = 0;
  let over = 0;
  let reached = 0;
  const ex = [];
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    fam[i % nf]();
    const x = P[0];
    const y = P[1];
    const got = powRaw(x, y);
    const want = powFma(x, y);
    if (!same(got, want)) {
      bad++;
      if (ex.length < 8) ex.push(`pow(${hex(x)}, ${hex(y)}) = ${hex(got)}, reference ${hex(want)}`);
    }
    const ok = powParts(x, y, out);
    if (out[6] > 0 || out[4] !== out[5]) {
      const ql = Math.abs(out[4] - out[5]) / out[6];
      if (ql > worstL) worstL = ql;
      if (!(ql < 1)) over++;
    }
    if (ok) {
      reached++;
      const qe = out[7] / out[8];
      if (qe > worstE) worstE = qe;
      if (!(qe < 1) && out[7] !== 0) over++;
      const qt = Math.abs(out[0] - out[1]) / out[2];
      if (qt > worstT) worstT = qt;
      if (!(qt < 1)) over++;
    }
    out[4] = out[5] = out[6] = 0;
  }
  console.log(
    `pow: max |lo − lo'|/Dlo = ${worstL.toExponential(3)}, |elo − elo'|/Delo = ${worstE.toExponential(3)}, ` +
      `|tmp − tmp'|/dT = ${worstT.toExponential(3)} ` +
      `(${reached} inputs reached the last step), ${over} over 1`,
  );
  if (over) failed = true;
  report(`pow vs reference [${nf} families]`, N, bad, ex, performance.now() - t0);
}

// ---------------------------------------------------------------------------------------------------------
// log1p

function checkLog1p() {
  const { log1pRaw, log1pFma, log1pParts } = M;
  const fam = [
    () => -u53(), // legacy rayleigh: log1p(−U)
    () => Math.exp(-50 * uni()), // beta's log1p(exp(−δ))
    () => -0.2929 + uni() * (0.41422 + 0.2929), // the k = 0 branch
    () => (uni() * 2 - 1) * pow2(-(u32() % 40)), // small |x| (incl. the |x| < 2^-29 shortcut)
    () => expo(-2, 60), // k ≠ 0, large x
    () => -1 + u53() * Math.SQRT1_2, // k < 0
    () => bitsDouble(0, 2046, true), // any (specials, x <= −1)
    () => u53() * 10 - 1,
  ];
  const out = new Float64Array(7);
  let worstR = 0;
  let worstL = 0;
  let over = 0;
  const observe = (x) => {
    if (!log1pParts(x, out)) return;
    const qr = Math.abs(out[0] - out[1]) / out[2];
    const ql = out[4] === out[5] ? 0 : Math.abs(out[4] - out[5]) / out[6];
    if (qr > worstR) worstR = qr;
    if (ql > worstL) worstL = ql;
    if (!(qr < 1 || out[0] === out[1]) || !(ql < 1)) over++;
  };
  compare1('log1p', log1pRaw, log1pFma, fam, N, null, observe);
  console.log(
    `log1p: max |R − R'|/(10u·R') = ${worstR.toExponential(3)}, max |lo1 − lo1'|/d1 = ${worstL.toExponential(3)}, ${over} over 1`,
  );
  if (over) failed = true;
}

// ---------------------------------------------------------------------------------------------------------
// logf, sincosf (float32 in, float32 out): random float32 inputs from the samplers' ranges and all bit
// patterns, plus TensorFlow's whole float32 Box–Muller domains (2^23 inputs each).

const F32B = new Float32Array(1);
const U32B = new Uint32Array(F32B.buffer);
/** A float32 from random bits (any class: zero, subnormal, normal, inf, NaN). */
function f32bits() {
  U32B[0] = u32() | ((u32() & 1) << 31);
  return F32B[0];
}

function checkLogf() {
  const { logfRaw, logfFma } = M;
  const fam = [
    () => Math.fround(u53()),
    () => Math.max(Math.fround((u32() & 0x7fffff) / 8388608), Math.fround(1e-7)), // TF Box–Muller u
    () => Math.fround(1 + (uni() - 0.5) * 0.2),
    () => Math.fround(1 + (uni() - 0.5) * pow2(-(u32() % 24))),
    () => Math.fround(expo(-149, 127)),
    f32bits,
  ];
  compare1('logf', logfRaw, logfFma, fam, N);
  let bad = 0;
  const t0 = performance.now();
  for (let k = 0; k < 2 ** 23; k++) {
    const x = Math.max(Math.fround(k / 8388608), Math.fround(1e-7));
    if (!same(logfRaw(x), logfFma(x))) bad++;
  }
  report(
    "logf on TF's Box–Muller domain max(k/2^23, fround(1e-7))",
    2 ** 23,
    bad,
    [],
    performance.now() - t0,
  );
}

function checkSincosf() {
  const { sincosfRaw, sincosfFma, lastSin, lastCos } = M;
  const one = (x) => {
    sincosfFma(x);
    const ws = lastSin();
    const wc = lastCos();
    sincosfRaw(x);
    return same(lastSin(), ws) && same(lastCos(), wc);
  };
  const fam = [
    () => Math.fround(2 * Math.PI * Math.fround((u32() & 0x7fffff) / 8388608)), // TF Box–Muller angle
    () => Math.fround((uni() * 2 - 1) * 130),
    () => Math.fround((uni() * 2 - 1) * 0.8),
    () => Math.fround((u32() & 1 ? -1 : 1) * expo(-20, 7)),
    () => Math.fround(((u32() % 153) - 76) * (Math.PI / 2) * (1 + (uni() - 0.5) * pow2(-(u32() % 30) - 10))),
    f32bits,
  ];
  let bad = 0;
  const ex = [];
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const x = fam[i % fam.length]();
    if (!one(x)) {
      bad++;
      if (ex.length < 8) ex.push(`sincosf(${x})`);
    }
  }
  report(`sincosf vs reference [${fam.length} families]`, N, bad, ex, performance.now() - t0);
  bad = 0;
  const t1 = performance.now();
  for (let k = 0; k < 2 ** 23; k++) if (!one(Math.fround(2 * Math.PI * (k / 8388608)))) bad++;
  report("sincosf on TF's Box–Muller domain fround(2π·k/2^23)", 2 ** 23, bad, [], performance.now() - t1);
}

// ---------------------------------------------------------------------------------------------------------

const CHECKS = {
  fma: checkFma,
  log: checkLog,
  exp: checkExp,
  pow: checkPow,
  log1p: checkLog1p,
  logf: checkLogf,
  sincosf: checkSincosf,
};
const names = ONLY ? ONLY.split(',') : Object.keys(CHECKS);
for (const name of names) {
  if (!CHECKS[name]) {
    console.error(`unknown check ${name}`);
    process.exit(2);
  }
  CHECKS[name]();
}
process.exit(failed ? 1 : 0);
