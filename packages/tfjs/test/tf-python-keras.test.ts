import { random as npRandom } from '@seedkit/numpy-random';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { keras, random } from '../src/tf-python/index.js';
import { big, decodeFloat32, type Encoded, expectBits, loadFixture } from './tf-python-helpers.js';

interface Explicit {
  init: string;
  kwargs: Record<string, unknown>;
  seed: string;
  shape: number[];
  dtype?: 'float64';
  out: Encoded;
}
interface GlobalStep {
  op: string;
  init?: string;
  picked?: number;
  shape?: number[];
  units?: number;
  input?: number;
  out: Encoded | Encoded[];
}
interface Fixture {
  explicit: Explicit[];
  global: { seed: string; steps: GlobalStep[] }[];
  generators: { seed: string; normal?: Encoded[]; uniform?: Encoded[]; glorot?: Encoded[] }[];
}

const fx = loadFixture<Fixture>('keras');
const I = keras.initializers;
type Ctor = new (args?: Record<string, unknown>) => keras.initializers.RandomInitializer;
const CLASSES = I as unknown as Record<string, Ctor>;

function camel(kwargs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kwargs))
    out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  return out;
}

describe('keras.initializers = Keras 3.15 (TF backend) with explicit seeds', () => {
  it('covers every initializer', () => {
    expect(new Set(fx.explicit.map((c) => c.init)).size).toBe(10);
  });

  for (const name of new Set(fx.explicit.map((c) => c.init))) {
    it(`${name}: seeds (negative, zero, large, ≥ 2^31), shapes, options, float64`, () => {
      for (const c of fx.explicit.filter((x) => x.init === name)) {
        const init = new CLASSES[name]!({ ...camel(c.kwargs), seed: big(c.seed) });
        const label = `${name}(${JSON.stringify(c.kwargs)}, seed=${c.seed})(${c.shape}) ${c.dtype ?? ''}`;
        expectBits(init.applyValues(c.shape, c.dtype), c.out, c.shape, label);
        // Same instance, same values (int seeds are stateless).
        if (!c.dtype)
          expectBits(init.apply(c.shape).dataSync() as Float32Array, c.out, c.shape, `${label} again`);
      }
    });
  }

  it('works as a tf.js layer initializer and serialises its config', () => {
    const c = fx.explicit.find(
      (x) => x.init === 'GlorotUniform' && x.seed === '42' && x.shape.join() === '3,4',
    )!;
    const layer = tf.layers.dense({ units: 4, kernelInitializer: new I.GlorotUniform({ seed: 42 }) });
    layer.build([null, 3]);
    expectBits(layer.getWeights()[0]!.dataSync() as Float32Array, c.out);
    expect(new I.GlorotUniform({ seed: 42 }).getConfig()).toEqual({
      seed: 42,
      inputAxes: null,
      outputAxes: null,
    });
    expect(new I.RandomNormal({ seed: 3, stddev: 2 }).getConfig()).toEqual({ seed: 3, mean: 0, stddev: 2 });
    expect(new I.GlorotUniform({ seed: 1 }).getClassName()).toBe('SeedkitKerasGlorotUniform');
  });

  it('registerInitializers: models save and load with them; tf.js built-ins are untouched', async () => {
    I.registerInitializers();
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 4, inputShape: [3], kernelInitializer: new I.GlorotUniform({ seed: 42 }) }),
        tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.heUniform({ seed: 5 }) }),
      ],
    });
    const topology = model.toJSON(null, false) as tf.io.ModelJSON['modelTopology'];
    const loaded = await tf.models.modelFromJSON({ modelTopology: topology });
    const [ours, theirs] = loaded.layers.map(
      (l) => (l as unknown as { kernelInitializer: unknown }).kernelInitializer,
    );
    expect(ours).toBeInstanceOf(I.GlorotUniform);
    expect(theirs).not.toBeInstanceOf(I.RandomInitializer);
    const c = fx.explicit.find(
      (x) => x.init === 'GlorotUniform' && x.seed === '42' && x.shape.join() === '3,4',
    )!;
    expectBits(loaded.layers[0]!.getWeights()[0]!.dataSync() as Float32Array, c.out);
    model.dispose();
    loaded.dispose();
  });

  it('computeFans as Keras: rank 0, 1, 2, ≥ 3 and explicit axes', () => {
    expect(I.computeFans([])).toEqual([1, 1]);
    expect(I.computeFans([5])).toEqual([5, 5]);
    expect(I.computeFans([3, 4])).toEqual([3, 4]);
    expect(I.computeFans([3, 3, 2, 8])).toEqual([18, 72]);
    expect(I.computeFans([3, 4, 5], [0, 1], [-1])).toEqual([12, 5]);
  });
});

