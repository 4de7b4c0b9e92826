/**
 * Instantiates a committed WebAssembly kernel from its base64 bytes, synchronously, and returns its exports;
 * null where WebAssembly is missing, the engine does not accept the module (`WebAssembly.validate`, e.g. no SIMD)
 * or instantiation is refused (e.g. a CSP without 'wasm-unsafe-eval'). Callers then use their TypeScript path.
 */
export function instantiateKernel<E>(base64: string): E | null {
  const WA = (globalThis as { WebAssembly?: typeof WebAssembly }).WebAssembly;
  if (WA === undefined) return null;
  try {
    const bin = atob(base64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    if (!WA.validate(bytes)) return null;
    return new WA.Instance(new WA.Module(bytes), {}).exports as E;
  } catch {
    return null;
  }
}

/**
 * A kernel built on first use by `make` (null: the TypeScript path), with the switches the tests and
 * benchmarks use to force the TypeScript path and to rebuild it.
 */
export interface KernelSlot<K> {
  /** The kernel, or null when WebAssembly is unavailable or the kernel is disabled. */
  get(): K | null;
  /** Force the TypeScript path (false) or allow the kernel again (true). */
  setEnabled(on: boolean): void;
  /** Drop the cached instance, so the next `get` builds (or rejects) it anew. */
  reset(): void;
}

export function kernelSlot<K>(make: () => K | null): KernelSlot<K> {
  let kernel: K | null | undefined;
  let enabled = true;
  return {
    get() {
      if (!enabled) return null;
      if (kernel === undefined) kernel = make();
      return kernel;
    },
    setEnabled(on) {
      enabled = on;
    },
    reset() {
      kernel = undefined;
    },
  };
}
