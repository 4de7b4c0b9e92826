import { createRequire } from 'node:module';
import { rootSeed, SeedkitTypeError, SeedkitValueError, seedEverything } from '@seedkit/core';
import * as tfNs from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { clearGlobalSeed, getGlobalSeed, restoreTfjs, setGlobalSeed, withSeed } from '../src/index.ts';

// The CommonJS module object (what tf.js uses internally); `tfNs` is the ESM namespace, whose bindings Node
// snapshots when it is first imported — before the patches here, so it holds the original ops.
const tf = createRequire(import.meta.url)('@tensorflow/tfjs') as typeof tfNs;

const hex = (t: tfNs.Tensor | Float32Array | Int32Array): string => {
  const a = t instanceof Float32Array || t instanceof Int32Array ? t : (t.dataSync() as Float32Array);
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
};
const weights = (m: tfNs.LayersModel | tfNs.layers.Layer) => m.getWeights().map(hex);

afterEach(() => clearGlobalSeed());

describe('random ops', () => {
  it('unseeded calls follow the seed: successive calls differ, setGlobalSeed again restarts', () => {
    setGlobalSeed(7);
    const a = [tf.randomUniform([4]), tf.randomNormal([4]), tf.truncatedNormal([4]), tf.randomGamma([4], 2)];
    const b = [tf.randomUniform([4]), tf.randomNormal([4]), tf.truncatedNormal([4]), tf.randomGamma([4], 2)];
    const c = [
      tf.randomStandardNormal([4]),
      tf.randomUniformInt([4], 0, 1000),
      tf.multinomial([0.1, 0.5, 0.4], 6),
    ];
    setGlobalSeed(7);
    const a2 = [tf.randomUniform([4]), tf.randomNormal([4]), tf.truncatedNormal([4]), tf.randomGamma([4], 2)];
    const b2 = [tf.randomUniform([4]), tf.randomNormal([4]), tf.truncatedNormal([4]), tf.randomGamma([4], 2)];
    const c2 = [
      tf.randomStandardNormal([4]),
      tf.randomUniformInt([4], 0, 1000),
      tf.multinomial([0.1, 0.5, 0.4], 6),
    ];
    expect(a2.map(hex)).toEqual(a.map(hex));
    expect(b2.map(hex)).toEqual(b.map(hex));
    expect(c2.map(hex)).toEqual(c.map(hex));
    for (const [i, t] of a.entries()) expect(hex(b[i] as tfNs.Tensor)).not.toEqual(hex(t));
    setGlobalSeed(8);
    expect(hex(tf.randomUniform([4]))).not.toEqual(hex(a[0] as tfNs.Tensor));
  });

  it('the ESM namespace (unpatched snapshot) gives the same values as the patched exports', () => {
    expect(tfNs.randomUniform).not.toBe(tf.randomUniform);
    setGlobalSeed(11);
    const viaCjs = [
      tf.randomUniform([5]),
      tf.randomNormal([5]),
      tf.dropout(tf.ones([8]), 0.5),
      tf.randomGamma([3], 1.5),
    ];
    setGlobalSeed(11);
    const viaEsm = [
      tfNs.randomUniform([5]),
      tfNs.randomNormal([5]),
      tfNs.dropout(tfNs.ones([8]), 0.5),
      tfNs.randomGamma([3], 1.5),
    ];
    expect(viaEsm.map(hex)).toEqual(viaCjs.map(hex));
  });

  it('an explicit op seed is honoured (tf.js golden values, reference §9)', () => {
    setGlobalSeed(1);
    const got = tf.randomUniform([3], 0, 1, 'float32', 42);
    // /work/shared/reference/tfjs-randomness.md §9, printed with toPrecision(9) (exact float32 round trip).
    expect(hex(got)).toBe(hex(Float32Array.from([0.684863508, 0.546324492, 0.845593333])));
    expect(hex(tf.randomNormal([3], 0, 1, 'float32', 42))).toBe(
      hex(Float32Array.from([1.90530932, 0.477446556, 0.445446402])),
    );
    expect(hex(tf.dropout(tf.ones([8]), 0.5, undefined, 42))).toBe(
      hex(Float32Array.from([2, 2, 2, 0, 2, 2, 0, 2])),
    );
  });

  it('seed 0 (tf.js: "unseeded" for randomNormal & co.) is deterministic under a global seed', () => {
    setGlobalSeed(3);
    const a = hex(tf.randomNormal([4], 0, 1, 'float32', 0));
    setGlobalSeed(3);
    expect(hex(tf.randomNormal([4], 0, 1, 'float32', 0))).toBe(a);
  });

  it('clearGlobalSeed gives tf.js its own (unseeded) behaviour back', () => {
    setGlobalSeed(5);
    clearGlobalSeed();
    expect(getGlobalSeed()).toBeUndefined();
    expect(hex(tf.randomUniform([4]))).not.toBe(hex(tf.randomUniform([4])));
  });

  it('util.shuffle and shuffleCombo follow the seed', () => {
    const perm = () => {
      const a = Array.from({ length: 20 }, (_, i) => i);
      tf.util.shuffle(a);
      return a;
    };
    setGlobalSeed(9);
    const p1 = perm();
    const p2 = perm();
    setGlobalSeed(9);
    expect(perm()).toEqual(p1);
    expect(perm()).toEqual(p2);
    expect(p2).not.toEqual(p1);
    expect([...p1].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const x = [1, 2, 3, 4, 5];
    const y = ['a', 'b', 'c', 'd', 'e'];
    tf.util.shuffleCombo(x, y);
    expect(x.map((v) => y[x.indexOf(v)])).toEqual(x.map((v) => 'abcde'[v - 1]));
  });
});

describe('initialisers: one seed per weight, from the model structure', () => {
  const build = (extra: boolean, named = false) => {
    const m = tf.sequential();
    m.add(tf.layers.dense({ units: 5, inputShape: [5], name: named ? 'first' : undefined }));
    if (extra) {
      m.add(tf.layers.dropout({ rate: 0.1 }));
      m.add(tf.layers.dense({ units: 5, name: named ? 'extra' : undefined }));
    }
    m.add(tf.layers.dense({ units: 5, name: named ? 'second' : undefined }));
    m.add(tf.layers.reshape({ targetShape: [5, 1] }));
    m.add(tf.layers.lstm({ units: 3, name: named ? 'lstm' : undefined }));
    return m;
  };

  it('rebuilding after setGlobalSeed gives the same weights (auto-named layers included)', () => {
    setGlobalSeed(21);
    const a = weights(build(false));
    setGlobalSeed(21);
    expect(weights(build(false))).toEqual(a);
    setGlobalSeed(22);
    expect(weights(build(false))[0]).not.toEqual(a[0]);
  });

  it('two layers of the same shape get different weights', () => {
    setGlobalSeed(21);
    const w = weights(build(false));
    expect(w[2]).not.toEqual(w[0]);
  });

  it('adding an unrelated layer does not reshuffle the others', () => {
    setGlobalSeed(21);
    const plain = weights(build(false, true));
    setGlobalSeed(21);
    const more = build(true, true);
    const byName = new Map(more.weights.map((v, i) => [v.originalName, more.getWeights()[i] as tfNs.Tensor]));
    expect(hex(byName.get('first/kernel') as tfNs.Tensor)).toBe(plain[0]);
    expect(hex(byName.get('second/kernel') as tfNs.Tensor)).toBe(plain[2]);
    expect(hex(byName.get('lstm/kernel') as tfNs.Tensor)).toBe(plain[4]);
    expect(hex(byName.get('lstm/recurrent_kernel') as tfNs.Tensor)).toBe(plain[5]);
  });

  it('explicitly seeded initialisers are left alone', () => {
    setGlobalSeed(1);
    const a = tf.initializers.glorotNormal({ seed: 5 }).apply([2, 2]);
    // Reference §9: initializers.glorotNormal({seed: 5}).apply([2,2]).
    expect(hex(a)).toBe(hex(Float32Array.from([-0.4663966, -0.55489397, -0.1098382, 0.48705512])));
  });
});

describe('training-time randomness: a fresh mask per call, from (seed, layer, step)', () => {
  const masks = (layer: tfNs.layers.Layer, n: number) =>
    Array.from({ length: n }, () => hex(layer.apply(tf.ones([2, 16]), { training: true }) as tfNs.Tensor));

  for (const [name, make] of [
    ['dropout', () => tf.layers.dropout({ rate: 0.5 })],
    ['gaussianNoise', () => tf.layers.gaussianNoise({ stddev: 1 })],
    ['gaussianDropout', () => tf.layers.gaussianDropout({ rate: 0.5 })],
    ['alphaDropout', () => tf.layers.alphaDropout({ rate: 0.5 })],
  ] as const) {
    it(name, () => {
      setGlobalSeed(4);
      const [a, b] = [make(), make()];
      const ma = masks(a, 3);
      const mb = masks(b, 1);
      expect(new Set(ma).size).toBe(3);
      expect(mb[0]).not.toBe(ma[0]);
      setGlobalSeed(4);
      const [a2] = [make(), make()];
      expect(masks(a2, 3)).toEqual(ma);
    });
  }
});

describe('tf.data', () => {
  it('Dataset.shuffle without a seed follows the seed and reshuffles every epoch', async () => {
    const epochs = async () => {
      const ds = tf.data.array(Array.from({ length: 10 }, (_, i) => i)).shuffle(10);
      return [await ds.toArray(), await ds.toArray()];
    };
    setGlobalSeed(12);
    const [e1, e2] = await epochs();
    setGlobalSeed(12);
    expect(await epochs()).toEqual([e1, e2]);
    expect(e2).not.toEqual(e1);
  });
});

describe('two models trained at once in one process', () => {
  const make = (units: number) => {
    const m = tf.sequential();
    m.add(tf.layers.dense({ units, activation: 'relu', inputShape: [4] }));
    m.add(tf.layers.dropout({ rate: 0.3 }));
    m.add(tf.layers.dense({ units: 1 }));
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    return m;
  };
  it('are independent: concurrent fits give the weights of sequential fits', async () => {
    const run = async (concurrent: boolean) => {
      setGlobalSeed(30);
      const [a, b] = [make(6), make(5)];
      const x = tf.randomNormal([32, 4]);
      const y = tf.randomNormal([32, 1]);
      const args = { epochs: 2, batchSize: 4, verbose: 0 as const, yieldEvery: 'batch' as const };
      if (concurrent) await Promise.all([a.fit(x, y, args), b.fit(x, y, args)]);
      else {
        await a.fit(x, y, args);
        await b.fit(x, y, args);
      }
      return [...weights(a), ...weights(b)];
    };
    const seq = await run(false);
    expect(await run(true)).toEqual(seq);
  });
});

describe('withSeed: a scoped seed without global state', () => {
  it('scopes running concurrently do not disturb each other', async () => {
    const job = (seed: number) =>
      withSeed(seed, async () => {
        const out: string[] = [];
        for (let i = 0; i < 4; i++) {
          out.push(hex(tf.randomUniform([3])));
          await new Promise((r) => setTimeout(r, seed % 3));
        }
        return out;
      });
    const alone = [await job(1), await job(2)];
    expect(await Promise.all([job(1), job(2)])).toEqual(alone);
    expect(getGlobalSeed()).toBeUndefined();
  });
});

describe('seedEverything integration', () => {
  it("seeds tf.js at root.derive('tfjs')", () => {
    seedEverything(77);
    const a = hex(tf.randomUniform([4]));
    setGlobalSeed(rootSeed(77).derive('tfjs'));
    expect(hex(tf.randomUniform([4]))).toBe(a);
  });
});

describe('restoreTfjs', () => {
  it('puts every original function back; setGlobalSeed patches again', () => {
    setGlobalSeed(1);
    const patched = tf.randomUniform;
    const apply = tf.layers.Layer.prototype.apply;
    expect(patched).not.toBe(tfNs.randomUniform);
    restoreTfjs();
    expect(getGlobalSeed()).toBeUndefined();
    expect(tf.randomUniform).toBe(tfNs.randomUniform);
    expect(tf.layers.Layer.prototype.apply).not.toBe(apply);
    const dropout = Object.getPrototypeOf(tf.layers.dropout({ rate: 0.5 }));
    expect(Object.getOwnPropertySymbols(dropout.call)).toEqual([]);
    setGlobalSeed(1);
    const a = hex(tf.randomUniform([3]));
    setGlobalSeed(1);
    expect(hex(tf.randomUniform([3]))).toBe(a);
    expect(tf.randomUniform).not.toBe(tfNs.randomUniform);
  });
});

describe('bad input', () => {
  it.each([
    [1.5, SeedkitValueError, /integer/],
    [-1, SeedkitValueError, /non-negative/],
    [Number.NaN, SeedkitValueError, /NaN/],
    [Number.POSITIVE_INFINITY, SeedkitValueError, /Infinity/],
    [2 ** 53, SeedkitValueError, /MAX_SAFE_INTEGER/],
    [-3n, SeedkitValueError, /non-negative/],
    ['', SeedkitValueError, /empty/],
    [null, SeedkitTypeError, /null/],
    [undefined, SeedkitTypeError, /undefined/],
    [true, SeedkitTypeError, /boolean/],
    [{}, SeedkitTypeError, /object/],
  ])('setGlobalSeed(%s) throws', (value, cls, msg) => {
    expect(() => setGlobalSeed(value as never)).toThrow(cls);
    expect(() => setGlobalSeed(value as never)).toThrow(/seed/);
    expect(() => setGlobalSeed(value as never)).toThrow(msg);
    expect(getGlobalSeed()).toBeUndefined();
  });

  it('a string that is not a seed is rejected by core', () => {
    expect(() => setGlobalSeed('not a number')).toThrow(SeedkitValueError);
  });

  it('accepts number, bigint, integer string and Seed alike', () => {
    const vals = [42, 42n, '42', rootSeed(42)].map((s) => {
      setGlobalSeed(s);
      return hex(tf.randomUniform([3]));
    });
    expect(new Set(vals).size).toBe(1);
  });
});
