import { describe, expect, it } from 'vitest';
import { SeedSequence } from '../src/index.js';

// Values quoted in ../shared/reference/numpy-random.md (§1), measured on numpy 2.4.6.
describe('SeedSequence', () => {
  it('mixes SeedSequence(42) into the pool NumPy has', () => {
    expect(Array.from(new SeedSequence(42).pool)).toEqual([0x631d3606, 0x07ae90ae, 0x6fc4be28, 0x2ced5c75]);
  });
  it('generates Philox(42)’s key', () => {
    expect(Array.from(new SeedSequence(42).generateState(2, 'uint64'))).toEqual([
      0x9f1e2e6dcd540ab7n,
      0xd57873dc79fb94b6n,
    ]);
  });
  it('treats [], 0 and [0] alike', () => {
    const a = Array.from(new SeedSequence([]).pool);
    expect(Array.from(new SeedSequence(0).pool)).toEqual(a);
    expect(Array.from(new SeedSequence([0]).pool)).toEqual(a);
  });
  it('refuses negative, fractional and unsafe numbers', () => {
    expect(() => new SeedSequence(-1)).toThrow(/non-negative/);
    expect(() => new SeedSequence(1.5)).toThrow(TypeError);
    expect(() => new SeedSequence(Number.NaN)).toThrow(TypeError);
    expect(() => new SeedSequence(2 ** 60)).toThrow(/bigint/);
  });
});
