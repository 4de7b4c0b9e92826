import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainFingerprint } from './trainer-child.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
// Inside the package's node_modules so that the bundle's bare imports (onnxruntime-node) resolve.
const dir = join(pkg, 'node_modules', `.trainer-child-${process.pid}`);
mkdirSync(dir, { recursive: true });
const bundle = join(dir, 'child.mjs');

beforeAll(async () => {
  // esbuild comes with tsup (a dev tool of the workspace); the child runs the TypeScript sources bundled.
  const req = createRequire(createRequire(join(pkg, 'package.json')).resolve('tsup'));
  const esbuild = req('esbuild') as { build(options: Record<string, unknown>): Promise<unknown> };
  const src = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./trainer-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    external: ['onnxruntime-node', 'protobufjs'],
    alias: {
      '@seedkit/core': src('seed-core/src/index.ts'),
      '@seedkit/numpy-random': src('numpy-random/src/index.ts'),
    },
    define: { __PACKAGE_VERSION__: '"test"' },
    logLevel: 'error',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runChild(seed: number): { weights: string; checkpoint: string; losses: number[] } {
  const out = execFileSync(process.execPath, [bundle, '--child', String(seed)], {
    cwd: pkg,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1) as string);
}

describe('same seed → bitwise-identical training across processes', () => {
  it('two child processes and this process agree on weights, optimiser state and losses', async () => {
    const a = runChild(1234);
    const b = runChild(1234);
    const here = await trainFingerprint(1234);
    expect(a.losses.length).toBe(9);
    expect(b).toEqual(a);
    expect(here).toEqual(a);
    const other = runChild(1235);
    expect(other.weights).not.toBe(a.weights);
  });
});
