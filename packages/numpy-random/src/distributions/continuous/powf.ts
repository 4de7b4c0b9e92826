/**
 * glibc's single-precision `powf` (the x86-64 FMA build that NumPy's float32 `standard_gamma` calls), for the
 * arguments the samplers produce: finite x ≥ 0 and finite y. Written from the algorithm of glibc 2.36
 * `sysdeps/ieee754/flt-32/e_powf.c` (tables and coefficients from `e_powf_log2_data.c` and
 * `e_exp2f_data.c`): powf(x, y) = exp2(y · log2 x), both in double precision,
 * - log2 x = k + log2 c + log1p(r)/ln2 with x = 2^k·z, z in [OFF, 2·OFF), c ≈ z from a 16-entry table,
 *   r = z/c − 1 and a degree-5 polynomial;
 * - exp2 t = 2^(j/32) · 2^ρ with a 32-entry table of 2^(j/32) and a cubic in ρ,
 * then rounded once to float. The products that GCC fuses in the `-mfma` build are explicit `fma` calls
 * (the same contraction rule as the `logf` port in `../../math`). Other arguments (negative x, non-finite
 * values) fall back to the float-rounded double `pow`, which is not used by any sampler here.
 */
import { F32, F64, fromWords, LO, U32 } from '../../math/bits.js';
import { fma } from '../../math/fma.js';
import { pow } from '../../math/index.js';

const fround = Math.fround;

const OFF = 0x3f330000;
// log2 table: invc ≈ 1/c, logc = log2(c), for the 16 subintervals of [OFF, 2·OFF)
const INVC = [
  1.398907162146528, 1.3403141896637998, 1.286432210124115, 1.2367150214269895, 1.1906977166711752,
  1.1479821020556429, 1.1082251448272158, 1.0711297413057381, 1.036437278977283, 1, 0.9492859795739057,
  0.8951049428609004, 0.8476821620351103, 0.8050314851692001, 0.7664671008843108, 0.731428603316328,
];
const LOGC = [
  -0.48430022186289673, -0.42257122959194704, -0.3633754347673556, -0.30651309567405577, -0.25180720160537634,
  -0.19910014943794563, -0.14825100623281615, -0.09913323807318392, -0.051632812977629436, 0,
  0.07508531937943004, 0.15987125980713107, 0.2384046664317681, 0.31288288605863257, 0.38370422656453185,
  0.451211048935815,
];
const A0 = 0.288457581109214;
const A1 = -0.36092606229713164;
const A2 = 0.480898481472577;
const A3 = -0.7213474675006291;
const A4 = 1.4426950408774342;
// exp2 table: bits of 2^(j/32) minus (j << 47), as (high, low) 32-bit words
const EXP2_BITS = [
  0x3ff00000, 0x00000000, 0x3fefd9b0, 0xd3158574, 0x3fefb558, 0x6cf9890f, 0x3fef9301, 0xd0125b51, 0x3fef72b8,
  0x3c7d517b, 0x3fef5487, 0x3168b9aa, 0x3fef387a, 0x6e756238, 0x3fef1e9d, 0xf51fdee1, 0x3fef06fe, 0x0a31b715,
  0x3feef1a7, 0x373aa9cb, 0x3feedea6, 0x4c123422, 0x3feece08, 0x6061892d, 0x3feebfda, 0xd5362a27, 0x3feeb42b,
  0x569d4f82, 0x3feeab07, 0xdd485429, 0x3feea47e, 0xb03a5585, 0x3feea09e, 0x667f3bcd, 0x3fee9f75, 0xe8ec5f74,
  0x3feea114, 0x73eb0187, 0x3feea589, 0x994cce13, 0x3feeace5, 0x422aa0db, 0x3feeb737, 0xb0cdc5e5, 0x3feec491,
  0x82a3f090, 0x3feed503, 0xb23e255d, 0x3feee89f, 0x995ad3ad, 0x3feeff76, 0xf2fb5e47, 0x3fef199b, 0xdd85529c,
  0x3fef3720, 0xdcef9069, 0x3fef5818, 0xdcfba487, 0x3fef7c97, 0x337b9b5f, 0x3fefa4af, 0xa2a490da, 0x3fefd076,
  0x5b6e4540,
];
const SHIFT = 6755399441055744.0 / 32;
const C0 = 0.05550361559341535;
const C1 = 0.2402284522445722;
const C2 = 0.6931471806916203;

function log2Inline(ix: number): number {
  const tmp = (ix - OFF) >>> 0;
  const i = (tmp >>> 19) & 15;
  const top = (tmp & 0xff800000) >>> 0;
  const iz = (ix - top) >>> 0;
  const k = (top | 0) >> 23;
  U32[0] = iz;
  const z = F32[0]!;
  const r = fma(z, INVC[i]!, -1);
  const y0 = LOGC[i]! + k;
  const r2 = r * r;
  const y = fma(A0, r, A1);
  const p = fma(A2, r, A3);
  const r4 = r2 * r2;
  let q = fma(A4, r, y0);
  q = fma(p, r2, q);
  return fma(y, r4, q);
}

function exp2Inline(xd: number): number {
  F64[0] = xd + SHIFT;
  const lo = U32[LO]!;
  const kd = F64[0]! - SHIFT;
  const r = xd - kd;
  const j = lo & 31;
  const s = fromWords((EXP2_BITS[2 * j]! + ((lo << 15) >>> 0)) >>> 0, EXP2_BITS[2 * j + 1]!);
  const z = fma(C0, r, C1);
  const r2 = r * r;
  let y = fma(C2, r, 1);
  y = fma(z, r2, y);
  return fround(y * s);
}

/** glibc `powf(x, y)` for float32 x ≥ 0 and finite float32 y (see the module comment). */
export function powf(xIn: number, yIn: number): number {
  const x = fround(xIn);
  const y = fround(yIn);
  if (!(x >= 0) || !Number.isFinite(x) || !Number.isFinite(y)) return fround(pow(x, y));
  if (y === 0 || x === 1) return 1;
  if (x === 0) return y < 0 ? Number.POSITIVE_INFINITY : 0;
  F32[0] = x;
  let ix = U32[0]!;
  if (ix < 0x00800000) {
    F32[0] = fround(x * 8388608);
    ix = ((U32[0]! & 0x7fffffff) - (23 << 23)) >>> 0;
  }
  const ylogx = y * log2Inline(ix);
  if (Math.abs(ylogx) >= 126) {
    if (ylogx > 127.99999995700433) return Number.POSITIVE_INFINITY;
    if (ylogx <= -150) return 0;
  }
  return exp2Inline(ylogx);
}
