import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { random } from '../src/tf-python/index.js';
import { big, type Encoded, expectBits, loadFixture } from './tf-python-helpers.js';

interface Case {
  fn: string;
  seed: [string, string];
  shape?: number[];
  kwargs?: Record<string, string | number | null>;
  out?: Encoded;
  key?: string;
  counter?: [string, string];
}

const { cases } = loadFixture<{ cases: Case[] }>('stateless');

function callValues(c: Case) {
  const seed = [big(c.seed[0]), big(c.seed[1])];
  const kw = c.kwargs ?? {};
  const dtype = (kw.dtype as string | undefined) ?? 'float32';
  const isInt = dtype !== 'float32' && dtype !== 'float64';
  const num = (v: string | number | null | undefined) =>
    v === undefined ? undefined : v === null ? null : isInt ? big(v) : Number(v);
  if (c.fn === 'uniform') {
    return random.statelessUniformValues(c.shape!, seed, {
      dtype: dtype as random.StatelessDType,
      ...(kw.minval !== undefined ? { minval: num(kw.minval) } : {}),
      ...(kw.maxval !== undefined ? { maxval: num(kw.maxval) } : {}),
    });
  }
  const opts = {
    dtype: dtype as random.FloatDType,
    ...(kw.mean !== undefined ? { mean: Number(kw.mean) } : {}),
    ...(kw.stddev !== undefined ? { stddev: Number(kw.stddev) } : {}),
  };
  return c.fn === 'normal'
    ? random.statelessNormalValues(c.shape!, seed, opts)
    : random.statelessTruncatedNormalValues(c.shape!, seed, opts);
}

describe('stateless ops = tf.random.stateless_* (TF 2.21 fixtures)', () => {
  it('has a broad fixture set', () => {
    expect(cases.length).toBeGreaterThan(1000);
  });

  it('stateless_random_get_key_counter: key and counter for every seed', () => {
    const kc = cases.filter((c) => c.fn === 'get_key_counter');
    expect(kc.length).toBe(10);
    for (const c of kc) {
      const got = random.statelessRandomGetKeyCounter([big(c.seed[0]), big(c.seed[1])]);
      expect(got.key, `seed ${c.seed}`).toBe(big(c.key!));
      expect(got.counter, `seed ${c.seed}`).toEqual([big(c.counter![0]), big(c.counter![1])]);
    }
  });

  for (const fn of ['uniform', 'normal', 'truncated_normal']) {
    it(`stateless_${fn}: every seed, shape, dtype and range, bit for bit`, () => {
      const sel = cases.filter((c) => c.fn === fn);
      expect(sel.length).toBeGreaterThan(50);
      for (const c of sel) {
        expectBits(
          callValues(c),
          c.out!,
          undefined,
          `${fn} seed=${c.seed} shape=${c.shape} ${JSON.stringify(c.kwargs)}`,
        );
      }
    });
  }

  it('tensor variants return float32 / int32 tf.js tensors with the same bits', () => {
    const c = cases.find((x) => x.fn === 'uniform' && x.shape?.length === 2 && !x.kwargs?.dtype)!;
    const t = random.statelessUniform(c.shape!, [big(c.seed[0]), big(c.seed[1])]);
    expect(t.dtype).toBe('float32');
    expect(t.shape).toEqual(c.shape);
    expectBits(t.dataSync() as Float32Array, c.out!);
    const ci = cases.find((x) => x.fn === 'uniform' && x.kwargs?.dtype === 'int32' && x.shape?.length === 2)!;
    const ti = random.statelessUniform(ci.shape!, [big(ci.seed[0]), big(ci.seed[1])], {
      dtype: 'int32',
      minval: ci.kwargs!.minval === null ? null : Number(ci.kwargs!.minval),
      maxval: ci.kwargs!.maxval === null ? null : Number(ci.kwargs!.maxval),
    });
    expect(ti.dtype).toBe('int32');
    expectBits(ti.dataSync() as Int32Array, ci.out!);
    const cn = cases.find((x) => x.fn === 'normal' && x.shape?.length === 2)!;
    const tn = random.statelessNormal(cn.shape!, [big(cn.seed[0]), big(cn.seed[1])], {
      mean: cn.kwargs?.mean === undefined ? 0 : Number(cn.kwargs.mean),
      stddev: cn.kwargs?.stddev === undefined ? 1 : Number(cn.kwargs.stddev),
    });
    expectBits(tn.dataSync() as Float32Array, cn.out!);
    tf.dispose([t, ti, tn]);
  });

  it('accepts Int32Array / BigInt64Array seeds like lists', () => {
    const a = random.statelessUniformValues([9], [-1, 7]);
    expect(Array.from(random.statelessUniformValues([9], new Int32Array([-1, 7])))).toEqual(Array.from(a));
    expect(Array.from(random.statelessUniformValues([9], new BigInt64Array([-1n, 7n])))).toEqual(
      Array.from(a),
    );
  });
});
