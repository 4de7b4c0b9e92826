// The built ESM and CJS files loaded in one process (the dual-package case) share one state and patch once.
import { createRequire } from 'node:module';
import type * as tfNs from '@tensorflow/tfjs';
import { expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs') as typeof tfNs;
const ORIGINAL = Symbol.for('@seedkit/tfjs/original');
type Api = typeof import('../src/index.ts');

it('ESM and CJS builds share the global seed and patch tf.js once', async () => {
  const esm = (await import('../dist/index.js' as string)) as Api;
  const cjs = require('../dist/index.cjs') as Api;
  expect(esm.setGlobalSeed).not.toBe(cjs.setGlobalSeed);
  const root = esm.setGlobalSeed(3);
  expect(cjs.getGlobalSeed()).toBe(root);
  const a = Buffer.from(tf.randomUniform([4]).dataSync().buffer).toString('hex');
  cjs.setGlobalSeed(3);
  expect(Buffer.from(tf.randomUniform([4]).dataSync().buffer).toString('hex')).toBe(a);
  const original = (tf.randomUniform as unknown as Record<symbol, unknown>)[ORIGINAL] as Record<
    symbol,
    unknown
  >;
  expect(typeof original).toBe('function');
  expect(original[ORIGINAL]).toBeUndefined();
  cjs.restoreTfjs();
  expect(esm.getGlobalSeed()).toBeUndefined();
  expect((tf.randomUniform as unknown as Record<symbol, unknown>)[ORIGINAL]).toBeUndefined();
});
