import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { packageVersion } from './tsup.base.ts';

const src = (p: string) => fileURLToPath(new URL(`./packages/${p}`, import.meta.url));

/**
 * Shared test settings. Workspace packages resolve to their sources, so a package's tests never wait for
 * (or race with) another package's build; `test/dist.test.ts` in each package checks the built output.
 * Each package writes a JSON summary that .ci/run adds up.
 */
export default defineConfig({
  define: { __PACKAGE_VERSION__: JSON.stringify(packageVersion) },
  resolve: {
    alias: [
      { find: /^@seedkit\/core$/, replacement: src('seed-core/src/index.ts') },
      { find: /^@seedkit\/numpy-random$/, replacement: src('numpy-random/src/index.ts') },
      { find: /^@seedkit\/numpy-random\/math$/, replacement: src('numpy-random/src/math/index.ts') },
      { find: /^@seedkit\/tfjs$/, replacement: src('tfjs/src/index.ts') },
      { find: /^@seedkit\/tfjs\/tf-python$/, replacement: src('tfjs/src/tf-python/index.ts') },
      { find: /^@seedkit\/onnxruntime$/, replacement: src('onnxruntime/src/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
