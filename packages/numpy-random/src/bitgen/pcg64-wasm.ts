/**
 * The optional WebAssembly kernel for PCG64 bulk draws (source wasm/pcg64.wat, compiled with wabt by
 * scripts/build-wasm.mjs).
 * One shared instance, used synchronously: the caller copies its 128-bit state and increment in, fills, and
 * copies the state back. Without WebAssembly (or when disabled, e.g. by a CSP without 'wasm-unsafe-eval')
 * PCG64 uses its TypeScript step; both give identical bits (tested).
 */
import { PCG64_WASM_BASE64 } from './pcg64-wasm-bytes.js';
import { instantiateKernel, kernelSlot } from './wasm-instance.js';

export interface PCGKernel {
  /** Words 0..3: the 128-bit state (little-endian 32-bit limbs); 4..7: the increment. */
  state: Uint32Array;
  /** `fillRaw(n)` output: n u64 as (lo, hi) 32-bit pairs. */
  raw: Uint32Array;
  /** The first {@link PCG_RAW_CHUNK} outputs of `raw` (a fixed view, so refills allocate nothing). */
  rawChunk: Uint32Array;
  /** `fillDouble(n)` output. */
  out: Float64Array;
  /** The whole kernel memory as uint32 words (layout in wasm/pcg64.wat). */
  mem32: Uint32Array;
  /** The whole kernel memory as float64 values. */
  mem64: Float64Array;
  fillRaw(n: number): void;
  fillDouble(n: number): void;
  /** One output at word 8 (lo) / 9 (hi) of {@link mem32}. */
  nextRaw(): void;
  /**
   * n 32-bit Lemire values (excl = range + 1, thr = (2^32 − excl) mod excl) + the int64 offset at words
   * 12..13, as int64 at word 16. NumPy's uint32 buffer (has_uint32, uinteger): words 14 / 15, in and out.
   */
  bounded(n: number, excl: number, thr: number): void;
  /** The Fisher–Yates draws `random_interval(i)` for i, i − 1, … (n of them), as uint32 at word 16 (buffer as above). */
  interval(n: number, i: number): void;
  /**
   * Float64 ziggurat for outputs from..n-1 (float64 index 8 + i), wedge tests included: returns n, or the
   * index of a draw it left to the caller (its raw output at the scratch words): the tail (idx 0), or a wedge
   * test whose exp it could not decide (its uniform at {@link PCG_F_WEDGE_U}).
   */
  normal(from: number, n: number): number;
  /** For the tests: the wedge test's exp, expRaw's value or NaN where left open (needs the normal tables). */
  expFast(x: number): number;
  /** Set once the normal ziggurat tables were written into the kernel memory. */
  normalTables: boolean;
}

/** Word offsets in {@link PCGKernel.mem32}. */
export const PCG_W_SCRATCH = 8;
export const PCG_W_OFFSET = 12;
export const PCG_W_HAS32 = 14;
export const PCG_W_UINT32 = 15;
export const PCG_W_OUT = 16;
/** Float64 offset of the normal ziggurat table ki (as u64) in {@link PCGKernel.mem64}. */
export const PCG_F_KI = 65600 / 8;
/** Float64 offset of the signed wi table (512 entries: wi[j & 0xff], negated when j & 0x100). */
export const PCG_F_WIS = 67648 / 8;
/** Float64 offsets of the wedge test's data: the fi table, exp's T[j] and 2^(j/128) tables and constants. */
export const PCG_F_FI = 71744 / 8;
export const PCG_F_EXP_TAIL = 73792 / 8;
export const PCG_F_EXP_V = 74816 / 8;
export const PCG_F_EXP_CONST = 75840 / 8;
/** Float64 offset of the wedge test's uniform when `normal` leaves that test to the caller. */
export const PCG_F_WEDGE_U = 75952 / 8;

/** Maximum draws per kernel call. */
export const PCG_KERNEL_CHUNK = 8192;
/** Draws generated ahead per refill of a PCG64's raw buffer. */
export const PCG_RAW_CHUNK = 1024;

function instantiate(): PCGKernel | null {
  if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) return null; // the limb layout assumes little-endian
  const ex = instantiateKernel<{
    memory: WebAssembly.Memory;
    fill_raw: (n: number) => void;
    fill_double: (n: number) => void;
    next_raw: () => void;
    interval: (n: number, i: number) => void;
    bounded: (n: number, excl: number, thr: number) => void;
    normal: (from: number, n: number) => number;
    exp_fast: (x: number) => number;
  }>(PCG64_WASM_BASE64);
  if (ex === null) return null;
  const buf = ex.memory.buffer;
  return {
    state: new Uint32Array(buf, 0, 8),
    raw: new Uint32Array(buf, 64, 2 * PCG_KERNEL_CHUNK),
    rawChunk: new Uint32Array(buf, 64, 2 * PCG_RAW_CHUNK),
    out: new Float64Array(buf, 64, PCG_KERNEL_CHUNK),
    mem32: new Uint32Array(buf),
    mem64: new Float64Array(buf),
    fillRaw: ex.fill_raw,
    fillDouble: ex.fill_double,
    nextRaw: ex.next_raw,
    interval: ex.interval,
    bounded: ex.bounded,
    normal: ex.normal,
    expFast: ex.exp_fast,
    normalTables: false,
  };
}

const slot = kernelSlot(instantiate);

/** The kernel, or null when WebAssembly is unavailable or disabled. */
export function pcgKernel(): PCGKernel | null {
  return slot.get();
}

/** @internal Tests / benchmarks: force the TypeScript path (false) or allow the kernel again (true). */
export function setPCGKernelEnabled(on: boolean): void {
  slot.setEnabled(on);
}
