import { describe, expect, it } from 'vitest';
import {
  data,
  InvalidArgumentError,
  keras,
  random,
  SeedkitTypeError,
  SeedkitValueError,
} from '../src/tf-python/index.js';
import { big, loadFixture } from './tf-python-helpers.js';

interface Case {
  fn: string;
  args: Record<string, unknown>;
  error: 'InvalidArgumentError' | 'ValueError' | 'TypeError';
  message: string;
}

const { cases } = loadFixture<{ cases: Case[] }>('errors');

const int = (v: unknown) => (typeof v === 'string' ? big(v) : (v as number));
const seedArg = (v: unknown) => (Array.isArray(v) ? v.map(int) : v);
type Any = any;

/** Calls our twin of the Python call that raised, with the same arguments. */
function call(c: Case): void {
  const a = c.args as Any;
  const opts: Any = {};
  for (const k of ['minval', 'maxval', 'mean', 'stddev']) if (k in a) opts[k] = int(a[k]);
  if ('dtype' in a) opts.dtype = a.dtype;
  switch (c.fn) {
    case 'uniform':
      random.uniformValues(a.shape, { ...opts, seed: a.seed });
      return;
    case 'normal':
      random.normalValues(a.shape, { ...opts, seed: a.seed });
      return;
    case 'truncated_normal':
      random.truncatedNormalValues(a.shape, { ...opts, seed: a.seed });
      return;
    case 'stateless_uniform':
      random.statelessUniformValues(a.shape, seedArg(a.seed) as Any, opts);
      return;
    case 'stateless_normal':
      random.statelessNormalValues(a.shape, seedArg(a.seed) as Any, opts);
      return;
    case 'stateless_truncated_normal':
      random.statelessTruncatedNormalValues(a.shape, seedArg(a.seed) as Any, opts);
      return;
    case 'shuffle':
      data.range(a.n).shuffle(a.buffer, { seed: a.seed });
      return;
    case 'set_random_seed':
      keras.utils.setRandomSeed(int(a.seed));
      return;
    case 'seed_generator':
      new keras.random.SeedGenerator(a.seed);
      return;
    case 'initializer':
    case 'initializer_call': {
      const { init, shape, seed, ...rest } = a;
      const obj = new (keras.initializers as Any)[init]({
        ...rest,
        ...(seed !== undefined ? { seed: int(seed) } : {}),
      });
      if (shape) obj.applyValues(shape);
      return;
    }
  }
  throw new Error(`no twin for ${c.fn}`);
}

/** The argument each error must name (TF's messages name it, or imply it). */
function argumentOf(c: Case): RegExp {
  const m = c.message;
  if (/minval|maxval/.test(m)) return /minval|maxval/;
  if (/dtype|EagerTensor/.test(m)) return /dtype|minval|maxval|mean|stddev/;
  if (/Dimension/.test(m)) return /shape/;
  if (/buffer_size/.test(m)) return /buffer/i;
  if (/mode|distribution|scale/.test(m)) return new RegExp((m.match(/mode|distribution|scale/) ?? [''])[0]);
  return /seed/;
}

describe('bad input is rejected as TF / Keras reject it (classes from the Python run)', () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThan(25);
  });

  for (const c of cases) {
    it(`${c.fn}(${JSON.stringify(c.args)}) → ${c.error}`, () => {
      let thrown: unknown;
      try {
        call(c);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, 'should throw').toBeInstanceOf(Error);
      if (c.error === 'InvalidArgumentError') {
        expect(thrown).toBeInstanceOf(InvalidArgumentError);
      } else if (c.error === 'ValueError') {
        expect(thrown).toBeInstanceOf(SeedkitValueError);
        expect(thrown).not.toBeInstanceOf(InvalidArgumentError);
      } else {
        expect(thrown).toBeInstanceOf(SeedkitTypeError);
      }
      expect((thrown as Error).message).toMatch(argumentOf(c));
    });
  }

  it('seedkit-only checks: tensors of dtypes tf.js lacks, string shuffle seeds, unsafe integers', () => {
    expect(() => random.uniform([2], { dtype: 'float64' })).toThrow(SeedkitTypeError);
    expect(() => random.statelessUniform([2], [1, 2], { dtype: 'int64', minval: 0, maxval: 5 })).toThrow(
      /statelessUniformValues/,
    );
    expect(() => random.normal([2], { dtype: 'float64' as Any })).toThrow(/normalValues/);
    expect(() => data.range(3).shuffle(3, 'abc')).toThrow(SeedkitTypeError);
    expect(() => random.setSeed(1.5)).toThrow(SeedkitTypeError);
    expect(() => random.uniformValues([2.5])).toThrow(SeedkitTypeError);
    expect(() => random.uniformValues([2], { seed: 2 ** 60 })).toThrow(/MAX_SAFE_INTEGER/);
    expect(() => new keras.initializers.RandomUniform({ minval: 'a' as Any })).toThrow(/minval/);
    expect(() => new keras.initializers.RandomNormal({ stddev: null as Any, seed: 1 })).not.toThrow();
    expect(() => keras.random.uniformValues([2], { maxval: 'x' as Any, seed: 1 })).toThrow(SeedkitTypeError);
    expect(() => random.statelessNormalValues([2], [1, 2], { mean: 'x' as Any })).toThrow(/mean/);
  });
});
