import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../..', import.meta.url));
const packages = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Bundles src/index.ts (with the workspace packages' sources) into an ESM file that child Node processes can
 * load, so child-process tests never depend on a stale dist. The bundle lives under the package's
 * node_modules, so `@tensorflow/tfjs` (kept external) resolves as it does for the package.
 */
export async function bundleForChildren(name: string, format: 'esm' | 'cjs' = 'esm'): Promise<string> {
  const req = createRequire(createRequire(import.meta.url).resolve('tsup'));
  const esbuild = req('esbuild') as { build(options: Record<string, unknown>): Promise<unknown> };
  const outDir = `${pkg}node_modules/.seedkit-test`;
  mkdirSync(outDir, { recursive: true });
  const outfile = `${outDir}/${name}-${process.pid}.${format === 'esm' ? 'mjs' : 'cjs'}`;
  const version = JSON.parse(readFileSync(`${pkg}package.json`, 'utf8')).version as string;
  await esbuild.build({
    entryPoints: [`${pkg}src/index.ts`],
    bundle: true,
    format,
    platform: 'node',
    target: 'node20',
    outfile,
    external: ['@tensorflow/*'],
    alias: {
      '@seedkit/core': `${packages}seed-core/src/index.ts`,
      '@seedkit/numpy-random': `${packages}numpy-random/src/index.ts`,
    },
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    logLevel: 'error',
  });
  writeFileSync(`${outDir}/package.json`, '{"type":"module"}');
  return outfile;
}
