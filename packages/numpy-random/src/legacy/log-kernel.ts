/**
 * The optional WebAssembly batch `log` for the legacy Gaussian fill (source wasm/log.wat, compiled with wabt by
 * scripts/build-wasm.mjs). It evaluates `logRaw`'s fast path with the same operations in the same order, so
 * every value it returns is `logRaw`'s; inputs the fast path does not decide come back as NaN and the caller
 * recomputes them with `logRaw`. Without WebAssembly (or when disabled) the caller calls `logRaw` for all.
 */
import { LOG_WASM_BASE64 } from '../bitgen/log-wasm-bytes.js';
import { instantiateKernel } from '../bitgen/wasm-instance.js';
import { LOG_KERNEL_DATA } from '../math/log.js';

/** Inputs per `logBatch` call. */
export const LOG_CHUNK = 2048;

export interface LogKernel {
  /** `logBatch(n)` reads `input[0..n)`. */
  input: Float64Array;
  /** log of each input, or NaN where the caller must use `logRaw`. */
  output: Float64Array;
  logBatch(n: number): void;
}

let kernel: LogKernel | null | undefined;
let enabled = true;

function instantiate(): LogKernel | null {
  const ex = instantiateKernel<{ memory: WebAssembly.Memory; log_batch: (n: number) => void }>(
    LOG_WASM_BASE64,
  );
  if (ex === null) return null;
  const buf = ex.memory.buffer;
  new Float64Array(buf, 0, 12).set(LOG_KERNEL_DATA.constants);
  new Float64Array(buf, 1024, 128).set(LOG_KERNEL_DATA.invc);
  new Float64Array(buf, 2048, 128).set(LOG_KERNEL_DATA.logc);
  new Float64Array(buf, 3072, 128).set(LOG_KERNEL_DATA.invcHi);
  new Float64Array(buf, 4096, 128).set(LOG_KERNEL_DATA.invcLo);
  return {
    input: new Float64Array(buf, 8192, LOG_CHUNK),
    output: new Float64Array(buf, 26624, LOG_CHUNK),
    logBatch: ex.log_batch,
  };
}

/** The kernel, or null when WebAssembly is unavailable or the kernel is disabled. */
export function logKernel(): LogKernel | null {
  if (!enabled) return null;
  if (kernel === undefined) kernel = instantiate();
  return kernel;
}

/** @internal Tests / benchmarks: force the TypeScript path (false) or allow the kernel again (true). */
export function setLogKernelEnabled(on: boolean): void {
  enabled = on;
}
