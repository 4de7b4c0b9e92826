/**
 * The optional WebAssembly kernel of the legacy Gaussian fill (source wasm/gauss.wat, compiled with wabt by
 * scripts/build-wasm.mjs): NumPy's polar method over a block of uniforms the caller draws, with the log taken
 * by `logRaw`'s fast paths written with the same operations in the same order, so every value is `logRaw`'s;
 * the pairs whose log the fast paths leave open are listed for the caller, which finishes them with `logRaw`.
 * Without WebAssembly (or when disabled) src/legacy/gauss.ts runs the same loop in TypeScript.
 */
import { GAUSS_WASM_BASE64 } from '../bitgen/gauss-wasm-bytes.js';
import { instantiateKernel, kernelSlot } from '../bitgen/wasm-instance.js';
import { LOG_KERNEL_DATA } from '../math/log.js';

/** Uniforms per `gauss` call (the block); it makes at most half as many pairs. */
export const GAUSS_BLOCK = 4096;

export interface GaussKernel {
  /** The uniforms `gauss` reads; `logBatch`'s input. */
  block: Float64Array;
  /** Pair j's outputs at 2j, 2j + 1 (f·x2, f·x1); `logBatch`'s output. */
  out: Float64Array;
  /** Word 0: the number of fixups the last `gauss` call wrote. */
  nfix: Int32Array;
  /** Pairs whose log was left open: their index (x2, x1 are in `out`) and r2. */
  fixIndex: Int32Array;
  fixR2: Float64Array;
  /** The polar method over `block[0..have)` (have even); returns the number of pairs made. */
  gauss(have: number): number;
  /** For the tests: the kernel's log of `block[0..n)` into `out` (NaN where logRaw must decide). */
  logBatch(n: number): void;
}

function instantiate(): GaussKernel | null {
  const ex = instantiateKernel<{
    memory: WebAssembly.Memory;
    gauss: (have: number) => number;
    log_batch: (n: number) => void;
  }>(GAUSS_WASM_BASE64);
  if (ex === null) return null;
  const buf = ex.memory.buffer;
  new Float64Array(buf, 0, 12).set(LOG_KERNEL_DATA.constants);
  new Float64Array(buf, 96, 15).set(LOG_KERNEL_DATA.near1);
  new Float64Array(buf, 1024, 128).set(LOG_KERNEL_DATA.invc);
  new Float64Array(buf, 2048, 128).set(LOG_KERNEL_DATA.logc);
  new Float64Array(buf, 3072, 128).set(LOG_KERNEL_DATA.invcHi);
  new Float64Array(buf, 4096, 128).set(LOG_KERNEL_DATA.invcLo);
  return {
    block: new Float64Array(buf, 8192, GAUSS_BLOCK),
    out: new Float64Array(buf, 40960, GAUSS_BLOCK),
    nfix: new Int32Array(buf, 256, 1),
    fixIndex: new Int32Array(buf, 90112, GAUSS_BLOCK / 2),
    fixR2: new Float64Array(buf, 98304, GAUSS_BLOCK / 2),
    gauss: ex.gauss,
    logBatch: ex.log_batch,
  };
}

const slot = kernelSlot(instantiate);

/** The kernel, or null when WebAssembly is unavailable or disabled. */
export function gaussKernel(): GaussKernel | null {
  return slot.get();
}

/** @internal Tests / benchmarks: force the TypeScript path (false) or allow the kernel again (true). */
export function setGaussKernelEnabled(on: boolean): void {
  slot.setEnabled(on);
}
