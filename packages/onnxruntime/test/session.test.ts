import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { describe, expect, it } from 'vitest';
import { deterministicSessionOptions, PINNED_SESSION_OPTIONS } from '../src/session.js';

const run = promisify(execFile);
const mlpPath = new URL('../fixtures/seed-mlp.onnx', import.meta.url).pathname;
const python = JSON.parse(readFileSync(new URL('../fixtures/seed-ort-python.json', import.meta.url), 'utf8'));
const runner = new URL('./session-runner.mjs', import.meta.url).pathname;

/** Runs the MLP fixture in a fresh Node process: `sessions` sessions × 1 run, output bits as hex. */
async function runMlp(options: object, sessions = 2): Promise<Record<string, string>[]> {
  const job = {
    model: mlpPath,
    feeds: { scale: { type: 'float32', dims: [1], data: [1] } },
    options,
    sessions,
  };
  const { stdout } = await run(process.execPath, [runner, JSON.stringify(job)], { encoding: 'utf8' });
  const parsed = JSON.parse(stdout) as { pid: number; result: Record<string, string>[][] };
  expect(parsed.pid).not.toBe(process.pid);
  return parsed.result.map((runs) => runs[0]!);
}

describe('deterministicSessionOptions', () => {
  it('pins threads, execution mode, optimization level and the CPU EP', () => {
    expect(deterministicSessionOptions()).toEqual({
      executionProviders: ['cpu'],
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'basic',
    });
    expect(
      deterministicSessionOptions({
        intraOpNumThreads: 3,
        graphOptimizationLevel: 'all',
        logSeverityLevel: 3,
      }),
    ).toEqual({
      executionProviders: ['cpu'],
      intraOpNumThreads: 3,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3,
    });
    expect(PINNED_SESSION_OPTIONS.executionMode).toBe('sequential');
  });

  it('rejects settings that break repeatability, with typed errors naming the option', () => {
    expect(() => deterministicSessionOptions({ intraOpNumThreads: 0 })).toThrow(SeedkitValueError);
    expect(() => deterministicSessionOptions({ intraOpNumThreads: 0 })).toThrow(/options\.intraOpNumThreads/);
    expect(() => deterministicSessionOptions({ intraOpNumThreads: 1.5 })).toThrow(SeedkitTypeError);
    expect(() => deterministicSessionOptions({ graphOptimizationLevel: 'max' as 'all' })).toThrow(
      /options\.graphOptimizationLevel/,
    );
    expect(() => deterministicSessionOptions({ executionMode: 'parallel' } as object)).toThrow(
      /options\.executionMode: pinned/,
    );
    expect(() => deterministicSessionOptions({ interOpNumThreads: 4 } as object)).toThrow(SeedkitValueError);
    expect(() => deterministicSessionOptions({ threads: 4 } as object)).toThrow(/unknown option "threads"/);
    expect(() => deterministicSessionOptions(null as unknown as object)).toThrow(SeedkitTypeError);
  });
});

describe('bitwise repeatability (child processes)', () => {
  it('an MLP gives identical bits across sessions and processes, and matches Python onnxruntime 1.30', async () => {
    const options = deterministicSessionOptions();
    const [a, b] = await Promise.all([runMlp(options), runMlp(options)]);
    expect(a![0]).toEqual(a![1]);
    expect(b![0]).toEqual(b![1]);
    expect(a![0]).toEqual(b![0]);
    const ref = python.mlp.byOptimizationLevel.basic;
    expect(a![0]!.probs).toBe(ref.probs.hex);
    expect(a![0]!.logits).toBe(ref.logits.hex);
  });

  it("the optimization level changes the bits ('disabled' has no MatMul+Add → Gemm fusion): it must be pinned", async () => {
    const [basic, disabled] = await Promise.all([
      runMlp(deterministicSessionOptions(), 1),
      runMlp(deterministicSessionOptions({ graphOptimizationLevel: 'disabled' }), 1),
    ]);
    expect(disabled[0]!.logits).toBe(python.mlp.byOptimizationLevel.disabled.logits.hex);
    expect(disabled[0]!.logits).not.toBe(basic[0]!.logits);
  });
});
