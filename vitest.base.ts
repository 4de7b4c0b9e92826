import { defineConfig } from 'vitest/config';
import { packageVersion } from './tsup.base.ts';

/** Shared test settings: each package writes a JSON summary that .ci/run adds up. */
export default defineConfig({
  define: { __PACKAGE_VERSION__: JSON.stringify(packageVersion) },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
