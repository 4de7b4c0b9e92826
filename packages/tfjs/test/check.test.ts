import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReproducible, getGlobalSeed, type ReproducibilityReport } from '../src/index.ts';
// @ts-expect-error plain .mjs fixture without types
import { train, unstableDropout, unstableInit } from './fixtures/check-train.mjs';
import { bundleForChildren } from './helpers/bundle.ts';

const run = promisify(execFile);
let bundle = '';
beforeAll(async () => {
  bundle = await bundleForChildren('check');
});

async function inChild(...exportNames: string[]): Promise<ReproducibilityReport[]> {
  const driver = fileURLToPath(new URL('./fixtures/check-driver.mjs', import.meta.url));
  const { stdout } = await run(process.execPath, [driver, bundle, ...exportNames], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as ReproducibilityReport[];
}

describe('checkReproducible, in process', () => {
  it('a seeded training run is reproducible; fingerprints at fit start, after each epoch, at the end', async () => {
    const r = await checkReproducible(train, { runs: 3, seed: 1 });
    expect(r.reproducible).toBe(true);
    expect(r.divergence).toBeUndefined();
    expect(r.runs.map((t) => t.where)).toEqual(['in-process', 'in-process', 'in-process']);
    expect(r.runs[0]?.fingerprints.map((f) => f.step)).toEqual(['initial', 'epoch 0', 'epoch 1', 'final']);
    expect(r.runs[0]?.fingerprints[0]?.weights).toHaveLength(4);
    expect(r.runs[0]?.fingerprints[1]?.weights[0]?.hash).not.toBe(
      r.runs[0]?.fingerprints[0]?.weights[0]?.hash,
    );
    expect(getGlobalSeed()).toBeUndefined();
  });

  it('reports the first tensor and step where runs diverge', async () => {
    const init = await checkReproducible(unstableInit, { seed: 1 });
    expect(init.reproducible).toBe(false);
    expect(init.divergence).toMatchObject({ run: 1, fit: 0, step: 'initial', index: 0 });
    expect(init.divergence?.tensor).toMatch(/kernel/);
    const drop = await checkReproducible(unstableDropout, { seed: 1 });
    expect(drop.divergence).toMatchObject({ run: 1, fit: 0, step: 'epoch 0' });
  });

  it('rejects bad input', async () => {
    await expect(checkReproducible(train, { runs: 1 })).rejects.toThrow(SeedkitValueError);
    await expect(checkReproducible(5 as never)).rejects.toThrow(SeedkitTypeError);
    await expect(checkReproducible(train, { childProcess: true })).rejects.toThrow(/module/);
    await expect(checkReproducible(train, { seed: -1 })).rejects.toThrow(/options.seed/);
  });
});

describe('checkReproducible, run 1 in a child process', () => {
  it('reproducible across processes; a Math.random-seeded initialiser is caught at the start', async () => {
    const [ok, bad] = await inChild('train', 'unstableInit');
    if (!ok || !bad) throw new Error('missing reports');
    expect(ok.runs.map((t) => t.where)).toEqual(['in-process', 'child-process']);
    expect(ok.reproducible).toBe(true);
    expect(ok.runs[1]?.fingerprints).toEqual(
      ok.runs[0]?.fingerprints.map((f) => ({
        ...f,
        weights: f.weights.map((w) => ({ ...w, name: expect.any(String) })),
      })),
    );
    expect(bad.reproducible).toBe(false);
    expect(bad.divergence).toMatchObject({ run: 1, fit: 0, step: 'initial', index: 0 });
  });
});
