import { readFileSync } from 'node:fs';
import type { Options } from 'tsup';

/** The version of the package being built, compiled into its `VERSION` export. */
export const packageVersion: string = JSON.parse(readFileSync('package.json', 'utf8')).version;

/** The build every publishable package shares: ESM + CJS + types, for Node 20 and browsers. */
export function packageBuild(
  entry: Record<string, string> | string[] = ['src/index.ts'],
  extra: Options = {},
): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { composite: false } },
    sourcemap: true,
    clean: true,
    target: 'es2022',
    splitting: false,
    treeshake: false,
    define: { __PACKAGE_VERSION__: JSON.stringify(packageVersion) },
    ...extra,
  };
}
