/**
 * NumPy's ziggurat samplers for the Generator: standard normal (float64 "e3n52sb8", float32 "n23sb8")
 * and standard exponential (float64 / float32), with the exact tables of numpy 2.4.6. libm enters only in
 * the wedge (exp) and the tail (log1p): float64 uses the exact glibc ports of ../math; float32 uses
 * log1pf/expf (see below).
 */
import type { BitGenerator } from '../bitgen/bit-generator.js';
import {
  PCG_F_EXP_CONST,
  PCG_F_EXP_TAIL,
  PCG_F_EXP_V,
  PCG_F_FI,
  PCG_F_KI,
  PCG_F_WEDGE_U,
  PCG_F_WIS,
  PCG_KERNEL_CHUNK,
  PCG_W_OUT,
  PCG_W_SCRATCH,
  type PCGKernel,
  pcgKernel,
} from '../bitgen/pcg64-wasm.js';
import { EXP_KERNEL_DATA, expRaw } from '../math/exp.js';
import { log1pRaw } from '../math/log1p-expm1.js';
import { log1pfRaw as log1pf } from '../math/log1pf.js';
import { nextFloat } from './uniform.js';
import {
  FE_DOUBLE_HEX,
  FE_FLOAT_HEX,
  FI_DOUBLE_HEX,
  FI_FLOAT_HEX,
  KE_DOUBLE_HEX,
  KE_FLOAT_HEX,
  KI_DOUBLE_HEX,
  KI_FLOAT_HEX,
  SCALARS_DOUBLE_HEX,
  SCALARS_FLOAT_HEX,
  WE_DOUBLE_HEX,
  WE_FLOAT_HEX,
  WI_DOUBLE_HEX,
  WI_FLOAT_HEX,
} from './ziggurat-tables.js';

const dv = new DataView(new ArrayBuffer(8));

function f64Table(hex: string): Float64Array {
  const n = hex.length / 16;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dv.setUint32(0, Number.parseInt(hex.slice(16 * i, 16 * i + 8), 16));
    dv.setUint32(4, Number.parseInt(hex.slice(16 * i + 8, 16 * i + 16), 16));
    out[i] = dv.getFloat64(0);
  }
  return out;
}

/** uint64 table entries (all < 2^53 here) as exact doubles. */
function u64Table(hex: string): Float64Array {
  const n = hex.length / 16;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] =
      Number.parseInt(hex.slice(16 * i, 16 * i + 8), 16) * 4294967296 +
      Number.parseInt(hex.slice(16 * i + 8, 16 * i + 16), 16);
  }
  return out;
}

function f32Table(hex: string): Float32Array {
  const n = hex.length / 8;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    dv.setUint32(0, Number.parseInt(hex.slice(8 * i, 8 * i + 8), 16));
    out[i] = dv.getFloat32(0);
  }
  return out;
}

function u32Table(hex: string): Float64Array {
  const n = hex.length / 8;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Number.parseInt(hex.slice(8 * i, 8 * i + 8), 16);
  return out;
}

const KI = u64Table(KI_DOUBLE_HEX);
const WI = f64Table(WI_DOUBLE_HEX);
const FI = f64Table(FI_DOUBLE_HEX);
const KE = u64Table(KE_DOUBLE_HEX);
const WE = f64Table(WE_DOUBLE_HEX);
const FE = f64Table(FE_DOUBLE_HEX);
const KI_F = u32Table(KI_FLOAT_HEX);
const WI_F = f32Table(WI_FLOAT_HEX);
const FI_F = f32Table(FI_FLOAT_HEX);
const KE_F = u32Table(KE_FLOAT_HEX);
const WE_F = f32Table(WE_FLOAT_HEX);
const FE_F = f32Table(FE_FLOAT_HEX);
const SD = f64Table(SCALARS_DOUBLE_HEX);
const SF = f32Table(SCALARS_FLOAT_HEX);
const NOR_R = SD[0]!;
const NOR_INV_R = SD[1]!;
const EXP_R = SD[2]!;
const NOR_R_F = SF[0]!;
const NOR_INV_R_F = SF[1]!;
const EXP_R_F = SF[2]!;

const fround = Math.fround;
// glibc 2.36 ports (exact on the reference platform) for the float64 wedge and tail
const exp = expRaw;
const log1p = log1pRaw;
// float32 paths: an exact port of glibc's log1pf (tails); expf (exponential wedge) is the float64 exp
// rounded to float32, which differs from glibc's expf on ~0.06% of inputs — that can flip the wedge test
// only when the float32 left side equals one of the two candidates (≈1e-11 per draw; see README limits).
const expf = (x: number): number => fround(expRaw(x));

