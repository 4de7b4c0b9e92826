import { readFileSync } from 'node:fs';
import { rootSeed, SeedkitTypeError, SeedkitValueError } from '@seedkit/core';
import { describe, expect, it } from 'vitest';
import type { InitScheme } from '../src/init.js';
import {
  dropoutKeepMask,
  epochOrder,
  initParam,
  paramSeed,
  TRAINING_STREAM_PATHS,
} from '../src/training-streams.js';

// fixtures/training-streams.json: written by scripts/gen-fixtures-training-streams.py with real NumPy and the
// seedkit protocol's Python reference (seed-core/python/seedkit_protocol.py).
interface Fixture {
  params: { root: number; path: string; shape: number[]; scheme: InitScheme; bits: string }[];
  orders: { root: number; epoch: number; n: number; order: number[] }[];
  masks: { root: number; node: string; step: number; size: number; rate: number; keep: string }[];
}
const fx = JSON.parse(
  readFileSync(new URL('../fixtures/training-streams.json', import.meta.url), 'utf8'),
) as Fixture;

const hex = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');

describe('training streams vs NumPy (fixtures/training-streams.json)', () => {
  it.each(fx.params.map((p) => [`${p.root} ${p.path} ${p.scheme}`, p] as const))('initParam %s', (_, p) => {
    const w = initParam(rootSeed(p.root), p.path, p.shape, p.scheme);
    expect(hex(w)).toBe(p.bits);
  });
  it.each(fx.orders.map((o) => [`${o.root} epoch ${o.epoch} n ${o.n}`, o] as const))(
    'epochOrder %s',
    (_, o) => {
      expect(Array.from(epochOrder(rootSeed(o.root), o.epoch, o.n))).toEqual(o.order);
    },
  );
  it.each(fx.masks.map((m) => [`${m.root} ${m.node} step ${m.step}`, m] as const))(
    'dropoutKeepMask %s',
    (_, m) => {
      const keep = dropoutKeepMask(rootSeed(m.root), m.node, m.step, m.size, m.rate);
      expect(Array.from(keep).join('')).toBe(m.keep);
    },
  );
  it('the fixture has the expected coverage', () => {
    expect(fx.params.length).toBeGreaterThanOrEqual(4);
    expect(fx.orders.length).toBeGreaterThanOrEqual(4);
    expect(fx.masks.length).toBeGreaterThanOrEqual(4);
  });
});

describe('training streams: paths and properties', () => {
  it('paramSeed is root.derive("params", path)', () => {
    const root = rootSeed(5);
    expect(Array.from(paramSeed(root, 'a/b').generateState(4))).toEqual(
      Array.from(root.derive(TRAINING_STREAM_PATHS.params, 'a/b').generateState(4)),
    );
  });
  it('epoch orders are permutations and differ by epoch and root', () => {
    const a = epochOrder(rootSeed(1), 0, 100);
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(epochOrder(rootSeed(1), 1, 100))).not.toEqual(Array.from(a));
    expect(Array.from(epochOrder(rootSeed(2), 0, 100))).not.toEqual(Array.from(a));
    expect(epochOrder(rootSeed(1), 0, 0).length).toBe(0);
  });
  it('dropout masks differ by step and node; rate 0 keeps everything', () => {
    const r = rootSeed(3);
    const m0 = Array.from(dropoutKeepMask(r, 'dropout', 0, 256, 0.5)).join('');
    expect(Array.from(dropoutKeepMask(r, 'dropout', 1, 256, 0.5)).join('')).not.toBe(m0);
    expect(Array.from(dropoutKeepMask(r, 'dropout_1', 0, 256, 0.5)).join('')).not.toBe(m0);
    expect(dropoutKeepMask(r, 'dropout', 0, 64, 0).every((v) => v === 1)).toBe(true);
  });
  it('initParam is a pure function of (root, path, shape, scheme)', () => {
    const a = initParam(rootSeed(9), 'k', [4, 3], 'glorotUniform');
    expect(hex(initParam(rootSeed(9), 'k', [4, 3], 'glorotUniform'))).toBe(hex(a));
    expect(hex(initParam(rootSeed(9), 'k2', [4, 3], 'glorotUniform'))).not.toBe(hex(a));
  });
  it('bad input throws typed errors naming the argument', () => {
    const r = rootSeed(1);
    expect(() => epochOrder(42 as never, 0, 10)).toThrow(SeedkitTypeError);
    expect(() => epochOrder(42 as never, 0, 10)).toThrow(/root/);
    expect(() => epochOrder(r, -1, 10)).toThrow(SeedkitValueError);
    expect(() => epochOrder(r, 1.5, 10)).toThrow(/epoch/);
    expect(() => epochOrder(r, 0, -3)).toThrow(/n:/);
    expect(() => epochOrder(r, '0' as never, 3)).toThrow(SeedkitTypeError);
    expect(() => dropoutKeepMask(r, 'd', 0, 10, 1)).toThrow(/rate/);
    expect(() => dropoutKeepMask(r, 'd', 0, 10, Number.NaN)).toThrow(SeedkitValueError);
    expect(() => dropoutKeepMask(r, '', 0, 10, 0.5)).toThrow(/node/);
    expect(() => dropoutKeepMask(r, 'd', 0, 2.5, 0.5)).toThrow(/size/);
    expect(() => dropoutKeepMask(r, 'd', -1, 2, 0.5)).toThrow(/step/);
    expect(() => initParam(r, 3 as never, [2], 'glorotUniform')).toThrow(/path/);
    expect(() => initParam(r, 'p', [2], 'nope' as never)).toThrow(/scheme/);
  });
});
