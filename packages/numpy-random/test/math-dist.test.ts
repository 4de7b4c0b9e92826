import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as src from '../src/math/index.js';

// The built subpath `@seedkit/numpy-random/math` (dist/math.js, dist/math.cjs) exposes the same functions
// through import and require, and they return the same bits as the sources.
const dir = fileURLToPath(new URL('..', import.meta.url));

describe('@seedkit/numpy-random/math as published', () => {
  it('loads through import and require with the same exports as the sources', async () => {
    const esm = (await import(`${dir}/dist/math.js`)) as Record<string, unknown>;
    const cjs = createRequire(`${dir}/package.json`)(`${dir}/dist/math.cjs`) as Record<string, unknown>;
    const names = Object.keys(src).sort();
    expect(names.length).toBeGreaterThan(15);
    expect(Object.keys(esm).sort()).toEqual(names);
    expect(Object.keys(cjs).sort()).toEqual(names);
    const log = esm.log as (x: number) => number;
    const logCjs = cjs.log as (x: number) => number;
    for (const x of [0.1, 0.7, 1.5, 1e-300, 12345.678]) {
      expect(Object.is(log(x), src.log(x))).toBe(true);
      expect(Object.is(logCjs(x), src.log(x))).toBe(true);
    }
  });
});