describe('global seeding: keras.utils.setRandomSeed = keras.utils.set_random_seed', () => {
  for (const g of fx.global) {
    it(`set_random_seed(${g.seed}): default seeds, keras.random, Dense kernel, tf.random`, () => {
      keras.utils.setRandomSeed(big(g.seed));
      expect(keras.utils.getRandomSeed()).toBe(big(g.seed));
      for (const [i, st] of g.steps.entries()) {
        const label = `seed ${g.seed} step ${i} ${st.op} ${st.init ?? ''}`;
        if (st.op === 'init') {
          const init = new CLASSES[st.init!]!();
          expect(init.seed, label).toBe(BigInt(st.picked!));
          for (const out of st.out as Encoded[])
            expectBits(init.applyValues(st.shape!), out, st.shape, label);
        } else if (st.op === 'random.uniform') {
          expectBits(keras.random.uniformValues(st.shape!), st.out as Encoded, st.shape, label);
        } else if (st.op === 'random.normal') {
          expectBits(keras.random.normalValues(st.shape!), st.out as Encoded, st.shape, label);
        } else if (st.op === 'random.truncated_normal') {
          expectBits(keras.random.truncatedNormalValues(st.shape!), st.out as Encoded, st.shape, label);
        } else if (st.op === 'dense') {
          // Keras Dense kernels default to GlorotUniform() drawn when the layer is built.
          const layer = tf.layers.dense({ units: st.units!, kernelInitializer: new I.GlorotUniform() });
          layer.build([null, st.input!]);
          expectBits(layer.getWeights()[0]!.dataSync() as Float32Array, st.out as Encoded, undefined, label);
        } else if (st.op === 'np.random.rand') {
          expectBits(npRandom.rand(3) as Float64Array, st.out as Encoded, st.shape, label);
        } else if (st.op === 'tf.uniform') {
          expectBits(random.uniformValues(st.shape!), st.out as Encoded, st.shape, label);
        } else {
          throw new Error(`unknown step ${st.op}`);
        }
      }
    });
  }

  it('reference §7.2: set_random_seed(42) → GlorotUniform picks 686579304', () => {
    keras.utils.setRandomSeed(42);
    expect(new I.GlorotUniform().seed).toBe(686579304n);
  });
});

describe('keras.random.SeedGenerator', () => {
  it('SeedGenerator(1337): successive normal draws (ordered state)', () => {
    const g = new keras.random.SeedGenerator(1337);
    for (const out of fx.generators[0]!.normal!) expectBits(keras.random.normalValues([3], { seed: g }), out);
    expect(g.state).toEqual([1337n, 3n]);
  });
  it('SeedGenerator(-9): uniform in [-1, 3)', () => {
    const g = new keras.random.SeedGenerator(-9);
    for (const out of fx.generators[1]!.uniform!) {
      const v = keras.random.uniformValues([5], { minval: -1, maxval: 3, seed: g });
      expectBits(v, out);
      expect(Math.min(...v)).toBeGreaterThanOrEqual(-1);
    }
  });
  it('an initializer seeded with a SeedGenerator changes on every call', () => {
    const init = new I.GlorotUniform({ seed: new keras.random.SeedGenerator(5) });
    const outs = fx.generators[2]!.glorot!;
    for (const out of outs) expectBits(init.applyValues([2, 3]), out);
    expect(decodeFloat32(outs[0]!.hex!)).not.toEqual(decodeFloat32(outs[1]!.hex!));
  });
});
