#!/usr/bin/env node
// The unified-seeding demo: one root seed, and what every framework gets from it.
// It grows with the adapters; today it shows the core protocol's seeds.
import { parseArgs } from 'node:util';
import { SeedSequence, VERSION } from '@seedkit/core';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '42' },
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
  },
});
if (!/^\d+$/.test(values.seed)) {
  console.error(`--seed must be a non-negative integer, got ${JSON.stringify(values.seed)}`);
  process.exit(2);
}
const seed = BigInt(values.seed);
const root = new SeedSequence(seed);
const hex = (w) => `0x${w.toString(16).padStart(8, '0')}`;

console.log(`seedkit ${VERSION} — unified seeding demo, root seed ${seed}`);
console.log(`root pool (NumPy SeedSequence(${seed})): ${Array.from(root.pool, hex).join(' ')}`);
const children = root.spawn(3);
for (const [i, child] of children.entries()) {
  console.log(
    `child ${i} (spawn key [${child.spawnKey}]): ${Array.from(child.generateState(4), hex).join(' ')}`,
  );
}
if (values.json) {
  console.log(
    JSON.stringify({
      seed: Number(seed),
      pool: Array.from(root.pool),
      children: children.map((c) => Array.from(c.generateState(4))),
    }),
  );
}
