// Derive throughput of the built package: `npm run build && npm run bench` (node bench/derive.mjs).
import { rootSeed } from '../dist/index.js';

function measure(label, fn, ms = 1000) {
  for (let i = 0; i < 20_000; i++) fn(i); // warm up
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (let i = 0; i < 10_000; i++) fn(n + i);
    n += 10_000;
    t = performance.now();
  }
  const rate = (n / (t - t0)) * 1000;
  console.log(`${label.padEnd(58)} ${Math.round(rate).toLocaleString('en-US').padStart(12)} /s`);
  return rate;
}

const root = rootSeed(42);
let sink = 0;
const names = Array.from({ length: 64 }, (_, i) => `layer${i}`);
let last;
const r1 = measure("derive('model', 'layer', i)  (3 segments, cached names)", (i) => {
  last = root.derive('model', 'layer', i & 0x7fffffff);
});
measure("derive('model', 'layer', i).spawnKey  (+ spawn-key words)", (i) => {
  sink ^= root.derive('model', 'layer', i & 0x7fffffff).spawnKey.length;
});
measure('derive(names[i % 64], i, j)  (3 segments, 64 names)', (i) => {
  last = root.derive(names[i & 63], i & 0x7fffffff, 7);
});
measure("derive('a').derive('b').derive(i)  (chained)", (i) => {
  sink ^= root
    .derive('a')
    .derive('b')
    .derive(i & 0x7fffffff).spawnKey.length;
});
measure("derive('model', 'layer', i).uint32()  (derive + mix + word)", (i) => {
  sink ^= root.derive('model', 'layer', i & 0x7fffffff).uint32();
});
measure('derive("run-" + i)  (uncached string: SHA-256 each time)', (i) => {
  sink ^= root.derive(`run-${i}`).spawnKey.length;
});
const recording = rootSeed(42, { record: true });
measure("derive('model', 'layer', i % 1000) with recording on", (i) => {
  sink ^= recording.derive('model', 'layer', i % 1000).spawnKey.length;
});
console.log(
  `target: >= 500,000 3-segment derives/s: ${r1 >= 500_000 ? 'met' : 'NOT met'} (${sink & 0}${last ? '' : '?'})`,
);
