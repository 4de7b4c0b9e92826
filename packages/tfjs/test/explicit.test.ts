import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rootSeed, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import type * as tfNs from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  clearGlobalSeed,
  fit,
  fitDataset,
  getGlobalSeed,
  seededDropout,
  seededInitializer,
  setGlobalSeed,
  shuffle,
  shuffleCombo,
  shuffleDataset,
} from '../src/index.ts';

const tf = createRequire(import.meta.url)('@tensorflow/tfjs') as typeof tfNs;
const hex = (t: tfNs.Tensor) => Buffer.from((t.dataSync() as Float32Array).buffer).toString('hex');

describe('seededInitializer', () => {
  it('depends only on (seed, path), not on order or global state', () => {
    const a = hex(seededInitializer(5, ['enc', 'dense', 'kernel']).apply([4, 3]));
    setGlobalSeed(99);
    tf.randomUniform([10]);
    expect(hex(seededInitializer(rootSeed(5), ['enc', 'dense', 'kernel']).apply([4, 3]))).toBe(a);
    clearGlobalSeed();
    expect(hex(seededInitializer(5, ['enc', 'dense', 'bias']).apply([4, 3]))).not.toBe(a);
    expect(hex(seededInitializer(6, ['enc', 'dense', 'kernel']).apply([4, 3]))).not.toBe(a);
    const layer = tf.layers.dense({
      units: 3,
      inputShape: [4],
      kernelInitializer: seededInitializer(5, ['enc', 'dense', 'kernel']),
    });
    tf.sequential({ layers: [layer] });
    expect(hex(layer.getWeights()[0] as tfNs.Tensor)).toBe(a);
  });

  // initializeWeights run with real NumPy 2.4 (committed by @seedkit/numpy-random:
  // packages/numpy-random/scripts/gen-fixtures-generator.py → fixtures/generator-init.json).
  const fixture = JSON.parse(
    readFileSync(new URL('../../numpy-random/fixtures/generator-init.json', import.meta.url), 'utf8'),
  ) as {
    cases: {
      seed: { kind: string; entropy: unknown; spawn_key?: number[] };
      shape: number[];
      scheme: string;
      options?: { fanIn?: number; fanOut?: number };
      result: { v?: string[]; sha256?: string; head?: string[] };
    }[];
  };
  const f32hex = (v: number) => {
    const dv = new DataView(new ArrayBuffer(4));
    dv.setFloat32(0, v);
    return dv.getUint32(0).toString(16).padStart(8, '0');
  };
  const cases = fixture.cases.filter((c) => c.seed.kind === 'ss' && typeof c.seed.entropy === 'string');

  it(`as a tf.js initialiser, bitwise equal to NumPy's initialize_weights (${cases.length} fixture cases)`, () => {
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) {
      const seed = rootSeed(BigInt(c.seed.entropy as string));
      const t = seededInitializer(seed, c.seed.spawn_key ?? [], c.scheme as never, c.options).apply(c.shape);
      const data = t.dataSync() as Float32Array;
      const vals = Array.from(data.subarray(0, 16), f32hex);
      if (c.result.sha256) {
        expect(
          createHash('sha256')
            .update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
            .digest('hex'),
        ).toBe(c.result.sha256);
        expect(vals).toEqual(c.result.head);
      } else {
        expect(Array.from(data, f32hex)).toEqual(c.result.v);
      }
      expect(t.shape).toEqual(c.shape);
    }
  });

  it('survives getConfig/fromConfig (registered for model save/load)', () => {
    const init = seededInitializer(rootSeed(9).derive('x'), ['a', 3], 'heNormal', { fanIn: 7 });
    const cls = tf.serialization.SerializationMap.getMap().classNameMap.SeedkitInitializer;
    expect(cls).toBeDefined();
    const copy = cls?.[1](cls[0], JSON.parse(JSON.stringify(init.getConfig()))) as ReturnType<
      typeof seededInitializer
    >;
    expect(hex(copy.apply([4, 5]))).toBe(hex(init.apply([4, 5])));
    const m = tf.sequential({
      layers: [tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: seededInitializer(1, 'k') })],
    });
    const json = m.toJSON(undefined, false) as object;
    expect(JSON.stringify(json)).toContain('SeedkitInitializer');
  });

  it('rejects bad input', () => {
    expect(() => seededInitializer(5, 'k').apply([2, 2], 'int32')).toThrow(/float32/);
    expect(() => seededInitializer(5, 'k', 'glorotUniform', { fanIn: -1 })).toThrow(/fanIn/);
    expect(() => seededInitializer(5, ['a', -1])).toThrow(SeedkitValueError);
    expect(() => seededInitializer(5, [{} as never])).toThrow(SeedkitTypeError);
    expect(() => seededInitializer(5, 'k', 'nope' as never)).toThrow(/scheme/);
    expect(() => seededInitializer(-5, 'k')).toThrow(SeedkitValueError);
  });
});

