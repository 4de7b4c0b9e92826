#!/usr/bin/env node
// Runs the JavaScript twin and compares its output, line by line, with what snippet.py printed under
// NumPy: the committed expected-<seed>.txt files (made by `pnpm expected`), or with --live a fresh
// python3 run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('..', import.meta.url));
const live = process.argv.includes('--live');
let failures = 0;
for (const seed of ['42', '7', ...(live ? ['0', '123456789', '4294967295'] : [])]) {
  const js = execFileSync(process.execPath, ['src/main.mjs', seed], { cwd: dir, encoding: 'utf8' });
  const py = live
    ? execFileSync('python3', ['snippet.py', seed], { cwd: dir, encoding: 'utf8' })
    : readFileSync(`${dir}/expected-${seed}.txt`, 'utf8');
  const a = js.trimEnd().split('\n');
  const b = py.trimEnd().split('\n');
  const bad = b.filter((line, i) => a[i] !== line);
  if (a.length !== b.length || bad.length) {
    failures++;
    console.error(`seed ${seed}: ${bad.length} of ${b.length} lines differ`);
    for (const line of bad) console.error(`  python: ${line}\n  js:     ${a[b.indexOf(line)]}`);
  } else {
    console.log(`seed ${seed}: ${b.length} lines identical to NumPy${live ? ' (live)' : ''}`);
  }
}
process.exit(failures ? 1 : 0);
