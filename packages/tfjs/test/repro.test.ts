import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleForChildren } from './helpers/bundle.ts';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./fixtures/train.mjs', import.meta.url));
let bundle = '';
let bundleCjs = '';

interface Hashes {
  initial: string[];
  final: string[];
  data?: string[];
}
type Result = Record<'layers' | 'rnn' | 'data', Hashes>;

const ALL = ['layers', 'rnn', 'data'];

/** Trains in a child process: each scenario afresh from the seed; returns weight hashes per scenario. */
async function train(opts: Record<string, unknown>): Promise<Result> {
  const o = {
    seed: 42,
    backend: 'cpu',
    scenarios: ALL,
    foreignRandom: false,
    importOrder: 'adapter-first',
    ...opts,
  };
  const b = o.importOrder === 'require' ? bundleCjs : bundle;
  const { stdout } = await run(process.execPath, [script, b, JSON.stringify(o)], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as Result;
}

let cpu: Result;
beforeAll(async () => {
  [bundle, bundleCjs] = await Promise.all([bundleForChildren('repro'), bundleForChildren('repro', 'cjs')]);
  cpu = await train({});
});

describe('same seed → bitwise-identical training in two processes (cpu)', () => {
  it('dense + dropout + noise layers (fit: shuffle, validationSplit), RNN dropouts, tf.data — with a foreign Math.random timer, tf.js imported first', async () => {
    const other = await train({ foreignRandom: true, importOrder: 'tf-first' });
    expect(cpu.layers.initial).toHaveLength(6);
    expect(cpu.rnn.initial).toHaveLength(8);
    expect(other).toEqual(cpu);
    for (const s of ALL) expect(cpu[s as keyof Result].final).not.toEqual(cpu[s as keyof Result].initial);
  });

  it('through require (CJS build), setGlobalSeed called before tf.js is loaded: the same', async () => {
    expect(await train({ importOrder: 'require' })).toEqual(cpu);
  });

  it('another seed, or no seed, gives other results (the checks can fail)', async () => {
    const [s43, u1, u2] = (await train({
      seeds: [43, null, null],
      scenarios: ['layers'],
    })) as unknown as Result[];
    if (!s43 || !u1 || !u2) throw new Error('missing results');
    expect(s43.layers.data).not.toEqual(cpu.layers.data);
    expect(s43.layers.initial.filter((h, i) => h === cpu.layers.initial[i] && i % 2 === 0)).toEqual([]);
    expect(s43.layers.final).not.toEqual(cpu.layers.final);
    expect(u2.layers.initial).not.toEqual(u1.layers.initial);
  });
});

describe('wasm backend', () => {
  it('same seed → identical weights across processes; initial weights and data equal cpu', async () => {
    const [w1, w2] = await Promise.all([
      train({ backend: 'wasm' }),
      train({ backend: 'wasm', foreignRandom: true, importOrder: 'tf-first' }),
    ]);
    expect(w2).toEqual(w1);
    expect(w1.layers.initial).toEqual(cpu.layers.initial);
    expect(w1.data.initial).toEqual(cpu.data.initial);
    expect(w1.layers.data).toEqual(cpu.layers.data);
    // RNN recurrent kernels use tf.js's orthogonal initialiser, whose QR runs on the backend (reference §4.1,
    // §8.5): those differ in the last bits; every other RNN weight is identical.
    const recurrent = [1, 4]; // simpleRNN and LSTM recurrent_kernel
    const same = (r: Hashes) => r.initial.filter((_, i) => !recurrent.includes(i));
    expect(same(w1.rnn)).toEqual(same(cpu.rnn));
    expect(w1.rnn.initial[1]).not.toEqual(cpu.rnn.initial[1]);
  });
});