/** The exact tables, exposed for tests and for ports of other samplers. */
export const zigguratTables = {
  ki: KI,
  wi: WI,
  fi: FI,
  ke: KE,
  we: WE,
  fe: FE,
  kiFloat: KI_F,
  wiFloat: WI_F,
  fiFloat: FI_F,
  keFloat: KE_F,
  weFloat: WE_F,
  feFloat: FE_F,
  norR: NOR_R,
  norInvR: NOR_INV_R,
  expR: EXP_R,
  norRFloat: NOR_R_F,
  norInvRFloat: NOR_INV_R_F,
  expRFloat: EXP_R_F,
} as const;

/** `random_standard_normal`: float64 ziggurat. */
export function standardNormal(bg: BitGenerator): number {
  for (;;) {
    const hi = bg.nextUint64();
    const lo = bg.lo;
    const idx = lo & 0xff;
    // rabs = (r >> 9) & (2^52 - 1)
    const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    let x = rabs * WI[idx]!;
    if (lo & 0x100) x = -x;
    if (rabs < KI[idx]!) return x;
    if (idx === 0) {
      for (;;) {
        const xx = -NOR_INV_R * log1p(-bg.nextDouble());
        const yy = -log1p(-bg.nextDouble());
        if (yy + yy > xx * xx) return (lo >>> 17) & 1 ? -(NOR_R + xx) : NOR_R + xx;
      }
    }
    if ((FI[idx - 1]! - FI[idx]!) * bg.nextDouble() + FI[idx]! < exp(-0.5 * x * x)) return x;
  }
}

/**
 * Bulk-draw cursor: 64-bit draws pre-fetched with `fillUint64` (exactly the stream `nextUint64` gives), consumed
 * in order; the rare slow paths read their extra draws from the same cursor, then from the generator.
 */
const CUR_S = new Uint32Array(2 * 2048);
const CUR = { c: 0, m: 0, lo: 0, bg: null as BitGenerator | null };

function curNext64(): number {
  const c = CUR.c;
  if (c < CUR.m) {
    CUR.c = c + 1;
    CUR.lo = CUR_S[2 * c]!;
    return CUR_S[2 * c + 1]!;
  }
  const bg = CUR.bg!;
  const hi = bg.nextUint64();
  CUR.lo = bg.lo;
  return hi;
}

function curNextDouble(): number {
  const hi = curNext64();
  return (hi * 2097152 + (CUR.lo >>> 11)) * 1.1102230246251565e-16;
}

/** One full float64 ziggurat normal drawn through the cursor. */
function curStandardNormal(): number {
  for (;;) {
    const hi = curNext64();
    const lo = CUR.lo;
    const idx = lo & 0xff;
    const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    let x = rabs * WI[idx]!;
    if (lo & 0x100) x = -x;
    if (rabs < KI[idx]!) return x;
    const r = curNormalSlow(idx, x, lo);
    if (!Number.isNaN(r)) return r; // NaN = wedge rejected: draw again
  }
}

/** Tail (idx 0) or wedge test through the cursor; NaN when the wedge rejects. */
function curNormalSlow(idx: number, x: number, lo: number): number {
  if (idx === 0) {
    for (;;) {
      const xx = -NOR_INV_R * log1p(-curNextDouble());
      const yy = -log1p(-curNextDouble());
      if (yy + yy > xx * xx) return (lo >>> 17) & 1 ? -(NOR_R + xx) : NOR_R + xx;
    }
  }
  if ((FI[idx - 1]! - FI[idx]!) * curNextDouble() + FI[idx]! < exp(-0.5 * x * x)) return x;
  return Number.NaN;
}

/** The next `next_double` from the kernel's generator (the slow path's extra draws). */
function kernelNextDouble(k: PCGKernel): number {
  k.nextRaw();
  const m32 = k.mem32;
  return (m32[PCG_W_SCRATCH + 1]! * 2097152 + (m32[PCG_W_SCRATCH]! >>> 11)) * 1.1102230246251565e-16;
}

/**
 * The draw the kernel stopped at (raw output at its scratch words): the tail, with extra draws from the kernel,
 * or the wedge test whose exp the kernel left open, with the uniform it drew. NaN when the wedge rejects (the
 * caller draws again).
 */