describe('seededDropout', () => {
  it('a fresh mask per step, replayable, scaled by 1/(1 − rate)', () => {
    const x = tf.ones([64]);
    const m0 = seededDropout(x, 0.5, 3, 0);
    const m1 = seededDropout(x, 0.5, 3, 1);
    expect(hex(m1)).not.toBe(hex(m0));
    expect(hex(seededDropout(x, 0.5, 3, 0))).toBe(hex(m0));
    expect(new Set(m0.dataSync())).toEqual(new Set([0, 2]));
  });
  it('rejects bad input', () => {
    expect(() => seededDropout(tf.ones([2]), 1, 3, 0)).toThrow(/rate/);
    expect(() => seededDropout(tf.ones([2]), 0.5, 3, -1)).toThrow(/step/);
    expect(() => seededDropout(tf.ones([2]), 0.5, 3, 1.5)).toThrow(SeedkitValueError);
  });
});

describe('seeded shuffles', () => {
  it('shuffle / shuffleCombo', () => {
    const base = Array.from({ length: 50 }, (_, i) => i);
    const a = shuffle([...base], 1);
    expect(shuffle([...base], 1)).toEqual(a);
    expect(shuffle([...base], 2)).not.toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(base);
    const t = shuffle(Float32Array.from(base), 1);
    expect(Array.from(t)).toEqual(a);
    const [x, y] = shuffleCombo(
      [...base],
      base.map((v) => -v),
      1,
    );
    expect(x).toEqual(a);
    expect(y).toEqual(a.map((v) => -v));
    expect(() => shuffleCombo([1, 2], [1], 1)).toThrow(SeedkitValueError);
    expect(() => shuffle(null as never, 1)).toThrow(SeedkitTypeError);
    expect(() => shuffle([1], 0.5)).toThrow(SeedkitValueError);
  });

  it('shuffleDataset: same order from the same seed, a new order each epoch', async () => {
    const make = () => shuffleDataset(tf.data.array(Array.from({ length: 12 }, (_, i) => i)), 12, 8);
    const d1 = make();
    const d2 = make();
    const e1 = await d1.toArray();
    expect(await d2.toArray()).toEqual(e1);
    expect(await d1.toArray()).not.toEqual(e1);
    expect(() => shuffleDataset(tf.data.array([1]), 0, 8)).toThrow(/bufferSize/);
    expect(() => shuffleDataset({} as never, 2, 8)).toThrow(SeedkitTypeError);
  });
});

describe('fit / fitDataset helpers (no global state)', () => {
  const make = () => {
    const m = tf.sequential();
    m.add(tf.layers.dense({ units: 6, inputShape: [3], kernelInitializer: seededInitializer(1, 'd1') }));
    m.add(tf.layers.dropout({ rate: 0.4 }));
    m.add(tf.layers.gaussianNoise({ stddev: 0.2 }));
    m.add(tf.layers.dense({ units: 1, kernelInitializer: seededInitializer(1, 'd2') }));
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    return m;
  };
  const x = tf.tensor2d(
    Array.from({ length: 48 }, (_, i) => Math.sin(i)),
    [16, 3],
  );
  const y = tf.tensor2d(
    Array.from({ length: 16 }, (_, i) => Math.cos(i)),
    [16, 1],
  );
  const w = (m: tfNs.LayersModel) => m.getWeights().map(hex);

  it('same seed → same weights, even with a foreign Math.random timer; other seed → different', async () => {
    const timer = setInterval(() => Math.random(), 0);
    try {
      const args = { epochs: 2, batchSize: 4, verbose: 0, validationSplit: 0.25 };
      const [a, b, c] = [make(), make(), make()];
      expect(w(b)).toEqual(w(a));
      await fit(a, x, y, { ...args, seed: 10 });
      await fit(b, x, y, { ...args, seed: 10 });
      await fit(c, x, y, { ...args, seed: 11 });
      expect(w(b)).toEqual(w(a));
      expect(w(c)).not.toEqual(w(a));
      expect(getGlobalSeed()).toBeUndefined();
    } finally {
      clearInterval(timer);
    }
  });

  it('fitDataset', async () => {
    const ds = () =>
      shuffleDataset(
        tf.data.zip({ xs: tf.data.array(x.unstack()), ys: tf.data.array(y.unstack()) }),
        16,
        2,
      ).batch(4);
    const [a, b] = [make(), make()];
    await fitDataset(a, ds(), { epochs: 2, verbose: 0, seed: 3 });
    await fitDataset(b, ds(), { epochs: 2, verbose: 0, seed: 3 });
    expect(w(b)).toEqual(w(a));
    expect(() => fit(a, x, y, { seed: -1 })).toThrow(/args.seed/);
  });
});
