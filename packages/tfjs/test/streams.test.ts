import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rootSeed, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import type * as tfNs from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { dropoutKeepMask, dropoutMask, epochOrder, initialWeights, seededInitializer } from '../src/index.ts';

const tf = createRequire(import.meta.url)('@tensorflow/tfjs') as typeof tfNs;
const hex = (t: tfNs.Tensor) => Buffer.from((t.dataSync() as Float32Array).buffer).toString('hex');

// Written by real NumPy + the seedkit protocol reference (numpy-random/scripts/gen-fixtures-training-streams.py).
const fx = JSON.parse(
  readFileSync(new URL('../../numpy-random/fixtures/training-streams.json', import.meta.url), 'utf8'),
) as {
  params: { root: number; path: string; shape: number[]; scheme: 'glorotUniform'; bits: string }[];
  orders: { root: number; epoch: number; n: number; order: number[] }[];
  masks: { root: number; node: string; step: number; size: number; rate: number; keep: string }[];
};

describe('streams (tf.js side of the shared training streams)', () => {
  it('initialWeights gives NumPy’s bits (fixture) as a float32 tensor of the shape', () => {
    for (const p of fx.params) {
      const t = initialWeights(rootSeed(p.root), p.path, p.shape, p.scheme);
      expect(t.shape).toEqual(p.shape);
      expect(t.dtype).toBe('float32');
      expect(hex(t)).toBe(p.bits);
      t.dispose();
    }
  });
  it('initialWeights equals seededInitializer(root, ["params", path]) on a layer', () => {
    const root = rootSeed(42);
    const a = initialWeights(root, 'dense/kernel', [20, 32]);
    const b = seededInitializer(root, ['params', 'dense/kernel'], 'glorotUniform').apply([20, 32]);
    expect(hex(b)).toBe(hex(a));
    const layer = tf.layers.dense({
      units: 32,
      inputShape: [20],
      kernelInitializer: seededInitializer(root, ['params', 'dense/kernel']),
    });
    tf.sequential({ layers: [layer] });
    expect(hex(layer.getWeights()[0] as tfNs.Tensor)).toBe(hex(a));
  });
  it('epochOrder gives NumPy’s permutation (fixture)', () => {
    for (const o of fx.orders)
      expect(Array.from(epochOrder(rootSeed(o.root), o.epoch, o.n))).toEqual(o.order);
  });
  it('dropoutMask is the NumPy keep mask scaled by fround(1/(1 − rate)), in the given shape', () => {
    for (const m of fx.masks) {
      const t = dropoutMask(rootSeed(m.root), m.node, m.step, [m.size], m.rate);
      const v = t.dataSync() as Float32Array;
      const scale = Math.fround(1 / (1 - m.rate));
      expect(Array.from(v, (x) => (x === 0 ? '0' : x === scale ? '1' : '?')).join('')).toBe(m.keep);
    }
    const m2 = dropoutMask(rootSeed(42), 'dropout', 0, [16, 32], 0.2);
    expect(m2.shape).toEqual([16, 32]);
    const keep = dropoutKeepMask(rootSeed(42), 'dropout', 0, 512, 0.2);
    expect(Array.from(m2.dataSync() as Float32Array, (x) => (x ? 1 : 0))).toEqual(Array.from(keep));
  });
  it('applied as x.mul(mask) it keeps and scales like tf.dropout', () => {
    const x = tf.ones([4, 8]);
    const y = x.mul(dropoutMask(rootSeed(1), 'dropout', 3, [4, 8], 0.5));
    const vals = new Set(Array.from(y.dataSync() as Float32Array));
    expect([...vals].sort()).toEqual([0, 2]);
  });
  it('bad input throws typed errors naming the argument', () => {
    const r = rootSeed(1);
    expect(() => initialWeights(r, 'p', 'x' as never)).toThrow(SeedkitTypeError);
    expect(() => initialWeights(r, 'p', [2, -1])).toThrow(/shape\[1\]/);
    expect(() => initialWeights(7 as never, 'p', [2])).toThrow(/root/);
    expect(() => dropoutMask(r, 'd', 0, [3], 1)).toThrow(SeedkitValueError);
    expect(() => dropoutMask(r, 'd', -2, [3], 0.1)).toThrow(/step/);
    expect(() => epochOrder(r, 0, 1.5)).toThrow(/n:/);
  });
});
