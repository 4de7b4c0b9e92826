/**
 * The optional WebAssembly SIMD kernel for long MT19937 `next_double` fills (source wasm/mt19937.wat,
 * compiled with wabt by scripts/build-wasm.mjs; v128 twist, tempering and conversion: the kernel alone runs
 * ~3× faster than the former scalar WebAssembly kernel in A/B runs). One shared instance: the caller copies
 * its key and position in, fills, and copies them back, all synchronously. Without WebAssembly, on engines
 * without SIMD (`WebAssembly.validate` fails), or if it is disabled, the TypeScript path is used; all give
 * identical bits.
 */
import { MT19937_WASM_BASE64 } from './mt19937-wasm-bytes.js';
import { instantiateKernel, kernelSlot } from './wasm-instance.js';

export interface MTKernel {
  key: Int32Array;
  pos: Int32Array;
  out: Float64Array;
  fill(n: number): void;
}

/** Doubles per kernel call (the output area of the module's 2 pages). */
export const KERNEL_CHUNK = 8192;

function instantiate(): MTKernel | null {
  // null without WebAssembly SIMD in this engine, or where WebAssembly is blocked: TypeScript fallback
  const ex = instantiateKernel<{ memory: WebAssembly.Memory; fill: (n: number) => void }>(
    MT19937_WASM_BASE64,
  );
  if (ex === null) return null;
  const buf = ex.memory.buffer;
  return {
    key: new Int32Array(buf, 0, 624),
    pos: new Int32Array(buf, 2496, 1),
    out: new Float64Array(buf, 6144, KERNEL_CHUNK), // see the memory map in wasm/mt19937.wat
    fill: ex.fill,
  };
}

const slot = kernelSlot(instantiate);

/** The kernel, or null when WebAssembly is unavailable or disabled. */
export function mtKernel(): MTKernel | null {
  return slot.get();
}

/** @internal Tests / benchmarks: force the TypeScript path (false) or allow the kernel again (true). */
export function setMTKernelEnabled(on: boolean): void {
  slot.setEnabled(on);
}

/** @internal Tests: drop the cached instance, so the next {@link mtKernel} call instantiates (or rejects) anew. */
export function resetMTKernel(): void {
  slot.reset();
}
