import type { PCGKernel } from './pcg64-wasm.js';

/**
 * The small common interface every bit generator implements (NumPy's `bitgen_t`): the four draws that
 * all distributions are written against, plus state, spawning and raw output. Distributions are plain
 * functions of a `BitGenerator`, shared by `Generator` and `RandomState`.
 *
 * 64-bit draws avoid BigInt in the hot path: `nextUint64()` returns the high 32 bits and leaves the low
 * 32 bits in `lo` (read it immediately, before the next draw).
 */
export interface BitGenerator {
  /** NumPy's class name: 'MT19937', 'PCG64', 'PCG64DXSM', 'Philox' or 'SFC64'. */
  readonly name: string;
  /** `next_uint32`: one 32-bit draw in [0, 2^32) (64-bit generators use buffered halves, low half first). */
  nextUint32(): number;
  /** `next_uint64`: returns the high 32 bits; the low 32 bits are left in {@link lo}. */
  nextUint64(): number;
  /** Low 32 bits of the last {@link nextUint64} draw. */
  lo: number;
  /** `next_double`: a float64 in [0, 1) with 53 random bits. */
  nextDouble(): number;
  /**
   * Optional bulk `next_uint32`: fills `out[start..end)` with exactly the values that many `nextUint32()`
   * calls would return (same buffered-half semantics). Distributions use it when present.
   */
  fillUint32?(out: Uint32Array, start?: number, end?: number): void;
  /**
   * Optional bulk `next_uint64`: draws `end - start` values into `out` as (lo, hi) 32-bit pairs starting at
   * `out[2*start]` — exactly what that many `nextUint64()` calls would return.
   */
  fillUint64?(out: Uint32Array, start?: number, end?: number): void;
  /**
   * @internal Optional WebAssembly kernel access (PCG64 only): the kernel with the state copied in, or null
   * (no kernel, or outputs still buffered: draw one value the ordinary way and ask again). `words`: the
   * caller consumes `next_uint32` words (the uint32 half-buffer is copied in and out too).
   */
  pcgKernelEnter?(words: boolean): PCGKernel | null;
  /** @internal Ends a {@link pcgKernelEnter} session: the state (and after `words`, the uint32 buffer) back. */
  pcgKernelExit?(k: PCGKernel, words: boolean): void;
  /** Fills `out[start..end)` with `next_double` draws (the fast path of `random(size)`). */
  fillDouble(out: Float64Array, start?: number, end?: number): void;
  /** `random_raw(size)`: raw outputs (32-bit for MT19937, 64-bit otherwise) as bigints. */
  randomRaw(): bigint;
  randomRaw(size: number): BigUint64Array;
  /**
   * NumPy's `state` dict, JSON-safe (64/128-bit values as decimal strings). Each generator has its own
   * typed form; all have `bit_generator` (NumPy's class name).
   */
  get state(): { readonly bit_generator: string };
  set state(value: Record<string, unknown>);
  /** `spawn(n)`: n independent children (needs a seed sequence). */
  spawn(n: number): BitGenerator[];
}
