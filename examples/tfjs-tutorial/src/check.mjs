#!/usr/bin/env node
// The example's test: run it twice in two processes with the same seed (identical output required), and once
// with another seed (every seeded line must differ). Exit code 1 on a mismatch.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./main.mjs', import.meta.url));
const run = (seed) =>
  execFileSync(process.execPath, [main, '--seed', String(seed), '--epochs', '2'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => /^\s*(\d\.|fitDataset|trained)/.test(l));

const a = run(42);
const b = run(42);
const c = run(43);
let failed = false;
const fail = (msg) => {
  console.error(`FAIL: ${msg}`);
  failed = true;
};
if (a.length !== 6) fail(`expected 6 seeded lines, got ${a.length}:\n${a.join('\n')}`);
if (a.join('\n') !== b.join('\n'))
  fail(`two processes with seed 42 differ:\n${a.join('\n')}\n---\n${b.join('\n')}`);
a.forEach((line, i) => {
  if (line === c[i]) fail(`seed 43 gives the same line as seed 42: ${line}`);
});
if (failed) process.exit(1);
console.log(
  `ok: seed 42 gives identical output in two processes (${a.length} seeded lines); seed 43 differs on every line`,
);
