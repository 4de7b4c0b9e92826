import { SeedSequence } from '@seedkit/core';
import { expect, it } from 'vitest';

// Placeholder-free starting point for the cross-framework suite: the published core build spawns children
// that equal sequences built with the same spawn key, which every adapter relies on.
it('spawned children equal sequences built from their spawn keys', () => {
  const root = new SeedSequence(12345);
  const [a, b] = root.spawn(2);
  expect(Array.from(a!.generateState(8))).toEqual(
    Array.from(new SeedSequence(12345, { spawnKey: [0] }).generateState(8)),
  );
  expect(Array.from(b!.generateState(8))).toEqual(
    Array.from(new SeedSequence(12345, { spawnKey: [1] }).generateState(8)),
  );
  expect(Array.from(a!.generateState(8))).not.toEqual(Array.from(b!.generateState(8)));
});
