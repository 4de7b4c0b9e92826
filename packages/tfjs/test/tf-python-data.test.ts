import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { data, random } from '../src/tf-python/index.js';
import { big, loadFixture } from './tf-python-helpers.js';

interface Scenario {
  global: string | null;
  continue?: boolean;
  n: number;
  buffer: number;
  seed: string | null;
  reshuffle: boolean;
  epochs: number[][];
}

const { scenarios } = loadFixture<{ scenarios: Scenario[] }>('data');

async function epochs<T extends tf.TensorContainer>(ds: tf.data.Dataset<T>, count: number): Promise<T[][]> {
  const out: T[][] = [];
  for (let e = 0; e < count; e++) out.push(await ds.toArray());
  return out;
}

describe('data.range(n).shuffle = tf.data.Dataset.range(n).shuffle (TF 2.21 fixtures)', () => {
  it('replays every scenario, epoch after epoch', async () => {
    expect(scenarios.length).toBeGreaterThan(60);
    let lastGlobal: string | null | undefined;
    for (const sc of scenarios) {
      // Scenarios with `continue` share one set_seed call, as the generator script made them.
      if (!sc.continue || sc.global !== lastGlobal)
        random.setSeed(sc.global === null ? null : big(sc.global));
      lastGlobal = sc.global;
      const ds = data.range(sc.n).shuffle(sc.buffer, {
        seed: sc.seed === null ? null : big(sc.seed),
        reshuffleEachIteration: sc.reshuffle,
      });
      const got = await epochs(ds, sc.epochs.length);
      expect(got, JSON.stringify({ ...sc, epochs: undefined })).toEqual(sc.epochs);
    }
    random.setSeed(null);
  });

  it('shuffles any tf.js dataset (tensors too) in the same order as range(n)', async () => {
    const sc = scenarios.find((s) => s.global === null && s.n === 100 && s.buffer === 7 && s.seed === '42')!;
    const letters = tf.data.array(Array.from({ length: 100 }, (_, i) => `e${i}`));
    const ds = data.shuffle(letters, 7, { seed: 42, reshuffleEachIteration: sc.reshuffle });
    const got = await epochs(ds, 3);
    expect(got).toEqual(sc.epochs.map((e) => e.map((i) => `e${i}`)));
    const tensors = data.wrap(
      tf.data.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).map((x) => tf.scalar(x as number)),
    );
    const first = scenarios.find(
      (s) => s.global === null && s.n === 10 && s.buffer === 10 && s.seed === '42',
    )!;
    const ts = await tensors.shuffle(10, 42, first.reshuffle).toArray();
    expect(ts.map((t) => (t as tf.Tensor).dataSync()[0])).toEqual(first.epochs[0]);
  });

  it('reference §7.1: range(10).shuffle(10, seed=42) without a global seed', async () => {
    random.setSeed(null);
    const got = await epochs(data.range(10).shuffle(10, { seed: 42 }), 2);
    expect(got).toEqual([
      [5, 9, 6, 4, 7, 1, 2, 8, 3, 0],
      [3, 7, 6, 5, 8, 4, 0, 1, 9, 2],
    ]);
  });

  it('range(start, stop, step) like Python', async () => {
    expect(await data.range(2, 11, 3).toArray()).toEqual([2, 5, 8]);
    expect(await data.range(5, 0, -2).toArray()).toEqual([5, 3, 1]);
    expect(await data.range(-3).toArray()).toEqual([]);
    expect(data.range(7).size).toBe(7);
  });
});
