#!/usr/bin/env node
// Packs every publishable package as pnpm publishes it and checks the tarball: workspace:* rewritten,
// only whitelisted files, README and LICENSE present.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dest = mkdtempSync(join(tmpdir(), 'seedkit-packs-'));
execFileSync(
  'npx',
  ['-y', 'pnpm@12.4.2', '-r', '--filter', './packages/*', 'pack', '--pack-destination', dest],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
let problems = 0;
const tarballs = readdirSync(dest).filter((f) => f.endsWith('.tgz'));
for (const t of tarballs) {
  const file = join(dest, t);
  const list = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n');
  const manifest = execFileSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' });
  const bad = [];
  if (manifest.includes('workspace:')) bad.push('a workspace: range was not rewritten');
  for (const must of [
    'package/README.md',
    'package/LICENSE',
    'package/dist/index.js',
    'package/dist/index.cjs',
  ]) {
    if (!list.includes(must)) bad.push(`missing ${must}`);
  }
  const stray = list.filter(
    (f) =>
      !/^package\/(dist\/|README\.md$|LICENSE$|package\.json$|CHANGELOG\.md$|PROTOCOL\.md$|python\/|wasm\/)/.test(
        f,
      ),
  );
  if (stray.length) bad.push(`files outside the whitelist: ${stray.join(', ')}`);
  console.log(`${t}: ${list.length} files${bad.length ? ` — ${bad.join('; ')}` : ', ok'}`);
  problems += bad.length;
}
rmSync(dest, { recursive: true, force: true });
if (tarballs.length < 4 || problems) {
  console.error(`pack check failed (${tarballs.length} tarballs, ${problems} problems)`);
  process.exit(1);
}