function kernelNormalSlow(k: PCGKernel): number {
  const lo = k.mem32[PCG_W_SCRATCH]!;
  const hi = k.mem32[PCG_W_SCRATCH + 1]!;
  const idx = lo & 0xff;
  const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
  let x = rabs * WI[idx]!;
  if (lo & 0x100) x = -x;
  if (idx === 0) {
    for (;;) {
      const xx = -NOR_INV_R * log1p(-kernelNextDouble(k));
      const yy = -log1p(-kernelNextDouble(k));
      if (yy + yy > xx * xx) return (lo >>> 17) & 1 ? -(NOR_R + xx) : NOR_R + xx;
    }
  }
  if ((FI[idx - 1]! - FI[idx]!) * k.mem64[PCG_F_WEDGE_U]! + FI[idx]! < exp(-0.5 * x * x)) return x;
  return Number.NaN;
}

/** Writes the ki (as u64), signed wi and fi tables and exp's data into the kernel memory once. */
function loadNormalTables(k: PCGKernel): void {
  const m32 = k.mem32;
  for (let i = 0; i < 256; i++) {
    const v = KI[i]!;
    m32[2 * (PCG_F_KI + i)] = v % 4294967296;
    m32[2 * (PCG_F_KI + i) + 1] = Math.floor(v / 4294967296);
  }
  for (let j = 0; j < 512; j++) k.mem64[PCG_F_WIS + j] = j & 0x100 ? -WI[j & 0xff]! : WI[j & 0xff]!;
  k.mem64.set(FI, PCG_F_FI);
  k.mem64.set(EXP_KERNEL_DATA.tail, PCG_F_EXP_TAIL);
  k.mem64.set(EXP_KERNEL_DATA.v, PCG_F_EXP_V);
  k.mem64.set(EXP_KERNEL_DATA.constants, PCG_F_EXP_CONST);
  k.normalTables = true;
}

/**
 * The WebAssembly path (PCG64): buffered outputs first (TypeScript), then the kernel's fast path, 8192 at a
 * time; each draw that needs the wedge or tail stops the kernel and is finished here on the kernel's state,
 * written into the kernel's output, and the kernel resumes after it (one copy-out per chunk).
 */
function fillStandardNormalKernel(bg: BitGenerator, out: Float64Array, start: number, end: number): void {
  let i = start;
  let k = bg.pcgKernelEnter!(false);
  while (k === null) {
    out[i++] = standardNormal(bg);
    if (i === end) return;
    k = bg.pcgKernelEnter!(false);
  }
  if (!k.normalTables) loadNormalTables(k);
  const f64 = k.mem64;
  const o = PCG_W_OUT >> 1;
  while (i < end) {
    const m = Math.min(PCG_KERNEL_CHUNK, end - i);
    let p = k.normal(0, m);
    while (p < m) {
      const r = kernelNormalSlow(k);
      // written in place in the kernel's output; after a wedge rejection the kernel draws element p again
      if (!Number.isNaN(r)) f64[o + p++] = r;
      p = k.normal(p, m);
    }
    out.set(f64.subarray(o, o + m), i);
    i += m;
  }
  bg.pcgKernelExit!(k, false);
}

/** Fills `out[start..end)` with float64 standard normals. */
export function fillStandardNormal(
  bg: BitGenerator,
  out: Float64Array,
  start = 0,
  end: number = out.length,
): void {
  if (end - start >= 64 && bg.pcgKernelEnter !== undefined && pcgKernel() !== null) {
    fillStandardNormalKernel(bg, out, start, end);
    return;
  }
  if (bg.fillUint64 !== undefined) {
    const S = CUR_S;
    CUR.bg = bg;
    for (let i = start; i < end; ) {
      const m = Math.min(end - i, S.length >> 1);
      bg.fillUint64(S, 0, m);
      CUR.m = m;
      let c = 0;
      for (let t = 0; t < m; t++) {
        let hi: number;
        let lo: number;
        if (c < m) {
          lo = S[2 * c]!;
          hi = S[2 * c + 1]!;
          c++;
        } else {
          hi = bg.nextUint64();
          lo = bg.lo;
        }
        const idx = lo & 0xff;
        const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
        const x = rabs * WI[idx]!;
        if (rabs < KI[idx]!) out[i + t] = lo & 0x100 ? -x : x;
        else {
          CUR.c = c;
          const r = curNormalSlow(idx, lo & 0x100 ? -x : x, lo);
          out[i + t] = Number.isNaN(r) ? curStandardNormal() : r;
          c = CUR.c;
        }
      }
      i += m;
    }
    CUR.bg = null;
    return;
  }
  for (let i = start; i < end; i++) {
    const hi = bg.nextUint64();
    const lo = bg.lo;
    const idx = lo & 0xff;
    const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    const x = rabs * WI[idx]!;
    if (rabs < KI[idx]!) out[i] = lo & 0x100 ? -x : x;
    else out[i] = standardNormalSlow(bg, idx, rabs, lo & 0x100 ? -x : x, lo);
  }
}

