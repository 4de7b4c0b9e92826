/**
 * deterministicSessionOptions: onnxruntime-node session options under which a model gives the same output
 * bits on every run of a fresh session, in every process, on the same machine and ORT version.
 */
import { describeValue, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import type { InferenceSession } from 'onnxruntime-node';

export type GraphOptimizationLevel = 'disabled' | 'basic' | 'extended' | 'all';

const LEVELS: readonly GraphOptimizationLevel[] = ['disabled', 'basic', 'extended', 'all'];

/** What {@link deterministicSessionOptions} accepts. */
export interface DeterministicSessionOptionsInput {
  /** Threads of one operator (default 1). Results can depend on it: record it with the seed. */
  intraOpNumThreads?: number;
  /** Graph optimization level (default 'basic'). 'disabled' gives different bits (no MatMul+Add → Gemm). */
  graphOptimizationLevel?: GraphOptimizationLevel;
  /** Other session options, passed through unchanged (logging, profiling, free dimension overrides …). */
  logId?: string;
  logSeverityLevel?: 0 | 1 | 2 | 3 | 4;
  logVerbosityLevel?: number;
  enableProfiling?: boolean;
  profileFilePrefix?: string;
  optimizedModelFilePath?: string;
  freeDimensionOverrides?: Record<string, number>;
  enableCpuMemArena?: boolean;
  enableMemPattern?: boolean;
  extra?: Record<string, unknown>;
}

/** The settings {@link deterministicSessionOptions} pins, whatever the input. */
export const PINNED_SESSION_OPTIONS = Object.freeze({
  interOpNumThreads: 1,
  executionMode: 'sequential',
  executionProviders: Object.freeze(['cpu']),
} as const);

const PASS_THROUGH = new Set([
  'logId',
  'logSeverityLevel',
  'logVerbosityLevel',
  'enableProfiling',
  'profileFilePrefix',
  'optimizedModelFilePath',
  'freeDimensionOverrides',
  'enableCpuMemArena',
  'enableMemPattern',
  'extra',
]);

/**
 * Session options for bit-for-bit repeatable results with onnxruntime-node (CPU):
 * - `intraOpNumThreads` pinned (default 1): the ORT default 0 means "one per core", and the thread count can
 *   change MatMul results (reference §5: 1–3 threads agree, 4 and 8 differ for MatMul 64×784·784×256);
 * - `interOpNumThreads: 1`, `executionMode: 'sequential'`: one node at a time, no scheduling-order effects;
 * - `graphOptimizationLevel` fixed (default 'basic'): 'disabled' and 'basic' give different bits (MatMul + Add
 *   is fused into Gemm from 'basic' on; re-measured), and 'extended'/'all' add layout rewrites chosen per CPU;
 * - `executionProviders: ['cpu']`: never silently moves to another EP.
 * Seeded random nodes (see seedModel) still advance on every `run()`: a fresh session restarts them.
 */
export function deterministicSessionOptions(
  options: DeterministicSessionOptionsInput = {},
): InferenceSession.SessionOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new SeedkitTypeError(`options: expected an object, got ${describeValue(options)}`);
  }
  const { intraOpNumThreads = 1, graphOptimizationLevel = 'basic', ...rest } = options;
  if (typeof intraOpNumThreads !== 'number' || !Number.isInteger(intraOpNumThreads)) {
    throw new SeedkitTypeError(
      `options.intraOpNumThreads: expected a positive integer, got ${describeValue(intraOpNumThreads)}`,
    );
  }
  if (intraOpNumThreads < 1 || intraOpNumThreads > 1024) {
    throw new SeedkitValueError(
      `options.intraOpNumThreads: expected an integer in [1, 1024] (0 = "per core" is not reproducible), got ${intraOpNumThreads}`,
    );
  }
  if (!LEVELS.includes(graphOptimizationLevel)) {
    throw new SeedkitValueError(
      `options.graphOptimizationLevel: expected one of ${LEVELS.join(', ')}, got ${describeValue(graphOptimizationLevel)}`,
    );
  }
  for (const [k, v] of Object.entries(rest)) {
    if (Object.hasOwn(PINNED_SESSION_OPTIONS, k)) {
      throw new SeedkitValueError(`options.${k}: pinned by deterministicSessionOptions, cannot be set`);
    }
    if (!PASS_THROUGH.has(k)) {
      throw new SeedkitValueError(
        `options: unknown option ${JSON.stringify(k)} (known: intraOpNumThreads, graphOptimizationLevel, ${[...PASS_THROUGH].join(', ')})`,
      );
    }
    if (v === undefined) delete (rest as Record<string, unknown>)[k];
  }
  return {
    ...rest,
    executionProviders: [...PINNED_SESSION_OPTIONS.executionProviders],
    intraOpNumThreads,
    interOpNumThreads: PINNED_SESSION_OPTIONS.interOpNumThreads,
    executionMode: PINNED_SESSION_OPTIONS.executionMode,
    graphOptimizationLevel,
  };
}
