import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The built package (what npm users get) loads through both `import` and `require`, exposes the same
 * export names both ways, and reports the version in its package.json.
 */
export function checkBuiltPackage(packageDir: URL): void {
  const dir = fileURLToPath(packageDir);
  const pkg = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as { name: string; version: string };
  describe(`${pkg.name} as published`, () => {
    it('loads through import and require with the same exports and VERSION', async () => {
      const esm = (await import(`${dir}/dist/index.js`)) as Record<string, unknown>;
      const cjs = createRequire(`${dir}/package.json`)(`${dir}/dist/index.cjs`) as Record<string, unknown>;
      expect(esm.VERSION).toBe(pkg.version);
      expect(cjs.VERSION).toBe(pkg.version);
      expect(Object.keys(cjs).sort()).toEqual(
        Object.keys(esm)
          .filter((k) => k !== 'default')
          .sort(),
      );
    });
  });
}