/** The rare continuation of one ziggurat draw whose first box test failed. */
function standardNormalSlow(bg: BitGenerator, idx: number, rabs: number, x: number, lo: number): number {
  if (idx === 0) {
    for (;;) {
      const xx = -NOR_INV_R * log1p(-bg.nextDouble());
      const yy = -log1p(-bg.nextDouble());
      if (yy + yy > xx * xx) return (lo >>> 17) & 1 ? -(NOR_R + xx) : NOR_R + xx;
    }
  }
  if ((FI[idx - 1]! - FI[idx]!) * bg.nextDouble() + FI[idx]! < exp(-0.5 * x * x)) return x;
  void rabs;
  return standardNormal(bg);
}

/** `random_standard_normal_f`: float32 ziggurat (every float operation rounded with Math.fround). */
export function standardNormalFloat(bg: BitGenerator): number {
  for (;;) {
    const r = bg.nextUint32();
    const idx = r & 0xff;
    const rabs = (r >>> 9) & 0x7fffff;
    let x = fround(rabs * WI_F[idx]!);
    if (r & 0x100) x = -x;
    if (rabs < KI_F[idx]!) return x;
    if (idx === 0) {
      for (;;) {
        const xx = -fround(NOR_INV_R_F * log1pf(-nextFloat(bg)));
        const yy = -log1pf(-nextFloat(bg));
        if (fround(yy + yy) > fround(xx * xx)) {
          return (rabs >>> 8) & 1 ? -fround(NOR_R_F + xx) : fround(NOR_R_F + xx);
        }
      }
    }
    if (
      fround(fround(fround(FI_F[idx - 1]! - FI_F[idx]!) * nextFloat(bg)) + FI_F[idx]!) < exp(-0.5 * x * x)
    ) {
      return x;
    }
  }
}

/** `random_standard_exponential`: float64 ziggurat. */
export function standardExponential(bg: BitGenerator): number {
  for (;;) {
    const hi = bg.nextUint64();
    const lo = bg.lo;
    const idx = (lo >>> 3) & 0xff;
    const ri = hi * 2097152 + (lo >>> 11);
    const x = ri * WE[idx]!;
    if (ri < KE[idx]!) return x;
    if (idx === 0) return EXP_R - log1p(-bg.nextDouble());
    if ((FE[idx - 1]! - FE[idx]!) * bg.nextDouble() + FE[idx]! < exp(-x)) return x;
  }
}

/** Fills `out[start..end)` with float64 standard exponentials (ziggurat). */
export function fillStandardExponential(
  bg: BitGenerator,
  out: Float64Array,
  start = 0,
  end: number = out.length,
): void {
  for (let i = start; i < end; i++) {
    const hi = bg.nextUint64();
    const lo = bg.lo;
    const idx = (lo >>> 3) & 0xff;
    const ri = hi * 2097152 + (lo >>> 11);
    const x = ri * WE[idx]!;
    out[i] = ri < KE[idx]! ? x : standardExponentialSlow(bg, idx, x);
  }
}

function standardExponentialSlow(bg: BitGenerator, idx: number, x: number): number {
  if (idx === 0) return EXP_R - log1p(-bg.nextDouble());
  if ((FE[idx - 1]! - FE[idx]!) * bg.nextDouble() + FE[idx]! < exp(-x)) return x;
  return standardExponential(bg);
}

/** `random_standard_exponential_f`: float32 ziggurat. */
export function standardExponentialFloat(bg: BitGenerator): number {
  for (;;) {
    const r = bg.nextUint32() >>> 1;
    const idx = r & 0xff;
    const ri = r >>> 8;
    const x = fround(ri * WE_F[idx]!);
    if (ri < KE_F[idx]!) return x;
    if (idx === 0) return fround(EXP_R_F - log1pf(-nextFloat(bg)));
    if (fround(fround(fround(FE_F[idx - 1]! - FE_F[idx]!) * nextFloat(bg)) + FE_F[idx]!) < expf(-x)) {
      return x;
    }
  }
}

/** `random_standard_exponential_inv`: `-log1p(-U)`. */
export function standardExponentialInv(bg: BitGenerator): number {
  return -log1p(-bg.nextDouble());
}

/**
 * `random_standard_exponential_inv_fill_f`: `-log1p(-U)` with the float32 draw U but the float64 `log1p`,
 * stored as float32.
 */
export function standardExponentialInvFloat(bg: BitGenerator): number {
  return fround(-log1p(-nextFloat(bg)));
}
