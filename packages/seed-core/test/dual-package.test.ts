import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built ESM and CJS copies of core (both can end up loaded in one app) share one adapter registry and
// one saved Math.random, and agree on every seed. Needs `npx tsup` first, like dist.test.ts.
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
type Core = typeof import('../src/index.js');

describe('ESM and CJS builds together', () => {
  it('share the adapter registry and Math.random state', async () => {
    const esm = (await import(`${dist}index.js`)) as Core;
    const cjs = createRequire(import.meta.url)(`${dist}index.cjs`) as Core;
    expect(esm.registerAdapter).not.toBe(cjs.registerAdapter);
    const seen: string[] = [];
    const off = cjs.registerAdapter({ name: 'from-cjs', seed: (r) => void seen.push(r.toString()) });
    try {
      expect(esm.registeredAdapters().map((a) => a.name)).toContain('from-cjs');
      esm.seedEverything(5, { log: () => {} });
      expect(seen).toEqual([esm.rootSeed(5).toString()]);
    } finally {
      off();
    }
    const original = Math.random;
    esm.installSeededMathRandom(1);
    cjs.installSeededMathRandom(2);
    cjs.restoreMathRandom();
    expect(Math.random).toBe(original);
    expect(esm.isMathRandomSeeded()).toBe(false);
    const a = esm.rootSeed(9).derive('x', 1).generateState(4);
    const b = cjs.rootSeed(9).derive('x', 1).generateState(4);
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});
