import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleForChildren } from './helpers/bundle.ts';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./fixtures/train.mjs', import.meta.url));
let bundle = '';

interface Result {
  initial: string[];
  final: string[];
  data?: string[];
}

async function train(opts: Record<string, unknown>): Promise<Result> {
  const o = {
    seed: 42,
    backend: 'cpu',
    scenario: 'layers',
    foreignRandom: false,
    importOrder: 'adapter-first',
    ...opts,
  };
  const { stdout } = await run(process.execPath, [script, bundle, JSON.stringify(o)], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    maxBuffer: 1 << 20,
  });
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Result;
}

beforeAll(async () => {
  bundle = await bundleForChildren('repro');
});

describe('same seed → bitwise-identical training in two processes', () => {
  it('dense + dropout + noise layers, fit with shuffle and validationSplit, a foreign Math.random timer', async () => {
    const [a, b, c] = await Promise.all([
      train({}),
      train({ foreignRandom: true, importOrder: 'tf-first' }),
      train({ seed: 43 }),
    ]);
    expect(a.initial).toHaveLength(6);
    expect(b).toEqual(a);
    // A different seed changes the data, the initial weights and the result.
    expect(c.data).not.toEqual(a.data);
    expect(c.initial.some((h, i) => h === a.initial[i] && i % 2 === 0)).toBe(false);
    expect(c.final).not.toEqual(a.final);
    // Training moved the weights.
    expect(a.final).not.toEqual(a.initial);
  });

  it('without a seed, two processes differ (the test can fail)', async () => {
    const [a, b] = await Promise.all([train({ seed: null }), train({ seed: null })]);
    expect(b.initial).not.toEqual(a.initial);
  });

  it('spatialDropout1d + RNN dropout/recurrentDropout', async () => {
    const [a, b] = await Promise.all([
      train({ scenario: 'rnn' }),
      train({ scenario: 'rnn', foreignRandom: true }),
    ]);
    expect(b).toEqual(a);
    expect(a.final).not.toEqual(a.initial);
  });

  it('a tf.data pipeline with Dataset.shuffle (no seed) and fitDataset', async () => {
    const [a, b] = await Promise.all([
      train({ scenario: 'data' }),
      train({ scenario: 'data', foreignRandom: true }),
    ]);
    expect(b).toEqual(a);
  });

  it('wasm: same seed → identical weights across processes; initial weights equal cpu', async () => {
    const [w1, w2, c] = await Promise.all([
      train({ backend: 'wasm' }),
      train({ backend: 'wasm', foreignRandom: true }),
      train({ backend: 'cpu' }),
    ]);
    expect(w2).toEqual(w1);
    expect(w1.initial).toEqual(c.initial);
    expect(w1.data).toEqual(c.data);
  });
});
