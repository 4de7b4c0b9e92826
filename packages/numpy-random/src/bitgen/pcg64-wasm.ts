/**
 * The optional WebAssembly kernel for PCG64 bulk draws (source wasm/pcg64.wat, compiled with wabt by
 * scripts/build-wasm.mjs).
 * One shared instance, used synchronously: the caller copies its 128-bit state and increment in, fills, and
 * copies the state back. Without WebAssembly (or when disabled, e.g. by a CSP without 'wasm-unsafe-eval')
 * PCG64 uses its TypeScript step; both give identical bits (tested).
 */
import { PCG64_WASM_BASE64 } from './pcg64-wasm-bytes.js';

export interface PCGKernel {
  /** Words 0..3: the 128-bit state (little-endian 32-bit limbs); 4..7: the increment. */
  state: Uint32Array;
  /** `fillRaw(n)` output: n u64 as (lo, hi) 32-bit pairs. */
  raw: Uint32Array;
  /** The first {@link PCG_RAW_CHUNK} outputs of `raw` (a fixed view, so refills allocate nothing). */
  rawChunk: Uint32Array;
  /** `fillDouble(n)` output. */
  out: Float64Array;
  fillRaw(n: number): void;
  fillDouble(n: number): void;
}

/** Maximum draws per kernel call. */
export const PCG_KERNEL_CHUNK = 8192;
/** Draws generated ahead per refill of a PCG64's raw buffer. */
export const PCG_RAW_CHUNK = 1024;

let kernel: PCGKernel | null | undefined;
let enabled = true;

function instantiate(): PCGKernel | null {
  const WA = (globalThis as { WebAssembly?: typeof WebAssembly }).WebAssembly;
  if (WA === undefined) return null;
  if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) return null; // the limb layout assumes little-endian
  try {
    const bin = atob(PCG64_WASM_BASE64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const inst = new WA.Instance(new WA.Module(bytes), {});
    const ex = inst.exports as {
      memory: WebAssembly.Memory;
      fill_raw: (n: number) => void;
      fill_double: (n: number) => void;
    };
    const buf = ex.memory.buffer;
    return {
      state: new Uint32Array(buf, 0, 8),
      raw: new Uint32Array(buf, 64, 2 * PCG_KERNEL_CHUNK),
      rawChunk: new Uint32Array(buf, 64, 2 * PCG_RAW_CHUNK),
      out: new Float64Array(buf, 64, PCG_KERNEL_CHUNK),
      fillRaw: ex.fill_raw,
      fillDouble: ex.fill_double,
    };
  } catch {
    return null;
  }
}

/** The kernel, or null when WebAssembly is unavailable or disabled. */
export function pcgKernel(): PCGKernel | null {
  if (!enabled) return null;
  if (kernel === undefined) kernel = instantiate();
  return kernel;
}

/** @internal Tests / benchmarks: force the TypeScript path (false) or allow the kernel again (true). */
export function setPCGKernelEnabled(on: boolean): void {
  enabled = on;
}
